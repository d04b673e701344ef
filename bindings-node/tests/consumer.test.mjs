// The package as an ES module user imports it: the client and the test kit, one charge.
import test from 'node:test'
import assert from 'node:assert/strict'

import { A55Client, ValidationError } from '@a55/sdk'
import { startEmulator } from '@a55/sdk/testing'

test('import: a charge through A55Client against startEmulator()', async () => {
  const emu = startEmulator()
  try {
    const client = emu.client()
    assert.ok(client instanceof A55Client)
    const { data, meta } = await client.getWallet({ walletUuid: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' })
    assert.equal(data.currency, 'BRL')
    assert.equal(meta.status, 200)
    await assert.rejects(client.createCharge({}), ValidationError)
  } finally {
    emu.stop()
  }
})
