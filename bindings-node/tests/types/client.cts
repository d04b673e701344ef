// A user's file that calls every method of A55Client: `tsc --strict` checks it against the
// installed types (scripts/test-node.sh).
import { A55Client, type Charge, type ChargeStatus, type DecimalString, type Response, UnknownOutcomeError } from '@a55/sdk'
import { startEmulator } from '@a55/sdk/testing'

export async function everyMethod(): Promise<void> {
  const emu = startEmulator({ rateLimit: 0, today: '2026-11-21' })
  const client: A55Client = emu.client({ maxRetries: 1 })
  const wallet = await client.createWallet({ name: 'n', email: 'e@example.com' }, { idempotencyFrom: 'W-1' })
  const walletUuid: string | null = wallet.data.wallet_uuid
  await client.getWallet({ walletUuid: walletUuid ?? '' })
  const charge: Response<Charge> = await client.createCharge({ wallet_uuid: 'w' }, { idempotencyKey: 'k', skipValidation: false })
  const total: DecimalString | null = charge.data.local_currency
  const status: ChargeStatus = charge.data.status
  const requestId: string | null = charge.meta.requestId
  void [total, status, requestId, charge.meta.rawJson, charge.meta.rateLimit.remaining]
  const ids = { chargeUuid: charge.data.charge_uuid ?? '', walletUuid: 'w' }
  await client.createPixCharge({})
  await client.createSubscription({})
  await client.getCharge(ids, { timeoutMs: 1000, deadlineMs: 5000, maxRetries: 0 })
  const page = await client.listCharges({ walletUuid: 'w', page: 1, limit: 10 })
  const first: Charge | undefined = page.data.data[0]
  void first
  for await (const c of client.listAllCharges({ walletUuid: 'w' })) {
    const due: string | null = c.due_date
    void due
  }
  await client.refundCharge(ids, { amount: '10.00' })
  await client.refundCharge(ids)
  await client.cancelCharge({ ...ids, reason: 'r' }, { idempotencyFrom: 'C-1' })
  await client.captureCharge(ids, { amount: 5 })
  const controller = new AbortController()
  try {
    await client.waitForCharge(ids, { maxWaitMs: 10_000, signal: controller.signal })
  } catch (e) {
    if (e instanceof UnknownOutcomeError) console.log(e.idempotencyKey, e.httpStatus)
  }
  await client.getSubscription({ subscriptionUuid: 's', walletUuid: 'w' })
  await client.cancelSubscription({ subscriptionUuid: 's', walletUuid: 'w' })
  const checkout = await client.createCheckout({})
  const url: string | null = checkout.data.checkout_url
  void url
  await client.createPaymentLink({})
  await client.getPublicCharge({ chargeUuid: 'c' })
  await client.payPublicCharge({ chargeUuid: 'c' }, { card_number: '4111111111111111' })
  client.close()
  const fromEnv = A55Client.fromEnv({ environment: 'sandbox' })
  void fromEnv
  emu.stop()
}
