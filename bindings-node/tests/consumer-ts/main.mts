// A TypeScript user's program, compiled with tsc --strict and run against the test kit.
import { A55Client, type Wallet, type Response } from '@a55/sdk'
import { startEmulator } from '@a55/sdk/testing'

const emu = startEmulator()
try {
  const client: A55Client = emu.client()
  const wallet: Response<Wallet> = await client.getWallet({ walletUuid: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' })
  if (wallet.data.currency !== 'BRL') throw new Error(`unexpected currency ${wallet.data.currency}`)
  console.log(`typescript consumer: wallet ${wallet.data.wallet_uuid} in ${wallet.data.currency}`)
} finally {
  emu.stop()
}
