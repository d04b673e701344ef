'use strict'
// A55Client against the emulator of @a55/sdk/testing, as a user runs it: every method, each error
// class, retries, idempotency and replay, concurrency, abort, pages.
const test = require('node:test')
const assert = require('node:assert/strict')

const sdk = require('@a55/sdk')
const { startEmulator } = require('@a55/sdk/testing')

const WALLET = 'f47ac10b-58cc-4372-a567-0e02b2c3d479'
const MERCHANT = '11111111-1111-1111-1111-111111111111'
const DUE = '2030-12-31'

/** Seed 001's charge (three installments of 150.00) with a test card. */
function seed001(card = '4024007153763191', extra = {}) {
  return {
    wallet_uuid: WALLET, merchant_id: MERCHANT, payer_name: '张伟',
    payer_email: 'zhangwei@example.com', payer_tax_id: '123.456.789-09', payer_cell_phone: '+5511999999999',
    installment_value: 150.0, installment_count: 3, currency: 'BRL', due_date: DUE,
    description: '订单 #42——3 期分期', type_charge: 'credit_card', card_number: card,
    card_name: '张伟', card_expiry_month: '12', card_expiry_year: '2030', card_cvv: '123', capture: true,
    payer_address: {
      street: 'Av. Paulista', address_number: '1000', complement: 'Sala 101', neighborhood: 'Bela Vista',
      city: 'São Paulo', state: 'SP', postal_code: '01310-100', country: 'BR',
    },
    ...extra,
  }
}

let emu
let client
test.before(() => {
  emu = startEmulator({ settleDelayMs: null })
  client = emu.client()
})
test.after(() => emu.stop())

test('a card charge: typed data with decimal strings and dates, and its metadata', async () => {
  const r = await client.createCharge(seed001(), { idempotencyFrom: 'ORDER-42' })
  assert.equal(r.data.status, 'confirmed')
  assert.equal(r.data.local_currency, '450.00')
  assert.equal(typeof r.data.installments[0].local_currency, 'string')
  assert.equal(r.data.installments[2].due_date, '2031-02-28')
  assert.equal(r.data.type_charge, 'credit_card')
  assert.match(r.meta.requestId, /^req_/)
  assert.equal(r.meta.attempts, 1)
  assert.equal(r.meta.replayed, false)
  assert.equal(JSON.parse(r.meta.rawJson).charge_uuid, r.data.charge_uuid)
  // The same order id derives the same key: the server replays the first answer.
  const again = await client.createCharge(seed001(), { idempotencyFrom: 'ORDER-42' })
  assert.equal(again.meta.idempotencyKey, r.meta.idempotencyKey)
  assert.equal(again.meta.replayed, true)
  assert.equal(again.data.charge_uuid, r.data.charge_uuid)
})

test('every read and write of a charge, by named identifiers', async () => {
  const created = await client.createCharge(seed001('4024007153763191', { capture: false, installment_count: 1 }))
  const ids = { chargeUuid: created.data.charge_uuid, walletUuid: WALLET }
  assert.equal((await client.getCharge(ids)).data.status, 'confirmed')
  const captured = await client.captureCharge(ids, {})
  assert.equal(captured.data.status, 'paid')
  const refunded = await client.refundCharge(ids, { amount: '50.00', reason: 'partial' })
  assert.ok(['paid', 'refunded'].includes(refunded.data.status))
  const other = await client.createCharge(seed001('4024007153763191', { capture: false, installment_count: 1 }))
  const canceled = await client.cancelCharge({ chargeUuid: other.data.charge_uuid, walletUuid: WALLET, reason: 'r' })
  assert.equal(canceled.data.status, 'canceled')
  const waited = await client.waitForCharge(ids, { maxWaitMs: 5000 })
  assert.equal(waited.data.charge_uuid, ids.chargeUuid)
  const page = await client.listCharges({ walletUuid: WALLET, page: 1, limit: 2 })
  assert.equal(page.data.data.length, 2)
  assert.ok(page.data.total >= 3)
})

test('for await walks every page', async () => {
  for (let i = 0; i < 5; i++) await client.createCharge(seed001('4024007153763191', { installment_count: 1 }))
  const { data } = await client.listCharges({ walletUuid: WALLET, limit: 100 })
  let n = 0
  for await (const charge of client.listAllCharges({ walletUuid: WALLET, limit: 2 })) {
    assert.equal(typeof charge.charge_uuid, 'string')
    n++
  }
  assert.equal(n, data.total)
})

test('PIX, subscription, checkout, payment link, wallet, public endpoints', async () => {
  const pix = await client.createPixCharge({
    wallet_uuid: WALLET, merchant_id: MERCHANT, payer_name: 'Wang Fang', payer_email: 'wangfang@example.com',
    payer_tax_id: '123.456.789-09', payer_cell_phone: '+5521977777777', amount: 149.9, currency: 'BRL',
    due_date: DUE, description: 'Order #100 — PIX',
    payer_address: { street: 'Av. Rio Branco', address_number: '200', complement: 'Sala 301', neighborhood: 'Centro', city: 'Rio de Janeiro', state: 'RJ', postal_code: '20040-002', country: 'BR' },
  })
  assert.equal(pix.data.status, 'issued')
  assert.equal(sdk.parsePixBrCode(pix.data.pix_payload.copy_paste).amount, '149.90')

  const sub = await client.createSubscription(seed001('4024007153763191', { installment_count: 1, subscription: { cycle: 'monthly' } }))
  const subUuid = sub.data.subscription.subscription_uuid
  assert.equal(sub.data.subscription.cycle, 'monthly')
  const read = await client.getSubscription({ subscriptionUuid: subUuid, walletUuid: WALLET })
  assert.equal(read.data.status, 'active')
  const gone = await client.cancelSubscription({ subscriptionUuid: subUuid, walletUuid: WALLET })
  assert.ok(['canceled', 'cancelled'].includes(gone.data.status))

  const checkout = await client.createCheckout({
    wallet_uuid: WALLET, merchant_id: MERCHANT, amount: 250.0, currency: 'BRL', description: 'Premium plan',
    redirect_url: 'https://your-app.com/ok', cancel_url: 'https://your-app.com/cancel', due_date: DUE,
    payer_email: 'zhangwei@example.com', allowed_methods: ['credit_card', 'pix'], max_installments: 6,
  })
  assert.equal(checkout.data.status, 'active')
  assert.equal(checkout.data.amount, '250.00')

  const link = await client.createPaymentLink({
    wallet_uuid: WALLET, merchant_id: MERCHANT, value: 99.9, currency: 'BRL', description: 'Link',
  })
  assert.equal(typeof link.data.payment_link_uuid, 'string')

  const wallet = await client.getWallet({ walletUuid: WALLET })
  assert.equal(wallet.data.wallet_uuid, WALLET)

  // The public endpoints need no token: a client without credentials pays a charge by its uuid.
  const open = await client.createCharge(seed001('4024007153763191', { installment_count: 1, type_charge: 'credit_card', capture: true }))
  const app = new sdk.A55Client({ baseUrl: emu.url })
  const pub = await app.getPublicCharge({ chargeUuid: open.data.charge_uuid })
  assert.equal(pub.data.charge_uuid, open.data.charge_uuid)
})

test('errors: each class, with the fields the contract names', async () => {
  await assert.rejects(client.createCharge(seed001('4024007153763191', { installment_count: 13 })), (e) => {
    assert.ok(e instanceof sdk.ValidationError)
    assert.equal(e.kind, 'validation')
    assert.equal(e.retryable, false)
    assert.ok(e.issues.some((i) => i.field === 'installment_count'))
    assert.equal(e.httpStatus, null) // refused locally: nothing was sent
    return true
  })
  await assert.rejects(client.getCharge({ chargeUuid: 'x' }), (e) => e instanceof sdk.ValidationError && e.issues[0].field === 'wallet_uuid')
  await assert.rejects(client.getCharge({ chargeUuid: WALLET, walletUuid: WALLET }, { idempotencyKey: 'k' }), (e) => e.issues[0].field === 'idempotency_key')
  await assert.rejects(client.getCharge({ chargeUuid: '00000000-0000-4000-8000-000000000000', walletUuid: WALLET }), (e) => {
    assert.ok(e instanceof sdk.NotFoundError)
    assert.equal(e.httpStatus, 404)
    assert.match(e.requestId, /^req_/)
    return true
  })
  const bad = new sdk.A55Client({ clientId: 'nobody', clientSecret: 'wrong', baseUrl: emu.url, tokenUrl: `${emu.url}/oauth2/token` })
  await assert.rejects(bad.getWallet({ walletUuid: WALLET }), sdk.AuthenticationError)
  assert.throws(() => new sdk.A55Client({ clientId: 'only-id' }), sdk.ValidationError)
  assert.throws(() => new sdk.A55Client({ baseUrl: 'http://example.com' }), sdk.ConfigurationError)
  assert.throws(() => new sdk.A55Client({ timeoutMs: -1 }), (e) => e.issues[0].field === 'timeout_ms')
  // A declined card is a result, not an exception.
  const declined = await client.createCharge(seed001('4000000000000002', { installment_count: 1 }))
  assert.equal(declined.data.status, 'error')
  assert.ok(declined.data.message.length > 0)
  // A key reused with another body is a conflict.
  await client.createCharge(seed001(), { idempotencyKey: 'reuse-1' })
  await assert.rejects(client.createCharge(seed001('4024007153763191', { installment_count: 2 }), { idempotencyKey: 'reuse-1' }), sdk.ConflictError)
  const closed = emu.client()
  closed.close()
  await assert.rejects(closed.getWallet({ walletUuid: WALLET }), sdk.ConfigurationError)
})

test('retries are visible in meta; a lost answer is an unknown outcome carrying its key', async () => {
  const flaky = startEmulator({ faults: '503=0.5', seed: 7 })
  try {
    const c = flaky.client({ maxRetries: 6 })
    let retried = 0
    for (let i = 0; i < 4; i++) {
      const r = await c.createCharge(seed001('4024007153763191', { installment_count: 1 }))
      if (r.meta.attempts > 1) retried++
    }
    assert.ok(retried > 0)
  } finally {
    flaky.stop()
  }
  // The next API request is processed, then its connection reset before the answer.
  await client.getWallet({ walletUuid: WALLET }) // the token is fetched already
  const queued = await fetch(`${emu.url}/_emulator/faults`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults: ['reset_after'] }),
  })
  assert.equal(queued.ok, true)
  let key
  await assert.rejects(client.createCharge(seed001(), { idempotencyFrom: 'ORDER-LOST', maxRetries: 0 }), (e) => {
    assert.ok(e instanceof sdk.UnknownOutcomeError, `${e.name}: ${e.message}`)
    assert.equal(typeof e.idempotencyKey, 'string')
    key = e.idempotencyKey
    return true
  })
  // Repeating with the key gets the answer of the charge that was made.
  const recovered = await client.createCharge(seed001(), { idempotencyKey: key })
  assert.equal(recovered.meta.replayed, true)
})

test('500 concurrent calls, while a timer keeps its schedule', async () => {
  let ticks = 0
  const timer = setInterval(() => ticks++, 5)
  const started = Date.now()
  const results = await Promise.all(
    Array.from({ length: 500 }, () => client.getWallet({ walletUuid: WALLET })),
  )
  const elapsed = Date.now() - started
  clearInterval(timer)
  assert.equal(results.length, 500)
  assert.ok(results.every((r) => r.data.wallet_uuid === WALLET))
  // The event loop was never blocked: the 5 ms timer fired through the run.
  assert.ok(ticks >= Math.floor(elapsed / 5 / 4), `${ticks} ticks in ${elapsed} ms`)
})

test('abort: a read rejects with the signal reason, a write with its idempotency key', async () => {
  const slow = startEmulator({ faults: 'delay=1:2000' })
  try {
    const c = slow.client()
    const reader = new AbortController()
    const read = c.getWallet({ walletUuid: WALLET }, { signal: reader.signal })
    setTimeout(() => reader.abort(), 50)
    await assert.rejects(read, (e) => e.name === 'AbortError')
    const writer = new AbortController()
    const write = c.createCharge(seed001(), { signal: writer.signal, idempotencyFrom: 'ORDER-ABORT' })
    setTimeout(() => writer.abort(), 50)
    await assert.rejects(write, (e) => {
      assert.ok(e instanceof sdk.UnknownOutcomeError)
      assert.equal(typeof e.idempotencyKey, 'string')
      return true
    })
    const already = AbortSignal.abort()
    await assert.rejects(c.getWallet({ walletUuid: WALLET }, { signal: already }), (e) => e.name === 'AbortError')
  } finally {
    slow.stop()
  }
})

test('no secret in what a client or an error shows', async () => {
  const c = new sdk.A55Client({ clientId: 'id', clientSecret: 'sk_live_SECRET', baseUrl: emu.url, tokenUrl: `${emu.url}/oauth2/token` })
  assert.ok(!require('node:util').inspect(c).includes('sk_live_SECRET'))
  await assert.rejects(c.getWallet({ walletUuid: WALLET }), (e) => {
    assert.ok(!JSON.stringify(e.toJSON()).includes('sk_live_SECRET'))
    assert.ok(!String(e.stack).includes('sk_live_SECRET'))
    return true
  })
  await assert.rejects(client.createCharge(seed001('4111111111111112', { card_cvv: 'x' })), (e) => {
    assert.ok(!JSON.stringify(e.toJSON()).includes('4111111111111112'))
    return true
  })
})

test('pacing: a burst waits for the rate budget, or fails fast unsent past its deadline', async () => {
  const limited = startEmulator({ rateLimit: 10, rateWindowSecs: 2 })
  try {
    const paced = limited.client()
    await paced.getWallet({ walletUuid: WALLET }) // learns the emulator's rule
    const started = Date.now()
    const all = await Promise.allSettled(
      Array.from({ length: 14 }, () => paced.getWallet({ walletUuid: WALLET }, { deadlineMs: 10_000 })))
    assert.deepEqual(all.filter((r) => r.status === 'rejected'), [])
    assert.ok(Date.now() - started >= 1500, 'the last ones waited for the window to roll')
    const fast = await Promise.allSettled(
      Array.from({ length: 15 }, () => paced.getWallet({ walletUuid: WALLET }, { deadlineMs: 300 })))
    const refused = fast.filter((r) => r.status === 'rejected').map((r) => r.reason)
    assert.ok(refused.length > 0)
    for (const e of refused) {
      assert.ok(e instanceof sdk.RateLimitError, String(e))
      assert.match(e.message, /would have waited .* nothing was sent/)
    }
    const state = await (await fetch(`${limited.url}/_emulator/state`)).json()
    assert.equal(state.rate[limited.clientId].rate_limited, 0)
  } finally {
    limited.stop()
  }
})

test('sharedStore: a bad URL is a ConfigurationError; a store that is down fails no call', async () => {
  assert.throws(() => emu.client({ sharedStore: 'memcached://x' }),
    (e) => e instanceof sdk.ConfigurationError && /shared_store/.test(e.message))
  const net = require('node:net')
  const port = await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)) })
  })
  const fleet = emu.client({ sharedStore: `redis://127.0.0.1:${port}/0`, pacing: true })
  const res = await fleet.getWallet({ walletUuid: WALLET })
  assert.equal(res.data.wallet_uuid, WALLET)
  assert.ok(emu.client({ pacing: false }))
})
