'use strict'
// The error hierarchy: every class, instanceof, the fields, and the mapping from native errors.
const test = require('node:test')
const assert = require('node:assert/strict')
const { spawnSync } = require('node:child_process')
const sdk = require('@a55/sdk')

const CLASSES = {
  ValidationError: 'validation',
  SignatureVerificationError: 'signature',
  AuthenticationError: 'authentication',
  PermissionDeniedError: 'permission',
  NotFoundError: 'not_found',
  ConflictError: 'conflict',
  RateLimitError: 'rate_limit',
  ServerError: 'server',
  APIError: 'api',
  APIConnectionError: 'connection',
  APITimeoutError: 'timeout',
  UnknownOutcomeError: 'unknown_outcome',
  ConfigurationError: 'configuration',
  DecodeError: 'decode',
}

for (const [name, kind] of Object.entries(CLASSES)) {
  test(`${name}: instanceof, kind, default code, every field`, () => {
    const Class = sdk[name]
    assert.equal(typeof Class, 'function', `${name} is exported`)
    const e = new Class('something happened', { status: 500, requestId: 'req_1', idempotencyKey: 'idem_1' })
    assert.ok(e instanceof Class)
    assert.ok(e instanceof sdk.A55Error)
    assert.ok(e instanceof Error)
    assert.equal(e.name, name)
    assert.equal(e.kind, kind)
    assert.equal(e.code, kind.toUpperCase())
    assert.equal(e.message, 'something happened')
    assert.equal(e.status, 500)
    assert.equal(e.requestId, 'req_1')
    assert.equal(e.idempotencyKey, 'idem_1')
    for (const field of ['reason', 'retryAfterMs', 'rawBody']) assert.equal(e[field], null, field)
    assert.deepEqual(e.codes, [])
    assert.deepEqual(e.issues, [])
    assert.equal(e.retryable, false)
    for (const [other] of Object.entries(CLASSES)) {
      if (other !== name) assert.ok(!(e instanceof sdk[other]), `${name} is not a ${other}`)
    }
    assert.match(String(e.stack), new RegExp(`^${name}: something happened`))
  })
}

test('code is the first code, else the first error issue, else the kind', () => {
  assert.equal(new sdk.ConflictError('x', { codes: ['IDEMPOTENCY_KEY_IN_USE', 'B'] }).code, 'IDEMPOTENCY_KEY_IN_USE')
  const issues = [
    { code: 'UNKNOWN_FIELD', severity: 'warning', field: 'x', description: 'd' },
    { code: 'AMOUNT_INVALID', severity: 'error', field: 'amount', description: 'd' },
  ]
  assert.equal(new sdk.ValidationError('x', { issues }).code, 'AMOUNT_INVALID')
  assert.equal(new sdk.APITimeoutError('x').code, 'TIMEOUT')
  const r = new sdk.RateLimitError('slow', { retryAfterMs: 1500, retryable: true })
  assert.equal(r.retryAfterMs, 1500)
  assert.equal(r.retryable, true)
  assert.equal(new sdk.UnknownOutcomeError('x', { idempotencyKey: 'k' }).idempotencyKey, 'k')
  assert.equal(new sdk.DecodeError('x', { rawBody: '<html>' }).rawBody, '<html>')
})

test('a rule error from core is a ValidationError with its issue', () => {
  let err
  try {
    sdk.normalizeAmount('0', 'BRL')
  } catch (x) {
    err = x
  }
  assert.ok(err instanceof sdk.ValidationError)
  assert.equal(err.code, 'AMOUNT_INVALID')
  assert.deepEqual(err.codes, ['AMOUNT_INVALID'])
  assert.equal(err.kind, 'validation')
  assert.equal(err.issues.length, 1)
  assert.deepEqual(Object.keys(err.issues[0]).sort(), ['code', 'description', 'field', 'severity'])
  assert.equal(err.issues[0].field, 'amount')
  assert.equal(err.issues[0].severity, 'error')
  assert.equal(err.status, null)
  assert.equal(err.retryable, false)
  assert.match(err.message, /AMOUNT_INVALID/)
  // The stack starts at the caller, not inside the wrapper.
  assert.doesNotMatch(err.stack.split('\n')[1], /node_modules[\\/]@a55/)
})

test('a webhook failure is a SignatureVerificationError with its reason', () => {
  assert.throws(
    () => sdk.verifyWebhook('{}', 'a'.repeat(64), '1795000000', ['k'], { now: new Date(1795000000 * 1000) }),
    (e) => e instanceof sdk.SignatureVerificationError && e.reason === 'signature_mismatch' && e.code === 'INVALID_WEBHOOK_SIGNATURE',
  )
})

test('a panic in Rust becomes an A55Error and the process goes on', () => {
  assert.throws(
    () => sdk._panicForTests(),
    (e) =>
      e instanceof sdk.A55Error &&
      !(e instanceof sdk.ValidationError) &&
      e.code === 'INTERNAL_ERROR' &&
      !String(e.message).includes('4111111111111111'),
  )
  // Still usable afterwards, and again.
  assert.equal(sdk.normalizeAmount('1', 'BRL'), '1.00')
  assert.throws(() => sdk._panicForTests(), sdk.A55Error)
  assert.ok(!Object.keys(sdk).includes('_panicForTests'), 'hidden from enumeration')
})

test('a panic prints only its location to stderr, never its message', () => {
  const r = spawnSync(process.execPath, ['-e', 'try { require("@a55/sdk")._panicForTests() } catch (e) { console.log(e.code) }'], {
    encoding: 'utf8',
    cwd: __dirname,
  })
  assert.equal(r.status, 0, r.stderr)
  assert.equal(r.stdout.trim(), 'INTERNAL_ERROR')
  assert.match(r.stderr, /internal error \(Rust panic\)/)
  assert.doesNotMatch(r.stderr, /4111111111111111|deliberate/)
})
