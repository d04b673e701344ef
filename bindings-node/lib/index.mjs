// ES module entry point: re-exports the CommonJS implementation, so `import` and `require` share
// one copy of the native module and one set of error classes (`instanceof` works across both).
import sdk from './index.cjs'

export const {
  normalizeAmount,
  currencyExponent,
  toMinorUnits,
  fromMinorUnits,
  splitInstallments,
  installmentDueDates,
  nextChargeDate,
  subscriptionSchedule,
  validateTaxId,
  validate,
  cardBrand,
  parsePixBrCode,
  verifyWebhook,
  signWebhook,
  RAW_BODY_REQUIRED,
  DEFAULT_TOLERANCE_MS,
  A55Error,
  ValidationError,
  SignatureVerificationError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  APIError,
  APIConnectionError,
  APITimeoutError,
  UnknownOutcomeError,
  ConfigurationError,
  DecodeError,
  _panicForTests,
} = sdk
export default sdk
