//! A charge's status over its life: the first status by method (card authorization, PIX payload,
//! boleto line), the sandbox card table, stored transitions with their webhooks, and settlement.

use serde_json::json;

use super::errors::Msg;
use super::pix::pix_payload;
use crate::server::Shared;
use crate::state::{ChargeRec, WalletRec, iso};
use crate::webhooks;

/// The acquirer's answer for a card, by the PAN's last digit (A55's sandbox table).
fn card_outcome(app: &Shared, digit: u8) -> Result<(), (&'static str, &'static str)> {
    match digit {
        0 | 1 | 4 => Ok(()),
        2 => Err(("05", "Not authorized")),
        3 => Err(("57", "Expired card")),
        5 => Err(("78", "Blocked card")),
        6 => Err(("99", "Timeout")),
        7 => Err(("77", "Canceled card")),
        8 => Err(("70", "Credit card problems")),
        _ => {
            if app.rng.next_u64().is_multiple_of(2) {
                Ok(())
            } else {
                Err(("99", "Timeout"))
            }
        }
    }
}

/// Applies the card outcome to a charge: confirmed, or error with the return code.
pub fn authorize_card(app: &Shared, charge: &mut ChargeRec) {
    let digit = charge.card_digit.unwrap_or(0);
    match card_outcome(app, digit) {
        Ok(()) => {
            charge.status = "confirmed".into();
            charge.return_code = Some(if digit == 4 { "6" } else { "4" }.into());
            charge.message = None;
        }
        Err((code, description)) => {
            charge.status = "error".into();
            charge.return_code = Some(code.into());
            charge.message = Some(json!([Msg::new(
                "CARD_DECLINED",
                "acquirer",
                &format!("{description} (return code {code})"),
                None
            )
            .to_json()]));
        }
    }
}

/// Decides a new charge's first status by its method.
pub(super) fn start_charge(app: &Shared, charge: &mut ChargeRec, wallet: &WalletRec) {
    match charge.type_charge.as_str() {
        "credit_card" | "debit_card" if charge.card_digit.is_some() => {
            if charge.threeds {
                charge.status = "pending".into();
            } else {
                authorize_card(app, charge);
            }
        }
        "pix" => {
            let expires = iso(app.clock.now() + 86_400);
            charge.pix_payload = Some(pix_payload(
                app,
                &charge.charge_uuid,
                charge.total(),
                &wallet.name,
                &expires,
            ));
        }
        "boleto" => {
            let digits: String = charge
                .charge_uuid
                .chars()
                .filter(char::is_ascii_digit)
                .chain("0".repeat(47).chars())
                .take(47)
                .collect();
            charge.boleto = Some((
                format!("{}/boleto/{}.pdf", app.base_url(), charge.charge_uuid),
                digits,
            ));
        }
        _ => {}
    }
}

/// Stores a charge and notifies its webhook of the first status.
pub(super) fn save_and_notify(app: &Shared, charge: ChargeRec) {
    webhooks::notify(app, &charge);
    let mut store = app.store();
    store.charge_order.push(charge.charge_uuid.clone());
    store.charges.insert(charge.charge_uuid.clone(), charge);
}

/// Moves a stored charge to a new status and notifies its webhook.
pub fn transition(app: &Shared, charge_uuid: &str, status: &str) -> Option<ChargeRec> {
    let updated = {
        let mut store = app.store();
        let charge = store.charges.get_mut(charge_uuid)?;
        if charge.status == status {
            return Some(charge.clone());
        }
        charge.status = status.to_string();
        charge.updated_at = app.clock.now();
        charge.clone()
    };
    webhooks::notify(app, &updated);
    Some(updated)
}

/// Turns a captured `confirmed` charge into `paid` after the settle delay.
pub fn schedule_settlement(app: &Shared, charge: &ChargeRec) {
    let Some(delay) = app.config.settle_delay else {
        return;
    };
    if charge.status != "confirmed" || !charge.capture {
        return;
    }
    let (app, id) = (app.clone(), charge.charge_uuid.clone());
    tokio::spawn(async move {
        tokio::time::sleep(delay).await;
        let still_confirmed = app
            .store()
            .charges
            .get(&id)
            .is_some_and(|c| c.status == "confirmed" && c.capture);
        if still_confirmed {
            transition(&app, &id, "paid");
        }
    });
}
