'use strict'
// Every shared vector through the installed package, loaded with require().
const test = require('node:test')
const assert = require('node:assert/strict')
const sdk = require('@a55/sdk')
const { loadVectors, runFile } = require('./vector-runner.cjs')

const files = loadVectors()
let total = 0
let failed = 0

test('the package under test is the installed tarball', () => {
  assert.match(require.resolve('@a55/sdk'), /node_modules[\\/]@a55[\\/]sdk[\\/]lib[\\/]index\.cjs$/)
})

test('there are vector files', () => {
  assert.ok(files.length >= 18, `only ${files.length} vector files`)
})

for (const vf of files) {
  test(`${vf.file} (${vf.cases.length} cases, require)`, () => {
    const { passed, failures } = runFile(sdk, vf)
    total += passed + failures.length
    failed += failures.length
    assert.equal(failures.length, 0, `${failures.length} failures:\n${failures.join('\n')}`)
  })
}

test('verify_webhook.json again with the body as a Buffer', () => {
  const vf = files.find((f) => f.function === 'verify_webhook')
  const { failures } = runFile(sdk, vf, { bytes: true })
  assert.equal(failures.length, 0, failures.join('\n'))
})

test('vector count', (t) => {
  t.diagnostic(`${total - failed} vectors passed, ${failed} failed (require)`)
  console.log(`${total - failed} vectors passed, ${failed} failed (require)`)
  assert.ok(total > 1000)
})
