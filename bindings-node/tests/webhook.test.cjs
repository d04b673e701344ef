'use strict'
// Webhooks: bytes vs strings, options, rotation, the parsed event.
const test = require('node:test')
const assert = require('node:assert/strict')
const sdk = require('@a55/sdk')

const BODY = '{"charge_uuid":"c1","status":"cancelled","amount":150.0,"currency":"BRL","extra":{"n":1}}'
const TS = 1795000000
const NOW = new Date(TS * 1000)

test('string, Buffer, Uint8Array and ArrayBuffer bodies give the same signature', () => {
  const s = sdk.signWebhook(BODY, 'k', TS)
  assert.match(s, /^[0-9a-f]{64}$/)
  const buf = Buffer.from(BODY)
  assert.equal(sdk.signWebhook(buf, 'k', TS), s)
  assert.equal(sdk.signWebhook(new Uint8Array(buf), 'k', TS), s)
  assert.equal(sdk.signWebhook(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length), 'k', TS), s)
  assert.notEqual(sdk.signWebhook(BODY + ' ', 'k', TS), s)
})

test('verify returns the event with snake_case fields, dedup_key and raw', () => {
  const sig = sdk.signWebhook(BODY, 'new', TS)
  const ev = sdk.verifyWebhook(Buffer.from(BODY), sig, String(TS), ['old', 'new'], { now: NOW })
  assert.equal(ev.charge_uuid, 'c1')
  assert.equal(ev.status, 'canceled')
  assert.equal(ev.currency, 'BRL')
  assert.equal(ev.dedup_key, 'c1:canceled')
  assert.equal(ev.subscription_uuid, null)
  assert.deepEqual(ev.raw.extra, { n: 1 })
  assert.equal(ev.raw_json, undefined)
  // A number timestamp header is its text.
  assert.equal(sdk.verifyWebhook(BODY, sig, TS, 'new', { now: NOW }).charge_uuid, 'c1')
})

test('tolerance in milliseconds, both directions, default 300000', () => {
  assert.equal(sdk.DEFAULT_TOLERANCE_MS, 300000)
  const sig = sdk.signWebhook(BODY, 'k', TS)
  const at = (s) => new Date((TS + s) * 1000)
  assert.ok(sdk.verifyWebhook(BODY, sig, String(TS), 'k', { now: at(300) }))
  assert.ok(sdk.verifyWebhook(BODY, sig, String(TS), 'k', { now: at(-300) }))
  assert.throws(() => sdk.verifyWebhook(BODY, sig, String(TS), 'k', { now: at(301) }), (e) => e.reason === 'timestamp_too_old')
  assert.throws(() => sdk.verifyWebhook(BODY, sig, String(TS), 'k', { now: at(-301) }), (e) => e.reason === 'timestamp_in_future')
  assert.ok(sdk.verifyWebhook(BODY, sig, String(TS), 'k', { now: at(3600), toleranceMs: 3_600_000 }))
  assert.throws(() => sdk.verifyWebhook(BODY, sig, String(TS), 'k', { now: at(1), toleranceMs: 0 }), (e) => e.reason === 'timestamp_too_old')
  // Without `now`, the clock is Date.now(): a signature made now verifies.
  const nowTs = Math.floor(Date.now() / 1000)
  assert.ok(sdk.verifyWebhook(BODY, sdk.signWebhook(BODY, 'k', nowTs), String(nowTs), 'k'))
})

test('a verified body that is not a charge event is INVALID_WEBHOOK_PAYLOAD', () => {
  const body = '[1,2]'
  const sig = sdk.signWebhook(body, 'k', TS)
  assert.throws(
    () => sdk.verifyWebhook(body, sig, String(TS), 'k', { now: NOW }),
    (e) => e instanceof sdk.ValidationError && e.code === 'INVALID_WEBHOOK_PAYLOAD',
  )
})
