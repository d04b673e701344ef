//! The field tables: for each kind of request and each object nested in one, the fields A55
//! documents, the type each must have and whether it is required. The walker (`walker.rs`) checks a
//! payload against them; the rules that relate one field to another are in `rules.rs`.

/// The values of `antifraud_info.sales_channel`.
pub(super) const SALES_CHANNELS: [&str; 7] = [
    "web",
    "app",
    "pos",
    "marketplace",
    "link",
    "subscription",
    "api",
];
/// The card fields of a host-to-host charge: sent all together or not at all.
pub(super) const H2H_FIELDS: [&str; 5] = [
    "card_number",
    "card_name",
    "card_expiry_month",
    "card_expiry_year",
    "card_cvv",
];

/// Whether a field must be present.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Req {
    Required,
    /// Must be present; may be an empty string (an address's `complement`).
    RequiredMayBeEmpty,
    Optional,
}

/// What a field's value must be.
#[derive(Clone, Copy)]
pub(super) enum Ty {
    Text,
    TextOrNumber,
    Uuid,
    Email,
    Phone,
    Date,
    Bool,
    Integer,
    Amount,
    Currency,
    TypeCharge,
    /// `true` for `redirect_url` (A55's own code `INVALID_REDIRECT_URL`).
    Url(bool),
    TaxId,
    Country,
    PostalCode,
    State,
    Cycle,
    CardNumber,
    ExpiryMonth,
    ExpiryYear,
    Cvv,
    SalesChannel,
    Methods,
    Object(&'static [Field]),
    ObjectList(&'static [Field]),
    /// Any JSON object; its keys are not checked.
    AnyObject,
}

/// One documented field of an object.
#[derive(Clone, Copy)]
pub(super) struct Field {
    pub(super) name: &'static str,
    /// [`name_sig`] of `name`, computed with the table: keys are matched against it before their
    /// text is compared.
    pub(super) sig: u64,
    pub(super) ty: Ty,
    pub(super) req: Req,
}

const fn f(name: &'static str, ty: Ty, req: Req) -> Field {
    Field {
        name,
        sig: name_sig(name),
        ty,
        req,
    }
}

/// A name's length and six of its bytes packed in one word: two names with different signatures
/// differ, so a key is compared as text only with the field it almost certainly is (many field
/// names share a length and a prefix such as `payer_` or `card_`).
pub(super) const fn name_sig(name: &str) -> u64 {
    let b = name.as_bytes();
    let n = b.len();
    (n as u64 & 0xff)
        | byte(b, 0) << 8
        | byte(b, n / 3) << 16
        | byte(b, n / 2) << 24
        | byte(b, 2 * n / 3) << 32
        | byte(b, n.wrapping_sub(1)) << 40
        | byte(b, n.wrapping_sub(2)) << 48
}

/// The byte at `i`, or 0 past the end.
const fn byte(b: &[u8], i: usize) -> u64 {
    if i >= b.len() {
        return 0;
    }
    match b.split_at(i).1.first() {
        Some(&x) => x as u64,
        None => 0,
    }
}

use Req::{Optional as O, Required as R, RequiredMayBeEmpty as RE};

const CHARGE_ADDRESS: &[Field] = &[
    f("street", Ty::Text, R),
    f("address_number", Ty::Text, R),
    f("complement", Ty::Text, RE),
    f("neighborhood", Ty::Text, R),
    f("city", Ty::Text, R),
    f("state", Ty::State, R),
    f("postal_code", Ty::PostalCode, R),
    f("country", Ty::Country, O),
];

const PIX_ADDRESS: &[Field] = &[
    f("street", Ty::Text, R),
    f("address_number", Ty::Text, O),
    f("complement", Ty::Text, O),
    f("neighborhood", Ty::Text, O),
    f("city", Ty::Text, R),
    f("state", Ty::State, R),
    f("postal_code", Ty::PostalCode, R),
    f("country", Ty::Country, O),
];

const SHIPPING_ADDRESS: &[Field] = &[
    f("street", Ty::Text, O),
    f("address_number", Ty::Text, O),
    f("complement", Ty::Text, O),
    f("neighborhood", Ty::Text, O),
    f("city", Ty::Text, O),
    f("state", Ty::Text, O),
    f("postal_code", Ty::Text, O),
    f("country", Ty::Country, O),
];

const DEVICE_INFO: &[Field] = &[
    f("ip_address", Ty::Text, O),
    f("user_agent", Ty::Text, O),
    f("device_id", Ty::Text, O),
    f("session_id", Ty::Text, O),
    f("http_accept_content", Ty::Text, O),
    f("http_accept_browser_value", Ty::Text, O),
    f("http_browser_language", Ty::Text, O),
    f("http_browser_java_enabled", Ty::Bool, O),
    f("http_browser_javascript_enabled", Ty::Bool, O),
    f("http_browser_color_depth", Ty::TextOrNumber, O),
    f("http_browser_screen_height", Ty::TextOrNumber, O),
    f("http_browser_screen_width", Ty::TextOrNumber, O),
    f("http_browser_time_difference", Ty::TextOrNumber, O),
];

const ANTIFRAUD_INFO: &[Field] = &[
    f("sales_channel", Ty::SalesChannel, O),
    f("cardholder_logged_in", Ty::Bool, O),
    f("cardholder_since_days", Ty::Integer, O),
    f("purchase_history", Ty::Integer, O),
    f("days_since_last_purchase_merchant", Ty::Integer, O),
    f("days_since_first_purchase_cardholder", Ty::Integer, O),
];

const SUBSCRIPTION: &[Field] = &[f("cycle", Ty::Cycle, R), f("end_date", Ty::Date, O)];

const ITEM: &[Field] = &[
    f("name", Ty::Text, O),
    f("description", Ty::Text, O),
    f("quantity", Ty::Integer, O),
    f("total_amount", Ty::TextOrNumber, O),
    f("unit_amount", Ty::TextOrNumber, O),
    f("sku", Ty::Text, O),
    f("code", Ty::Text, O),
    f("img", Ty::Text, O),
];

pub(super) const CHARGE: &[Field] = &[
    f("wallet_uuid", Ty::Uuid, R),
    f("merchant_id", Ty::Uuid, R),
    f("payer_name", Ty::Text, R),
    f("payer_email", Ty::Email, R),
    f("payer_tax_id", Ty::TaxId, R),
    f("payer_cell_phone", Ty::Phone, R),
    f("installment_value", Ty::Amount, R),
    f("installment_count", Ty::Integer, R),
    f("currency", Ty::Currency, R),
    f("due_date", Ty::Date, R),
    f("description", Ty::Text, R),
    f("type_charge", Ty::TypeCharge, R),
    f("payer_address", Ty::Object(CHARGE_ADDRESS), R),
    f("webhook_url", Ty::Url(false), O),
    f("redirect_url", Ty::Url(true), O),
    f("reference_external_id", Ty::Text, O),
    f("is_async", Ty::Bool, O),
    f("shipping_address", Ty::Object(SHIPPING_ADDRESS), O),
    f("card_number", Ty::CardNumber, O),
    f("card_name", Ty::Text, O),
    f("card_expiry_month", Ty::ExpiryMonth, O),
    f("card_expiry_year", Ty::ExpiryYear, O),
    f("card_cvv", Ty::Cvv, O),
    f("capture", Ty::Bool, O),
    f("threeds_authentication", Ty::Bool, O),
    f("device_info", Ty::Object(DEVICE_INFO), O),
    f("antifraud_info", Ty::Object(ANTIFRAUD_INFO), O),
    f("subscription", Ty::Object(SUBSCRIPTION), O),
    f("items", Ty::ObjectList(ITEM), O),
    f("applepay", Ty::AnyObject, O),
    f("googlepay", Ty::AnyObject, O),
];

pub(super) const PIX_CHARGE: &[Field] = &[
    f("wallet_uuid", Ty::Uuid, R),
    f("merchant_id", Ty::Uuid, R),
    f("payer_name", Ty::Text, R),
    f("payer_email", Ty::Email, R),
    f("payer_tax_id", Ty::TaxId, R),
    f("payer_cell_phone", Ty::Phone, R),
    f("amount", Ty::Amount, R),
    f("currency", Ty::Currency, R),
    f("due_date", Ty::Date, R),
    f("description", Ty::Text, R),
    f("payer_address", Ty::Object(PIX_ADDRESS), R),
    f("webhook_url", Ty::Url(false), O),
    f("reference_external_id", Ty::Text, O),
];

pub(super) const CHECKOUT: &[Field] = &[
    f("wallet_uuid", Ty::Uuid, R),
    f("merchant_id", Ty::Uuid, R),
    f("amount", Ty::Amount, R),
    f("currency", Ty::Currency, R),
    f("description", Ty::Text, R),
    f("redirect_url", Ty::Url(true), R),
    f("cancel_url", Ty::Url(false), O),
    f("due_date", Ty::Date, R),
    f("payer_email", Ty::Email, O),
    f("allowed_methods", Ty::Methods, O),
    f("max_installments", Ty::Integer, O),
    f("webhook_url", Ty::Url(false), O),
    f("reference_external_id", Ty::Text, O),
    f("is_checkout", Ty::Bool, O),
    f("threeds_authentication", Ty::Bool, O),
];

pub(super) const WALLET: &[Field] = &[
    f("entity_uuid", Ty::Uuid, R),
    f("customer_id", Ty::Text, R),
    f("currency", Ty::Currency, R),
    f("name", Ty::Text, R),
    f("email", Ty::Email, R),
    f("create_credentials", Ty::Bool, R),
    f("merchant_uuid", Ty::Uuid, O),
];

pub(super) const REFUND: &[Field] = &[
    f("charge_uuid", Ty::Uuid, R),
    f("wallet_uuid", Ty::Uuid, R),
    f("amount", Ty::Amount, O),
    f("reason", Ty::Text, O),
];

pub(super) const CAPTURE: &[Field] = &[
    f("charge_uuid", Ty::Uuid, R),
    f("wallet_uuid", Ty::Uuid, R),
    f("amount", Ty::Amount, O),
];

/// A payer's card payment through the public endpoint (the flat documented body).
pub(super) const PUBLIC_PAYMENT: &[Field] = &[
    f("card_number", Ty::CardNumber, R),
    f("card_name", Ty::Text, R),
    f("card_expiry_month", Ty::ExpiryMonth, R),
    f("card_expiry_year", Ty::ExpiryYear, R),
    f("card_cvv", Ty::Cvv, R),
    f("payer_tax_id", Ty::Text, O),
    f("device_info", Ty::Object(DEVICE_INFO), O),
];

/// 3DS results a browser SDK sends after its own authentication (`pay` v1).
const THREEDS_AUTH: &[Field] = &[
    f("eci", Ty::TextOrNumber, O),
    f("request_id", Ty::TextOrNumber, O),
    f("xid", Ty::TextOrNumber, O),
    f("cavv", Ty::TextOrNumber, O),
    f("version", Ty::TextOrNumber, O),
];

/// The `card` object of A55's browser SDK: the flat card fields under the SDK's names (in the flat
/// body's order), and the token or cryptogram it may send. `ccv` is required unless a
/// `card_cryptogram` is sent.
const fn sdk_card(ccv: Req) -> [Field; 7] {
    [
        f("number", Ty::CardNumber, R),
        f("holder_name", Ty::Text, R),
        f("expiry_month", Ty::ExpiryMonth, R),
        f("expiry_year", Ty::ExpiryYear, R),
        f("ccv", Ty::Cvv, ccv),
        f("card_token", Ty::Text, O),
        f("card_cryptogram", Ty::Text, O),
    ]
}

/// The nested body A55's browser SDK sends (`payV2`; `pay` v1 sends a subset), around a `card`
/// spec.
const fn sdk_payment(card: &'static [Field]) -> [Field; 9] {
    [
        f("card", Ty::Object(card), R),
        f("payer_tax_id", Ty::Text, O),
        f("device_info", Ty::Object(DEVICE_INFO), O),
        f("payer_name", Ty::Text, O),
        f("payer_email", Ty::Email, O),
        f("cell_phone", Ty::Phone, O),
        f("address", Ty::Object(SHIPPING_ADDRESS), O),
        f("shipping_address", Ty::Object(SHIPPING_ADDRESS), O),
        f("threeds_auth", Ty::Object(THREEDS_AUTH), O),
    ]
}

const SDK_CARD: &[Field] = &sdk_card(R);
const SDK_CARD_WITH_CRYPTOGRAM: &[Field] = &sdk_card(O);

/// A payer's card payment in the browser SDK's nested shape.
pub(super) const PUBLIC_PAYMENT_SDK: &[Field] = &sdk_payment(SDK_CARD);
/// The same when the card carries a `card_cryptogram` (then `ccv` may be left out).
pub(super) const PUBLIC_PAYMENT_SDK_WITH_CRYPTOGRAM: &[Field] =
    &sdk_payment(SDK_CARD_WITH_CRYPTOGRAM);

/// The 3DS device-data set-up A55's browser SDK asks for before paying (`card_brand` is checked
/// against its list in `public.rs`).
pub(super) const THREEDS_SETUP: &[Field] = &[
    f("transaction_reference", Ty::Text, R),
    f("card_brand", Ty::Text, R),
    f("card_expiry_month", Ty::ExpiryMonth, R),
    f("card_expiry_year", Ty::ExpiryYear, R),
    f("card_number", Ty::CardNumber, R),
];

/// A payment link: its amount is `value` (or `amount`), checked in `rules.rs`.
pub(super) const PAYMENT_LINK: &[Field] = &[
    f("wallet_uuid", Ty::Uuid, R),
    f("merchant_id", Ty::Uuid, O),
    f("currency", Ty::Currency, R),
    f("value", Ty::Amount, O),
    f("amount", Ty::Amount, O),
    f("description", Ty::Text, O),
    f("name", Ty::Text, O),
    f("redirect_url", Ty::Url(true), O),
    f("webhook_url", Ty::Url(false), O),
    f("max_installment_count", Ty::Integer, O),
    f("reference_external_id", Ty::Text, O),
];

/// The most fields a spec may list (checked at compile time below).
pub(super) const MAX_FIELDS: usize = 40;

const _: () = {
    let specs: [&[Field]; 20] = [
        CHARGE_ADDRESS,
        PIX_ADDRESS,
        SHIPPING_ADDRESS,
        DEVICE_INFO,
        ANTIFRAUD_INFO,
        SUBSCRIPTION,
        ITEM,
        CHARGE,
        PIX_CHARGE,
        CHECKOUT,
        WALLET,
        REFUND,
        CAPTURE,
        PUBLIC_PAYMENT,
        PAYMENT_LINK,
        THREEDS_AUTH,
        SDK_CARD,
        PUBLIC_PAYMENT_SDK,
        PUBLIC_PAYMENT_SDK_WITH_CRYPTOGRAM,
        THREEDS_SETUP,
    ];
    let mut i = 0;
    while i < specs.len() {
        assert!(specs[i].len() <= MAX_FIELDS);
        i += 1;
    }
};
