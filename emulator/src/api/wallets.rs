//! Wallets: create (`POST /api/v1/bank/wallet/`, seed 004) and look up (`GET`), and the check that a
//! wallet exists and the caller may act on it.

use a55_core::money::Currency;
use a55_core::validate::RequestKind;
use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::auth::{Caller, authorize};
use super::idempotency::idempotent;
use super::text;
use crate::app::{PendingDelay, Shared};
use crate::errors::{Msg, Shape, error, forbidden, validated, wallet_not_found};
use crate::json::{Reply, reply};
use crate::state::{ClientRec, Principal, WalletRec, uuid_from};

/// Checks the wallet exists and the caller may act on it.
pub(super) fn check_wallet(
    app: &Shared,
    caller: Option<&Caller>,
    wallet_uuid: &str,
    shape: Shape,
) -> Result<WalletRec, Reply> {
    let store = app.store();
    let wallet = store
        .wallets
        .get(wallet_uuid)
        .cloned()
        .ok_or_else(|| wallet_not_found(shape))?;
    if let Some(c) = caller
        && !store.may_act_on(&c.principal, wallet_uuid)
    {
        return Err(forbidden());
    }
    Ok(wallet)
}

pub(super) async fn create_wallet(
    State(app): State<Shared>,
    headers: HeaderMap,
    delay: Option<Extension<PendingDelay>>,
    body: Bytes,
) -> Response {
    idempotent(
        &app,
        &headers,
        delay,
        "POST wallet",
        Shape::Wallet,
        &body,
        false,
        move |app, caller, body| {
            let p = match validated(app, RequestKind::Wallet, Shape::Wallet, &body) {
                Ok(p) => p,
                Err(r) => return r,
            };
            let entity = text(&p, "entity_uuid").unwrap_or_default();
            match caller.map(|c| &c.principal) {
                Some(Principal::Platform { entity_uuid })
                    if entity_uuid.eq_ignore_ascii_case(&entity) => {}
                _ => return forbidden(),
            }
            let currency = text(&p, "currency")
                .and_then(|c| Currency::from_code(&c).ok())
                .unwrap_or(Currency::Brl);
            let merchant = text(&p, "merchant_uuid").unwrap_or_else(|| uuid_from(&app.rng));
            let mut store = app.store();
            if store.merchant_has_wallet(&merchant, currency) {
                return error(
                    Shape::Wallet,
                    StatusCode::CONFLICT,
                    &[Msg::new(
                        "errors.wallet.already_exists",
                        "wallet",
                        "Wallet already exists for this merchant and currency",
                        None,
                    )],
                );
            }
            let wallet = WalletRec {
                wallet_uuid: uuid_from(&app.rng),
                entity_uuid: entity,
                merchant_uuid: merchant,
                customer_id: text(&p, "customer_id").unwrap_or_default(),
                currency,
                name: text(&p, "name").unwrap_or_default(),
                email: text(&p, "email").unwrap_or_default(),
                created_at: app.clock.now(),
            };
            let mut out = wallet.to_json();
            if p.get("create_credentials") == Some(&Value::Bool(true)) {
                let client_id = uuid_from(&app.rng);
                let secret = format!(
                    "sk_test_a55_{:016x}{:08x}",
                    app.rng.next_u64(),
                    app.rng.next_u64() as u32
                );
                store.clients.insert(
                    client_id.clone(),
                    ClientRec {
                        secret: secret.clone(),
                        principal: Principal::Wallet {
                            wallet_uuid: wallet.wallet_uuid.clone(),
                        },
                    },
                );
                if let Some(obj) = out.as_object_mut() {
                    obj.insert(
                    "credentials".into(),
                    json!({
                        "client_id": client_id,
                        "client_secret": secret,
                        "grant_type": "client_credentials",
                        "scopes": ["wallet:read", "wallet:write", "charge:create", "charge:read"],
                    }),
                );
                }
            }
            store.insert_wallet(wallet);
            (StatusCode::OK, out)
        },
    )
    .await
}

pub(super) async fn get_wallet(
    State(app): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> Response {
    let caller = match authorize(&app, &headers) {
        Ok(c) => c,
        Err(r) => return reply(r),
    };
    let get = |k: &str| q.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let (id, email, customer, currency) = (
        get("wallet_uuid"),
        get("email"),
        get("customer_id"),
        get("currency"),
    );
    if id.is_none() && email.is_none() && customer.is_none() {
        return reply(error(
            Shape::Wallet,
            StatusCode::BAD_REQUEST,
            &[Msg::new(
                "REQUIRED_FIELD",
                "validation",
                "give wallet_uuid, email or customer_id",
                None,
            )],
        ));
    }
    let store = app.store();
    let candidates = store.wallet_candidates(id.as_deref(), email.as_deref(), customer.as_deref());
    let found = candidates.into_iter().find(|w| {
        id.as_ref()
            .is_none_or(|i| w.wallet_uuid.eq_ignore_ascii_case(i))
            && email.as_ref().is_none_or(|e| &w.email == e)
            && customer.as_ref().is_none_or(|c| &w.customer_id == c)
            && currency.as_ref().is_none_or(|c| w.currency.code() == c)
            && store.may_act_on(&caller.principal, &w.wallet_uuid)
    });
    match found {
        Some(w) => reply((StatusCode::OK, w.to_json())),
        None => reply(wallet_not_found(Shape::Wallet)),
    }
}
