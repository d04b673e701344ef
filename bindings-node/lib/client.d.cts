// Types of A55Client. The result models (`Charge`, `Wallet`, …) are generated from the Rust core
// (./models.d.ts); the methods and options are declared here, because lib/client.cjs is what users call.
import type * as M from './models.js'
import type * as P from './payloads.js'
import type { Issue } from './index.cjs'

export type * from './models.js'
export type * from './payloads.js'

/** A request payload: a plain object with A55's snake_case keys (see docs/validation.md). */
export type RequestPayload = Record<string, unknown>

/** Options of `new A55Client(…)`. Give `clientId` + `clientSecret`, or `accessToken`. */
export interface A55ClientOptions {
  clientId?: string
  clientSecret?: string
  accessToken?: string
  /** `core-manager` (default), `production` or `sandbox`. */
  environment?: 'core-manager' | 'production' | 'sandbox'
  /** Scheme, host and port (an emulator, a proxy). */
  baseUrl?: string
  /** The OAuth2 token URL. */
  tokenUrl?: string
  /** Per attempt, in milliseconds (30000). */
  timeoutMs?: number
  /** For the whole call, retries included, in milliseconds (60000). */
  deadlineMs?: number
  /** Retries after the first attempt (2). */
  maxRetries?: number
  /** Validate requests locally before sending (true). */
  validate?: boolean
  /** "Today" for validation, `YYYY-MM-DD` (default: the date at UTC−12). */
  today?: M.DateString
  /** Allow plain http to a non-loopback host (an emulator in a container). */
  allowInsecureHttp?: boolean
  /** Wait for the rate budget (A55: 100 requests a minute per client) instead of drawing a 429 (true). */
  pacing?: boolean
  /**
   * Share the rate budget and the access token with every process naming the same store:
   * `redis://host:port/db` (else `A55_SHARED_STORE`; `''` for none). See docs/fleet.md.
   */
  sharedStore?: string
}

/** Per-call options of a read. */
export interface ReadOptions {
  /** Per attempt, in milliseconds. */
  timeoutMs?: number
  /** For the whole call, in milliseconds. */
  deadlineMs?: number
  /** Retries after the first attempt. */
  maxRetries?: number
  /** Ends the call; a write that may have been sent rejects with `UnknownOutcomeError` and its key. */
  signal?: AbortSignal
}

/** Per-call options of a write without a payload to validate (cancel). */
export interface WriteOptions extends ReadOptions {
  /** Send exactly this idempotency key. */
  idempotencyKey?: string
  /** Derive the key from your own id (an order id): a re-run job cannot pay twice. */
  idempotencyFrom?: string
}

/** Per-call options of a validated write. */
export interface ValidatedWriteOptions extends WriteOptions {
  /** Send without local validation (the server still validates). */
  skipValidation?: boolean
}

/** Options of `waitForCharge`: each poll's options and the longest wait. */
export interface WaitOptions extends ReadOptions {
  /** The longest wait, in milliseconds (60000). */
  maxWaitMs?: number
}

/** The rate-limit headers of an answer. */
export interface RateLimit {
  limit: number | null
  remaining: number | null
  /** Unix seconds. */
  reset: number | null
}

/** What came with a result. */
export interface ResponseMeta {
  /** The HTTP status. */
  status: number
  requestId: string | null
  /** The key sent (writes): repeat a call with it to get the original answer. */
  idempotencyKey: string | null
  /** Whether the server answered from an earlier call with the same key. */
  replayed: boolean
  /** 1 + retries. */
  attempts: number
  rateLimit: RateLimit
  /** Local validation warnings (`AMOUNT_ROUNDED`, `UNKNOWN_FIELD`, …). */
  warnings: Issue[]
  /** The answer's JSON text, byte for byte. */
  rawJson: string
}

/** A result: the typed model and its metadata. */
export interface Response<T> {
  data: T
  meta: ResponseMeta
}

/** A charge of a wallet. */
export interface ChargeIds {
  chargeUuid: string
  walletUuid: string
}

/** A subscription of a wallet. */
export interface SubscriptionIds {
  subscriptionUuid: string
  walletUuid: string
}

/** Which wallet to read: by id, email or customer id. */
export interface WalletQuery {
  walletUuid?: string
  email?: string
  customerId?: string
  currency?: string
}

/** Which charges to list. */
export interface ChargeQuery {
  walletUuid: string
  /** 1-based page (a pager starts there). */
  page?: number
  /** Page size, 1–100. */
  limit?: number
  status?: M.ChargeStatus
  dateStart?: string
  dateEnd?: string
}

/** The A55 client: one per process. Every method returns a Promise of `{ data, meta }`. */
export declare class A55Client {
  constructor(options?: A55ClientOptions)
  /** From `A55_CLIENT_ID` + `A55_CLIENT_SECRET` or `A55_ACCESS_TOKEN`, `A55_API_URL`, `A55_AUTH_URL`. */
  static fromEnv(options?: Omit<A55ClientOptions, 'clientId' | 'clientSecret' | 'accessToken'>): A55Client
  createWallet(payload: P.WalletPayload, options?: ValidatedWriteOptions): Promise<Response<M.Wallet>>
  getWallet(query: WalletQuery, options?: ReadOptions): Promise<Response<M.Wallet>>
  createCharge(payload: P.ChargePayload, options?: ValidatedWriteOptions): Promise<Response<M.Charge>>
  createPixCharge(payload: P.PixChargePayload, options?: ValidatedWriteOptions): Promise<Response<M.Charge>>
  createSubscription(payload: P.ChargePayload, options?: ValidatedWriteOptions): Promise<Response<M.Charge>>
  getCharge(ids: ChargeIds, options?: ReadOptions): Promise<Response<M.Charge>>
  listCharges(query: ChargeQuery, options?: ReadOptions): Promise<Response<M.ChargePage>>
  /** Every charge of a wallet: `for await (const charge of client.listAllCharges({ walletUuid }))`. */
  listAllCharges(query: ChargeQuery, options?: Omit<ReadOptions, 'signal'>): AsyncIterableIterator<M.Charge>
  refundCharge(ids: ChargeIds, payload?: { amount?: string | number; reason?: string } & RequestPayload, options?: ValidatedWriteOptions): Promise<Response<M.Charge>>
  cancelCharge(ids: ChargeIds & { reason?: string }, options?: WriteOptions): Promise<Response<M.Charge>>
  captureCharge(ids: ChargeIds, payload?: { amount?: string | number } & RequestPayload, options?: ValidatedWriteOptions): Promise<Response<M.Charge>>
  /** Polls until the charge's status is terminal or `maxWaitMs` runs out. */
  waitForCharge(ids: ChargeIds, options?: WaitOptions): Promise<Response<M.Charge>>
  getSubscription(ids: SubscriptionIds, options?: ReadOptions): Promise<Response<M.Subscription>>
  cancelSubscription(ids: SubscriptionIds, options?: ReadOptions): Promise<Response<M.Subscription>>
  createCheckout(payload: P.CheckoutPayload, options?: ValidatedWriteOptions): Promise<Response<M.CheckoutSession>>
  createPaymentLink(payload: P.PaymentLinkPayload, options?: ValidatedWriteOptions): Promise<Response<M.PaymentLink>>
  /** No token needed: apps may call it. */
  getPublicCharge(ids: { chargeUuid: string }, options?: ReadOptions): Promise<Response<M.PublicCharge>>
  /** No token needed: apps may call it. */
  payPublicCharge(ids: { chargeUuid: string }, payload: P.PublicPaymentPayload, options?: ValidatedWriteOptions): Promise<Response<M.Charge>>
  /** Later calls throw `ConfigurationError`; calls under way finish. */
  close(): void
  [Symbol.asyncDispose](): Promise<void>
}
