// Typed usage of @a55/sdk through `import`, checked by `tsc --noEmit --strict` in the test script.
// No @types/node: the package's types must not need Node's.
declare const console: { log(...args: unknown[]): void }
import sdk, {
  A55Error,
  RateLimitError,
  SignatureVerificationError,
  ValidationError,
  cardBrand,
  currencyExponent,
  fromMinorUnits,
  installmentDueDates,
  nextChargeDate,
  normalizeAmount,
  parsePixBrCode,
  signWebhook,
  splitInstallments,
  subscriptionSchedule,
  toMinorUnits,
  validate,
  validateTaxId,
  verifyWebhook,
  type BrCode,
  type CardBrand,
  type Issue,
  type WebhookEvent,
} from '@a55/sdk'

const amount: string = normalizeAmount('10.005', 'BRL')
const fromFloat: string = normalizeAmount(250.0, 'USD')
const exponent: number = currencyExponent('CLP')
const cents: number = toMinorUnits(amount, 'BRL')
const back: string = fromMinorUnits(cents, 'BRL')
const parts: string[] = splitInstallments('100.00', 3, 'BRL')
const dates: string[] = installmentDueDates('2026-12-31', 3)
const next: string | null = nextChargeDate('2028-02-29', 'yearly')
const nextEnded: string | null = nextChargeDate('2028-02-29', 'monthly', '2028-03-01')
const schedule: string[] = subscriptionSchedule('2026-01-31', 'monthly', 3, null)
const kind: string = validateTaxId('529.982.247-25', 'BR')
const brand: CardBrand = cardBrand('4024 0071 5376 3191')
const issues: Issue[] = validate('charge', { wallet_uuid: 'x', installment_value: 250.0 }, '2026-11-21')
const severity: 'error' | 'warning' | undefined = issues[0]?.severity
const pix: BrCode = parsePixBrCode('000201...')
const pixAmount: string | null = pix.amount
const sig: string = signWebhook('{"charge_uuid":"c","status":"paid"}', 'whsec_x', 1795000000)
const event: WebhookEvent = verifyWebhook(new Uint8Array([123, 125]), sig, '1795000000', ['old', 'whsec_x'], {
  toleranceMs: 300_000,
  now: new Date(),
})
const dedup: string = event.dedup_key
const status: string = event.status
const raw: Record<string, unknown> = event.raw

try {
  normalizeAmount('x', 'BRL')
} catch (e) {
  if (e instanceof ValidationError) {
    const first: Issue | undefined = e.issues[0]
    const code: string = e.code
    console.log(first?.field, code)
  } else if (e instanceof SignatureVerificationError) {
    const reason: string | null = e.reason
    console.log(reason)
  } else if (e instanceof RateLimitError) {
    const wait: number | null = e.retryAfterMs
    console.log(wait)
  } else if (e instanceof A55Error) {
    const s: number | null = e.status
    const key: string | null = e.idempotencyKey
    console.log(s, key, e.requestId, e.rawBody, e.codes)
  }
}

const custom = new RateLimitError('slow down', { status: 429, retryAfterMs: 1500 })
const asA55: A55Error = custom
const defaultExport: typeof normalizeAmount = sdk.normalizeAmount

console.log(fromFloat, exponent, back, parts, dates, next, nextEnded, schedule, kind, brand, severity, pixAmount, dedup, status, raw, asA55, defaultExport)
