// Generated from the Rust core's response and helper models (a55_core::models::schema,
// a55_core::host_types) by
// tests/models_dts.rs: do not edit. Field names are core's (snake_case); amounts are
// decimal strings, dates `YYYY-MM-DD` strings, absent values `null`.

/** An amount as decimal text, exactly as the server sent it ("450.00"): never a JS number. */
export type DecimalString = string

/** A calendar date, `YYYY-MM-DD`. */
export type DateString = string

/** A ChargeStatus this version knows, or (`string & {}`) one it does not, kept as received. */
export type ChargeStatus = 'issued' | 'pending' | 'confirmed' | 'pre_captured' | 'paid' | 'refunded' | 'refund_error' | 'pre_chargeback_resolution' | 'chargeback_requested' | 'chargeback' | 'chargeback_reversed' | 'chargeback_refunded' | 'canceled' | 'error' | 'expired' | (string & {})

/** A SubscriptionStatus this version knows, or (`string & {}`) one it does not, kept as received. */
export type SubscriptionStatus = 'pending' | 'active' | 'error' | 'cancelled' | 'expired' | (string & {})

/** A CheckoutStatus this version knows, or (`string & {}`) one it does not, kept as received. */
export type CheckoutStatus = 'active' | 'completed' | 'paid' | 'expired' | 'canceled' | (string & {})

/** A PaymentLinkStatus this version knows, or (`string & {}`) one it does not, kept as received. */
export type PaymentLinkStatus = 'active' | 'inactive' | 'paid' | 'expired' | 'canceled' | (string & {})

/** A Currency this version knows, or (`string & {}`) one it does not, kept as received. */
export type Currency = 'BRL' | 'MXN' | 'CLP' | 'COP' | 'PEN' | 'ARS' | 'USD' | 'EUR' | (string & {})

/** A Cycle this version knows, or (`string & {}`) one it does not, kept as received. */
export type Cycle = 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'semiannually' | 'yearly' | (string & {})

/** A TypeCharge this version knows, or (`string & {}`) one it does not, kept as received. */
export type TypeCharge = 'credit_card' | 'debit_card' | 'boleto' | 'pix' | 'spei' | 'oxxo' | 'e_wallet' | 'qra' | 'pfc' | 'applepay' | 'googlepay' | (string & {})

/** One entry of a charge's `message` list: why A55 declined or refused it. */
export interface ServerMessage {
  code: string | null
  source: string | null
  description: string | null
  field: string | null
}

/** One installment of a charge. */
export interface Installment {
  local_currency: DecimalString | null
  currency: Currency | null
  usd_currency: DecimalString | null
  eur_currency: DecimalString | null
  due_date: DateString | null
  status: ChargeStatus | null
  installment_number: number | null
}

/** A PIX charge's payment data: the BR Code text and its QR code image. */
export interface PixPayload {
  qr_code_base64: string | null
  copy_paste: string | null
  expiration: string | null
}

/** The subscription created with a charge. */
export interface SubscriptionInfo {
  subscription_uuid: string | null
  cycle: Cycle | null
  status: SubscriptionStatus | null
  next_charge_date: DateString | null
  end_date: DateString | null
}

/** A charge, as create, get, list, refund, cancel and capture describe it. */
export interface Charge {
  charge_uuid: string | null
  status: ChargeStatus
  local_currency: DecimalString | null
  currency: Currency | null
  usd_currency: DecimalString | null
  eur_currency: DecimalString | null
  type_charge: TypeCharge | null
  date: string | null
  description: string | null
  due_date: DateString | null
  installment_count: number | null
  installments: Installment[]
  charge_payment_url: string | null
  url_3ds: string | null
  message: ServerMessage[]
  subscription: SubscriptionInfo | null
  pix_payload: PixPayload | null
  boleto_url: string | null
  barcode: string | null
  wallet_uuid: string | null
  refunded_amount: DecimalString | null
}

/** OAuth credentials issued with a wallet: shown once, store the secret. */
export interface WalletCredentials {
  client_id: string | null
  client_secret: string | null
  grant_type: string | null
  scopes: string[]
}

/** A wallet. */
export interface Wallet {
  wallet_uuid: string | null
  entity_uuid: string | null
  merchant_uuid: string | null
  customer_id: string | null
  currency: Currency | null
  name: string | null
  email: string | null
  credentials: WalletCredentials | null
}

/** A hosted checkout session: send the payer to `checkout_url`. */
export interface CheckoutSession {
  checkout_uuid: string | null
  checkout_url: string | null
  status: CheckoutStatus | null
  amount: DecimalString | null
  currency: Currency | null
  expires_at: string | null
  charge_uuid: string | null
}

/** A payment link (a reusable hosted page). */
export interface PaymentLink {
  payment_link_uuid: string | null
  status: PaymentLinkStatus | null
  url: string | null
  local_currency: DecimalString | null
  currency: Currency | null
  usd_currency: DecimalString | null
  eur_currency: DecimalString | null
}

/** One page of a wallet's charges. */
export interface ChargePage {
  page: number | null
  limit: number | null
  total: number | null
  pages: number | null
  data: Charge[]
}

/** A charge made by a subscription. */
export interface SubscriptionCharge {
  charge_uuid: string | null
  amount: DecimalString | null
  status: ChargeStatus | null
  created_at: string | null
}

/** A subscription. */
export interface Subscription {
  subscription_uuid: string | null
  cycle: Cycle | null
  end_date: DateString | null
  status: SubscriptionStatus | null
  description: string | null
  next_due_date: DateString | null
  cancelled_at: string | null
  charges: SubscriptionCharge[]
}

/** What the public (no token) charge endpoint says about a charge. */
export interface PublicCharge {
  charge_uuid: string | null
  status: ChargeStatus
  redirect_url: string | null
  value: DecimalString | null
  currency: Currency | null
  type_charge: TypeCharge | null
  installment_count: number | null
  message: ServerMessage[]
}

/** One problem found in a request: its code (docs/issue-codes.md), `error` or `warning`, the field's path and a sentence that never quotes a card number, a secret or a tax id. */
export interface Issue {
  code: string
  severity: string
  field: string
  description: string
}

/** The fields of a PIX BR Code, by their EMV names; absent fields are `null`. */
export interface BrCode {
  payload_format_indicator: string
  point_of_initiation_method: string | null
  gui: string
  key: string | null
  url: string | null
  description: string | null
  merchant_category_code: string
  transaction_currency: string
  amount: string | null
  country_code: string
  merchant_name: string
  merchant_city: string
  postal_code: string | null
  txid: string | null
  crc: string
}

/** A verified charge event: A55's fields (`cancelled` reads as `canceled`), the key to deduplicate deliveries on, and the body as JSON text. */
export interface WebhookEvent {
  charge_uuid: string
  status: ChargeStatus
  transaction_reference: string | null
  subscription_uuid: string | null
  payment_link_uuid: string | null
  amount: string | null
  currency: string | null
  error_code: string | null
  error_message: string | null
  refund_amount: string | null
  chargeback_reason: string | null
  created_at: string | null
  updated_at: string | null
  dedup_key: string
  raw_json: string
}
