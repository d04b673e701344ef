//! Card numbers: brand detection, the Luhn checksum, expiry and CVV rules, and masking.
//!
//! The Luhn checksum is only a warning (`CARD_NUMBER_CHECKSUM`): the test card of A55's card
//! examples, 4024007153763191, fails it, and A55's sandbox decides outcomes by the last digit alone
//! (`docs/rules.md`, "Cards").

use std::fmt;

use chrono::Datelike;

use crate::schedule::Date;

/// A card brand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CardBrand {
    /// Visa.
    Visa,
    /// Mastercard.
    Mastercard,
    /// American Express.
    Amex,
    /// Elo (Brazil).
    Elo,
    /// Hipercard (Brazil).
    Hipercard,
    /// Diners Club.
    Diners,
    /// Discover.
    Discover,
    /// JCB.
    Jcb,
    /// Not recognised.
    Unknown,
}

impl CardBrand {
    /// The brand's name as every language returns it (`unknown` when not recognised).
    pub fn as_str(self) -> &'static str {
        match self {
            CardBrand::Visa => "Visa",
            CardBrand::Mastercard => "Mastercard",
            CardBrand::Amex => "Amex",
            CardBrand::Elo => "Elo",
            CardBrand::Hipercard => "Hipercard",
            CardBrand::Diners => "Diners",
            CardBrand::Discover => "Discover",
            CardBrand::Jcb => "JCB",
            CardBrand::Unknown => "unknown",
        }
    }
}

impl fmt::Display for CardBrand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The digits of a card number with spaces and dashes removed, or `None` if anything else is in it.
pub fn card_digits(number: &str) -> Option<String> {
    let mut out = String::with_capacity(number.len().min(32));
    for c in number.chars() {
        match c {
            '0'..='9' => out.push(c),
            ' ' | '-' => {}
            _ => return None,
        }
    }
    Some(out)
}

const ELO: &[(u32, u32)] = &[
    (401178, 401179),
    (431274, 431274),
    (438935, 438935),
    (451416, 451416),
    (457393, 457393),
    (457631, 457632),
    (504175, 504175),
    (506699, 506778),
    (509000, 509999),
    (627780, 627780),
    (636297, 636297),
    (636368, 636368),
    (650031, 650033),
    (650035, 650051),
    (650405, 650439),
    (650485, 650538),
    (650541, 650598),
    (650700, 650718),
    (650720, 650727),
    (650901, 650978),
    (651652, 651679),
    (655000, 655019),
    (655021, 655058),
];

const HIPERCARD: &[u32] = &[
    606282, 637095, 637568, 637599, 637609, 637612, 384100, 384140, 384160,
];

/// The brand of a card number (`card_brand`). Needs 6–19 digits (spaces and dashes ignored), else
/// [`CardBrand::Unknown`]. Never fails.
pub fn card_brand(number: &str) -> CardBrand {
    let Some(digits) = card_digits(number) else {
        return CardBrand::Unknown;
    };
    if !(6..=19).contains(&digits.len()) {
        return CardBrand::Unknown;
    }
    let prefix = |n: usize| -> u32 { digits[..n].parse().unwrap_or(0) };
    let bin = prefix(6);
    let in_range = |p: u32, lo: u32, hi: u32| (lo..=hi).contains(&p);
    if ELO.iter().any(|&(lo, hi)| in_range(bin, lo, hi)) {
        CardBrand::Elo
    } else if HIPERCARD.contains(&bin) {
        CardBrand::Hipercard
    } else if matches!(prefix(2), 34 | 37) {
        CardBrand::Amex
    } else if in_range(prefix(3), 300, 305)
        || prefix(4) == 3095
        || matches!(prefix(2), 36 | 38 | 39)
    {
        CardBrand::Diners
    } else if in_range(prefix(4), 3528, 3589) {
        CardBrand::Jcb
    } else if prefix(4) == 6011
        || in_range(bin, 622126, 622925)
        || in_range(prefix(3), 644, 649)
        || prefix(2) == 65
    {
        CardBrand::Discover
    } else if in_range(prefix(2), 51, 55) || in_range(prefix(4), 2221, 2720) {
        CardBrand::Mastercard
    } else if digits.starts_with('4') {
        CardBrand::Visa
    } else {
        CardBrand::Unknown
    }
}

/// Whether ASCII digits pass the Luhn checksum.
pub fn luhn_ok(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b.wrapping_sub(b'0'));
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    !digits.is_empty() && sum.is_multiple_of(10)
}

/// Whether a card number's digits (see [`card_digits`]) are as many as a card number has: 12 to 19.
pub(crate) fn card_number_length_ok(digits: &str) -> bool {
    (12..=19).contains(&digits.len())
}

/// An expiry month as sent in `card_expiry_month`: one or two digits from 1 to 12 (`"1"` or
/// `"01"`), else `None`.
pub(crate) fn expiry_month(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|m| (1..=12).contains(m))
}

/// An expiry year as sent in `card_expiry_year`: four digits, 1900 or later, else `None`.
pub(crate) fn expiry_year(text: &str) -> Option<i32> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|y| *y >= 1900)
}

/// Whether a card that expires at the end of `month` of `year` has expired by `today`: a card is
/// good through the last day of its expiry month.
pub(crate) fn is_expired(month: u32, year: i32, today: Date) -> bool {
    (year, month) < (today.year(), today.month())
}

/// How many digits a card's CVV has: 4 for American Express, 3 for every other brand (and for a
/// brand not recognised).
pub(crate) fn cvv_length(brand: CardBrand) -> usize {
    if brand == CardBrand::Amex { 4 } else { 3 }
}

/// Whether a CVV is exactly [`cvv_length`] ASCII digits for the card's brand.
pub(crate) fn cvv_ok(cvv: &str, brand: CardBrand) -> bool {
    cvv.len() == cvv_length(brand) && cvv.bytes().all(|b| b.is_ascii_digit())
}

/// A card number shown safely: its last four digits only (`•••• 3191`).
pub fn mask_card_number(number: &str) -> String {
    let digits: Vec<char> = number.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 8 {
        return "••••".to_string();
    }
    let last4: String = digits[digits.len() - 4..].iter().collect();
    format!("•••• {last4}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brands_and_luhn() {
        assert_eq!(card_brand("4024007153763191"), CardBrand::Visa);
        assert_eq!(card_brand("4011 7812 3456 7890"), CardBrand::Elo);
        assert_eq!(card_brand("5067001234567890"), CardBrand::Elo);
        assert_eq!(card_brand("6062821234567890"), CardBrand::Hipercard);
        assert_eq!(card_brand("378282246310005"), CardBrand::Amex);
        assert_eq!(card_brand("2720991234567890"), CardBrand::Mastercard);
        assert_eq!(card_brand("2721001234567890"), CardBrand::Unknown);
        assert_eq!(card_brand("40240"), CardBrand::Unknown);
        assert!(!luhn_ok("4024007153763191"));
        assert!(luhn_ok("4024007153763130"));
        assert_eq!(mask_card_number("4024007153763191"), "•••• 3191");
    }

    #[test]
    fn expiry_cvv_and_length() {
        assert_eq!(expiry_month("1"), Some(1));
        assert_eq!(expiry_month("01"), Some(1));
        assert_eq!(expiry_month("13"), None);
        assert_eq!(expiry_month("001"), None);
        assert_eq!(expiry_year("2030"), Some(2030));
        assert_eq!(expiry_year("30"), None);
        let today = Date::from_ymd_opt(2026, 5, 10).unwrap();
        assert!(
            !is_expired(5, 2026, today),
            "good through the end of its month"
        );
        assert!(is_expired(4, 2026, today));
        assert!(cvv_ok("1234", CardBrand::Amex));
        assert!(!cvv_ok("123", CardBrand::Amex));
        assert!(cvv_ok("123", CardBrand::Unknown));
        assert!(!cvv_ok("12a", CardBrand::Visa));
        assert!(card_number_length_ok("402400715376"));
        assert!(!card_number_length_ok("40240071537"));
    }
}
