//! `POST /api/v1/bank/public/setup-authentication`: the 3DS device-data set-up A55's browser SDK
//! calls before paying. The answer has A55's shape, `access_token` (a JWT), `reference_id` and
//! `device_data_collection_url`, which points at the emulator's own collection page
//! (`/device-data-collection`, in `src/pages/threeds.rs`) instead of Cardinal Commerce's.
//!
//! The JWT is unsigned (`alg: none`): it carries the reference id to the collection page and
//! nothing about the card. Nothing is stored; the set-up decides no outcome.

use a55_core::validate::validate_threeds_setup;
use axum::Extension;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

use super::idempotency::idempotent;
use super::text;
use crate::app::{PendingDelay, Shared};
use crate::errors::{Shape, validation_reply};
use crate::state::uuid_from;

/// The set-up's body, as A55's browser SDK sends it (core's `validate_threeds_setup` checks it).
#[derive(schemars::JsonSchema)]
#[allow(dead_code)] // Only its schema is used: the handler validates the JSON with core's rules.
pub(super) struct SetupBody {
    /// The charge (or order) being paid.
    transaction_reference: String,
    /// `Visa`, `MasterCard`, `AmericanExpress`, `Discover`, `JCB`, `DinersClub`, `Hipercard`, `Elo`.
    card_brand: String,
    /// `MM`.
    card_expiry_month: String,
    /// `YYYY`.
    card_expiry_year: String,
    /// The card's number.
    card_number: String,
}

/// What the set-up answers.
#[derive(schemars::JsonSchema)]
#[allow(dead_code)] // Only its schema is used: the handler writes the same names.
pub(super) struct SetupAnswer {
    /// An unsigned JWT carrying `reference_id`.
    access_token: String,
    /// The device-data collection's reference.
    reference_id: String,
    /// The emulator's collection page.
    device_data_collection_url: String,
}

/// How long the set-up's JWT is good for, in seconds.
const JWT_TTL: i64 = 600;

/// The unsigned JWT of a set-up: the reference id, the transaction it is for, and its times.
fn jwt(reference_id: &str, transaction_reference: &str, now: i64) -> String {
    let header = json!({"alg": "none", "typ": "JWT"});
    let claims = json!({
        "jti": reference_id,
        "iss": "a55-emulator",
        "iat": now,
        "exp": now + JWT_TTL,
        "ReferenceId": reference_id,
        "transaction_reference": transaction_reference,
    });
    format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

/// The reference id a set-up's JWT carries, if the text is one.
pub fn reference_of(token: &str) -> Option<String> {
    let claims = token.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(claims).ok()?;
    let claims: Value = serde_json::from_slice(&bytes).ok()?;
    text(&claims, "ReferenceId")
}

pub(super) async fn setup_authentication(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    body: Bytes,
) -> Response {
    idempotent(
        &app,
        &headers,
        delay,
        "POST setup-authentication",
        Shape::Charge,
        &body,
        true,
        move |app, _caller, body| {
            let issues = validate_threeds_setup(&body, Some(app.clock.today()));
            if let Some(r) = validation_reply(Shape::Charge, &issues) {
                return r;
            }
            let reference_id = uuid_from(&app.rng);
            let transaction = text(&body, "transaction_reference").unwrap_or_default();
            (
                StatusCode::OK,
                json!({
                    "access_token": jwt(&reference_id, &transaction, app.clock.now()),
                    "reference_id": reference_id,
                    "device_data_collection_url": format!("{}/device-data-collection", app.base_url()),
                }),
            )
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::{jwt, reference_of};

    #[test]
    fn the_jwt_carries_the_reference_id() {
        let token = jwt("ref-1", "charge-1", 1_800_000_000);
        assert_eq!(token.matches('.').count(), 2);
        assert_eq!(reference_of(&token).as_deref(), Some("ref-1"));
        assert_eq!(reference_of("not a jwt"), None);
        assert_eq!(reference_of("a.!!!.b"), None);
    }
}
