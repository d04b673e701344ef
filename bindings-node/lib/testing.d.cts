// Types of @a55/sdk/testing.
import type { A55Client, A55ClientOptions } from './client.cjs'

/** Options of `startEmulator` (defaults: docs/emulator.md, "The test kit"). */
export interface EmulatorOptions {
  clientId?: string
  clientSecret?: string
  webhookSecret?: string
  /** Requests per client per minute; off (0) unless given. A55 allows 100. */
  rateLimit?: number
  /** The rolling window of `rateLimit`, seconds (60, as A55); shorter compresses a minute. */
  rateWindowSecs?: number
  tokenTtlSecs?: number
  /** The emulator's today, `YYYY-MM-DD`. */
  today?: string
  /** Faults, e.g. `"500=0.1,reset_after=0.05"`. */
  faults?: string
  seed?: number
  /** Webhook retries in fractions of a second (true). */
  fastWebhooks?: boolean
  /** A captured charge becomes `paid` after this; `null`: never by itself. */
  settleDelayMs?: number | null
  /** 0: any free port. */
  port?: number
}

/** A running emulator. */
export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string
  readonly clientId: string
  readonly clientSecret: string
  readonly webhookSecret: string
  /** An `A55Client` for this emulator. */
  client(options?: Omit<A55ClientOptions, 'clientId' | 'clientSecret' | 'accessToken' | 'baseUrl' | 'tokenUrl'>): A55Client
  /** Stops it. */
  stop(): void
}

/** Starts an emulator on 127.0.0.1 for your tests. */
export declare function startEmulator(options?: EmulatorOptions): RunningEmulator
