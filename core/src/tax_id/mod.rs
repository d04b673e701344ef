//! Tax ids of the six Latin American countries A55 serves, with their check digits.
//!
//! The rules in words are in `docs/rules.md`; each function below says its own. Input may carry `.`,
//! `-`, `/` and spaces, and lower-case letters (upper-cased before computing). Error messages never
//! repeat the id.

use std::fmt;

use crate::codes::IssueCode;
use crate::error::{RuleError, quote};

mod mx;

use mx::MxRefusal;

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
    match code.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            COUNTRY_BITS[usize::from(a - b'A')] & (1 << (b - b'A')) != 0
        }
        _ => false,
    }
}

/// [`ISO_COUNTRIES`] as one bit per code: row = first letter, bit = second letter.
const COUNTRY_BITS: [u32; 26] = {
    let mut bits = [0u32; 26];
    let mut i = 0;
    while i < ISO_COUNTRIES.len() {
        let code = ISO_COUNTRIES[i].as_bytes();
        bits[(code[0] - b'A') as usize] |= 1 << (code[1] - b'A');
        i += 1;
    }
    bits
};

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
        // The common case: no Unicode case mapping (which may expand a character) is needed, and
        // the value's length bounds the result (one allocation).
        let mut compact = Vec::with_capacity(value.len());
        compact.extend(value.chars().filter(kept).map(|c| c.to_ascii_uppercase()));
        compact
    } else {
        value
            .chars()
            .filter(kept)
            .flat_map(char::to_uppercase)
            .collect()
    };
    let digits_only = !compact.is_empty() && compact.iter().all(char::is_ascii_digit);
    // A reason added to the message when the value has a document's shape but breaks a rule
    // around its check digits (docs/validation.md, "Tax IDs: the rules around the check digits").
    let mut hint: Option<&str> = None;
    let found = match country {
        "BR" => match compact.len() {
            11 if digits_only && cpf_ok(&compact) => Some(TaxIdKind::Cpf),
            14 if cnpj_ok(&compact) => Some(TaxIdKind::Cnpj),
            11 | 14 if compact.iter().all(|&c| c == compact[0]) => {
                hint = Some("a CPF or CNPJ is never one digit repeated");
                None
            }
            _ => None,
        },
        "CL" => rut_ok(&compact).then_some(TaxIdKind::Rut),
        "AR" => match compact.len() {
            11 if digits_only && !cuit_prefix_ok(&compact) => {
                hint = Some(
                    "a CUIT or CUIL starts with 20, 23, 24 or 27 (persons), 30, 33 or 34 \
                     (companies), 50, 51 or 55",
                );
                None
            }
            11 if digits_only && cuit_ok(&compact) => Some(TaxIdKind::Cuit),
            7 | 8 if digits_only => Some(TaxIdKind::Dni),
            _ => None,
        },
        "MX" => {
            let checked = match compact.len() {
                12 | 13 => mx::rfc(&compact).map(|()| TaxIdKind::Rfc),
                18 => mx::curp(&compact).map(|()| TaxIdKind::Curp),
                _ => Err(MxRefusal::Invalid),
            };
            match checked {
                Ok(kind) => Some(kind),
                Err(refusal) => {
                    hint = match refusal {
                        MxRefusal::InconvenientWord => Some(
                            "it starts with one of the inconvenient words that are never issued",
                        ),
                        MxRefusal::UnknownState => {
                            Some("a CURP's state code is one of the 32 states or NE")
                        }
                        MxRefusal::Invalid => None,
                    };
                    None
                }
            }
        }
        "CO" => co_kind(value, &compact, has_dash, digits_only),
        "PE" => match compact.len() {
            11 if digits_only && ruc_ok(&compact) => Some(TaxIdKind::Ruc),
            8 if digits_only => Some(TaxIdKind::Dni),
            9 if cui_ok(&compact) => Some(TaxIdKind::Dni),
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
        let mut error = invalid(field, country, kinds);
        if let Some(hint) = hint {
            error.message = format!("{}: {hint}", error.message);
        }
        error
    })
}

/// The type prefixes AFIP issues: 20, 23, 24, 27 (persons), 30, 33, 34 (companies), 50, 51, 55.
const CUIT_PREFIXES: [&str; 10] = ["20", "23", "24", "27", "30", "33", "34", "50", "51", "55"];

fn cuit_prefix_ok(d: &[char]) -> bool {
    let prefix: String = d[..2].iter().collect();
    CUIT_PREFIXES.contains(&prefix.as_str())
}

/// Colombia. Written with a dash before its last digit: a NIT (dashes and dots inside the body are
/// separators, `830.036-334-1`). Without a dash: 6–10 digits are a CC, except ten digits starting
/// with 8 or 9, which no CC has (ten-digit cédulas start with 1): a NIT whose check digit is last.
fn co_kind(value: &str, compact: &[char], has_dash: bool, digits_only: bool) -> Option<TaxIdKind> {
    if has_dash {
        return nit_ok(value).then_some(TaxIdKind::Nit);
    }
    if !digits_only || !(6..=10).contains(&compact.len()) {
        return None;
    }
    if compact.len() == 10 && matches!(compact[0], '8' | '9') {
        let (body, check) = compact.split_at(9);
        return (nit_check(body) == digit(check[0])).then_some(TaxIdKind::Nit);
    }
    Some(TaxIdKind::Cc)
}

/// Peru's CUI: the 8-digit DNI and the verification character printed on the ID card: digits
/// weighted 3,2,7,6,5,4,3,2; c = sum mod 11; the character is `65432110987`[c] or `KJIHGFEDCBA`[c].
fn cui_ok(d: &[char]) -> bool {
    const W: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
    if !d[..8].iter().all(char::is_ascii_digit) {
        return false;
    }
    let c = d[..8]
        .iter()
        .zip(W)
        .map(|(&ch, w)| digit(ch) * w)
        .sum::<u32>() as usize
        % 11;
    let last = d[8];
    "65432110987".chars().nth(c) == Some(last) || "KJIHGFEDCBA".chars().nth(c) == Some(last)
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

/// CNPJ: 12 digits or letters then 2 check digits, not one character repeated; value = ASCII − 48.
fn cnpj_ok(d: &[char]) -> bool {
    if d.iter().all(|&c| c == d[0]) {
        return false;
    }
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

/// NIT: written `body-check`, body 5–15 digits (dots, spaces and dashes allowed as separators).
fn nit_ok(value: &str) -> bool {
    let Some((body, check)) = value.rsplit_once('-') else {
        return false;
    };
    let body: Vec<char> = body
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '-'))
        .collect();
    let check = check.trim();
    if !(5..=15).contains(&body.len())
        || !body.iter().all(char::is_ascii_digit)
        || check.len() != 1
        || !check.chars().all(|c| c.is_ascii_digit())
    {
        return false;
    }
    check.chars().next().map(digit) == Some(nit_check(&body))
}

/// NIT check digit: weights 3,7,13,…,71 from the right; r = sum mod 11; r < 2 → r, else 11 − r.
fn nit_check(body: &[char]) -> u32 {
    const W: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
    let sum: u32 = body.iter().rev().zip(W).map(|(&c, w)| digit(c) * w).sum();
    let r = sum % 11;
    if r < 2 { r } else { 11 - r }
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

    #[test]
    fn rules_around_the_check_digits() {
        let kind = |v: &str, c: &str| validate_tax_id(v, c).map_err(|e| e.code);
        let bad = Err(IssueCode::InvalidTaxId);
        // AR: only the prefixes AFIP issues; the message names them without the id.
        assert_eq!(kind("20-12345678-6", "AR"), Ok(TaxIdKind::Cuit));
        let e = validate_tax_id("99-12345678-8", "AR").unwrap_err();
        assert!(e.message.contains("30, 33 or 34"), "{}", e.message);
        assert!(!e.message.contains("12345678"));
        // BR: repeated digits are refused for CNPJs as for CPFs.
        assert_eq!(kind("00.000.000/0000-00", "BR"), bad);
        // CO: ten digits starting with 8 or 9 are a NIT; dashes may separate thousands.
        assert_eq!(kind("8001972684", "CO"), Ok(TaxIdKind::Nit));
        assert_eq!(kind("8001972685", "CO"), bad);
        assert_eq!(kind("1020304050", "CO"), Ok(TaxIdKind::Cc));
        assert_eq!(kind("800-197-268-4", "CO"), Ok(TaxIdKind::Nit));
        // PE: the CUI's verification character; 12345678: sum 138, c = 6 → digit 1 or letter E.
        assert_eq!(kind("12345678", "PE"), Ok(TaxIdKind::Dni));
        let ok: Vec<char> = ('0'..='9')
            .chain('A'..='Z')
            .filter(|c| kind(&format!("12345678-{c}"), "PE").is_ok())
            .collect();
        assert_eq!(ok, ['1', 'E']);
        assert_eq!(kind("12345678e", "PE"), Ok(TaxIdKind::Dni));
        // MX: the state code, the inconvenient words, the century marker.
        assert_eq!(kind("GARC850101HDFRRL05", "MX"), Ok(TaxIdKind::Curp));
        let e = validate_tax_id("PUTO561231GR8", "MX").unwrap_err();
        assert!(e.message.contains("inconvenient"), "{}", e.message);
    }

    #[test]
    fn country_bits_match_the_list() {
        assert!(
            ISO_COUNTRIES.windows(2).all(|w| w[0] < w[1]),
            "sorted, no repeats"
        );
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = String::from_utf8(vec![a, b]).unwrap();
                let listed = ISO_COUNTRIES.contains(&code.as_str());
                assert_eq!(is_country_code(&code), listed, "{code}");
                assert!(!is_country_code(&code.to_lowercase()));
            }
        }
        for other in ["", "B", "BRA", "B1", "É", "BR "] {
            assert!(!is_country_code(other), "{other:?}");
        }
    }
}
