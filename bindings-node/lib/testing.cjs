'use strict'
/**
 * `@a55/sdk/testing`: the A55 emulator for your own tests (node:test, Jest, Vitest), linked into
 * the native module, so there is nothing else to install or start.
 *
 *   const { startEmulator } = require('@a55/sdk/testing')
 *   const emu = startEmulator()            // listening on 127.0.0.1, a free port
 *   const client = emu.client()            // an A55Client with the emulator's credentials
 *   …
 *   emu.stop()
 *
 * Options and their defaults are core's (docs/emulator.md, "The test kit"): the rate limit is off
 * unless `rateLimit` is given, webhook retries are spaced in fractions of a second.
 */

const a = require('./args.cjs')
const errors = require('./errors.cjs')
const { A55Client } = require('./client.cjs')

/** Emulator options: JavaScript name → core's name. */
const OPTIONS = {
  clientId: 'client_id',
  clientSecret: 'client_secret',
  webhookSecret: 'webhook_secret',
  rateLimit: 'rate_limit',
  rateWindowSecs: 'rate_window_secs',
  tokenTtlSecs: 'token_ttl_secs',
  today: 'today',
  faults: 'faults',
  seed: 'seed',
  fastWebhooks: 'fast_webhooks',
  settleDelayMs: 'settle_delay_ms',
  port: 'port',
}

/**
 * Starts an emulator and returns `{ url, clientId, clientSecret, webhookSecret, client(options),
 * stop() }`. `client()` takes the options of `A55Client` (credentials and URLs are filled in).
 */
function startEmulator(options = {}) {
  const src = a.options(options, 'options')
  const opts = {}
  for (const key of Object.keys(src)) {
    if (src[key] !== undefined) opts[Object.hasOwn(OPTIONS, key) ? OPTIONS[key] : key] = src[key]
  }
  let emu
  try {
    emu = a.native.NativeEmulator.start(JSON.stringify(opts))
  } catch (e) {
    throw errors.fromNative(e, startEmulator)
  }
  const url = emu.url
  const handle = {
    url,
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    webhookSecret: emu.webhookSecret,
    /** An `A55Client` for this emulator. */
    client(clientOptions = {}) {
      return new A55Client({
        ...a.options(clientOptions, 'clientOptions'),
        clientId: emu.clientId,
        clientSecret: emu.clientSecret,
        baseUrl: url,
        tokenUrl: `${url}/oauth2/token`,
      })
    },
    /** Stops the emulator (again: nothing). */
    stop() {
      emu.stop()
    },
  }
  if (Symbol.dispose) handle[Symbol.dispose] = handle.stop
  if (Symbol.asyncDispose) handle[Symbol.asyncDispose] = async () => handle.stop()
  return handle
}

module.exports = { startEmulator }
