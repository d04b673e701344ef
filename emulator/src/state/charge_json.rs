//! A charge as A55 answers it, defined once for the two forms the emulator needs: JSON text for an
//! answer ([`ChargeRec::written`], no `Value` built on the way) and a `Value`
//! ([`ChargeRec::to_json`]) for the answers that add to it or list it.
//!
//! The fields are declared in alphabetical order, the order a `Value` keeps its keys in, so both
//! forms write the same text.

use a55_core::Decimal;
use a55_core::schedule::format_date;
use serde::Serialize;
use serde::ser::Serializer;
use serde_json::Value;
use serde_json::value::RawValue;

use super::clock::iso;
use super::records::ChargeRec;
use crate::fx;
use crate::json::{Exact, exact_str, num};

/// Which form is being written: JSON text, or a `Value` whose amounts are marked strings.
#[derive(Clone, Copy)]
enum Form {
    Text,
    Value,
}

/// An amount: in text a JSON number with exactly its digits; in a `Value`, [`num`]'s marked
/// string (written the same way by `crate::json::to_vec`).
struct Amount(Decimal, Form);

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.1 {
            Form::Value => num(self.0).serialize(s),
            Form::Text => {
                let text = self.0.to_string();
                match serde_json::from_str::<&RawValue>(&text) {
                    Ok(raw) => raw.serialize(s),
                    Err(_) => s.serialize_str(&text),
                }
            }
        }
    }
}

/// A `Value` kept in a record (a decline message, a PIX payload, a subscription), its marked
/// amounts written as numbers in text.
struct Nested<'a>(&'a Value, Form);

impl Serialize for Nested<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.1 {
            Form::Value => self.0.serialize(s),
            Form::Text => Exact(self.0).serialize(s),
        }
    }
}

/// A client's own text kept in a record (a description, a reference), written as the `Value` form
/// writes a string, so both forms answer the same text whatever it holds.
struct ClientText<'a>(&'a str, Form);

impl Serialize for ClientText<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.1 {
            Form::Value => s.serialize_str(self.0),
            Form::Text => exact_str(self.0, s),
        }
    }
}

#[derive(Serialize)]
struct InstallmentView<'a> {
    currency: &'a str,
    due_date: String,
    eur_currency: Option<Amount>,
    installment_number: usize,
    local_currency: Amount,
    status: &'a str,
    usd_currency: Option<Amount>,
}

#[derive(Serialize)]
struct ChargeView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    barcode: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    boleto_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    captured_amount: Option<Amount>,
    charge_payment_url: String,
    charge_uuid: &'a str,
    created_at: String,
    currency: &'a str,
    date: String,
    description: ClientText<'a>,
    due_date: String,
    eur_currency: Option<Amount>,
    installment_count: usize,
    installments: Vec<InstallmentView<'a>>,
    local_currency: Amount,
    message: Nested<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pix_payload: Option<Nested<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    refunded_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    return_code: Option<&'a str>,
    status: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subscription: Option<Nested<'a>>,
    transaction_reference: Option<ClientText<'a>>,
    #[serde(rename = "type")]
    type_charge: &'a str,
    updated_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url_3ds: Option<String>,
    usd_currency: Option<Amount>,
    wallet_uuid: &'a str,
}

const NULL: Value = Value::Null;

impl ChargeRec {
    fn view<'a>(
        &'a self,
        base_url: &str,
        form: Form,
        subscription: Option<&'a Value>,
    ) -> ChargeView<'a> {
        let amount = |d: Decimal| Amount(d, form);
        let currency = self.currency.code();
        let status = self.status.as_str();
        let installments = self
            .installments
            .iter()
            .enumerate()
            .map(|(i, (value, due))| {
                let (usd, eur) = fx::equivalents(*value, self.currency);
                InstallmentView {
                    currency,
                    due_date: format_date(*due),
                    eur_currency: eur.map(amount),
                    installment_number: i + 1,
                    local_currency: amount(*value),
                    status,
                    usd_currency: usd.map(amount),
                }
            })
            .collect();
        let total = self.total();
        let (usd, eur) = fx::equivalents(total, self.currency);
        ChargeView {
            barcode: self.boleto.as_ref().map(|(_, barcode)| barcode.as_str()),
            boleto_url: self.boleto.as_ref().map(|(url, _)| url.as_str()),
            captured_amount: self.captured.map(amount),
            charge_payment_url: format!("{base_url}/pay/charge/{}", self.charge_uuid),
            charge_uuid: &self.charge_uuid,
            created_at: iso(self.created_at),
            currency,
            date: format_date(self.date),
            description: ClientText(&self.description, form),
            due_date: format_date(self.due_date),
            eur_currency: eur.map(amount),
            installment_count: self.installments.len(),
            installments,
            local_currency: amount(total),
            message: Nested(self.message.as_ref().unwrap_or(&NULL), form),
            pix_payload: self.pix_payload.as_ref().map(|p| Nested(p, form)),
            refunded_amount: (!self.refunded.is_zero()).then(|| amount(self.refunded)),
            return_code: self.return_code.as_deref(),
            status,
            subscription: subscription.map(|s| Nested(s, form)),
            transaction_reference: self
                .reference_external_id
                .as_deref()
                .map(|r| ClientText(r, form)),
            type_charge: self.type_charge.as_str(),
            updated_at: iso(self.updated_at),
            url_3ds: (self.status == a55_core::status::ChargeStatus::Pending && self.threeds)
                .then(|| format!("{base_url}/3ds/{}", self.charge_uuid)),
            usd_currency: usd.map(amount),
            wallet_uuid: &self.wallet_uuid,
        }
    }

    /// The charge as A55 answers it, as a `Value` (amounts as [`num`] marks them).
    pub fn to_json(&self, base_url: &str) -> Value {
        serde_json::to_value(self.view(base_url, Form::Value, None)).unwrap_or(NULL)
    }

    /// The charge as A55 answers it, as JSON text, with the `subscription` a charge that starts
    /// one carries: the text `crate::json::to_vec` writes for [`ChargeRec::to_json`] with it added.
    pub fn written(&self, base_url: &str, subscription: Option<&Value>) -> Vec<u8> {
        crate::json::written(&self.view(base_url, Form::Text, subscription))
    }
}

#[cfg(test)]
mod tests {
    use a55_core::models::TypeCharge;
    use a55_core::money::Currency;
    use a55_core::schedule::parse_date;
    use a55_core::status::ChargeStatus;
    use serde_json::json;

    use super::*;
    use crate::json::to_vec;

    fn card(currency: Currency, parts: &[(i64, u32)]) -> ChargeRec {
        let due = parse_date("2030-12-31", "due_date").unwrap();
        let mut rec = ChargeRec::blank("c1".into(), "w1".into(), currency, due, 1_900_000_000);
        rec.type_charge = TypeCharge::CreditCard;
        rec.status = ChargeStatus::Confirmed;
        rec.installments = parts
            .iter()
            .map(|&(m, s)| (Decimal::new(m, s), due))
            .collect();
        rec.description = "Order \"42\" — São Paulo".into();
        rec.updated_at = 1_900_000_100;
        rec
    }

    /// Records of every shape a charge answer takes.
    fn records() -> Vec<ChargeRec> {
        let mut out = vec![
            card(Currency::Brl, &[(15000, 2), (15000, 2), (15000, 2)]),
            card(Currency::Clp, &[(1, 0)]),
            card(Currency::Usd, &[(3334, 2), (3333, 2), (3333, 2)]),
            card(Currency::Ars, &[(10005, 3)]),
        ];
        let mut pending = card(Currency::Brl, &[(5000, 2)]);
        pending.status = ChargeStatus::Pending;
        pending.threeds = true;
        out.push(pending);
        let mut pix = card(Currency::Brl, &[(1990, 2)]);
        pix.type_charge = TypeCharge::Pix;
        pix.status = ChargeStatus::Issued;
        pix.pix_payload = Some(json!({"qr_code": "000201…", "amount": num(Decimal::new(1990, 2))}));
        out.push(pix);
        let mut boleto = card(Currency::Brl, &[(10000, 2)]);
        boleto.boleto = Some(("https://x/boleto".into(), "2379…".into()));
        boleto.reference_external_id = Some("ORDER-9".into());
        out.push(boleto);
        // A client's text that starts with the amounts' mark: the same in both forms.
        let mut marked = card(Currency::Brl, &[(10000, 2)]);
        marked.description = "\u{E000}123".into();
        marked.reference_external_id = Some("\u{E000}x".into());
        out.push(marked);
        let mut refunded = card(Currency::Brl, &[(10000, 2)]);
        refunded.refunded = Decimal::new(2550, 2);
        refunded.captured = Some(Decimal::new(10000, 2));
        out.push(refunded);
        let mut declined = card(Currency::Mxn, &[(10000, 2)]);
        declined.status = ChargeStatus::Unknown("declined".into());
        declined.message = Some(json!([{"message": "declined", "code": "51"}]));
        declined.return_code = Some("51".into());
        out.push(declined);
        out
    }

    #[test]
    fn both_forms_write_the_same_text() {
        let sub = json!({"subscription_uuid": "s1", "amount": num(Decimal::new(4500, 2))});
        for rec in records() {
            let mut value = rec.to_json("http://e");
            assert_eq!(rec.written("http://e", None), to_vec(&value));
            value
                .as_object_mut()
                .unwrap()
                .insert("subscription".into(), sub.clone());
            let text = rec.written("http://e", Some(&sub));
            assert_eq!(text, to_vec(&value));
            // Amounts keep their digits.
            let text = String::from_utf8(text).unwrap();
            assert!(text.contains("\"amount\":45.00"), "{text}");
        }
        let seed = &records()[0];
        let text = String::from_utf8(seed.written("http://e", None)).unwrap();
        assert!(text.contains("\"local_currency\":450.00"), "{text}");
        assert!(text.contains("\"usd_currency\":26.90"), "{text}");
    }
}
