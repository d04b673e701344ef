//! The emulator's fixed exchange-rate table for the informative USD and EUR figures.
//!
//! BRL→USD 0.1793 and BRL→EUR 0.1572 reproduce seed 001's per-150.00 figures (26.90 / 23.58). The
//! other rates are fixed, documented values, not market data. Each figure is computed from its own
//! amount and rounded half away from zero to 2 decimals.

use a55_core::Decimal;
use a55_core::money::{AmountArg, Currency, normalize_in};

/// (currency, to USD, to EUR), rates as decimal text.
pub const RATES: [(Currency, &str, &str); 8] = [
    (Currency::Brl, "0.1793", "0.1572"),
    (Currency::Mxn, "0.0550", "0.0482"),
    (Currency::Clp, "0.00105", "0.00092"),
    (Currency::Cop, "0.00024", "0.00021"),
    (Currency::Pen, "0.2650", "0.2323"),
    (Currency::Ars, "0.00095", "0.00083"),
    (Currency::Usd, "1", "0.8767"),
    (Currency::Eur, "1.1406", "1"),
];

/// A currency and its rates to USD and EUR.
type Rates = (Currency, Option<Decimal>, Option<Decimal>);

/// [`RATES`] as decimals, read once.
static PARSED: std::sync::LazyLock<Vec<Rates>> = std::sync::LazyLock::new(|| {
    RATES
        .iter()
        .map(|(c, usd, eur)| (*c, usd.parse().ok(), eur.parse().ok()))
        .collect()
});

fn convert(amount: Decimal, rate: Option<Decimal>) -> Option<Decimal> {
    let product = amount.checked_mul(rate?)?;
    // Tiny figures (CLP 1 → USD 0.00105) round to 0.00: keep them as 0.00 rather than failing.
    match normalize_in(AmountArg::Decimal(product), Currency::Usd, "fx") {
        Ok(n) => Some(n.amount),
        Err(_) => Some(Decimal::new(0, 2)),
    }
}

/// The USD and EUR equivalents of an amount.
pub fn equivalents(amount: Decimal, currency: Currency) -> (Option<Decimal>, Option<Decimal>) {
    PARSED
        .iter()
        .find(|(c, _, _)| *c == currency)
        .map_or((None, None), |(_, usd, eur)| {
            (convert(amount, *usd), convert(amount, *eur))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_001_figures() {
        let (usd, eur) = equivalents(Decimal::new(15000, 2), Currency::Brl);
        assert_eq!(usd.unwrap().to_string(), "26.90");
        assert_eq!(eur.unwrap().to_string(), "23.58");
    }
}
