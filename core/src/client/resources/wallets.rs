//! Wallets: create one, find one.

use std::borrow::Borrow;

use serde_json::Value;

use crate::client::facade::key_names;
use crate::codes::{Issue, IssueCode};
use crate::error::Error;
use crate::models::Wallet;
use crate::validate::RequestKind;

use super::{check_uuids, query};
use crate::client::{Client, RequestOptions, Response};

/// Filters for [`Client::get_wallet`]: at least one of the first three.
#[derive(Debug, Clone, Default)]
pub struct WalletQuery {
    /// The wallet's id.
    pub wallet_uuid: Option<String>,
    /// Its email.
    pub email: Option<String>,
    /// Your customer id.
    pub customer_id: Option<String>,
    /// Its currency.
    pub currency: Option<String>,
}

impl Client {
    /// Creates a wallet (`POST /api/v1/bank/wallet/`).
    pub async fn create_wallet(
        &self,
        payload: impl Borrow<Value>,
        opts: &RequestOptions,
    ) -> Result<Response<Wallet>, Error> {
        self.post_validated(
            "/api/v1/bank/wallet/".into(),
            RequestKind::Wallet,
            key_names::WALLET_CREATE,
            None,
            payload.borrow(),
            opts,
        )
        .await
    }

    /// Finds a wallet by id, email or customer id. (The query string is never logged.)
    pub async fn get_wallet(
        &self,
        q: &WalletQuery,
        opts: &RequestOptions,
    ) -> Result<Response<Wallet>, Error> {
        if q.wallet_uuid.is_none() && q.email.is_none() && q.customer_id.is_none() {
            return Err(Error::validation(vec![Issue::new(
                IssueCode::RequiredField,
                "wallet_uuid",
                "give wallet_uuid, email or customer_id",
            )]));
        }
        if let Some(id) = &q.wallet_uuid {
            check_uuids(&[("wallet_uuid", id)])?;
        }
        let path = format!(
            "/api/v1/bank/wallet/{}",
            query(&[
                ("wallet_uuid", q.wallet_uuid.as_deref()),
                ("email", q.email.as_deref()),
                ("customer_id", q.customer_id.as_deref()),
                ("currency", q.currency.as_deref()),
            ])
        );
        self.get_json(path, true, opts).await
    }
}
