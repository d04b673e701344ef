//! The public charge endpoints: no token, the charge id is the authorization context. Apps may
//! call these; client secrets stay on servers.

use std::borrow::Borrow;

use reqwest::Method;
use serde_json::Value;
use serde_json::value::RawValue;

use crate::error::{Error, ErrorKind};
use crate::models::{Charge, Model, PublicCharge};
use crate::validate::RequestKind;

use super::{check_uuids, query};
use crate::client::{Call, Client, RequestOptions, Response};

impl Client {
    /// The public view of a charge.
    pub async fn get_public_charge(
        &self,
        charge_uuid: &str,
        opts: &RequestOptions,
    ) -> Result<Response<PublicCharge>, Error> {
        check_uuids(&[("charge_uuid", charge_uuid)])?;
        let path = format!(
            "/api/v1/bank/public/charge{}",
            query(&[("charge_uuid", Some(charge_uuid))])
        );
        let (bytes, mut meta) = self
            .execute_bytes(Call {
                method: Method::GET,
                path,
                body: None,
                auth: false,
                operation: "get",
                resource: None,
                opts,
            })
            .await?;
        // A55 answers with an array holding the charge; the charge keeps its own text.
        let decode_error = |e: serde_json::Error| {
            let mut err = Error::new(
                ErrorKind::Decode,
                format!("the answer could not be read: {e}"),
            );
            err.status = Some(meta.status);
            err.request_id = meta.request_id.clone();
            err
        };
        let first: Option<Box<RawValue>> = match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'[') => serde_json::from_slice::<Vec<Box<RawValue>>>(&bytes)
                .map_err(decode_error)?
                .into_iter()
                .next(),
            Some(b'{') => Some(serde_json::from_slice(&bytes).map_err(decode_error)?),
            _ => None,
        };
        let Some(first) = first else {
            let mut e = Error::new(ErrorKind::NotFound, "the public charge answer was empty");
            e.status = Some(meta.status);
            e.request_id = meta.request_id.clone();
            return Err(e);
        };
        let data = PublicCharge::from_slice(first.get().as_bytes()).map_err(decode_error)?;
        meta.raw = crate::models::RawJson::from_bytes(&bytes);
        Ok(Response { data, meta })
    }

    /// Pays a charge with a card, as a payer's browser would (no token). The flat documented body:
    /// `card_number`, `card_name`, `card_expiry_month`, `card_expiry_year`, `card_cvv`, optional
    /// `payer_tax_id` and `device_info`. The card is checked like a charge's before anything is sent
    /// (`public_payment` in docs/validation.md).
    pub async fn pay_public_charge(
        &self,
        charge_uuid: &str,
        payload: impl Borrow<Value>,
        opts: &RequestOptions,
    ) -> Result<Response<Charge>, Error> {
        let (body, warnings) =
            self.validated(RequestKind::PublicPayment, payload.borrow(), opts)?;
        check_uuids(&[("charge_uuid", charge_uuid)])?;
        self.send(
            Call {
                method: Method::POST,
                path: format!("/api/v1/bank/public/charge/{charge_uuid}/pay"),
                body: Some(body),
                auth: false,
                operation: "charge.pay",
                resource: Some(charge_uuid.to_string()),
                opts,
            },
            warnings,
        )
        .await
    }
}
