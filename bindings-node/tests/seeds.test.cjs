'use strict'
// The seed pages' Node examples (000 checkout, 001 card charge, 002 PIX, 004 wallet), written with
// the SDK the way a user would, run against the emulator of @a55/sdk/testing.
const test = require('node:test')
const assert = require('node:assert/strict')

const { parsePixBrCode, ValidationError, ConflictError } = require('@a55/sdk')
const { startEmulator } = require('@a55/sdk/testing')

const WALLET = 'f47ac10b-58cc-4372-a567-0e02b2c3d479'
const MERCHANT = '11111111-1111-1111-1111-111111111111'

let emu
let client
test.before(() => {
  emu = startEmulator({ today: '2026-11-21' })
  client = emu.client({ today: '2026-11-21' })
})
test.after(() => emu.stop())

test('seed 000: a hosted checkout session', async () => {
  const { data } = await client.createCheckout(
    {
      wallet_uuid: WALLET, merchant_id: MERCHANT, amount: 250.0, currency: 'BRL',
      description: 'Premium plan — monthly', redirect_url: 'https://your-app.com/payment/success',
      cancel_url: 'https://your-app.com/payment/cancel', due_date: '2026-12-21',
      payer_email: 'zhangwei@example.com', allowed_methods: ['credit_card', 'pix'], max_installments: 6,
      webhook_url: 'https://your-app.com/webhooks/a55', reference_external_id: 'ORDER-2048',
    },
    { idempotencyFrom: 'ORDER-2048' },
  )
  assert.equal(data.status, 'active')
  assert.equal(data.amount, '250.00')
  assert.ok(data.checkout_url.startsWith(emu.url))
})

test('seed 001: a card charge in three installments', async () => {
  const { data } = await client.createCharge({
    wallet_uuid: WALLET, merchant_id: MERCHANT, payer_name: '张伟', payer_email: 'zhangwei@example.com',
    payer_tax_id: '123.456.789-09', payer_cell_phone: '+5511999999999', installment_value: 150.0,
    installment_count: 3, currency: 'BRL', due_date: '2026-12-31', description: '订单 #42——3 期分期',
    type_charge: 'credit_card', card_number: '4024007153763191', card_name: '张伟', card_expiry_month: '12',
    card_expiry_year: '2030', card_cvv: '123', capture: true, webhook_url: 'https://your-app.com/webhooks/a55',
    payer_address: {
      street: 'Av. Paulista', address_number: '1000', complement: 'Sala 101', neighborhood: 'Bela Vista',
      city: 'São Paulo', state: 'SP', postal_code: '01310-100', country: 'BR',
    },
  })
  assert.equal(data.status, 'confirmed')
  assert.deepEqual(data.installments.map((i) => i.local_currency), ['150.00', '150.00', '150.00'])
  assert.deepEqual(data.installments.map((i) => i.usd_currency), ['26.90', '26.90', '26.90'])
  assert.deepEqual(data.installments.map((i) => i.due_date), ['2026-12-31', '2027-01-31', '2027-02-28'])
})

test('seed 002: a PIX charge, its BR Code read back', async () => {
  const payload = {
    wallet_uuid: WALLET, merchant_id: MERCHANT, payer_name: 'Wang Fang', payer_email: 'wangfang@example.com',
    payer_tax_id: '111.222.333-44', payer_cell_phone: '+5521977777777', amount: 149.9, currency: 'BRL',
    due_date: '2026-11-22', description: 'Order #100 — PIX',
    payer_address: {
      street: 'Av. Rio Branco', address_number: '200', complement: 'Sala 301', neighborhood: 'Centro',
      city: 'Rio de Janeiro', state: 'RJ', postal_code: '20040-002', country: 'BR',
    },
  }
  // The seed's CPF fails its check digits: refused before anything is sent.
  await assert.rejects(client.createPixCharge(payload), (e) => e instanceof ValidationError && e.issues[0].field === 'payer_tax_id')
  const { data } = await client.createPixCharge({ ...payload, payer_tax_id: '123.456.789-09' })
  assert.equal(data.status, 'issued')
  const code = parsePixBrCode(data.pix_payload.copy_paste)
  assert.equal(code.amount, '149.90')
  assert.equal(code.gui, 'br.gov.bcb.pix')
})

test('seed 004: a wallet with its own credentials, and the conflict of a second one', async () => {
  const payload = {
    entity_uuid: '550e8400-e29b-41d4-a716-446655440000', customer_id: 'cust_12345', currency: 'BRL',
    name: 'São Paulo store — BRL', email: 'financeiro@loja-sp.com.br', create_credentials: true,
    merchant_uuid: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  }
  const { data } = await client.createWallet(payload)
  assert.equal(data.currency, 'BRL')
  assert.equal(typeof data.credentials.client_id, 'string')
  assert.equal(typeof data.credentials.client_secret, 'string')
  await assert.rejects(client.createWallet(payload), ConflictError)
})
