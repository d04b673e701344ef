// `import` and `require` share one module: same functions, same classes, instanceof across both.
import test from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import sdkDefault, * as sdk from '@a55/sdk'
import { ValidationError, A55Error, normalizeAmount } from '@a55/sdk'

const required = createRequire(import.meta.url)('@a55/sdk')

const NAMES = [
  'normalizeAmount', 'currencyExponent', 'toMinorUnits', 'fromMinorUnits', 'splitInstallments',
  'installmentDueDates', 'nextChargeDate', 'subscriptionSchedule', 'validateTaxId', 'validate',
  'cardBrand', 'parsePixBrCode', 'verifyWebhook', 'signWebhook', 'A55Error', 'ValidationError',
  'SignatureVerificationError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError',
  'ConflictError', 'RateLimitError', 'ServerError', 'APIError', 'APIConnectionError',
  'APITimeoutError', 'UnknownOutcomeError', 'ConfigurationError', 'DecodeError',
]

test('every export is there under import, and is the same object as under require', () => {
  for (const name of NAMES) {
    assert.equal(typeof sdk[name], 'function', name)
    assert.equal(sdk[name], required[name], name)
    assert.equal(sdkDefault[name], required[name], name)
  }
})

test('an error thrown through require is an instance of the imported classes', () => {
  assert.throws(() => required.normalizeAmount('abc', 'BRL'), ValidationError)
  assert.throws(() => normalizeAmount('abc', 'BRL'), required.ValidationError)
  assert.throws(() => normalizeAmount('abc', 'BRL'), A55Error)
})

test('ESM calls work', () => {
  assert.equal(normalizeAmount(2.675, 'BRL'), '2.68')
  assert.deepEqual(sdk.splitInstallments('50000', 3, 'CLP'), ['16668', '16666', '16666'])
})
