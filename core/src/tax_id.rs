//! Tax ids of the six Latin American countries A55 serves, with their check digits.
//!
//! The rules in words are in `docs/rules.md`; each function below says its own. Input may carry `.`,
//! `-`, `/` and spaces, and lower-case letters (upper-cased before computing). Error messages never
//! repeat the id.

use std::fmt;

use crate::codes::IssueCode;
use crate::error::{RuleError, quote};

/// The kind of document a tax id is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaxIdKind {
    /// Brazil, persons.
    Cpf,
    /// Brazil, companies (numeric or alphanumeric).
    Cnpj,
    /// Chile.
    Rut,
    /// Argentina, CUIT or CUIL.
    Cuit,
    /// Argentina or Peru, national identity document.
    Dni,
    /// Mexico, tax registry.
    Rfc,
    /// Mexico, population registry.
    Curp,
    /// Colombia, cédula de ciudadanía.
    Cc,
    /// Colombia, tax number.
    Nit,
    /// Peru, tax registry.
    Ruc,
    /// Any non-blank value of a country without specific rules.
    Other,
}

impl TaxIdKind {
    /// The kind's name: `CPF`, `CNPJ`, … `OTHER`.
    pub fn as_str(self) -> &'static str {
        match self {
            TaxIdKind::Cpf => "CPF",
            TaxIdKind::Cnpj => "CNPJ",
            TaxIdKind::Rut => "RUT",
            TaxIdKind::Cuit => "CUIT",
            TaxIdKind::Dni => "DNI",
            TaxIdKind::Rfc => "RFC",
            TaxIdKind::Curp => "CURP",
            TaxIdKind::Cc => "CC",
            TaxIdKind::Nit => "NIT",
            TaxIdKind::Ruc => "RUC",
            TaxIdKind::Other => "OTHER",
        }
    }
}

impl fmt::Display for TaxIdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The ISO 3166-1 alpha-2 codes, officially assigned, sorted for a binary search.
const ISO_COUNTRIES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Whether `code` is an assigned ISO 3166-1 alpha-2 country code (upper-case).
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && ISO_COUNTRIES.binary_search(&code).is_ok()
}

/// Checks a country code, naming `field` in the error.
pub fn check_country(code: &str, field: &str) -> Result<(), RuleError> {
    if is_country_code(code) {
        Ok(())
    } else {
        Err(RuleError::new(
            IssueCode::InvalidCountry,
            field,
            format!(
                "{field} {} is not an ISO 3166-1 alpha-2 country code",
                quote(code)
            ),
        ))
    }
}

fn invalid(field: &str, country: &str, kinds: &str) -> RuleError {
    RuleError::new(
        IssueCode::InvalidTaxId,
        field,
        format!("{field} is not a valid {kinds} for {country}"),
    )
}

/// Validates a tax id for a country and says which document it is (`validate_tax_id`).
pub fn validate_tax_id(value: &str, country: &str) -> Result<TaxIdKind, RuleError> {
    validate_tax_id_at(value, country, "value")
}

/// [`validate_tax_id`], naming `field` in the error.
pub fn validate_tax_id_at(value: &str, country: &str, field: &str) -> Result<TaxIdKind, RuleError> {
    check_country(country, "country")?;
    let has_dash = value.contains('-');
    let kept = |c: &char| !matches!(c, '.' | '-' | '/' | ' ');
    let compact: Vec<char> = if value.is_ascii() {
        // The common case: no Unicode case mapping (which may expand a character) is needed.
        value
            .chars()
            .filter(kept)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    } else {
        value
            .chars()
            .filter(kept)
            .flat_map(char::to_uppercase)
            .collect()
    };
    let digits_only = !compact.is_empty() && compact.iter().all(char::is_ascii_digit);
    let found = match country {
        "BR" => match compact.len() {
            11 if digits_only && cpf_ok(&compact) => Some(TaxIdKind::Cpf),
            14 if cnpj_ok(&compact) => Some(TaxIdKind::Cnpj),
            _ => None,
        },
        "CL" => rut_ok(&compact).then_some(TaxIdKind::Rut),
        "AR" => match compact.len() {
            11 if digits_only && cuit_ok(&compact) => Some(TaxIdKind::Cuit),
            7 | 8 if digits_only => Some(TaxIdKind::Dni),
            _ => None,
        },
        "MX" => match compact.len() {
            12 | 13 if rfc_ok(&compact) => Some(TaxIdKind::Rfc),
            18 if curp_ok(&compact) => Some(TaxIdKind::Curp),
            _ => None,
        },
        "CO" => {
            if has_dash {
                nit_ok(value).then_some(TaxIdKind::Nit)
            } else {
                (digits_only && (6..=10).contains(&compact.len())).then_some(TaxIdKind::Cc)
            }
        }
        "PE" => match compact.len() {
            11 if digits_only && ruc_ok(&compact) => Some(TaxIdKind::Ruc),
            8 if digits_only => Some(TaxIdKind::Dni),
            _ => None,
        },
        _ => (!value.trim().is_empty()).then_some(TaxIdKind::Other),
    };
    found.ok_or_else(|| {
        let kinds = match country {
            "BR" => "CPF or CNPJ",
            "CL" => "RUT",
            "AR" => "CUIT, CUIL or DNI",
            "MX" => "RFC or CURP",
            "CO" => "CC or NIT",
            "PE" => "RUC or DNI",
            _ => "tax id",
        };
        invalid(field, country, kinds)
    })
}

fn digit(c: char) -> u32 {
    c.to_digit(10).unwrap_or(0)
}

/// Remainder below 2 gives 0, else 11 − remainder (CPF and CNPJ).
fn mod11_check(sum: u32) -> u32 {
    let r = sum % 11;
    if r < 2 { 0 } else { 11 - r }
}

/// CPF: 11 digits, not all equal, check digits with weights 10..2 then 11..2.
fn cpf_ok(d: &[char]) -> bool {
    if d.iter().all(|&c| c == d[0]) {
        return false;
    }
    let dv = |n: usize| -> u32 {
        let sum: u32 = d[..n]
            .iter()
            .zip((2..=n as u32 + 1).rev())
            .map(|(&c, w)| digit(c) * w)
            .sum();
        mod11_check(sum)
    };
    dv(9) == digit(d[9]) && dv(10) == digit(d[10])
}

/// CNPJ: 12 digits or letters then 2 check digits; value = ASCII − 48.
fn cnpj_ok(d: &[char]) -> bool {
    if !d[..12]
        .iter()
        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        || !d[12..].iter().all(char::is_ascii_digit)
    {
        return false;
    }
    const W1: [u32; 12] = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const W2: [u32; 13] = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let value = |c: char| c as u32 - 48;
    let s1: u32 = d[..12].iter().zip(W1).map(|(&c, w)| value(c) * w).sum();
    let s2: u32 = d[..13].iter().zip(W2).map(|(&c, w)| value(c) * w).sum();
    mod11_check(s1) == digit(d[12]) && mod11_check(s2) == digit(d[13])
}

/// RUT: a 7–8 digit body and a check character; weights 2..7 from the right; 11 → 0, 10 → K.
fn rut_ok(d: &[char]) -> bool {
    if !(8..=9).contains(&d.len()) {
        return false;
    }
    let (body, check) = d.split_at(d.len() - 1);
    if !body.iter().all(char::is_ascii_digit) {
        return false;
    }
    let sum: u32 = body
        .iter()
        .rev()
        .zip((2..=7).cycle())
        .map(|(&c, w)| digit(c) * w)
        .sum();
    let expected = match 11 - sum % 11 {
        11 => '0',
        10 => 'K',
        n => char::from_digit(n, 10).unwrap_or('?'),
    };
    check[0] == expected
}

/// CUIT/CUIL: 11 digits, weights 5,4,3,2,7,6,5,4,3,2; 11 − sum mod 11; 11 → 0; 10 invalid.
fn cuit_ok(d: &[char]) -> bool {
    const W: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let sum: u32 = d[..10].iter().zip(W).map(|(&c, w)| digit(c) * w).sum();
    match 11 - sum % 11 {
        11 => digit(d[10]) == 0,
        10 => false,
        n => digit(d[10]) == n,
    }
}

/// RUC: 11 digits starting 10, 15, 17 or 20; weights 5,4,3,2,7,6,5,4,3,2; (11 − sum mod 11) mod 10.
fn ruc_ok(d: &[char]) -> bool {
    let prefix: String = d[..2].iter().collect();
    if !matches!(prefix.as_str(), "10" | "15" | "17" | "20") {
        return false;
    }
    const W: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let sum: u32 = d[..10].iter().zip(W).map(|(&c, w)| digit(c) * w).sum();
    (11 - sum % 11) % 10 == digit(d[10])
}

/// NIT: written `body-check`, body 5–15 digits (dots and spaces allowed); weights
/// 3,7,13,…,71 from the right; r = sum mod 11; r < 2 → r, else 11 − r.
fn nit_ok(value: &str) -> bool {
    let Some((body, check)) = value.rsplit_once('-') else {
        return false;
    };
    let body: Vec<char> = body.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    let check = check.trim();
    if !(5..=15).contains(&body.len())
        || !body.iter().all(char::is_ascii_digit)
        || check.len() != 1
        || !check.chars().all(|c| c.is_ascii_digit())
    {
        return false;
    }
    const W: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
    let sum: u32 = body.iter().rev().zip(W).map(|(&c, w)| digit(c) * w).sum();
    let r = sum % 11;
    let expected = if r < 2 { r } else { 11 - r };
    check.chars().next().map(digit) == Some(expected)
}

/// Whether `YYMMDD` (six ASCII digits) is a real date, leap years following 2000 + YY.
fn real_yymmdd(d: &[char]) -> bool {
    if d.len() != 6 || !d.iter().all(char::is_ascii_digit) {
        return false;
    }
    let n = |i: usize| digit(d[i]) * 10 + digit(d[i + 1]);
    let (yy, mm, dd) = (n(0), n(2), n(4));
    chrono::NaiveDate::from_ymd_opt(2000 + yy as i32, mm, dd).is_some()
}

fn rfc_letter(c: char) -> bool {
    c.is_ascii_uppercase() || c == 'Ñ' || c == '&'
}

/// RFC: 3 (companies) or 4 (persons) letters, a real YYMMDD date, 3 letters or digits.
fn rfc_ok(d: &[char]) -> bool {
    let letters = d.len() - 9;
    d[..letters].iter().all(|&c| rfc_letter(c))
        && real_yymmdd(&d[letters..letters + 6])
        && d[letters + 6..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// CURP: 4 letters, a real YYMMDD date, H/M/X, 5 letters, a letter or digit, a check digit over the
/// alphabet `0-9A-NÑO-Z` with weights 18..2, (10 − sum mod 10) mod 10.
fn curp_ok(d: &[char]) -> bool {
    const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
    let letter = |c: &char| c.is_ascii_uppercase() || *c == 'Ñ';
    if !d[..4].iter().all(letter)
        || !real_yymmdd(&d[4..10])
        || !matches!(d[10], 'H' | 'M' | 'X')
        || !d[11..16].iter().all(letter)
        || !(d[16].is_ascii_digit() || d[16].is_ascii_uppercase())
        || !d[17].is_ascii_digit()
    {
        return false;
    }
    let mut sum = 0u32;
    for (i, c) in d[..17].iter().enumerate() {
        let Some(v) = ALPHABET.chars().position(|a| a == *c) else {
            return false;
        };
        sum += v as u32 * (18 - i as u32);
    }
    (10 - sum % 10) % 10 == digit(d[17])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_examples() {
        assert_eq!(
            validate_tax_id("123.456.789-09", "BR").unwrap(),
            TaxIdKind::Cpf
        );
        for (v, c) in [
            ("111.222.333-44", "BR"),
            ("12345678901", "BR"),
            ("27123456789", "AR"),
            ("20123456789", "AR"),
            ("GARC850101HDFRRL09", "MX"),
            ("111.111.111-11", "BR"),
        ] {
            assert_eq!(
                validate_tax_id(v, c).unwrap_err().code,
                IssueCode::InvalidTaxId,
                "{v}"
            );
        }
        assert_eq!(
            validate_tax_id("12.ABC.345/01DE-35", "BR").unwrap(),
            TaxIdKind::Cnpj
        );
        assert_eq!(
            validate_tax_id("xaxx010101000", "MX").unwrap(),
            TaxIdKind::Rfc
        );
        assert_eq!(validate_tax_id("anything", "US").unwrap(), TaxIdKind::Other);
        assert_eq!(
            validate_tax_id("1", "br").unwrap_err().code,
            IssueCode::InvalidCountry
        );
        let e = validate_tax_id("111.222.333-44", "BR").unwrap_err();
        assert!(!e.to_string().contains("111"));
    }
}
