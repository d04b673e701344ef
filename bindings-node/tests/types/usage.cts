// Typed usage of @a55/sdk through `require`, checked by `tsc --noEmit --strict` in the test script.
// No @types/node: the package's types must not need Node's.
declare const console: { log(...args: unknown[]): void }
import sdk = require('@a55/sdk')

const amount: string = sdk.normalizeAmount(2.675, 'BRL')
const issues: sdk.Issue[] = sdk.validate('wallet', {}, undefined)
let caught: sdk.A55Error | undefined
try {
  sdk.verifyWebhook('{}', undefined, undefined, 'whsec_x')
} catch (e) {
  if (e instanceof sdk.SignatureVerificationError) caught = e
}
// @ts-expect-error: amounts are strings or numbers, not booleans
sdk.normalizeAmount(true, 'BRL')
// @ts-expect-error: the kind must be one of the six
sdk.validate('charges', {})
// @ts-expect-error: options.now is a Date, not a number
sdk.verifyWebhook('{}', 'sig', '1', 'k', { now: 1 })

console.log(amount, issues, caught)
