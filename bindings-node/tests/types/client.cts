// A user's file that calls every method of A55Client: `tsc --strict` checks it against the
// installed types (scripts/test-node.sh).
import { A55Client, type Charge, type ChargePayload, type ChargeStatus, type DecimalString, type Response, UnknownOutcomeError } from '@a55/sdk'
import { startEmulator } from '@a55/sdk/testing'

const address = {
  street: 'Av. Paulista', address_number: '1000', complement: '', neighborhood: 'Bela Vista',
  city: 'São Paulo', state: 'SP', postal_code: '01310-100', country: 'BR',
}
const payer = {
  wallet_uuid: 'w', merchant_id: 'm', payer_name: 'n', payer_email: 'e@example.com',
  payer_tax_id: '123.456.789-09', payer_cell_phone: '+5511999999999', currency: 'BRL' as const,
  due_date: '2030-01-01', description: 'd', payer_address: address,
}
const seed001: ChargePayload = {
  ...payer, installment_value: 150.0, installment_count: 3, type_charge: 'credit_card',
  card_number: '4024007153763191', card_name: 'N', card_expiry_month: '12', card_expiry_year: '2030', card_cvv: '123',
}

export async function everyMethod(): Promise<void> {
  const emu = startEmulator({ rateLimit: 0, today: '2026-11-21' })
  const client: A55Client = emu.client({ maxRetries: 1 })
  const wallet = await client.createWallet({ entity_uuid: 'e', customer_id: 'c', currency: 'BRL', name: 'n', email: 'e@example.com', create_credentials: true }, { idempotencyFrom: 'W-1' })
  const walletUuid: string | null = wallet.data.wallet_uuid
  await client.getWallet({ walletUuid: walletUuid ?? '' })
  const charge: Response<Charge> = await client.createCharge(seed001, { idempotencyKey: 'k', skipValidation: false })
  const total: DecimalString | null = charge.data.local_currency
  const status: ChargeStatus = charge.data.status
  const requestId: string | null = charge.meta.requestId
  void [total, status, requestId, charge.meta.rawJson, charge.meta.rateLimit.remaining]
  const ids = { chargeUuid: charge.data.charge_uuid ?? '', walletUuid: 'w' }
  await client.createPixCharge({ ...payer, amount: '149.90' })
  await client.createSubscription({ ...seed001, subscription: { cycle: 'monthly' } })
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
  const checkout = await client.createCheckout({ wallet_uuid: 'w', merchant_id: 'm', amount: 250, currency: 'BRL', description: 'd', redirect_url: 'https://x.example', due_date: '2030-01-01' })
  const url: string | null = checkout.data.checkout_url
  void url
  await client.createPaymentLink({ wallet_uuid: 'w', currency: 'BRL', value: 10 })
  await client.getPublicCharge({ chargeUuid: 'c' })
  await client.payPublicCharge({ chargeUuid: 'c' }, { card_number: '4111111111111111', card_name: 'N', card_expiry_month: '12', card_expiry_year: '2030', card_cvv: '123' })
  client.close()
  const fromEnv = A55Client.fromEnv({ environment: 'sandbox' })
  void fromEnv
  emu.stop()
}

// A payload missing a required field, or a field of the wrong type, does not compile.
export async function mistakes(client: A55Client): Promise<void> {
  // @ts-expect-error installment_count must be a number
  await client.createCharge({ ...seed001, installment_count: '3' })
  // @ts-expect-error payer_address is required
  await client.createPixCharge({ wallet_uuid: 'w', merchant_id: 'm', payer_name: 'n', payer_email: 'e', payer_tax_id: 't', payer_cell_phone: 'p', amount: 1, currency: 'BRL', due_date: 'd', description: 'd' })
  // @ts-expect-error the identifiers are named
  await client.getCharge('charge', 'wallet')
}

