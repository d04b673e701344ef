// Create-charge throughput against the emulator on loopback (rate limit off), side by side in one
// run: A55Client vs global fetch vs undici.request posting the same JSON with a bearer token and an
// idempotency key, with 1 and 64 calls in flight. Ratios are printed; figures go in BENCHMARKS.md.
//
//   node tools/build-native.mjs --release && node bench/client.mjs [--seconds 5] [--rounds 3]
//   (scripts/bench-node.sh runs it against `a55 emulator` in its own process)
//
// Also: `require('@a55/sdk')` time and peak memory with 10,000 SDK calls in flight.
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'

import { request } from 'undici'

const require = createRequire(import.meta.url)
const { startEmulator } = require('../lib/testing.cjs')

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : dflt
}
const SECONDS = arg('seconds', 4)
const ROUNDS = arg('rounds', 3)

const WALLET = 'f47ac10b-58cc-4372-a567-0e02b2c3d479'
const payload = {
  wallet_uuid: WALLET, merchant_id: '11111111-1111-1111-1111-111111111111', payer_name: 'Zhang Wei',
  payer_email: 'zhangwei@example.com', payer_tax_id: '123.456.789-09', payer_cell_phone: '+5511999999999',
  installment_value: 150.0, installment_count: 3, currency: 'BRL', due_date: '2030-12-31',
  description: 'Order #42', type_charge: 'credit_card', card_number: '4024007153763191', card_name: 'ZHANG WEI',
  card_expiry_month: '12', card_expiry_year: '2030', card_cvv: '123', capture: true,
  payer_address: {
    street: 'Av. Paulista', address_number: '1000', complement: 'Sala 101', neighborhood: 'Bela Vista',
    city: 'São Paulo', state: 'SP', postal_code: '01310-100', country: 'BR',
  },
}
const body = JSON.stringify(payload)

// An emulator in its own process (`a55 emulator --rate-limit 0`, its URL in A55_EMULATOR_URL) keeps
// its memory and sockets out of the figures; without one, the test kit's in-process emulator.
const external = process.env.A55_EMULATOR_URL
const emu = external
  ? { url: external, clientId: 'emulator-client', clientSecret: 'emulator-secret', stop() {},
      client() { return new (require('../lib/index.cjs').A55Client)({ clientId: this.clientId, clientSecret: this.clientSecret, baseUrl: external, tokenUrl: `${external}/oauth2/token` }) } }
  : startEmulator({ settleDelayMs: null })
console.log(`emulator: ${external ? `separate process at ${external}` : 'in this process (test kit)'}`)
const url = `${emu.url}/api/v1/bank/wallet/charge/`
const client = emu.client()
const token = (
  await (
    await fetch(`${emu.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${emu.clientId}&client_secret=${emu.clientSecret}`,
    })
  ).json()
).access_token
const headers = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() })

const contenders = {
  sdk: async () => {
    const r = await client.createCharge(payload)
    if (r.data.status !== 'confirmed') throw new Error(`sdk: ${r.data.status}`)
  },
  fetch: async () => {
    const r = await fetch(url, { method: 'POST', headers: headers(), body })
    const j = await r.json()
    if (j.status !== 'confirmed') throw new Error(`fetch: ${r.status}`)
  },
  undici: async () => {
    const r = await request(url, { method: 'POST', headers: headers(), body })
    const j = await r.body.json()
    if (j.status !== 'confirmed') throw new Error(`undici: ${r.statusCode}`)
  },
}

async function rate(fn, inFlight) {
  let done = 0
  const end = performance.now() + SECONDS * 1000
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) {
        await fn()
        done++
      }
    }),
  )
  return done / SECONDS
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

for (const inFlight of [1, 64]) {
  for (const fn of Object.values(contenders)) await rate(fn, inFlight) // warm up
  const runs = { sdk: [], fetch: [], undici: [] }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(contenders)) runs[name].push(await rate(fn, inFlight))
  }
  const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]))
  console.log(
    `${inFlight} in flight: sdk ${m.sdk.toFixed(0)}/s, fetch ${m.fetch.toFixed(0)}/s, undici.request ${m.undici.toFixed(0)}/s` +
      ` -> sdk/fetch ${(m.sdk / m.fetch).toFixed(2)}x, sdk/undici ${(m.sdk / m.undici).toFixed(2)}x` +
      ` (medians of ${ROUNDS} rounds of ${SECONDS} s)`,
  )
}

const before = process.memoryUsage().rss
let peak = before
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss) }, 20)
const started = performance.now()
await Promise.all(Array.from({ length: 10_000 }, () => client.createCharge(payload)))
clearInterval(sampler)
peak = Math.max(peak, process.memoryUsage().rss)
console.log(
  `10,000 SDK calls in flight: ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
    `peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (${((peak - before) / 2 ** 20).toFixed(0)} MiB above the start)`,
)

const code = 'const t=process.hrtime.bigint();require("./lib/index.cjs");process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))'
const times = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', code], { cwd: new URL('..', import.meta.url) })))
console.log(`require('@a55/sdk'): median ${median(times).toFixed(1)} ms over 5 fresh processes`)
emu.stop()
