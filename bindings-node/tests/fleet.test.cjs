'use strict'
// Fleet mode through the installed package: two clients standing for two processes share one rate
// budget and one access token through Debian's redis-server (started here on a free port, stopped
// at the end). Skipped when redis-server is missing, unless A55_REQUIRE_REDIS is set (the test
// command sets it and installs the server).
const test = require('node:test')
const assert = require('node:assert/strict')
const net = require('node:net')
const { spawn, spawnSync } = require('node:child_process')

const sdk = require('@a55/sdk')
const { startEmulator } = require('@a55/sdk/testing')

const WALLET = 'f47ac10b-58cc-4372-a567-0e02b2c3d479'

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port
      s.close(() => resolve(p))
    })
  })
}

async function startRedis(t) {
  if (spawnSync('redis-server', ['--version']).error) {
    if (process.env.A55_REQUIRE_REDIS) assert.fail('redis-server is needed (apt-get install redis-server)')
    t.skip('redis-server is not installed')
    return null
  }
  const port = await freePort()
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' })
  for (let i = 0; i < 200; i++) {
    const up = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); resolve(true) }).on('error', () => resolve(false))
    })
    if (up) return { url: `redis://127.0.0.1:${port}/0`, stop: () => proc.kill() }
    await new Promise((r) => setTimeout(r, 25))
  }
  proc.kill()
  assert.fail('redis-server did not start')
}

test('sharedStore: two clients share one rate budget and one token through Redis', async (t) => {
  const redis = await startRedis(t)
  if (!redis) return
  const emu = startEmulator({ rateLimit: 10, rateWindowSecs: 2 })
  try {
    const a = emu.client({ sharedStore: redis.url })
    const b = emu.client({ sharedStore: redis.url })
    const started = Date.now()
    const calls = []
    for (let i = 0; i < 12; i++) {
      for (const c of [a, b]) calls.push(c.getWallet({ walletUuid: WALLET }, { deadlineMs: 20_000 }))
    }
    const all = await Promise.allSettled(calls)
    assert.deepEqual(all.filter((r) => r.status === 'rejected').map((r) => String(r.reason)), [])
    // 24 calls against 10 per 2 s: two windows roll.
    assert.ok(Date.now() - started >= 3500, `took ${Date.now() - started} ms`)
    const state = await (await fetch(`${emu.url}/_emulator/state`)).json()
    const seen = state.rate[emu.clientId]
    assert.equal(seen.rate_limited, 0, JSON.stringify(seen))
    assert.ok(seen.max_in_window <= 10, JSON.stringify(seen))
    assert.equal(state.token_requests, 1, 'one token for both')
  } finally {
    emu.stop()
    redis.stop()
  }
})
