//! The field and variant lists of the types every package declares again to its host language:
//! [`crate::pix::BrCode`], [`crate::webhook::WebhookEvent`] and [`crate::ErrorKind`].
//!
//! Each list lives here once, as a macro that hands it (doc comments, names, types) to a macro of
//! the caller's: core declares its own types from them, and the bindings their uniffi records and
//! Python classes, so no binding restates a field, its type or its documentation.
//!
//! The caller's macro receives `{ head } { before } { after }` (the tokens it passed, untouched)
//! and then the list, one `#[doc] name: Type,` per field (`#[doc] Variant = "name",` per error
//! kind):
//!
//! ```
//! macro_rules! names {
//!     ({} {} {} $($(#[$doc:meta])* $field:ident : $ty:ty,)*) => {
//!         [$(stringify!($field)),*]
//!     };
//! }
//! let fields = a55_core::a55_br_code_fields!(names! { {} {} {} });
//! assert_eq!(fields[0], "payload_format_indicator");
//! ```

/// Hands the fields of [`crate::pix::BrCode`] to `$then` (see the module's documentation).
#[macro_export]
macro_rules! a55_br_code_fields {
    ($then:ident ! { $($passed:tt)* }) => {
        $then! { $($passed)*
            /// Field 00, always `01`.
            payload_format_indicator: String,
            /// Field 01: `11` (reusable) or `12` (single use), when present.
            point_of_initiation_method: Option<String>,
            /// The merchant account template's GUI (`br.gov.bcb.pix`), as written.
            gui: String,
            /// The PIX key of a static code (never empty).
            key: Option<String>,
            /// The location URL of a dynamic code (without scheme, as written in the code; never
            /// empty).
            url: Option<String>,
            /// Free text for the payer.
            description: Option<String>,
            /// Field 52: 4 digits.
            merchant_category_code: String,
            /// Field 53, `986` for BRL.
            transaction_currency: String,
            /// Field 54, the amount text as written (digits, optionally `.` and one or two
            /// decimals).
            amount: Option<String>,
            /// Field 58, `BR`.
            country_code: String,
            /// Field 59, at most 25 characters.
            merchant_name: String,
            /// Field 60, at most 15 characters.
            merchant_city: String,
            /// Field 61.
            postal_code: Option<String>,
            /// Field 62, sub-field 05: the transaction id (`***` or 1–25 letters and digits).
            txid: Option<String>,
            /// Field 63, upper-case hex.
            crc: String,
        }
    };
}

/// Hands the text fields of [`crate::webhook::WebhookEvent`] that every package keeps as they are
/// (all but the charge, its status and the body) to `$then` (see the module's documentation).
#[macro_export]
macro_rules! a55_webhook_event_fields {
    ($then:ident ! { $($passed:tt)* }) => {
        $then! { $($passed)*
            /// The merchant's reference, when sent.
            transaction_reference: Option<String>,
            /// The subscription the charge belongs to.
            subscription_uuid: Option<String>,
            /// The payment link the charge came from.
            payment_link_uuid: Option<String>,
            /// The amount as decimal text (richer revision).
            amount: Option<String>,
            /// The currency (richer revision).
            currency: Option<String>,
            /// The acquirer's return code on errors (`"05"`).
            error_code: Option<String>,
            /// The acquirer's message on errors.
            error_message: Option<String>,
            /// The refunded amount as decimal text.
            refund_amount: Option<String>,
            /// The chargeback's reason.
            chargeback_reason: Option<String>,
            /// When the charge was created.
            created_at: Option<String>,
            /// When the charge last changed.
            updated_at: Option<String>,
        }
    };
}

/// Hands every field of [`crate::host_types::WebhookEvent`], the event as the packages hand it to
/// their users, to `$then`: the caller passes only `{ head }`; the event's own fields come as
/// `{ before }` and `{ after }`, each `#[doc] pub name: Type,`, the shared ones as the list.
#[macro_export]
macro_rules! a55_host_webhook_event_fields {
    ($then:ident ! { $head:tt }) => {
        $crate::a55_webhook_event_fields! { $then! { $head
            {
                /// The charge.
                pub charge_uuid: String,
                /// Its new status (`cancelled` reads as `canceled`; unknown statuses are kept as
                /// they are).
                pub status: String,
            }
            {
                /// The key to deduplicate deliveries on: `"{charge_uuid}:{status}"` (one charge
                /// sends several events).
                pub dedup_key: String,
                /// The whole body as JSON text, unknown fields included.
                pub raw_json: String,
            }
        } }
    };
}

/// Hands the kinds of [`crate::ErrorKind`] and their stable names to `$then` (see the module's
/// documentation).
#[macro_export]
macro_rules! a55_error_kinds {
    ($then:ident ! { $($passed:tt)* }) => {
        $then! { $($passed)*
            /// The request broke a rule, locally or on the server (400/422): see `issues`.
            Validation = "validation",
            /// A webhook did not verify: see `reason`.
            Signature = "signature",
            /// 401: the token is missing, bad or expired (after one forced refresh), or the
            /// credentials are wrong.
            Authentication = "authentication",
            /// 403: the credentials may not act on this resource.
            Permission = "permission",
            /// 404.
            NotFound = "not_found",
            /// 409: a state conflict or an idempotency key reused with another body.
            Conflict = "conflict",
            /// 429: see `retry_after`.
            RateLimit = "rate_limit",
            /// 5xx.
            Server = "server",
            /// Any other HTTP error status.
            Api = "api",
            /// The request was never written (DNS, refused connection, TLS): nothing happened on
            /// the server.
            Connection = "connection",
            /// The deadline ran out before the request was written.
            Timeout = "timeout",
            /// The request was written but no answer came (broken connection, deadline mid-call):
            /// the server may have acted. Repeat the call with `idempotency_key` to get the
            /// original result.
            UnknownOutcome = "unknown_outcome",
            /// The client is configured wrongly (no credentials, a non-HTTPS URL, no TLS roots).
            Configuration = "configuration",
            /// A 2xx answer could not be read.
            Decode = "decode",
        }
    };
}

/// Declares a struct from a list: `{ #[attrs] pub struct Name } { fields before } { fields after }`
/// and the list's fields, each `pub`, between them.
macro_rules! declare_struct {
    (
        { $(#[$meta:meta])* pub struct $name:ident }
        { $($before:tt)* }
        { $($after:tt)* }
        $($(#[$doc:meta])* $field:ident : $ty:ty,)*
    ) => {
        $(#[$meta])*
        pub struct $name {
            $($before)*
            $($(#[$doc])* pub $field: $ty,)*
            $($after)*
        }
    };
}
pub(crate) use declare_struct;
