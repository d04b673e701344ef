'use strict'
/**
 * Host-type checks: is each argument the right JavaScript type? Nothing here decides a rule; a
 * wrong type throws `ValidationError` (`INVALID_TYPE`, naming the argument) through the native
 * module, so it has the same shape as every other error. Messages describe the type of a value,
 * never the value itself (it could be a card number or a secret).
 */

/** @type {import('../index.js') & {_invalidType(field: string, description: string): never}} */
const native = loadNative()

/**
 * The native module: the one next to the package in a development tree, else the platform package
 * npm installed from `optionalDependencies` (`@a55/sdk-linux-x64-gnu`, …). When none fits, the
 * error names the platform and what to install.
 */
function loadNative() {
  try {
    return require('../index.js')
  } catch (e) {
    const { optionalDependencies = {} } = require('../package.json')
    const err = new Error(
      `@a55/sdk has no native module for this platform (${process.platform}-${process.arch}). ` +
        `Packages exist for: ${Object.keys(optionalDependencies).join(', ')}. Reinstall with optional ` +
        'dependencies enabled (no --no-optional / --omit=optional), or build from source (bindings-node/README.md).',
    )
    err.code = 'A55_NO_NATIVE_MODULE'
    err.cause = e
    throw err
  }
}

/** A description of a value's type, without its content. */
function typeOf(value) {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN'
  if (value instanceof Date) return 'a Date'
  if (ArrayBuffer.isView(value)) return `a ${value.constructor?.name ?? 'typed array'}`
  const t = typeof value
  return t === 'object' ? 'an object' : `a ${t}`
}

/** Throws the `INVALID_TYPE` validation error for `field`. */
function invalidType(field, description) {
  native._invalidType(field, description)
  throw new Error('unreachable: _invalidType returned') // _invalidType always throws
}

/** A string argument. */
function string(value, field) {
  if (typeof value !== 'string') invalidType(field, `${field} must be a string, not ${typeOf(value)}`)
  return value
}

/** An optional string argument: `undefined` and `null` mean absent. */
function optionalString(value, field) {
  if (value === undefined || value === null) return undefined
  return string(value, field)
}

/**
 * An amount: decimal text or a number. Core reads a number through its shortest round-trip text
 * (`String(n)`) and rejects NaN and infinities with `AMOUNT_INVALID`.
 */
function amount(value, field) {
  if (typeof value !== 'string' && typeof value !== 'number') {
    invalidType(field, `${field} must be a string or a number, not ${typeOf(value)}`)
  }
  return value
}

/** An integer-valued number (core's range check decides the rest). */
function integer(value, field) {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    invalidType(field, `${field} must be an integer number, not ${typeOf(value)}${typeof value === 'number' && Number.isFinite(value) ? ' with a fraction' : ''}`)
  }
  return value
}

/**
 * A number of milliseconds. Only its type is checked here: which numbers are valid (finite, not
 * negative) is core's rule, applied after the conversion to seconds.
 */
function milliseconds(value, field) {
  if (typeof value !== 'number') {
    invalidType(field, `${field} must be a number of milliseconds, not ${typeOf(value)}`)
  }
  return value
}

/** A valid `Date`; returns its time in milliseconds. */
function date(value, field) {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    invalidType(field, `${field} must be a valid Date, not ${value instanceof Date ? 'an invalid Date' : typeOf(value)}`)
  }
  return value.getTime()
}

/**
 * Raw bytes: a Buffer or Uint8Array (any ArrayBuffer view or an ArrayBuffer), or a string, taken
 * as its UTF-8 bytes. A parsed object is refused with `objectMessage`.
 */
function bytes(value, field, objectMessage) {
  if (typeof value === 'string') return Buffer.from(value, 'utf8')
  if (value instanceof Uint8Array) return value
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  if (value !== null && typeof value === 'object' && objectMessage) invalidType(field, objectMessage)
  invalidType(field, `${field} must be a Buffer, a Uint8Array or a string, not ${typeOf(value)}`)
}

/**
 * A header value: a string; `undefined` or `null` (a missing header) is passed as empty text, so
 * verification fails with its own reason (`malformed_signature`, `malformed_timestamp`).
 */
function header(value, field, { numbers = false } = {}) {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (numbers && typeof value === 'number') return String(value)
  invalidType(field, `${field} must be a string${numbers ? ' or a number' : ''}, not ${typeOf(value)}`)
}

/** One secret or a list of them (rotation). */
function secrets(value, field) {
  if (typeof value === 'string') return [value]
  if (!Array.isArray(value)) invalidType(field, `${field} must be a string or an array of strings, not ${typeOf(value)}`)
  value.forEach((s, i) => {
    if (typeof s !== 'string') invalidType(`${field}[${i}]`, `${field}[${i}] must be a string, not ${typeOf(s)}`)
  })
  return [...value]
}

/** An options object: `undefined` and `null` mean none. */
function options(value, field) {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    invalidType(field, `${field} must be an object, not ${typeOf(value)}`)
  }
  return value
}

/**
 * JSON text for a payload, as `JSON.stringify` writes it, except where that would lose what the
 * caller meant: NaN and ±Infinity become the text `"NaN"`/`"Infinity"` (core then reports
 * `AMOUNT_INVALID` or `INVALID_TYPE` at that field instead of a misleading missing value), and a
 * bigint becomes an exact JSON integer. `undefined`, functions and symbols are left out (in arrays,
 * `null`), and `toJSON` is honoured, like `JSON.stringify`. A lone surrogate becomes U+FFFD. A circular reference or nesting too deep
 * for the stack cannot be JSON: `INVALID_TYPE` at that path.
 */
function payloadJson(value, field) {
  // The common case first: JSON.stringify gives the same text unless the payload holds a value it
  // would change (NaN or ±Infinity written as `null`, a lone surrogate written as an escape) or
  // cannot write (a bigint, a cycle); any `null` or `\u` escape in its text sends the payload the
  // careful way below.
  if (value !== null && typeof value === 'object') {
    let fast
    try {
      fast = JSON.stringify(value)
    } catch {
      fast = undefined
    }
    if (fast !== undefined && !fast.includes('null') && !fast.includes('\\u')) return fast
  }
  return carefulJson(value, field)
}

/** `payloadJson` for payloads that JSON.stringify would change or cannot write. */
function carefulJson(value, field) {
  const ancestors = []
  const at = (path, key) => (path ? `${path}.${key}` : String(key))
  // A lone surrogate has no UTF-8 form: it becomes U+FFFD, as it does in every string argument.
  const text = (s) => JSON.stringify(s.toWellFormed ? s.toWellFormed() : s)
  function write(v, key, path) {
    if (v !== null && typeof v === 'object' && typeof v.toJSON === 'function') v = v.toJSON(key)
    switch (typeof v) {
      case 'string':
        return text(v)
      case 'number':
        return Number.isFinite(v) ? JSON.stringify(v) : JSON.stringify(String(v))
      case 'boolean':
        return v ? 'true' : 'false'
      case 'bigint':
        return v.toString()
      case 'undefined':
      case 'function':
      case 'symbol':
        return undefined
      default:
        break
    }
    if (v === null) return 'null'
    if (ancestors.includes(v)) {
      invalidType(path || field, `${path || field} is a circular reference: a payload must be plain JSON data`)
    }
    ancestors.push(v)
    let out
    if (Array.isArray(v)) {
      out = `[${v.map((x, i) => write(x, String(i), `${path || ''}[${i}]`) ?? 'null').join(',')}]`
    } else {
      const parts = []
      for (const k of Object.keys(v)) {
        const item = write(v[k], k, at(path, k))
        if (item !== undefined) parts.push(`${text(k)}:${item}`)
      }
      out = `{${parts.join(',')}}`
    }
    ancestors.pop()
    return out
  }
  try {
    return write(value, '', '') ?? 'null'
  } catch (e) {
    if (e instanceof RangeError) invalidType(field, `${field} is nested too deeply to be JSON`)
    throw e
  }
}

module.exports = {
  native,
  typeOf,
  invalidType,
  string,
  optionalString,
  amount,
  integer,
  milliseconds,
  date,
  bytes,
  header,
  secrets,
  options,
  payloadJson,
}
