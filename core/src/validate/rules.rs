//! The rules that relate one field to another, run after the walker: currencies allowed per kind,
//! amounts normalized for the currency, due dates not in the past, tax ids and postal codes read
//! for the payer's country, installment counts per payment method, subscriptions, and card fields
//! sent all together (the card's own expiry, CVV and length rules are in `crate::card`).

use serde_json::{Map, Value};

use super::fields::{
    CAPTURE, CHARGE, CHECKOUT, H2H_FIELDS, PAYMENT_LINK, PIX_CHARGE, REFUND, WALLET,
};
use super::public::{CardKeys, FLAT_CARD};
use super::walker::Validator;
use super::{CHARGE_CURRENCIES, PIX_CURRENCIES, RequestKind, TYPE_CHARGES, WALLET_CURRENCIES};
use crate::card::{
    CardBrand, card_brand, card_digits, cvv_length, cvv_ok, expiry_month, expiry_year, is_expired,
};
use crate::codes::IssueCode;
use crate::error::quote;
use crate::formats::{BR_STATES, is_postal_code};
use crate::money::{AmountArg, Currency, ExactDecimal};
use crate::schedule::{Date, parse_date};
use crate::tax_id::{is_country_code, validate_tax_id_at};

impl Validator {
    /// Reads the currency, checking it against the allowed set.
    pub(super) fn currency(
        &mut self,
        obj: &Map<String, Value>,
        allowed: &[Currency],
    ) -> Option<Currency> {
        let Some(Value::String(code)) = obj.get("currency") else {
            return None;
        };
        if code.trim().is_empty() {
            return None;
        }
        match Currency::from_code(code) {
            Ok(c) if allowed.contains(&c) => Some(c),
            _ => {
                let list: Vec<&str> = allowed.iter().map(|c| c.code()).collect();
                self.push(
                    IssueCode::CurrencyNotSupported,
                    "currency",
                    format!(
                        "currency {} is not supported here; use {}",
                        quote(code),
                        list.join(", ")
                    ),
                );
                None
            }
        }
    }

    /// Normalizes an amount field in place. Without a currency, the amount is still read and
    /// bounds-checked with two decimals, but not rewritten.
    pub(super) fn amount(
        &mut self,
        obj: &Map<String, Value>,
        key: &'static str,
        currency: Option<Currency>,
    ) {
        let (text, is_text) = match obj.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => (s.clone(), true),
            Some(Value::Number(n)) => (n.to_string(), false),
            _ => return,
        };
        let exact = match ExactDecimal::from_arg(AmountArg::Text(&text), key) {
            Ok(e) => e,
            Err(e) => {
                self.issues.push(e.into_issue());
                return;
            }
        };
        match exact.normalize(currency.unwrap_or(Currency::Brl), key) {
            Ok(n) => {
                if currency.is_some() {
                    if n.rounded {
                        self.push(
                            IssueCode::AmountRounded,
                            key,
                            format!("{key} {text} is sent as {}", n.amount),
                        );
                    }
                    // On the wire an amount is a JSON number with exactly the normalized digits. A
                    // number that reads back as the one given (150.0 for 150.00: serde_json keeps
                    // a binary number) would be sent unchanged, so the payload is not copied for it.
                    if let Some(num) = n.wire_number()
                        && (is_text || !matches!(obj.get(key), Some(Value::Number(m)) if *m == num))
                    {
                        self.rewrite(Some(key), Some(Value::Number(num)));
                    }
                }
            }
            Err(e) => self.issues.push(e.into_issue()),
        }
    }

    pub(super) fn text_of<'o>(obj: &'o Map<String, Value>, key: &str) -> Option<&'o str> {
        match obj.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
            _ => None,
        }
    }

    fn due_date(&mut self, obj: &Map<String, Value>) -> Option<Date> {
        let date = parse_date(Self::text_of(obj, "due_date")?, "due_date").ok()?;
        if date < self.today {
            self.push(
                IssueCode::DueDateInPast,
                "due_date",
                format!("due_date {date} is before today ({})", self.today),
            );
        }
        Some(date)
    }

    /// The country for tax ids and postal codes: the address's, else the currency's.
    fn country(address: Option<&Map<String, Value>>, currency: Option<Currency>) -> Option<String> {
        address
            .and_then(|a| Self::text_of(a, "country"))
            .filter(|c| is_country_code(c))
            .map(str::to_string)
            .or_else(|| currency.and_then(Currency::country).map(str::to_string))
    }

    fn address_rules(&mut self, obj: &Map<String, Value>, country: Option<&str>) {
        let Some(Value::Object(addr)) = obj.get("payer_address") else {
            return;
        };
        let Some(country) = country else { return };
        if let Some(code) = Self::text_of(addr, "postal_code")
            && !is_postal_code(code, country)
        {
            self.push(
                IssueCode::InvalidPostalCode,
                "payer_address.postal_code",
                format!(
                    "payer_address.postal_code {} is not a postal code of {country}",
                    quote(code)
                ),
            );
        }
        if country == "BR"
            && let Some(state) = Self::text_of(addr, "state")
            && !BR_STATES.contains(&state)
        {
            self.push(
                IssueCode::InvalidState,
                "payer_address.state",
                format!(
                    "payer_address.state {} is not one of Brazil's 27 UFs (SP, RJ, …)",
                    quote(state)
                ),
            );
        }
    }

    fn tax_id(&mut self, obj: &Map<String, Value>, country: Option<&str>) {
        let (Some(value), Some(country)) = (Self::text_of(obj, "payer_tax_id"), country) else {
            return;
        };
        if let Err(e) = validate_tax_id_at(value, country, "payer_tax_id") {
            self.issues.push(e.into_issue());
        }
    }

    pub(super) fn charge(&mut self, obj: &Map<String, Value>, pix: bool) {
        self.object(obj, if pix { PIX_CHARGE } else { CHARGE }, "");
        let currency = self.currency(
            obj,
            if pix {
                &PIX_CURRENCIES
            } else {
                &CHARGE_CURRENCIES
            },
        );
        self.amount(
            obj,
            if pix { "amount" } else { "installment_value" },
            currency,
        );
        let due = self.due_date(obj);
        let address = match obj.get("payer_address") {
            Some(Value::Object(a)) => Some(a),
            _ => None,
        };
        let country = Self::country(address, currency);
        self.tax_id(obj, country.as_deref());
        self.address_rules(obj, country.as_deref());
        if pix {
            return;
        }
        let type_charge = Self::text_of(obj, "type_charge").filter(|t| TYPE_CHARGES.contains(t));
        let is_card = matches!(type_charge, Some("credit_card" | "debit_card"));
        let subscription = match obj.get("subscription") {
            Some(Value::Object(s)) => Some(s.clone()),
            _ => None,
        };
        // Installment count: 1–12 for credit cards, exactly 1 otherwise and for subscriptions.
        if let Some(count) = obj.get("installment_count").and_then(Value::as_i64) {
            let max = if type_charge == Some("credit_card") || type_charge.is_none() {
                12
            } else {
                1
            };
            let max = if subscription.is_some() { 1 } else { max };
            if !(1..=max).contains(&count) {
                let why = if subscription.is_some() {
                    "a subscription's charge has exactly 1 installment".to_string()
                } else if max == 1 {
                    format!(
                        "{} charges have exactly 1 installment",
                        type_charge.unwrap_or("these")
                    )
                } else {
                    "installment_count must be between 1 and 12 for credit cards".to_string()
                };
                self.push(IssueCode::InvalidInstallmentCount, "installment_count", why);
            }
        }
        if let Some(sub) = &subscription {
            if type_charge.is_some() && !is_card {
                self.push(
                    IssueCode::InvalidSubscription,
                    "subscription",
                    "a subscription needs type_charge credit_card or debit_card",
                );
            }
            let end = Self::text_of(sub, "end_date").and_then(|e| parse_date(e, "end_date").ok());
            if let (Some(end), Some(due)) = (end, due)
                && end < due
            {
                self.push(
                    IssueCode::InvalidSubscription,
                    "subscription.end_date",
                    format!("subscription.end_date {end} is before due_date {due}"),
                );
            }
        }
        self.card(obj);
    }

    fn card(&mut self, obj: &Map<String, Value>) {
        let present = H2H_FIELDS.map(|k| !matches!(obj.get(k), None | Some(Value::Null)));
        if !present.contains(&true) {
            return;
        }
        let absent = H2H_FIELDS.iter().zip(present).filter(|(_, p)| !p);
        for (missing, _) in absent {
            self.push(
                IssueCode::RequiredField,
                missing,
                format!(
                    "{missing} is required when card fields are sent: send all five of {} or none",
                    H2H_FIELDS.join(", ")
                ),
            );
        }
        self.card_rules(obj, &FLAT_CARD);
        let threeds = obj.get("threeds_authentication") == Some(&Value::Bool(true));
        if threeds {
            self.device_info(obj);
        }
    }

    /// The rules between a card's own fields: the CVV's length for the brand, the expiry date.
    /// `keys` says where the fields sit: the flat names of a charge, or the browser SDK's `card`
    /// object (`obj` is then that object).
    pub(super) fn card_rules(&mut self, obj: &Map<String, Value>, keys: &CardKeys) {
        let brand = Self::text_of(obj, keys.number)
            .and_then(card_digits)
            .map_or(CardBrand::Unknown, |d| card_brand(&d));
        if let Some(cvv) = Self::text_of(obj, keys.cvv)
            && !cvv_ok(cvv, brand)
        {
            let path = keys.path(keys.cvv);
            self.push(
                IssueCode::InvalidCvc,
                &path,
                format!("{path} must be {} digits for this card", cvv_length(brand)),
            );
        }
        let month = Self::text_of(obj, keys.month).and_then(expiry_month);
        let year = Self::text_of(obj, keys.year).and_then(expiry_year);
        if let (Some(m), Some(y)) = (month, year)
            && is_expired(m, y, self.today)
        {
            self.push(
                IssueCode::ExpiredCard,
                keys.path(keys.year),
                format!("the card expired at the end of {y:04}-{m:02}"),
            );
        }
    }

    /// 3DS with card fields needs the payer's device.
    fn device_info(&mut self, obj: &Map<String, Value>) {
        {
            match obj.get("device_info") {
                Some(Value::Object(info)) => {
                    for key in ["ip_address", "user_agent"] {
                        if Self::text_of(info, key).is_none() {
                            let path = format!("device_info.{key}");
                            self.push(
                                IssueCode::MissingDeviceInfo,
                                &path,
                                format!("{path} is required for 3DS with card fields"),
                            );
                        }
                    }
                }
                None | Some(Value::Null) => self.push(
                    IssueCode::MissingDeviceInfo,
                    "device_info",
                    "threeds_authentication with card fields needs device_info with ip_address and user_agent",
                ),
                Some(_) => {}
            }
        }
    }

    pub(super) fn checkout(&mut self, obj: &Map<String, Value>) {
        self.object(obj, CHECKOUT, "");
        let currency = self.currency(obj, &CHARGE_CURRENCIES);
        self.amount(obj, "amount", currency);
        self.due_date(obj);
        if let Some(n) = obj.get("max_installments").and_then(Value::as_i64)
            && !(1..=12).contains(&n)
        {
            self.push(
                IssueCode::InvalidInstallmentCount,
                "max_installments",
                "max_installments must be between 1 and 12",
            );
        }
    }

    pub(super) fn payment_link(&mut self, obj: &Map<String, Value>) {
        self.object(obj, PAYMENT_LINK, "");
        let currency = self.currency(obj, &CHARGE_CURRENCIES);
        // A55's pages name the amount `value` or `amount`; every one sent is normalized.
        let mut sent = false;
        for key in ["value", "amount"] {
            if obj.get(key).is_some_and(|v| !v.is_null()) {
                self.amount(obj, key, currency);
                sent = true;
            }
        }
        if !sent {
            self.push(
                IssueCode::RequiredField,
                "value",
                "value (the link's amount) is required",
            );
        }
        if let Some(n) = obj.get("max_installment_count").and_then(Value::as_i64)
            && !(1..=12).contains(&n)
        {
            self.push(
                IssueCode::InvalidInstallmentCount,
                "max_installment_count",
                "max_installment_count must be between 1 and 12",
            );
        }
    }

    pub(super) fn wallet(&mut self, obj: &Map<String, Value>) {
        self.object(obj, WALLET, "");
        self.currency(obj, &WALLET_CURRENCIES);
    }

    pub(super) fn refund_or_capture(&mut self, obj: &Map<String, Value>, kind: RequestKind) {
        self.object(
            obj,
            if kind == RequestKind::Refund {
                REFUND
            } else {
                CAPTURE
            },
            "",
        );
        // A55 stores two decimals; the charge's currency is not part of this request, so amounts are
        // normalized to two decimals (the server truncates zero-decimal currencies itself).
        self.amount(obj, "amount", Some(Currency::Brl));
    }
}
