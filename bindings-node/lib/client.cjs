'use strict'
/**
 * `A55Client`: the Promise client. Every method hands its arguments to the native module as JSON
 * in core's names, and core does the rest (reading and checking identifiers and options, deciding
 * which options a method honours, validation, authentication, retries, idempotency, decoding into
 * the typed model). This file only renames (`chargeUuid` → `charge_uuid`, `timeoutMs` →
 * `timeout_ms`), wires `AbortSignal`, and turns the native answer into `{ data, meta }` or a thrown
 * error of the SDK's classes.
 */

const a = require('./args.cjs')
const errors = require('./errors.cjs')

const native = a.native
const { version } = require('../package.json')

/** Client options: JavaScript name → core's name. */
const SETTINGS = {
  clientId: 'client_id',
  clientSecret: 'client_secret',
  accessToken: 'access_token',
  environment: 'environment',
  baseUrl: 'base_url',
  tokenUrl: 'token_url',
  timeoutMs: 'timeout_ms',
  deadlineMs: 'deadline_ms',
  maxRetries: 'max_retries',
  validate: 'validate',
  today: 'today',
  allowInsecureHttp: 'allow_insecure_http',
  pacing: 'pacing',
  sharedStore: 'shared_store',
}

/** Per-call options: JavaScript name → core's name (`signal` is handled here). */
const OPTIONS = {
  idempotencyKey: 'idempotency_key',
  idempotencyFrom: 'idempotency_from',
  timeoutMs: 'timeout_ms',
  deadlineMs: 'deadline_ms',
  maxRetries: 'max_retries',
  skipValidation: 'skip_validation',
  maxWaitMs: 'max_wait_ms',
}

/** Identifiers and list filters: JavaScript name → core's name. */
const ARGS = {
  chargeUuid: 'charge_uuid',
  walletUuid: 'wallet_uuid',
  subscriptionUuid: 'subscription_uuid',
  customerId: 'customer_id',
  email: 'email',
  currency: 'currency',
  page: 'page',
  limit: 'limit',
  status: 'status',
  dateStart: 'date_start',
  dateEnd: 'date_end',
  reason: 'reason',
}

/**
 * An object with its known keys renamed to core's names. A key it does not know is passed as it
 * was written, so core's error names it the way the caller spelt it.
 */
function renamed(value, field, names) {
  const src = a.options(value, field)
  const out = {}
  for (const key of Object.keys(src)) {
    if (src[key] === undefined) continue
    out[Object.hasOwn(names, key) ? names[key] : key] = src[key]
  }
  return out
}

/** `{ requestId, … }` from core's snake_case metadata. */
function metaOf(m) {
  return {
    status: m.status,
    requestId: m.request_id,
    idempotencyKey: m.idempotency_key,
    replayed: m.replayed,
    attempts: m.attempts,
    rateLimit: m.rate_limit,
    warnings: m.warnings,
    rawJson: m.raw_json,
  }
}

/** The value of a native answer, or the error it carries. */
function settle(text, signal) {
  const answer = JSON.parse(text)
  if (answer.aborted) {
    // A write may have reached the server: the unknown outcome, with its key. A read changed
    // nothing: the signal's own reason, as every abortable Node API rejects.
    if (answer.error) throw errors.fromPayload(answer.error)
    throw signal?.reason ?? new DOMException('This operation was aborted', 'AbortError')
  }
  if (answer.error) throw errors.fromPayload(answer.error)
  return answer.ok
}

let nextAbortId = 1

/** The A55 client: one per process (it pools connections and shares one token). */
class A55Client {
  #native
  #closed = false

  /**
   * @param {object} [options] `clientId` + `clientSecret` or `accessToken`, `environment`
   *   (`core-manager`, `production`, `sandbox`), `baseUrl`, `tokenUrl`, `timeoutMs`, `deadlineMs`,
   *   `maxRetries`, `validate`, `today` (`YYYY-MM-DD`), `allowInsecureHttp`, `pacing` (true:
   *   wait for the rate budget), `sharedStore` (`redis://…`: one budget and token for a fleet).
   */
  constructor(options = {}) {
    const settings = renamed(options, 'options', SETTINGS)
    settings.user_agent_suffix = `node/${version}`
    try {
      this.#native = new native.NativeClient(JSON.stringify(settings))
    } catch (e) {
      throw errors.fromNative(e, A55Client)
    }
  }

  /**
   * A client from the environment: `A55_CLIENT_ID` + `A55_CLIENT_SECRET` or `A55_ACCESS_TOKEN`,
   * and `A55_API_URL` / `A55_AUTH_URL` over the environment's URLs.
   * @param {object} [options] `environment` and the options of the constructor other than credentials.
   */
  static fromEnv(options = {}) {
    return new A55Client({ ...a.options(options, 'options'), fromEnv: true })
  }

  /** Starts one native call and turns its answer into `{ data, meta }`. */
  async #call(method, args, payload, options) {
    if (this.#closed) {
      throw new errors.ConfigurationError('the client is closed', { kind: 'configuration' })
    }
    const opts = renamed(options, 'options', OPTIONS)
    const signal = opts.signal
    delete opts.signal
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      a.invalidType('signal', `signal must be an AbortSignal, not ${a.typeOf(signal)}`)
    }
    signal?.throwIfAborted()
    const argsJson = args === null ? null : JSON.stringify(renamed(args, 'ids', ARGS))
    const payloadJson = payload === undefined ? null : a.payloadJson(payload, 'payload')
    const abortId = signal ? nextAbortId++ : null
    const onAbort = () => this.#native.abort(abortId)
    signal?.addEventListener('abort', onAbort, { once: true })
    try {
      const text = await this.#native.call(method, argsJson, payloadJson, JSON.stringify(opts), abortId)
      const ok = settle(text, signal)
      return { data: ok.data, meta: metaOf(ok.meta) }
    } finally {
      signal?.removeEventListener('abort', onAbort)
    }
  }

  /** Creates a wallet. */
  createWallet(payload, options) {
    return this.#call('create_wallet', null, payload, options)
  }
  /** Reads a wallet by `{ walletUuid }`, `{ email }`, `{ customerId }` (and `currency`). */
  getWallet(query, options) {
    return this.#call('get_wallet', query ?? {}, undefined, options)
  }
  /** Creates a card, boleto or other charge (A55's field names). A declined card is a result. */
  createCharge(payload, options) {
    return this.#call('create_charge', null, payload, options)
  }
  /** Creates a PIX charge (`data.pix_payload` holds the BR Code). */
  createPixCharge(payload, options) {
    return this.#call('create_pix_charge', null, payload, options)
  }
  /** Creates a subscription; the answer is its first charge. */
  createSubscription(payload, options) {
    return this.#call('create_subscription', null, payload, options)
  }
  /** Reads a charge: `{ chargeUuid, walletUuid }`. */
  getCharge(ids, options) {
    return this.#call('get_charge', ids ?? {}, undefined, options)
  }
  /** One page of a wallet's charges: `{ walletUuid, page, limit, status, dateStart, dateEnd }`. */
  listCharges(query, options) {
    return this.#call('list_charges', query ?? {}, undefined, options)
  }
  /** Refunds a charge (`payload`: `{ amount, reason }`, empty for a full refund). */
  refundCharge(ids, payload, options) {
    return this.#call('refund_charge', ids ?? {}, payload ?? {}, options)
  }
  /** Cancels a charge: `{ chargeUuid, walletUuid, reason }`. */
  cancelCharge(ids, options) {
    return this.#call('cancel_charge', ids ?? {}, undefined, options)
  }
  /** Captures a pre-authorized charge (`payload`: `{ amount }`, empty for the whole amount). */
  captureCharge(ids, payload, options) {
    return this.#call('capture_charge', ids ?? {}, payload ?? {}, options)
  }
  /** Polls a charge until its status is terminal, for at most `options.maxWaitMs` (60000). */
  waitForCharge(ids, options) {
    return this.#call('wait_for_charge', ids ?? {}, undefined, options)
  }
  /** Reads a subscription: `{ subscriptionUuid, walletUuid }`. */
  getSubscription(ids, options) {
    return this.#call('get_subscription', ids ?? {}, undefined, options)
  }
  /** Cancels a subscription: `{ subscriptionUuid, walletUuid }`. */
  cancelSubscription(ids, options) {
    return this.#call('cancel_subscription', ids ?? {}, undefined, options)
  }
  /** Creates a hosted checkout session. */
  createCheckout(payload, options) {
    return this.#call('create_checkout', null, payload, options)
  }
  /** Creates a payment link. */
  createPaymentLink(payload, options) {
    return this.#call('create_payment_link', null, payload, options)
  }
  /** Reads a charge through the public endpoint (no token): `{ chargeUuid }`. */
  getPublicCharge(ids, options) {
    return this.#call('get_public_charge', ids ?? {}, undefined, options)
  }
  /** Pays a charge through the public endpoint (no token): `{ chargeUuid }` and the card. */
  payPublicCharge(ids, payload, options) {
    return this.#call('pay_public_charge', ids ?? {}, payload, options)
  }

  /**
   * Every charge of a wallet, a page request at a time: `for await (const charge of
   * client.listAllCharges({ walletUuid }))`.
   */
  listAllCharges(query, options) {
    const opts = renamed(options, 'options', OPTIONS)
    let pager
    try {
      pager = this.#native.pager(JSON.stringify(renamed(query ?? {}, 'query', ARGS)), JSON.stringify(opts))
    } catch (e) {
      throw errors.fromNative(e, this.listAllCharges)
    }
    return {
      async next() {
        const item = settle(await pager.next())
        return item === null ? { done: true, value: undefined } : { done: false, value: item }
      },
      [Symbol.asyncIterator]() {
        return this
      },
    }
  }

  /** Closes the client: later calls throw `ConfigurationError`; calls under way finish. */
  close() {
    this.#closed = true
  }

  /** `await using client = new A55Client(…)`. */
  async [Symbol.asyncDispose]() {
    this.close()
  }

  /** Never shows credentials. */
  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `A55Client { closed: ${this.#closed} }`
  }
}

if (Symbol.asyncDispose === undefined) delete A55Client.prototype[undefined]

module.exports = { A55Client }
