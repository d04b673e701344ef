'use strict'
// Hostile inputs: wrong types, NaN, huge numbers, 1 MB strings. Each call either answers or throws
// a documented SDK error (never a TypeError from the binding, never a crash), and type errors name
// the argument.
const test = require('node:test')
const assert = require('node:assert/strict')
const sdk = require('@a55/sdk')

const MB = 1 << 20
const HOSTILE = {
  undefined: undefined,
  null: null,
  NaN: NaN,
  Infinity: Infinity,
  '-Infinity': -Infinity,
  'huge number': 1e308,
  'unsafe integer': Number.MAX_SAFE_INTEGER + 2,
  '-huge number': -1e308,
  '-0': -0,
  bigint: 10n,
  true: true,
  object: { toString: () => '10.00' },
  array: ['10.00'],
  function: () => '10.00',
  symbol: Symbol('x'),
  Date: new Date(0),
  Buffer: Buffer.from('10.00'),
  '1 MB of digits': '9'.repeat(MB),
  '1 MB of text': 'x'.repeat(MB),
  'NUL and lone surrogate': '1\u0000\ud800',
  'empty string': '',
}

// Every issue code is documented in docs/issue-codes.md; INTERNAL_ERROR would be a panic.
const DOCUMENTED = new Set([
  'REQUIRED_FIELD', 'INVALID_TYPE', 'AMOUNT_INVALID', 'CURRENCY_NOT_SUPPORTED', 'INVALID_TYPE_CHARGE',
  'INVALID_TAX_ID', 'INVALID_UUID', 'INVALID_DATE', 'DUE_DATE_IN_PAST', 'INVALID_EMAIL', 'INVALID_PHONE',
  'INVALID_URL', 'INVALID_REDIRECT_URL', 'INVALID_POSTAL_CODE', 'INVALID_STATE', 'INVALID_COUNTRY',
  'INVALID_INSTALLMENT_COUNT', 'INVALID_CARD_NUMBER', 'INVALID_EXPIRY', 'EXPIRED_CARD', 'INVALID_CVC',
  'MISSING_DEVICE_INFO', 'INVALID_ALLOWED_METHOD', 'INVALID_SUBSCRIPTION_CYCLE', 'INVALID_SUBSCRIPTION',
  'INVALID_VALUE', 'INVALID_BR_CODE', 'INVALID_WEBHOOK_SIGNATURE', 'INVALID_WEBHOOK_PAYLOAD',
])

const SIG = sdk.signWebhook('{"charge_uuid":"c","status":"paid"}', 'k', 1795000000)
// Each function with good arguments; every position is replaced by each hostile value in turn.
const CALLS = {
  normalizeAmount: { fn: sdk.normalizeAmount, args: ['10.00', 'BRL'], names: ['amount', 'currency'] },
  currencyExponent: { fn: sdk.currencyExponent, args: ['BRL'], names: ['currency'] },
  toMinorUnits: { fn: sdk.toMinorUnits, args: ['10.00', 'BRL'], names: ['amount', 'currency'] },
  fromMinorUnits: { fn: sdk.fromMinorUnits, args: [1000, 'BRL'], names: ['minor', 'currency'] },
  splitInstallments: { fn: sdk.splitInstallments, args: ['100.00', 3, 'BRL'], names: ['total', 'count', 'currency'] },
  installmentDueDates: { fn: sdk.installmentDueDates, args: ['2026-12-31', 3], names: ['first_due_date', 'count'] },
  nextChargeDate: { fn: sdk.nextChargeDate, args: ['2026-12-31', 'monthly', '2027-12-31'], names: ['due_date', 'cycle', 'end_date'] },
  subscriptionSchedule: {
    fn: sdk.subscriptionSchedule,
    args: ['2026-12-31', 'monthly', 3, '2027-12-31'],
    names: ['due_date', 'cycle', 'count', 'end_date'],
  },
  validateTaxId: { fn: sdk.validateTaxId, args: ['529.982.247-25', 'BR'], names: ['value', 'country'] },
  cardBrand: { fn: sdk.cardBrand, args: ['4111111111111111'], names: ['card_number'] },
  parsePixBrCode: { fn: sdk.parsePixBrCode, args: ['000201'], names: ['text'] },
  signWebhook: { fn: sdk.signWebhook, args: ['{}', 'k', 1795000000], names: ['rawBody', 'secret', 'timestamp'] },
  verifyWebhook: {
    fn: sdk.verifyWebhook,
    args: ['{"charge_uuid":"c","status":"paid"}', SIG, '1795000000', 'k', { now: new Date(1795000000 * 1000) }],
    names: ['rawBody', 'signature', 'timestamp', 'secrets', 'options'],
  },
  validate: { fn: sdk.validate, args: ['charge', {}, '2026-11-21'], names: ['kind', 'payload', 'today'] },
}

function outcome(fn, args) {
  try {
    return { value: fn(...args) }
  } catch (error) {
    return { error }
  }
}

for (const [name, { fn, args, names }] of Object.entries(CALLS)) {
  test(`${name}: every hostile value in every position answers or throws a documented error`, () => {
    for (let pos = 0; pos < args.length; pos++) {
      for (const [label, value] of Object.entries(HOSTILE)) {
        const a = [...args]
        a[pos] = value
        const o = outcome(fn, a)
        const where = `${name} ${names[pos]}=${label}`
        if ('error' in o) {
          const e = o.error
          assert.ok(e instanceof sdk.A55Error, `${where}: ${e?.constructor?.name} ${e?.message}`)
          assert.ok(e instanceof sdk.ValidationError || e instanceof sdk.SignatureVerificationError, `${where}: ${e.name}`)
          assert.ok(DOCUMENTED.has(e.code), `${where}: undocumented code ${e.code}`)
          assert.ok(e.message.length < 1000, `${where}: a ${e.message.length}-character message`)
          if (e.code === 'INVALID_TYPE') {
            assert.ok(e.issues[0].field.startsWith(names[pos]), `${where}: INVALID_TYPE names ${e.issues[0].field}`)
          }
        }
      }
    }
  })
}

test('amounts: NaN and infinities are AMOUNT_INVALID, wrong types INVALID_TYPE naming the argument', () => {
  for (const v of [NaN, Infinity, -Infinity, 1e308, -1e308]) {
    assert.throws(() => sdk.normalizeAmount(v, 'BRL'), (e) => e instanceof sdk.ValidationError && e.code === 'AMOUNT_INVALID', String(v))
  }
  for (const v of [undefined, null, 10n, true, {}, [], () => 1, Symbol('s'), new Date()]) {
    assert.throws(
      () => sdk.normalizeAmount(v, 'BRL'),
      (e) => e instanceof sdk.ValidationError && e.code === 'INVALID_TYPE' && e.issues[0].field === 'amount',
      String(typeof v),
    )
    assert.throws(
      () => sdk.splitInstallments(v, 3, 'BRL'),
      (e) => e.code === 'INVALID_TYPE' && e.issues[0].field === 'total',
    )
  }
  assert.throws(() => sdk.normalizeAmount('9'.repeat(MB), 'BRL'), (e) => e.code === 'AMOUNT_INVALID' && e.message.length < 300)
  assert.throws(() => sdk.normalizeAmount('10', 'x'.repeat(MB)), (e) => e.code === 'CURRENCY_NOT_SUPPORTED' && e.message.length < 300)
})

test('integers: fractions, NaN and wrong types are INVALID_TYPE; huge values reach core range checks', () => {
  for (const v of [1.5, NaN, Infinity, '3', null, undefined, 3n]) {
    assert.throws(() => sdk.splitInstallments('100', v, 'BRL'), (e) => e.code === 'INVALID_TYPE' && e.issues[0].field === 'count')
    assert.throws(() => sdk.fromMinorUnits(v, 'BRL'), (e) => e.code === 'INVALID_TYPE' && e.issues[0].field === 'minor')
  }
  assert.throws(() => sdk.splitInstallments('100', 2 ** 32 + 1, 'BRL'), (e) => e.code === 'INVALID_INSTALLMENT_COUNT')
  assert.throws(() => sdk.splitInstallments('100', -1, 'BRL'), (e) => e.code === 'INVALID_INSTALLMENT_COUNT')
  assert.throws(() => sdk.subscriptionSchedule('2026-01-01', 'monthly', 1e300), (e) => e.code === 'INVALID_SUBSCRIPTION')
  assert.throws(() => sdk.fromMinorUnits(1e300, 'BRL'), (e) => e.code === 'AMOUNT_INVALID')
  assert.throws(() => sdk.fromMinorUnits(-1e300, 'BRL'), (e) => e.code === 'AMOUNT_INVALID')
})

test('dates are strings; anything else is INVALID_TYPE, bad text INVALID_DATE', () => {
  assert.throws(() => sdk.installmentDueDates(new Date(), 3), (e) => e.code === 'INVALID_TYPE' && e.issues[0].field === 'first_due_date')
  assert.throws(() => sdk.nextChargeDate('2026-02-30', 'monthly'), (e) => e.code === 'INVALID_DATE' && e.issues[0].field === 'due_date')
  assert.throws(() => sdk.nextChargeDate('2026-01-30', 'monthly', 20270101), (e) => e.code === 'INVALID_TYPE' && e.issues[0].field === 'end_date')
  assert.equal(sdk.nextChargeDate('2026-01-31', 'monthly', null), '2026-02-28')
  assert.equal(sdk.nextChargeDate('2026-01-31', 'monthly', undefined), '2026-02-28')
})

test('validate never throws for a bad payload', () => {
  const deep = {}
  let node = deep
  for (let i = 0; i < 100; i++) node = node.next = {}
  const payloads = [
    undefined, null, NaN, 42, 'text', [], [1, 2], true, 10n, () => 1, Symbol('x'), new Date(), Buffer.from('{}'),
    { installment_value: NaN, installment_count: Infinity, currency: 10n, due_date: new Date(), payer_name: () => 1 },
    { payer_name: 'x'.repeat(MB), card_number: '4'.repeat(MB), description: '\u0000\ud800' },
    { payer_address: [], device_info: 'x', items: {}, subscription: 3 },
    deep,
    Object.create(null),
  ]
  for (const kind of ['wallet', 'charge', 'pix_charge', 'checkout', 'refund', 'capture']) {
    for (const p of payloads) {
      const issues = sdk.validate(kind, p, '2026-11-21')
      assert.ok(Array.isArray(issues), kind)
      for (const i of issues) assert.ok(DOCUMENTED.has(i.code) || i.code === 'UNKNOWN_FIELD', i.code)
    }
  }
  const issues = sdk.validate('charge', { installment_value: NaN }, '2026-11-21')
  assert.ok(issues.some((i) => i.code === 'AMOUNT_INVALID' && i.field === 'installment_value'), JSON.stringify(issues))
})

test('validate throws only for a bad kind or today, or a payload that cannot be JSON', () => {
  assert.throws(() => sdk.validate('charges', {}), (e) => e instanceof sdk.ValidationError && e.code === 'INVALID_VALUE')
  assert.throws(() => sdk.validate(undefined, {}), (e) => e.code === 'INVALID_TYPE' && e.issues[0].field === 'kind')
  assert.throws(() => sdk.validate('charge', {}, '2026-13-01'), (e) => e.code === 'INVALID_DATE' && e.issues[0].field === 'today')
  assert.throws(() => sdk.validate('charge', {}, new Date()), (e) => e.code === 'INVALID_TYPE' && e.issues[0].field === 'today')
  const cyclic = { payer_address: {} }
  cyclic.payer_address.self = cyclic
  assert.throws(
    () => sdk.validate('charge', cyclic),
    (e) => e instanceof sdk.ValidationError && e.code === 'INVALID_TYPE' && e.issues[0].field === 'payer_address.self',
  )
  let tooDeep = 1
  for (let i = 0; i < 200; i++) tooDeep = [tooDeep]
  assert.throws(() => sdk.validate('charge', { x: tooDeep }), (e) => e.code === 'INVALID_TYPE' && e.issues[0].field === 'payload')
})

test('verifyWebhook: a parsed object is refused with core\'s message; missing headers fail verification', () => {
  assert.equal(typeof sdk.RAW_BODY_REQUIRED, 'string')
  for (const parsed of [{ charge_uuid: 'c', status: 'paid' }, [1], Object.create(null)]) {
    assert.throws(
      () => sdk.verifyWebhook(parsed, SIG, '1795000000', 'k'),
      (e) =>
        e instanceof sdk.ValidationError &&
        e.code === 'INVALID_TYPE' &&
        e.issues[0].field === 'rawBody' &&
        e.issues[0].description === sdk.RAW_BODY_REQUIRED,
    )
  }
  assert.throws(() => sdk.verifyWebhook('{}', undefined, '1795000000', 'k'), (e) => e instanceof sdk.SignatureVerificationError && e.reason === 'malformed_signature')
  assert.throws(() => sdk.verifyWebhook('{}', SIG, null, 'k'), (e) => e instanceof sdk.SignatureVerificationError && e.reason === 'malformed_timestamp')
  assert.throws(() => sdk.verifyWebhook('{}', SIG, '1795000000', []), (e) => e.reason === 'no_secrets')
  assert.throws(() => sdk.verifyWebhook('{}', SIG, '1795000000', ['k', 3]), (e) => e.code === 'INVALID_TYPE' && e.issues[0].field === 'secrets[1]')
  assert.throws(() => sdk.verifyWebhook('{}', SIG, '1795000000', 'k', { toleranceMs: -1 }), (e) => e.issues[0].field === 'toleranceMs')
  assert.throws(() => sdk.verifyWebhook('{}', SIG, '1795000000', 'k', { now: Date.now() }), (e) => e.issues[0].field === 'now')
  assert.throws(() => sdk.verifyWebhook('{}', SIG, '1795000000', 'k', { now: new Date(NaN) }), (e) => e.issues[0].field === 'now')
  assert.throws(() => sdk.verifyWebhook('{}', SIG, '1795000000', 'k', 5), (e) => e.issues[0].field === 'options')
  const big = Buffer.alloc(MB, 0x61)
  assert.throws(() => sdk.verifyWebhook(big, SIG, '1795000000', 'k'), (e) => e.reason === 'signature_mismatch')
})

test('the process survives a storm of random hostile calls', () => {
  const values = Object.values(HOSTILE)
  let seed = 42
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed % n
  }
  const entries = Object.values(CALLS)
  for (let i = 0; i < 2000; i++) {
    const { fn, args } = entries[rand(entries.length)]
    const a = args.map((x) => (rand(2) ? values[rand(values.length)] : x))
    const o = outcome(fn, a)
    if ('error' in o) assert.ok(o.error instanceof sdk.A55Error, `${o.error?.constructor?.name}: ${o.error?.message}`)
  }
})
