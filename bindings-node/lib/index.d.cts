// Types of @a55/sdk (CommonJS entry). The data shapes (BrCode, Issue, the webhook event, the
// client's results and payloads) are generated from the Rust core (./models.d.ts, ./payloads.d.ts);
// the functions and the error classes are declared here, because the wrapper in index.cjs is what
// users call.
import type { BrCode, Issue as CoreIssue, WebhookEvent as CoreWebhookEvent } from './models.js'

export type { BrCode }

/** One problem found in a request (core's `Issue`): `error` stops the request, `warning` travels with the result. */
export interface Issue extends Omit<CoreIssue, 'severity'> {
  severity: 'error' | 'warning'
}
export { A55Client } from './client.cjs'
export type * from './client.cjs'

/** An amount as input: decimal text ("10.005") or a number (read through `String(n)`). */
export type Amount = string | number

/** A date written `YYYY-MM-DD`. */
export type DateString = string

/** The currencies core knows (others are refused with `CURRENCY_NOT_SUPPORTED`). */
export type Currency = 'BRL' | 'MXN' | 'CLP' | 'COP' | 'PEN' | 'ARS' | 'USD' | 'EUR'

/** A subscription cycle. */
export type Cycle = 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'semiannually' | 'yearly'

/** The request kinds `validate` knows. */
export type RequestKind =
  | 'wallet' | 'charge' | 'pix_charge' | 'checkout' | 'refund' | 'capture' | 'public_payment' | 'payment_link'

/** The kind of a valid tax id. */
export type TaxIdKind = 'CPF' | 'CNPJ' | 'RUT' | 'CUIT' | 'DNI' | 'RFC' | 'CURP' | 'CC' | 'NIT' | 'RUC' | 'OTHER'

/** A card brand. */
export type CardBrand = 'Visa' | 'Mastercard' | 'Amex' | 'Elo' | 'Hipercard' | 'Diners' | 'Discover' | 'JCB' | 'unknown'

/** A verified webhook event: A55's snake_case fields, plus the whole body in `raw`. */
export interface WebhookEvent extends Omit<CoreWebhookEvent, 'raw_json'> {
  /** The whole body as parsed, unknown fields included. */
  raw: Record<string, unknown>
}

/** Options of `verifyWebhook`. */
export interface VerifyWebhookOptions {
  /** How far the timestamp may be from `now`, either way, in milliseconds (rounded down to whole seconds). Default 300000. */
  toleranceMs?: number
  /** The current time. Default: `new Date()`. */
  now?: Date
}

/** A request payload: a plain object with A55's snake_case keys. */
export type Payload = Record<string, unknown>

/** The amount normalized for the currency, with its decimals: ("10.005", "BRL") → "10.01". @throws {ValidationError} AMOUNT_INVALID, CURRENCY_NOT_SUPPORTED, INVALID_TYPE */
export declare function normalizeAmount(amount: Amount, currency: Currency | (string & {})): string
/** The number of decimals A55 keeps: 2, or 0 for CLP and COP. @throws {ValidationError} CURRENCY_NOT_SUPPORTED */
export declare function currencyExponent(currency: Currency | (string & {})): number
/** The amount in minor units after normalization: ("10.005", "BRL") → 1001. @throws {ValidationError} */
export declare function toMinorUnits(amount: Amount, currency: Currency | (string & {})): number
/** The amount of an integer number of minor units: (1001, "BRL") → "10.01". @throws {ValidationError} */
export declare function fromMinorUnits(minor: number, currency: Currency | (string & {})): string
/** Splits a total into `count` (1–12) parts, the remainder on the first. @throws {ValidationError} */
export declare function splitInstallments(total: Amount, count: number, currency: Currency | (string & {})): string[]
/** The due dates of `count` (1–12) monthly installments, the first on `firstDueDate`. @throws {ValidationError} */
export declare function installmentDueDates(firstDueDate: DateString, count: number): DateString[]
/** The date one cycle after `dueDate`, or `null` when it falls after `endDate`. @throws {ValidationError} INVALID_SUBSCRIPTION_CYCLE, INVALID_DATE, INVALID_SUBSCRIPTION */
export declare function nextChargeDate(dueDate: DateString, cycle: Cycle | (string & {}), endDate?: DateString | null): DateString | null
/** The next `count` (1–1000) charge dates after `dueDate`, stopping at `endDate`. @throws {ValidationError} */
export declare function subscriptionSchedule(dueDate: DateString, cycle: Cycle | (string & {}), count: number, endDate?: DateString | null): DateString[]
/** The kind of a valid tax id for a country (ISO 3166-1 alpha-2). @throws {ValidationError} INVALID_TAX_ID, INVALID_COUNTRY */
export declare function validateTaxId(value: string, country: string): TaxIdKind
/** Every issue of a payload, empty when clean; never throws for a bad payload. `today` defaults to today at UTC−12. */
export declare function validate(kind: RequestKind, payload: Payload | unknown, today?: DateString | null): Issue[]
/** The brand of a card number, or "unknown". */
export declare function cardBrand(cardNumber: string): CardBrand
/** The fields of a PIX BR Code after checking structure and CRC. @throws {ValidationError} INVALID_BR_CODE */
export declare function parsePixBrCode(text: string): BrCode
/**
 * Verifies a webhook delivery and returns its event.
 * @param rawBody the body's raw bytes (a string is taken as UTF-8); a parsed object is refused
 * @param signature the `X-Webhook-Signature` header (a missing header fails verification)
 * @param timestamp the `X-Webhook-Timestamp` header, Unix seconds
 * @param secrets one secret, or several during a rotation
 * @throws {SignatureVerificationError} with `reason`; {ValidationError} for a parsed body or a body that is not a charge event
 */
export declare function verifyWebhook(
  rawBody: Uint8Array | ArrayBuffer | string,
  signature: string | null | undefined,
  timestamp: string | number | null | undefined,
  secrets: string | readonly string[],
  options?: VerifyWebhookOptions,
): WebhookEvent
/** The `X-Webhook-Signature` value for a body (for your own tests). `timestamp` is Unix seconds. */
export declare function signWebhook(rawBody: Uint8Array | ArrayBuffer | string, secret: string, timestamp: number): string

/** Core's message for a parsed object passed to `verifyWebhook`. */
export declare const RAW_BODY_REQUIRED: string
/** The default webhook tolerance in milliseconds (300000). */
export declare const DEFAULT_TOLERANCE_MS: number

/** The kinds of error, as core names them. */
export type ErrorKind =
  | 'validation'
  | 'signature'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'rate_limit'
  | 'server'
  | 'api'
  | 'connection'
  | 'timeout'
  | 'unknown_outcome'
  | 'configuration'
  | 'decode'
  | 'internal'

/** The fields every SDK error carries. */
export interface A55ErrorFields {
  kind?: ErrorKind
  code?: string
  status?: number | null
  codes?: string[]
  issues?: Issue[]
  reason?: string | null
  requestId?: string | null
  idempotencyKey?: string | null
  retryAfterMs?: number | null
  rawBody?: string | null
  retryable?: boolean
}

/** Base class of every error the SDK throws. */
export declare class A55Error extends Error {
  constructor(message: string, fields?: A55ErrorFields)
  /** What happened, as core names it. */
  readonly kind: ErrorKind
  /** A stable machine code: the first error code, else the kind in upper case (`INTERNAL_ERROR` for a Rust panic). */
  readonly code: string
  /** The HTTP status, when the server answered. */
  readonly status: number | null
  /** The same as `status`. */
  readonly httpStatus: number | null
  /** Every error code the server or local validation gave. */
  readonly codes: string[]
  /** Validation issues. */
  readonly issues: Issue[]
  /** Why a webhook did not verify: `no_secrets`, `malformed_timestamp`, `malformed_signature`, `signature_mismatch`, `timestamp_too_old`, `timestamp_in_future`. */
  readonly reason: string | null
  /** The server's request id. */
  readonly requestId: string | null
  /** The call's idempotency key. */
  readonly idempotencyKey: string | null
  /** How long the server asked to wait, in milliseconds. */
  readonly retryAfterMs: number | null
  /** The response body as received, when it matched no known shape. */
  readonly rawBody: string | null
  /** Whether repeating the same call may succeed. */
  readonly retryable: boolean
  /** A plain object for logs. */
  toJSON(): Required<A55ErrorFields> & { name: string; message: string }
}
/** A request or argument broke a rule (locally, or 400/422): see `issues`. */
export declare class ValidationError extends A55Error {}
/** A webhook did not verify: see `reason`. */
export declare class SignatureVerificationError extends A55Error {}
/** 401. */
export declare class AuthenticationError extends A55Error {}
/** 403. */
export declare class PermissionDeniedError extends A55Error {}
/** 404. */
export declare class NotFoundError extends A55Error {}
/** 409. */
export declare class ConflictError extends A55Error {}
/** 429: see `retryAfterMs`. */
export declare class RateLimitError extends A55Error {}
/** 5xx. */
export declare class ServerError extends A55Error {}
/** Any other HTTP error status. */
export declare class APIError extends A55Error {}
/** The request was never written: nothing happened on the server. */
export declare class APIConnectionError extends A55Error {}
/** The deadline ran out before the request was written. */
export declare class APITimeoutError extends A55Error {}
/** The request was written but no answer came: repeat it with `idempotencyKey`. */
export declare class UnknownOutcomeError extends A55Error {}
/** The client is configured wrongly. */
export declare class ConfigurationError extends A55Error {}
/** A 2xx answer could not be read. */
export declare class DecodeError extends A55Error {}
