'use strict'
// The generic runner of tests/vectors/*.json through the Node API, mirroring core/tests/vectors.rs:
// a JSON string amount is passed as the string, a JSON number as the JS number; dates are strings;
// an argument that is absent or null is not passed. Used by vectors.test.cjs (require) and
// vectors.test.mjs (import).
const fs = require('node:fs')
const path = require('node:path')

const VECTORS_DIR = process.env.A55_VECTORS_DIR ?? path.join(__dirname, '..', '..', 'tests', 'vectors')

/** Every vector file, sorted: [{ file, function, cases }]. */
function loadVectors() {
  const files = fs.readdirSync(VECTORS_DIR).filter((f) => f.endsWith('.json')).sort()
  return files.map((file) => {
    const doc = JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, file), 'utf8'))
    return { file, function: doc.function, cases: doc.cases }
  })
}

const opt = (v) => (v === null ? undefined : v)

/** Calls the Node API for one case and returns a JSON-comparable result. */
function call(sdk, fn, args, { bytes = false } = {}) {
  const a = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, opt(v)]))
  const body = (text) => (bytes ? Buffer.from(text, 'utf8') : text)
  switch (fn) {
    case 'normalize_amount':
      return sdk.normalizeAmount(a.amount, a.currency)
    case 'currency_exponent':
      return sdk.currencyExponent(a.currency)
    case 'to_minor_units':
      return sdk.toMinorUnits(a.amount, a.currency)
    case 'from_minor_units':
      return sdk.fromMinorUnits(a.minor, a.currency)
    case 'split_installments':
      return sdk.splitInstallments(a.total, a.count, a.currency)
    case 'installment_due_dates':
      return sdk.installmentDueDates(a.first_due_date, a.count)
    case 'next_charge_date':
      return sdk.nextChargeDate(a.due_date, a.cycle, a.end_date)
    case 'subscription_schedule':
      return sdk.subscriptionSchedule(a.due_date, a.cycle, a.count, a.end_date)
    case 'validate_tax_id':
      return sdk.validateTaxId(a.value, a.country)
    case 'card_brand':
      return sdk.cardBrand(a.card_number)
    case 'parse_pix_brcode':
      return sdk.parsePixBrCode(a.text)
    case 'sign_webhook':
      return sdk.signWebhook(body(a.raw_body), a.secret, a.timestamp)
    case 'verify_webhook': {
      const options = { now: new Date(a.now * 1000) }
      if (a.tolerance_s !== undefined) options.toleranceMs = a.tolerance_s * 1000
      return sdk.verifyWebhook(body(a.raw_body), a.signature, a.timestamp, a.secrets, options)
    }
    case 'validate':
      return sdk.validate(a.kind, a.payload, a.today)
    default:
      throw new Error(`no runner for function ${fn}`)
  }
}

const issueKey = (i) => JSON.stringify([i.code ?? '', i.severity ?? '', i.field ?? ''])

/** Whether `got` matches the expected `ok` value. */
function matches(fn, want, got) {
  if (fn === 'validate') {
    if (!Array.isArray(got)) return false
    const a = new Set(want.map(issueKey))
    const b = new Set(got.map(issueKey))
    return a.size === b.size && [...a].every((k) => b.has(k))
  }
  if (want !== null && typeof want === 'object' && !Array.isArray(want)) {
    if (got === null || typeof got !== 'object') return false
    return Object.entries(want).every(([k, v]) => JSON.stringify(v) === JSON.stringify(got[k] ?? null))
  }
  return JSON.stringify(want) === JSON.stringify(got)
}

/** Runs every case of one file; returns { passed, failures: [text] }. */
function runFile(sdk, vf, options) {
  const failures = []
  let passed = 0
  for (const c of vf.cases) {
    let outcome
    try {
      outcome = { ok: call(sdk, vf.function, c.args, options) }
    } catch (e) {
      outcome = { error: e }
    }
    let good = false
    if ('ok' in c && 'ok' in outcome) {
      good = matches(vf.function, c.ok, outcome.ok)
    } else if ('error' in c && 'error' in outcome) {
      const e = outcome.error
      const wantClass = c.error === 'INVALID_WEBHOOK_SIGNATURE' ? sdk.SignatureVerificationError : sdk.ValidationError
      good =
        e instanceof sdk.A55Error &&
        e instanceof wantClass &&
        e.code === c.error &&
        (c.reason === undefined || e.reason === c.reason)
    }
    if (good) {
      passed++
    } else {
      const got =
        'ok' in outcome
          ? JSON.stringify(outcome.ok)
          : `${outcome.error?.name} ${outcome.error?.code} ${outcome.error?.reason ?? ''}: ${outcome.error?.message}`
      failures.push(`${vf.file}: ${c.name}\n    want ${JSON.stringify(c.ok ?? c.error)}${c.reason ? ` (${c.reason})` : ''}\n    got  ${got}`)
    }
  }
  return { passed, failures }
}

module.exports = { loadVectors, runFile, call, matches, VECTORS_DIR }
