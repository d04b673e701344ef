// Generated from the Rust core's field tables (a55_core::validate::describe) by
// tests/models_dts.rs: do not edit. A55's field names; amounts as a number or decimal text.

/** The payload of a `wallet` request (`validate('wallet', …)` checks it). */
export interface WalletPayload {
  entity_uuid: string
  customer_id: string
  currency: 'BRL' | 'MXN' | 'CLP' | 'COP' | 'PEN' | 'ARS' | 'USD' | 'EUR'
  name: string
  email: string
  create_credentials: boolean
  merchant_uuid?: string
  /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
  [field: string]: unknown
}

/** The payload of a `charge` request (`validate('charge', …)` checks it). */
export interface ChargePayload {
  wallet_uuid: string
  merchant_id: string
  payer_name: string
  payer_email: string
  payer_tax_id: string
  payer_cell_phone: string
  installment_value: string | number
  installment_count: number
  currency: 'BRL' | 'MXN' | 'CLP' | 'COP' | 'PEN' | 'ARS' | 'USD' | 'EUR'
  due_date: string
  description: string
  type_charge: 'credit_card' | 'debit_card' | 'boleto' | 'pix' | 'spei' | 'oxxo' | 'e_wallet' | 'qra' | 'pfc' | 'applepay' | 'googlepay'
  payer_address: {
    street: string
    address_number: string
    complement: string
    neighborhood: string
    city: string
    state: string
    postal_code: string
    country?: string
    /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
    [field: string]: unknown
  }
  webhook_url?: string
  redirect_url?: string
  reference_external_id?: string
  is_async?: boolean
  shipping_address?: {
    street?: string
    address_number?: string
    complement?: string
    neighborhood?: string
    city?: string
    state?: string
    postal_code?: string
    country?: string
    /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
    [field: string]: unknown
  }
  card_number?: string
  card_name?: string
  card_expiry_month?: string
  card_expiry_year?: string
  card_cvv?: string
  capture?: boolean
  threeds_authentication?: boolean
  device_info?: {
    ip_address?: string
    user_agent?: string
    device_id?: string
    session_id?: string
    http_accept_content?: string
    http_accept_browser_value?: string
    http_browser_language?: string
    http_browser_java_enabled?: boolean
    http_browser_javascript_enabled?: boolean
    http_browser_color_depth?: string | number
    http_browser_screen_height?: string | number
    http_browser_screen_width?: string | number
    http_browser_time_difference?: string | number
    /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
    [field: string]: unknown
  }
  antifraud_info?: {
    sales_channel?: 'web' | 'app' | 'pos' | 'marketplace' | 'link' | 'subscription' | 'api'
    cardholder_logged_in?: boolean
    cardholder_since_days?: number
    purchase_history?: number
    days_since_last_purchase_merchant?: number
    days_since_first_purchase_cardholder?: number
    /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
    [field: string]: unknown
  }
  subscription?: {
    cycle: 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'semiannually' | 'yearly'
    end_date?: string
    /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
    [field: string]: unknown
  }
  items?: Array<{
    name?: string
    description?: string
    quantity?: number
    total_amount?: string | number
    unit_amount?: string | number
    sku?: string
    code?: string
    img?: string
    /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
    [field: string]: unknown
  }>
  applepay?: Record<string, unknown>
  googlepay?: Record<string, unknown>
  /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
  [field: string]: unknown
}

/** The payload of a `pix_charge` request (`validate('pix_charge', …)` checks it). */
export interface PixChargePayload {
  wallet_uuid: string
  merchant_id: string
  payer_name: string
  payer_email: string
  payer_tax_id: string
  payer_cell_phone: string
  amount: string | number
  currency: 'BRL' | 'MXN' | 'CLP' | 'COP' | 'PEN' | 'ARS' | 'USD' | 'EUR'
  due_date: string
  description: string
  payer_address: {
    street: string
    address_number?: string
    complement?: string
    neighborhood?: string
    city: string
    state: string
    postal_code: string
    country?: string
    /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
    [field: string]: unknown
  }
  webhook_url?: string
  reference_external_id?: string
  /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
  [field: string]: unknown
}

/** The payload of a `checkout` request (`validate('checkout', …)` checks it). */
export interface CheckoutPayload {
  wallet_uuid: string
  merchant_id: string
  amount: string | number
  currency: 'BRL' | 'MXN' | 'CLP' | 'COP' | 'PEN' | 'ARS' | 'USD' | 'EUR'
  description: string
  redirect_url: string
  cancel_url?: string
  due_date: string
  payer_email?: string
  allowed_methods?: Array<'credit_card' | 'debit_card' | 'boleto' | 'pix' | 'spei' | 'oxxo' | 'e_wallet' | 'qra' | 'pfc' | 'applepay' | 'googlepay'>
  max_installments?: number
  webhook_url?: string
  reference_external_id?: string
  is_checkout?: boolean
  threeds_authentication?: boolean
  /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
  [field: string]: unknown
}

/** The payload of a `refund` request (`validate('refund', …)` checks it). */
export interface RefundPayload {
  charge_uuid: string
  wallet_uuid: string
  amount?: string | number
  reason?: string
  /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
  [field: string]: unknown
}

/** The payload of a `capture` request (`validate('capture', …)` checks it). */
export interface CapturePayload {
  charge_uuid: string
  wallet_uuid: string
  amount?: string | number
  /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
  [field: string]: unknown
}

/** The payload of a `public_payment` request (`validate('public_payment', …)` checks it). */
export interface PublicPaymentPayload {
  card_number: string
  card_name: string
  card_expiry_month: string
  card_expiry_year: string
  card_cvv: string
  payer_tax_id?: string
  device_info?: {
    ip_address?: string
    user_agent?: string
    device_id?: string
    session_id?: string
    http_accept_content?: string
    http_accept_browser_value?: string
    http_browser_language?: string
    http_browser_java_enabled?: boolean
    http_browser_javascript_enabled?: boolean
    http_browser_color_depth?: string | number
    http_browser_screen_height?: string | number
    http_browser_screen_width?: string | number
    http_browser_time_difference?: string | number
    /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
    [field: string]: unknown
  }
  /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
  [field: string]: unknown
}

/** The payload of a `payment_link` request (`validate('payment_link', …)` checks it). */
export interface PaymentLinkPayload {
  wallet_uuid: string
  merchant_id?: string
  currency: 'BRL' | 'MXN' | 'CLP' | 'COP' | 'PEN' | 'ARS' | 'USD' | 'EUR'
  value?: string | number
  amount?: string | number
  description?: string
  name?: string
  redirect_url?: string
  webhook_url?: string
  max_installment_count?: number
  reference_external_id?: string
  /** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */
  [field: string]: unknown
}
