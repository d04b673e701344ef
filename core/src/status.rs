//! Charge, subscription, checkout session and payment link statuses.
//!
//! Every status read from A55 keeps an `Unknown` case, so a status added tomorrow is carried through
//! instead of failing. `cancelled` on a charge reads as `canceled`.

use std::fmt;

macro_rules! status_enum {
    ($(#[$meta:meta])* $name:ident { $( $(#[$doc:meta])* $variant:ident = $text:literal $(| $alias:literal)* => $terminal:expr, )* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$doc])* $variant, )*
            /// A status this version of the SDK does not know, kept as it was received.
            Unknown(String),
        }

        impl $name {
            /// Every status this version knows, in the order of the catalogue.
            pub const KNOWN: &'static [$name] = &[$( $name::$variant, )*];

            /// Reads a wire value; unknown text is kept in `Unknown`.
            pub fn parse(text: &str) -> $name {
                match text {
                    $( $text $(| $alias)* => $name::$variant, )*
                    other => $name::Unknown(other.to_string()),
                }
            }

            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $text, )*
                    $name::Unknown(s) => s,
                }
            }

            /// Whether no further change is expected. Unknown statuses are not terminal.
            pub fn is_terminal(&self) -> bool {
                match self {
                    $( $name::$variant => $terminal, )*
                    $name::Unknown(_) => false,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                crate::models::json_schema::string_enum([$($text),*])
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok($name::parse(&text))
            }
        }
    };
}

status_enum! {
    /// A charge's status (A55's lifecycle). `is_terminal` follows A55's catalogue; `paid` and
    /// `confirmed` can still be refunded but are where a successful payment rests.
    ChargeStatus {
        /// Created, awaiting payment (PIX, boleto, checkout).
        Issued = "issued" => false,
        /// Awaiting the acquirer or a 3DS challenge.
        Pending = "pending" => false,
        /// Authorized.
        Confirmed = "confirmed" => false,
        /// Capture in progress.
        PreCaptured = "pre_captured" => false,
        /// Captured or settled.
        Paid = "paid" => false,
        /// Refund completed.
        Refunded = "refunded" => true,
        /// Refund failed (A55 retries the next day).
        RefundError = "refund_error" => true,
        /// Dispute evidence window.
        PreChargebackResolution = "pre_chargeback_resolution" => false,
        /// The cardholder disputed.
        ChargebackRequested = "chargeback_requested" => false,
        /// Dispute lost.
        Chargeback = "chargeback" => true,
        /// Dispute resolved in the merchant's favour.
        ChargebackReversed = "chargeback_reversed" => true,
        /// Dispute accepted, funds returned.
        ChargebackRefunded = "chargeback_refunded" => true,
        /// Voided before capture, or the 3DS challenge expired.
        Canceled = "canceled" | "cancelled" => true,
        /// Declined or failed.
        Error = "error" => true,
        /// SPEI or OXXO reference expired.
        Expired = "expired" => true,
    }
}

impl ChargeStatus {
    /// Whether the charge rests in a state where the money moved or will move (confirmed or paid).
    pub fn is_success(&self) -> bool {
        matches!(self, ChargeStatus::Confirmed | ChargeStatus::Paid)
    }

    /// Whether a `wait until settled` loop can stop: terminal, or confirmed/paid.
    pub fn is_settled(&self) -> bool {
        self.is_terminal() || self.is_success()
    }
}

status_enum! {
    /// A subscription's status. A55 spells `cancelled` with two l's for subscriptions.
    SubscriptionStatus {
        /// Created, first charge not processed.
        Pending = "pending" => false,
        /// Billing.
        Active = "active" => false,
        /// A charge failed after retries.
        Error = "error" => false,
        /// Stopped by the merchant.
        Cancelled = "cancelled" | "canceled" => true,
        /// Reached its end date.
        Expired = "expired" => true,
    }
}

impl Default for ChargeStatus {
    /// An empty `Unknown`: the response carried no status.
    fn default() -> Self {
        ChargeStatus::Unknown(String::new())
    }
}

status_enum! {
    /// A hosted checkout session's status. The emulator (docs/emulator.md) answers `active` for a
    /// session ready to be paid and `completed` once it has been paid; the other values are kept
    /// for answers that say so. `cancelled` reads as `canceled`.
    CheckoutStatus {
        /// Ready: the payer can pay it.
        Active = "active" => false,
        /// Paid: its charge was made (`charge_uuid` names it).
        Completed = "completed" => true,
        /// Paid, in the words of an answer that says `paid`.
        Paid = "paid" => true,
        /// Past its `expires_at` without a payment.
        Expired = "expired" => true,
        /// Cancelled by the merchant.
        Canceled = "canceled" | "cancelled" => true,
    }
}

status_enum! {
    /// A payment link's status. The emulator (docs/emulator.md) answers `active` for a link that
    /// takes payments; the other values are kept for answers that say so. `cancelled` reads as
    /// `canceled`.
    PaymentLinkStatus {
        /// Takes payments.
        Active = "active" => false,
        /// No longer takes payments, for a reason the answer does not give.
        Inactive = "inactive" => true,
        /// Paid (a single-use link).
        Paid = "paid" => true,
        /// Past its expiry without a payment.
        Expired = "expired" => true,
        /// Cancelled by the merchant.
        Canceled = "canceled" | "cancelled" => true,
    }
}
