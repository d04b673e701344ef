//! A charge's status over its life, in core's [`ChargeStatus`]: the first status by method (card
//! authorization, PIX payload, boleto line), the sandbox card table, the transitions a stored charge
//! may make (each notifying its webhook), the 3DS challenge's completion, and settlement.
//!
//! ```text
//! issued ──pay──▶ confirmed | error | pending (public pay, hosted pages; pending: 3DS)
//! issued ──pay──▶ paid                       (control: a PIX or boleto paid)
//! pending ─3DS─▶ confirmed | error
//! confirmed ───▶ paid (settle, capture) | canceled | refunded
//! issued | pending ───▶ canceled
//! paid ────────▶ refunded
//! ```

use a55_core::models::TypeCharge;
use a55_core::status::{ChargeStatus, CheckoutStatus};
use tokio::time::Instant;

use crate::app::Shared;
use crate::errors::Msg;
use crate::pix::pix_payload;
use crate::state::{ChargeRec, Settlements, WalletRec, iso};
use crate::webhooks;

/// Whether a stored charge may move from `from` to `to`.
pub fn may_move(from: &ChargeStatus, to: &ChargeStatus) -> bool {
    use ChargeStatus::{Canceled, Confirmed, Error, Issued, Paid, Pending, Refunded};
    matches!(
        (from, to),
        (Issued, Pending | Confirmed | Error | Paid | Canceled)
            | (Pending, Confirmed | Error | Canceled)
            | (Confirmed, Paid | Canceled | Refunded)
            | (Paid, Refunded)
    )
}

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
            charge.status = ChargeStatus::Confirmed;
            charge.return_code = Some(if digit == 4 { "6" } else { "4" }.into());
            charge.message = None;
        }
        Err((code, description)) => {
            charge.status = ChargeStatus::Error;
            charge.return_code = Some(code.into());
            let msg = Msg::new(
                "CARD_DECLINED",
                "acquirer",
                &format!("{description} (return code {code})"),
                None,
            );
            charge.message = serde_json::to_value(vec![msg]).ok();
        }
    }
}

/// Decides a new charge's first status by its method.
pub fn start_charge(app: &Shared, charge: &mut ChargeRec, wallet: &WalletRec) {
    match charge.type_charge {
        TypeCharge::CreditCard | TypeCharge::DebitCard if charge.card_digit.is_some() => {
            if charge.threeds {
                charge.status = ChargeStatus::Pending;
            } else {
                authorize_card(app, charge);
            }
        }
        TypeCharge::Pix => {
            let expires = iso(app.clock.now() + 86_400);
            charge.pix_payload = Some(pix_payload(
                app,
                &charge.charge_uuid,
                charge.total(),
                &wallet.name,
                &expires,
            ));
        }
        TypeCharge::Boleto => {
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

/// Stores a new charge and notifies its webhook of the first status.
pub fn save_and_notify(app: &Shared, charge: ChargeRec) {
    webhooks::notify(app, &charge);
    app.store().insert_charge(charge);
}

/// Moves a stored charge to a new status and notifies its webhook. The same status again changes
/// nothing; a move the lifecycle does not allow is refused with the charge as it is.
pub fn transition(
    app: &Shared,
    charge_uuid: &str,
    status: ChargeStatus,
) -> Option<Result<ChargeRec, ChargeRec>> {
    let now = app.clock.now();
    let updated = {
        let mut store = app.store();
        let current = store.charge(charge_uuid)?.status.clone();
        if current == status {
            return store.charge(charge_uuid).cloned().map(Ok);
        }
        if !may_move(&current, &status) {
            return store.charge(charge_uuid).cloned().map(Err);
        }
        store.set_status(charge_uuid, status, now)?
    };
    webhooks::notify(app, &updated);
    Some(Ok(updated))
}

/// Completes a pending 3DS challenge: the card's digit then decides (confirmed or declined). A
/// charge not pending is answered as it is; a charge of a hosted checkout completes its session
/// when confirmed.
pub fn complete_3ds(app: &Shared, id: &str) -> Option<ChargeRec> {
    let mut charge = app.store().charge(id).cloned()?;
    if charge.status != ChargeStatus::Pending {
        return Some(charge);
    }
    authorize_card(app, &mut charge);
    if let Some(c) = app.store().charge_mut(id) {
        c.return_code = charge.return_code.clone();
        c.message = charge.message.clone();
    }
    let updated = transition(app, id, charge.status).map(|r| r.unwrap_or_else(|c| c))?;
    record_checkout_payment(app, &updated);
    schedule_settlement(app, &updated);
    Some(updated)
}

/// Records a hosted checkout's payment attempt on its session: the session keeps the latest
/// charge, and a single-use session (not a payment link) is `completed` once a charge is confirmed
/// or paid. A charge of no checkout is left alone.
pub fn record_checkout_payment(app: &Shared, charge: &ChargeRec) {
    let Some(checkout_uuid) = &charge.checkout_uuid else {
        return;
    };
    let mut store = app.store();
    if let Some(c) = store.checkouts.get_mut(checkout_uuid) {
        if !c.payment_link && charge.status.is_success() {
            c.status = CheckoutStatus::Completed;
        }
        c.charge_uuid = Some(charge.charge_uuid.clone());
    }
}

/// Turns a captured `confirmed` charge into `paid` after the settle delay.
pub fn schedule_settlement(app: &Shared, charge: &ChargeRec) {
    let Some(delay) = app.config.settle_delay else {
        return;
    };
    if charge.status != ChargeStatus::Confirmed || !charge.capture {
        return;
    }
    if app.settlements.push(delay, charge.charge_uuid.clone()) {
        let app = app.clone();
        tokio::spawn(async move { settle_due(&app).await });
    }
}

/// The settling task: each charge as it falls due, `paid` if it is still a captured `confirmed`
/// charge then. Ends when no charge waits.
async fn settle_due(app: &Shared) {
    /// Marks the task stopped if it ends any other way than finding the queue empty.
    struct Running<'a>(Option<&'a Settlements>);
    impl Drop for Running<'_> {
        fn drop(&mut self) {
            if let Some(settlements) = self.0 {
                settlements.stopped();
            }
        }
    }
    let mut running = Running(Some(&app.settlements));
    let mut due = Vec::new();
    loop {
        let next = app.settlements.take_due(Instant::now(), &mut due);
        if due.is_empty() {
            match next {
                Some(at) => tokio::time::sleep_until(at).await,
                None => {
                    // `take_due` marked it stopped; a charge pushed since has started another.
                    running.0 = None;
                    return;
                }
            }
            continue;
        }
        for id in due.drain(..) {
            let still_confirmed = app
                .store()
                .charge(&id)
                .is_some_and(|c| c.status == ChargeStatus::Confirmed && c.capture);
            if still_confirmed {
                transition(app, &id, ChargeStatus::Paid);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_statuses_never_move() {
        for from in ChargeStatus::KNOWN.iter().filter(|s| s.is_terminal()) {
            for to in ChargeStatus::KNOWN {
                assert!(!may_move(from, to), "{from} -> {to}");
            }
        }
        assert!(may_move(&ChargeStatus::Confirmed, &ChargeStatus::Paid));
        assert!(!may_move(&ChargeStatus::Paid, &ChargeStatus::Canceled));
    }
}
