'use strict'
// No card number, CVV, secret or tax id in util.inspect or JSON.stringify of results and errors.
const test = require('node:test')
const assert = require('node:assert/strict')
const util = require('node:util')
const sdk = require('@a55/sdk')

const CARD = '4024007153763191'
const LONG_CARD = '4024007153763191777' + '123' // 22 digits: INVALID_CARD_NUMBER
const CVV = '98765' // 5 digits: INVALID_CVC
const SECRET = 'whsec_TopSecretValue_9f8e7d'
const TAX_ID = '111.222.333-44'
const NEEDLES = [CARD, LONG_CARD, CVV, SECRET, TAX_ID, TAX_ID.replace(/\D/g, '')]

function assertClean(value, label) {
  const texts = [util.inspect(value, { depth: Infinity, showHidden: true }), JSON.stringify(value) ?? '', String(value)]
  if (value instanceof Error) texts.push(value.message, String(value.stack))
  for (const text of texts) {
    for (const needle of NEEDLES) assert.ok(!text.includes(needle), `${label} shows ${needle}: ${text.slice(0, 300)}`)
  }
}

function caught(fn) {
  try {
    fn()
  } catch (e) {
    return e
  }
  assert.fail('expected an error')
}

const today = '2026-11-21'
const charge = (over) => ({
  wallet_uuid: '11111111-1111-1111-1111-111111111111',
  merchant_id: '11111111-1111-1111-1111-111111111111',
  payer_name: 'Ana',
  payer_email: 'ana@example.com',
  payer_tax_id: TAX_ID,
  payer_cell_phone: '+5511999999999',
  installment_value: 100,
  installment_count: 1,
  currency: 'BRL',
  due_date: '2026-12-01',
  description: 'x',
  type_charge: 'credit_card',
  payer_address: {
    street: 'R',
    address_number: '1',
    complement: '',
    neighborhood: 'N',
    city: 'C',
    state: 'SP',
    postal_code: '01000-000',
    country: 'BR',
  },
  card_name: 'ANA',
  card_expiry_month: '12',
  card_expiry_year: '2030',
  ...over,
})

test('validation issues about cards, CVVs and tax ids do not repeat them', () => {
  for (const over of [
    { card_number: CARD, card_cvv: CVV },
    { card_number: LONG_CARD, card_cvv: CVV },
    { card_number: `${CARD}x`, card_cvv: CVV },
  ]) {
    const issues = sdk.validate('charge', charge(over), today)
    assert.ok(issues.length > 0)
    assert.ok(issues.some((i) => i.code === 'INVALID_TAX_ID'), JSON.stringify(issues))
    assert.ok(issues.some((i) => i.code === 'INVALID_CVC'), JSON.stringify(issues))
    assertClean(issues, 'issues')
  }
})

test('helper errors do not repeat tax ids or card numbers', () => {
  assertClean(caught(() => sdk.validateTaxId(TAX_ID, 'BR')), 'validateTaxId error')
  assertClean(caught(() => sdk.validateTaxId(TAX_ID.replace(/\D/g, ''), 'AR')), 'validateTaxId error')
  assert.equal(sdk.cardBrand(CARD), 'Visa')
  assert.equal(sdk.cardBrand(LONG_CARD), 'unknown')
  // Type errors describe the type, never the value.
  assertClean(caught(() => sdk.cardBrand(Number(CARD))), 'cardBrand type error')
  assertClean(caught(() => sdk.cardBrand([CARD])), 'cardBrand type error')
  assertClean(caught(() => sdk.validateTaxId({ id: TAX_ID }, 'BR')), 'validateTaxId type error')
})

test('webhook results and errors never show the secret', () => {
  const body = '{"charge_uuid":"c1","status":"paid","amount":"10.00"}'
  const ts = 1795000000
  const sig = sdk.signWebhook(body, SECRET, ts)
  const now = new Date(ts * 1000)
  const event = sdk.verifyWebhook(body, sig, String(ts), ['old', SECRET], { now })
  assertClean(event, 'event')
  assertClean(caught(() => sdk.verifyWebhook(body, sig, String(ts), 'wrong', { now })), 'mismatch')
  assertClean(caught(() => sdk.verifyWebhook(body, SECRET, String(ts), SECRET, { now })), 'malformed signature')
  assertClean(caught(() => sdk.verifyWebhook(body, sig, String(ts), SECRET, { now: new Date((ts + 3600) * 1000) })), 'too old')
  assertClean(caught(() => sdk.verifyWebhook(JSON.parse(body), sig, String(ts), SECRET)), 'parsed body')
  assertClean(caught(() => sdk.signWebhook(body, [SECRET], ts)), 'sign type error')
  assertClean(caught(() => sdk.verifyWebhook(body, sig, String(ts), [SECRET, { s: SECRET }])), 'secrets type error')
})

test('the panic error does not carry the panic message', () => {
  assertClean(caught(() => sdk._panicForTests()), 'panic')
  assert.ok(!util.inspect(caught(() => sdk._panicForTests())).includes('4111111111111111'))
})
