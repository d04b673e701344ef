// Every shared vector through the installed package, loaded with import.
import test from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import * as sdk from '@a55/sdk'

const require = createRequire(import.meta.url)
const { loadVectors, runFile } = require('./vector-runner.cjs')

const files = loadVectors()
let total = 0
let failed = 0

test('import resolves to the installed ESM entry', () => {
  assert.match(import.meta.resolve('@a55/sdk'), /node_modules\/@a55\/sdk\/lib\/index\.mjs$/)
})

for (const vf of files) {
  test(`${vf.file} (${vf.cases.length} cases, import)`, () => {
    const { passed, failures } = runFile(sdk, vf)
    total += passed + failures.length
    failed += failures.length
    assert.equal(failures.length, 0, `${failures.length} failures:\n${failures.join('\n')}`)
  })
}

test('vector count', (t) => {
  t.diagnostic(`${total - failed} vectors passed, ${failed} failed (import)`)
  console.log(`${total - failed} vectors passed, ${failed} failed (import)`)
  assert.ok(total > 1000)
})
