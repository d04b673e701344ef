//! The emulator's state, behind one lock: credentials, tokens, wallets, charges, subscriptions,
//! checkouts, payment links, idempotency records, rate-limit logs and webhook deliveries.
//!
//! - `records.rs`: the records themselves and the JSON a wallet answers with.
//! - `charge_json.rs`: the JSON a charge answers with, as text or as a `Value`.
//! - `clock.rs`: the clock, the seeded random draws, ids and timestamps.
//! - `rate.rs`: a client's rolling rate-limit window.

mod charge_json;
mod clock;
mod rate;
mod records;
mod settlements;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use a55_core::money::Currency;
use a55_core::status::ChargeStatus;

use crate::config::{EmulatorConfig, Fault};

pub use clock::{Clock, MAX_CLOCK_ADVANCE_SECS, Rng, iso, real_now, uuid_from};
pub use rate::{Decision, RateRec};
pub use records::{
    ChargeRec, CheckoutRec, ClientRec, DeliveryRec, IdemRec, IdemState, Principal, SubscriptionRec,
    TokenRec, WalletRec,
};
pub use settlements::Settlements;

/// The entity that owns the platform credentials at start.
pub const FIXTURE_ENTITY: &str = "550e8400-e29b-41d4-a716-446655440000";
/// The BRL wallet that the seeds' charge, PIX, subscription and checkout examples use.
pub const FIXTURE_WALLET: &str = "f47ac10b-58cc-4372-a567-0e02b2c3d479";
/// That wallet's merchant.
pub const FIXTURE_MERCHANT: &str = "11111111-1111-1111-1111-111111111111";

/// How many webhook deliveries `/_emulator/webhooks` keeps for inspection: the most recent ones.
/// Deliveries still retrying past this many later ones are still made; only their record is gone.
pub const MAX_DELIVERIES: usize = 10_000;

/// How long an idempotency record is kept, in seconds (A55's 24 hours).
pub const IDEMPOTENCY_TTL_SECS: i64 = 86_400;

/// An idempotency record's key, (client, key): one allocation shared by the table and the order
/// records expire in. Looked up by `&(String, String)`.
pub type IdemKey = std::sync::Arc<(String, String)>;

/// A table of the store: a hash map with a fast hash, seeded per process (the emulator serves
/// tests and benchmarks, not the open internet; SipHash was a few percent of a charge's cost).
pub type Table<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// All mutable state, behind one lock. Every lookup a request makes is a hash or tree lookup (no
/// scan of all charges, wallets or deliveries), so a request costs the same however full the
/// emulator is; records kept only for inspection (webhook deliveries) are bounded, and expired
/// tokens and idempotency records are dropped as time passes.
#[derive(Debug, Default)]
pub struct Store {
    /// OAuth clients by client id.
    pub clients: Table<String, ClientRec>,
    /// Issued tokens.
    pub tokens: Table<String, TokenRec>,
    /// Tokens by expiry, to drop expired ones.
    token_expiry: VecDeque<(i64, String)>,
    /// Token requests answered.
    pub token_requests: u64,
    /// Token requests answered, by the (known) client id they named.
    pub token_requests_by_client: BTreeMap<String, u64>,
    /// Wallets by id.
    pub wallets: BTreeMap<String, WalletRec>,
    /// (lower-case merchant, currency) → wallet: one wallet per merchant and currency.
    wallet_by_merchant: Table<(String, Currency), String>,
    /// Wallet ids by email and by customer id, for `GET /api/v1/bank/wallet/`.
    wallets_by_email: Table<String, Vec<String>>,
    wallets_by_customer: Table<String, Vec<String>>,
    /// Charges by id, each in its own allocation: when the table grows, it moves pointers, not
    /// records (a record is about 700 bytes; moving 100,000 of them at once stalled a request).
    charges: Table<String, Box<ChargeRec>>,
    /// Charge ids by creation number (`ChargeRec::seq`).
    charge_seq: Vec<String>,
    /// A wallet's charges, by creation number.
    wallet_charges: Table<String, Vec<u64>>,
    /// A wallet's charges of each status (a handful per wallet), by creation number.
    wallet_status_charges: Table<String, Vec<(ChargeStatus, BTreeSet<u64>)>>,
    /// How many charges have each status.
    status_counts: BTreeMap<String, u64>,
    /// PIX txid (the location URL's last segment) → charge id.
    pix_txids: Table<String, String>,
    /// Subscriptions by id.
    pub subscriptions: Table<String, SubscriptionRec>,
    /// Checkout sessions and payment links by id.
    pub checkouts: Table<String, CheckoutRec>,
    /// Idempotency records by (client, key).
    pub idempotency: Table<IdemKey, IdemRec>,
    /// Idempotency records by creation time, to drop expired ones.
    idempotency_order: VecDeque<(i64, IdemKey)>,
    /// Rate-limit windows and counts by client id (`anonymous` without a valid token).
    pub rate: BTreeMap<String, RateRec>,
    /// The most recent [`MAX_DELIVERIES`] webhook deliveries, oldest first.
    deliveries: VecDeque<DeliveryRec>,
    /// Deliveries made in all (the next delivery's id is this + 1).
    pub delivery_count: u64,
    /// API requests seen.
    pub requests: u64,
    /// Faults injected, by name.
    pub faults: BTreeMap<String, u64>,
    /// Idempotent replays answered.
    pub idempotent_replays: u64,
    /// Faults queued by `/_emulator/faults` for the next API requests, in order.
    pub fault_queue: VecDeque<Fault>,
}

impl Store {
    /// The store with the seeds' fixtures.
    pub fn with_fixtures(config: &EmulatorConfig, now: i64) -> Store {
        let mut store = Store::default();
        store.clients.insert(
            config.client_id.clone(),
            ClientRec {
                secret: config.client_secret.clone(),
                principal: Principal::Platform {
                    entity_uuid: FIXTURE_ENTITY.into(),
                },
            },
        );
        store.insert_wallet(WalletRec {
            wallet_uuid: FIXTURE_WALLET.into(),
            entity_uuid: FIXTURE_ENTITY.into(),
            merchant_uuid: FIXTURE_MERCHANT.into(),
            customer_id: "cust_fixture".into(),
            currency: Currency::Brl,
            name: "Loja Exemplo".into(),
            email: "financeiro@loja-exemplo.com.br".into(),
            created_at: now,
        });
        store
    }

    /// Whether a principal may act on a wallet.
    pub fn may_act_on(&self, principal: &Principal, wallet_uuid: &str) -> bool {
        match principal {
            Principal::Wallet { wallet_uuid: own } => own.eq_ignore_ascii_case(wallet_uuid),
            Principal::Platform { entity_uuid } => self
                .wallets
                .get(wallet_uuid)
                .is_some_and(|w| &w.entity_uuid == entity_uuid),
        }
    }

    // Tokens.

    /// Keeps an issued token, dropping the ones that expired by `now`.
    pub fn insert_token(&mut self, token: String, rec: TokenRec, now: i64) {
        while let Some((expires_at, _)) = self.token_expiry.front()
            && *expires_at <= now
        {
            if let Some((_, old)) = self.token_expiry.pop_front() {
                self.tokens.remove(&old);
            }
        }
        self.token_expiry.push_back((rec.expires_at, token.clone()));
        self.tokens.insert(token, rec);
    }

    // Wallets.

    /// Keeps a wallet and indexes it.
    pub fn insert_wallet(&mut self, wallet: WalletRec) {
        let id = wallet.wallet_uuid.clone();
        self.wallet_by_merchant.insert(
            (wallet.merchant_uuid.to_lowercase(), wallet.currency),
            id.clone(),
        );
        self.wallets_by_email
            .entry(wallet.email.clone())
            .or_default()
            .push(id.clone());
        self.wallets_by_customer
            .entry(wallet.customer_id.clone())
            .or_default()
            .push(id.clone());
        self.wallets.insert(id, wallet);
    }

    /// Whether the merchant already has a wallet in this currency.
    pub fn merchant_has_wallet(&self, merchant_uuid: &str, currency: Currency) -> bool {
        self.wallet_by_merchant
            .contains_key(&(merchant_uuid.to_lowercase(), currency))
    }

    /// The wallets that may match a lookup: the one named, else those of the email, else those of
    /// the customer id (the caller checks every criterion on each).
    pub fn wallet_candidates(
        &self,
        wallet_uuid: Option<&str>,
        email: Option<&str>,
        customer_id: Option<&str>,
    ) -> Vec<&WalletRec> {
        let ids: Vec<&String> = match (wallet_uuid, email, customer_id) {
            (Some(id), _, _) => {
                return self.wallets.get(&id.to_lowercase()).into_iter().collect();
            }
            (None, Some(e), _) => self.wallets_by_email.get(e).into_iter().flatten().collect(),
            (None, None, Some(c)) => self
                .wallets_by_customer
                .get(c)
                .into_iter()
                .flatten()
                .collect(),
            (None, None, None) => Vec::new(),
        };
        ids.into_iter()
            .filter_map(|id| self.wallets.get(id))
            .collect()
    }

    // Charges.

    /// A charge by id.
    pub fn charge(&self, id: &str) -> Option<&ChargeRec> {
        self.charges.get(id).map(|c| &**c)
    }

    /// A charge by id, to change anything but its status ([`Store::set_status`] does that).
    pub fn charge_mut(&mut self, id: &str) -> Option<&mut ChargeRec> {
        self.charges.get_mut(id).map(|c| &mut **c)
    }

    /// How many charges there are.
    pub fn charge_count(&self) -> usize {
        self.charges.len()
    }

    /// How many charges have each status.
    pub fn status_counts(&self) -> &BTreeMap<String, u64> {
        &self.status_counts
    }

    /// Keeps a new charge and indexes it; its `seq` is set here.
    pub fn insert_charge(&mut self, mut charge: ChargeRec) {
        let seq = self.charge_seq.len() as u64;
        charge.seq = seq;
        let id = charge.charge_uuid.clone();
        self.charge_seq.push(id.clone());
        match self.wallet_charges.get_mut(&charge.wallet_uuid) {
            Some(seqs) => seqs.push(seq),
            None => {
                self.wallet_charges
                    .insert(charge.wallet_uuid.clone(), vec![seq]);
            }
        }
        self.index_status(&charge.wallet_uuid, &charge.status, seq);
        if charge.pix_payload.is_some() {
            self.pix_txids.insert(pix_txid(&id), id.clone());
        }
        self.charges.insert(id, Box::new(charge));
    }

    /// Sets a charge's status (and `updated_at`), keeping the indexes right: the charge after.
    pub fn set_status(&mut self, id: &str, status: ChargeStatus, now: i64) -> Option<ChargeRec> {
        let charge = self.charges.get_mut(id)?;
        let old = std::mem::replace(&mut charge.status, status.clone());
        charge.updated_at = now;
        let (wallet, seq) = (charge.wallet_uuid.clone(), charge.seq);
        let updated = ChargeRec::clone(charge);
        if let Some((_, set)) = self
            .wallet_status_charges
            .get_mut(&wallet)
            .and_then(|by_status| by_status.iter_mut().find(|(s, _)| *s == old))
        {
            set.remove(&seq);
        }
        if let Some(n) = self.status_counts.get_mut(old.as_str()) {
            *n = n.saturating_sub(1);
        }
        self.index_status(&wallet, &status, seq);
        Some(updated)
    }

    /// Counts charge `seq` under `status`, in its wallet's index and in all. The keys are
    /// allocated only the first time a wallet or a status is seen.
    fn index_status(&mut self, wallet: &str, status: &ChargeStatus, seq: u64) {
        if !self.wallet_status_charges.contains_key(wallet) {
            self.wallet_status_charges
                .insert(wallet.to_string(), Vec::new());
        }
        if let Some(by_status) = self.wallet_status_charges.get_mut(wallet) {
            match by_status.iter_mut().find(|(s, _)| s == status) {
                Some((_, set)) => {
                    set.insert(seq);
                }
                None => by_status.push((status.clone(), BTreeSet::from([seq]))),
            }
        }
        match self.status_counts.get_mut(status.as_str()) {
            Some(n) => *n += 1,
            None => {
                self.status_counts.insert(status.as_str().to_string(), 1);
            }
        }
    }

    /// One page of a wallet's charges in creation order, of one status or all: the page and the
    /// total. Costs the page's size plus the offset within the matching charges.
    pub fn wallet_charges(
        &self,
        wallet_uuid: &str,
        status: Option<&ChargeStatus>,
        offset: usize,
        limit: usize,
    ) -> (usize, Vec<&ChargeRec>) {
        let by_seq = |seq: &u64| {
            usize::try_from(*seq)
                .ok()
                .and_then(|i| self.charge_seq.get(i))
                .and_then(|id| self.charges.get(id))
                .map(|c| &**c)
        };
        match status {
            None => {
                let all = self
                    .wallet_charges
                    .get(wallet_uuid)
                    .map_or(&[][..], Vec::as_slice);
                let page = all.iter().skip(offset).take(limit).filter_map(by_seq);
                (all.len(), page.collect())
            }
            Some(s) => match self
                .wallet_status_charges
                .get(wallet_uuid)
                .and_then(|by_status| by_status.iter().find(|(status, _)| status == s))
            {
                Some((_, set)) => (
                    set.len(),
                    set.iter()
                        .skip(offset)
                        .take(limit)
                        .filter_map(by_seq)
                        .collect(),
                ),
                None => (0, Vec::new()),
            },
        }
    }

    /// Every charge in creation order (for inspection: `/_emulator/charges`).
    pub fn all_charges(&self) -> impl Iterator<Item = &ChargeRec> {
        self.charge_seq
            .iter()
            .filter_map(|id| self.charges.get(id).map(|c| &**c))
    }

    /// The PIX charge whose location URL ends in `txid`.
    pub fn charge_by_txid(&self, txid: &str) -> Option<&ChargeRec> {
        self.pix_txids
            .get(txid)
            .and_then(|id| self.charges.get(id))
            .map(|c| &**c)
    }

    // Idempotency.

    /// Keeps an idempotency record, dropping the records older than 24 hours.
    pub fn insert_idempotency(&mut self, id: (String, String), rec: IdemRec) {
        let now = rec.created_at;
        while let Some((created_at, _)) = self.idempotency_order.front()
            && now - *created_at > IDEMPOTENCY_TTL_SECS
        {
            if let Some((created_at, old)) = self.idempotency_order.pop_front()
                && self
                    .idempotency
                    .get(&old)
                    .is_some_and(|r| r.created_at == created_at)
            {
                self.idempotency.remove(&*old);
            }
        }
        let id = IdemKey::new(id);
        self.idempotency_order.push_back((now, id.clone()));
        self.idempotency.insert(id, rec);
    }

    // Webhook deliveries.

    /// Records a new delivery (its id is given here) and forgets the oldest beyond
    /// [`MAX_DELIVERIES`]: the new delivery's id.
    pub fn push_delivery(&mut self, mut delivery: DeliveryRec) -> u64 {
        self.delivery_count += 1;
        delivery.delivery_id = self.delivery_count;
        if self.deliveries.len() == MAX_DELIVERIES {
            self.deliveries.pop_front();
        }
        self.deliveries.push_back(delivery);
        self.delivery_count
    }

    /// A kept delivery by its id: ids are consecutive, so its place is its distance from the
    /// newest.
    pub fn delivery_mut(&mut self, id: u64) -> Option<&mut DeliveryRec> {
        let back = usize::try_from(self.delivery_count.checked_sub(id)?).ok()?;
        let index = self.deliveries.len().checked_sub(back + 1)?;
        self.deliveries
            .get_mut(index)
            .filter(|d| d.delivery_id == id)
    }

    /// The kept deliveries, oldest first.
    pub fn deliveries(&self) -> impl Iterator<Item = &DeliveryRec> {
        self.deliveries.iter()
    }
}

/// The txid of a PIX charge's BR Code: the charge id's first 25 letters and digits.
pub fn pix_txid(charge_uuid: &str) -> String {
    charge_uuid
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(25)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delivery() -> DeliveryRec {
        DeliveryRec {
            delivery_id: 0,
            url: String::new(),
            charge_uuid: String::new(),
            status: ChargeStatus::Issued,
            attempts: Vec::new(),
            outcome: String::new(),
        }
    }

    #[test]
    fn deliveries_are_bounded_and_found_by_id() {
        let mut store = Store::default();
        for _ in 0..MAX_DELIVERIES + 5 {
            store.push_delivery(delivery());
        }
        assert_eq!(store.deliveries().count(), MAX_DELIVERIES);
        assert!(store.delivery_mut(5).is_none());
        for id in [6, 7, 5_000, (MAX_DELIVERIES + 5) as u64] {
            assert_eq!(store.delivery_mut(id).map(|d| d.delivery_id), Some(id));
        }
        assert!(store.delivery_mut((MAX_DELIVERIES + 6) as u64).is_none());
        assert!(store.delivery_mut(0).is_none());
    }
}
