'use strict'
/**
 * The error classes of the A55 SDK, and the one mapping from the native module's errors to them.
 *
 * The Rust side (src/error.rs) throws every failure as an Error whose `code` is `A55_SDK_ERROR` and
 * whose message is a JSON object with core's error fields; `fromNative` turns it into the class of
 * its kind. A Rust panic (napi's `GenericFailure`) becomes a plain `A55Error` with code
 * `INTERNAL_ERROR`; its text is dropped, since a panic message could quote user input.
 */

const NATIVE_MARKER = 'A55_SDK_ERROR'

/** The code used when an error has neither codes nor issues: its kind in upper case. */
function kindCode(kind) {
  return String(kind).toUpperCase()
}

/** Base class of every error the SDK throws. */
class A55Error extends Error {
  /**
   * @param {string} message a sentence for people
   * @param {object} [fields] kind, code, status, codes, issues, reason, requestId, idempotencyKey,
   *   retryAfterMs, rawBody, retryable
   */
  constructor(message, fields = {}) {
    super(message)
    const issues = Array.isArray(fields.issues) ? fields.issues.map((i) => ({ ...i })) : []
    const codes = Array.isArray(fields.codes) ? [...fields.codes] : []
    const firstError = issues.find((i) => i.severity === 'error') ?? issues[0]
    /** What happened, as core names it: `validation`, `signature`, `rate_limit`, … */
    this.kind = fields.kind ?? this.constructor.kind ?? 'internal'
    /** A stable machine code: the first error code, else the kind in upper case. */
    this.code = fields.code ?? codes[0] ?? firstError?.code ?? kindCode(this.kind)
    /** The HTTP status, when the server answered. */
    this.status = fields.status ?? null
    /** The same as `status`. */
    this.httpStatus = this.status
    /** Every error code the server or local validation gave. */
    this.codes = codes
    /** The validation issues, `{code, severity, field, description}` each. */
    this.issues = issues
    /** Why a webhook did not verify (`signature_mismatch`, …). */
    this.reason = fields.reason ?? null
    /** The server's `X-Request-Id`. */
    this.requestId = fields.requestId ?? null
    /** The call's idempotency key: repeat the call with it after an unknown outcome. */
    this.idempotencyKey = fields.idempotencyKey ?? null
    /** How long the server asked to wait, in milliseconds (429). */
    this.retryAfterMs = fields.retryAfterMs ?? null
    /** The response body as received, when it matched no known shape. */
    this.rawBody = fields.rawBody ?? null
    /** Whether repeating the same call (same idempotency key) may succeed. */
    this.retryable = fields.retryable ?? false
  }

  /** The error's name (`ValidationError`, …). */
  get name() {
    return this.constructor.name
  }

  /** A plain object for logs and `JSON.stringify`. */
  toJSON() {
    return {
      name: this.name,
      message: this.message,
      kind: this.kind,
      code: this.code,
      status: this.status,
      httpStatus: this.httpStatus,
      codes: this.codes,
      issues: this.issues,
      reason: this.reason,
      requestId: this.requestId,
      idempotencyKey: this.idempotencyKey,
      retryAfterMs: this.retryAfterMs,
      rawBody: this.rawBody,
      retryable: this.retryable,
    }
  }
}

/** A request or an argument broke a rule (locally, or 400/422 from the server): see `issues`. */
class ValidationError extends A55Error {}
ValidationError.kind = 'validation'
/** A webhook did not verify: see `reason`. */
class SignatureVerificationError extends A55Error {}
SignatureVerificationError.kind = 'signature'
/** 401: the token is missing, bad or expired, or the credentials are wrong. */
class AuthenticationError extends A55Error {}
AuthenticationError.kind = 'authentication'
/** 403: the credentials may not act on this resource. */
class PermissionDeniedError extends A55Error {}
PermissionDeniedError.kind = 'permission'
/** 404. */
class NotFoundError extends A55Error {}
NotFoundError.kind = 'not_found'
/** 409: a state conflict, or an idempotency key reused with another body. */
class ConflictError extends A55Error {}
ConflictError.kind = 'conflict'
/** 429: see `retryAfterMs`. */
class RateLimitError extends A55Error {}
RateLimitError.kind = 'rate_limit'
/** 5xx. */
class ServerError extends A55Error {}
ServerError.kind = 'server'
/** Any other HTTP error status. */
class APIError extends A55Error {}
APIError.kind = 'api'
/** The request was never written (DNS, refused connection, TLS): nothing happened on the server. */
class APIConnectionError extends A55Error {}
APIConnectionError.kind = 'connection'
/** The deadline ran out before the request was written. */
class APITimeoutError extends A55Error {}
APITimeoutError.kind = 'timeout'
/** The request was written but no answer came: repeat it with `idempotencyKey`. */
class UnknownOutcomeError extends A55Error {}
UnknownOutcomeError.kind = 'unknown_outcome'
/** The client is configured wrongly (no credentials, a non-HTTPS URL, no TLS roots). */
class ConfigurationError extends A55Error {}
ConfigurationError.kind = 'configuration'
/** A 2xx answer could not be read. */
class DecodeError extends A55Error {}
DecodeError.kind = 'decode'

/** Every class by core's `ErrorKind` name. */
const CLASS_BY_KIND = Object.freeze({
  validation: ValidationError,
  signature: SignatureVerificationError,
  authentication: AuthenticationError,
  permission: PermissionDeniedError,
  not_found: NotFoundError,
  conflict: ConflictError,
  rate_limit: RateLimitError,
  server: ServerError,
  api: APIError,
  connection: APIConnectionError,
  timeout: APITimeoutError,
  unknown_outcome: UnknownOutcomeError,
  configuration: ConfigurationError,
  decode: DecodeError,
})

/** The error for core's JSON error payload (see src/error.rs). */
function fromPayload(p) {
  const Class = CLASS_BY_KIND[p.kind] ?? A55Error
  return new Class(p.message, p)
}

/**
 * The SDK error for anything the native module threw. `caller` (the public function) is cut from
 * the stack trace, so it starts at the user's call.
 */
function fromNative(e, caller) {
  let out = e
  if (e instanceof A55Error) {
    out = e
  } else if (e && e.code === NATIVE_MARKER) {
    try {
      out = fromPayload(JSON.parse(e.message))
    } catch {
      out = new A55Error('the native module returned an unreadable error', { code: 'INTERNAL_ERROR' })
    }
  } else if (e && e.code === 'GenericFailure') {
    out = new A55Error(
      'internal error: the A55 native module panicked (a bug; the process is safe to continue, please report it)',
      { code: 'INTERNAL_ERROR' },
    )
  }
  if (out !== e && caller && Error.captureStackTrace) Error.captureStackTrace(out, caller)
  return out
}

module.exports = {
  A55Error,
  ValidationError,
  SignatureVerificationError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  APIError,
  APIConnectionError,
  APITimeoutError,
  UnknownOutcomeError,
  ConfigurationError,
  DecodeError,
  CLASS_BY_KIND,
  fromNative,
  fromPayload,
}
