//! Reading a BR Code: structure, CRC, and the limits of EMV MPM and the Pix manual, as listed in
//! docs/rules.md ("PIX BR Codes").

use super::tlv::{template, tlv};
use super::{BrCode, MAX_BRCODE_CHARS, PIX_GUI, bad, crc16_ccitt};
use crate::error::RuleError;

/// What a payer's copy-paste adds around a code: spaces, tabs and line ends. Only the ends are trimmed.
fn is_surrounding_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Parses and checks a BR Code (`parse_pix_brcode`): structure, required fields, PIX template, CRC
/// and field limits. Spaces, tabs and line ends around the code are trimmed first.
pub fn parse_pix_brcode(text: &str) -> Result<BrCode, RuleError> {
    let text = text.trim_matches(is_surrounding_space);
    if text.is_empty() {
        return Err(bad("the BR Code is empty"));
    }
    if text.len() > 4 * MAX_BRCODE_CHARS || text.chars().count() > MAX_BRCODE_CHARS {
        return Err(bad(format!(
            "the BR Code is longer than {MAX_BRCODE_CHARS} characters"
        )));
    }
    if text.chars().any(char::is_control) {
        return Err(bad("the BR Code contains a control character"));
    }
    let fields = tlv(text)?;
    let Some((last_id, last_value, crc_start)) = fields.last() else {
        return Err(bad("the BR Code has no fields"));
    };
    if last_id != "63" || last_value.chars().count() != 4 {
        return Err(bad(
            "the BR Code must end with the CRC field 63 of length 4",
        ));
    }
    let expected = crc16_ccitt(&text.as_bytes()[..crc_start + 4]);
    let given = u16::from_str_radix(last_value, 16)
        .ok()
        .filter(|_| last_value.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or_else(|| bad("the CRC is not 4 hex digits"))?;
    if given != expected {
        return Err(bad(format!(
            "the CRC does not match: the code says {}, its content gives {expected:04X}",
            last_value.to_uppercase()
        )));
    }
    let mut code = BrCode {
        crc: last_value.to_uppercase(),
        ..BrCode::default()
    };
    let mut seen = [false; 100];
    let mut found_pix = false;
    let mut found_62 = false;
    for (index, (id, value, _)) in fields.iter().enumerate() {
        let numeric_id: usize = id.parse().unwrap_or(0);
        if std::mem::replace(&mut seen[numeric_id % 100], true) {
            return Err(bad(format!("field {id} appears twice")));
        }
        match id.as_str() {
            _ if (26..=51).contains(&numeric_id) => {
                let sub = template(id, value)?;
                let gui = sub.iter().find(|(i, _, _)| i == "00").map(|(_, v, _)| v);
                if gui.is_some_and(|g| g.eq_ignore_ascii_case(PIX_GUI)) && !found_pix {
                    found_pix = true;
                    code.gui = gui.cloned().unwrap_or_default();
                    for (sid, sval, _) in sub {
                        match sid.as_str() {
                            "01" => code.key = Some(sval),
                            "02" => code.description = Some(sval),
                            "25" => code.url = Some(sval),
                            _ => {}
                        }
                    }
                }
            }
            _ if numeric_id == 64 || numeric_id >= 80 => {
                template(id, value)?;
            }
            "00" if index == 0 => code.payload_format_indicator = value.clone(),
            "00" => return Err(bad("field 00 must come first")),
            "01" => code.point_of_initiation_method = Some(value.clone()),
            "52" => code.merchant_category_code = value.clone(),
            "53" => code.transaction_currency = value.clone(),
            "54" => code.amount = Some(value.clone()),
            "58" => code.country_code = value.clone(),
            "59" => code.merchant_name = value.clone(),
            "60" => code.merchant_city = value.clone(),
            "61" => code.postal_code = Some(value.clone()),
            "62" => {
                found_62 = true;
                for (sid, sval, _) in template(id, value)? {
                    if sid == "05" {
                        code.txid = Some(sval);
                    }
                }
            }
            "63" if index + 1 != fields.len() => return Err(bad("field 63 must come last")),
            _ => {}
        }
    }
    check_fields(&code, found_pix, found_62)?;
    Ok(code)
}

/// The rules on the fields' values, once the structure is read.
fn check_fields(code: &BrCode, found_pix: bool, found_62: bool) -> Result<(), RuleError> {
    if code.payload_format_indicator != "01" {
        return Err(bad(
            "field 00 (payload format indicator) must be 01 and come first",
        ));
    }
    if let Some(poi) = &code.point_of_initiation_method
        && poi != "11"
        && poi != "12"
    {
        return Err(bad(
            "field 01 (point of initiation method) must be 11 or 12",
        ));
    }
    if !found_pix {
        return Err(bad("no PIX merchant account template (GUI br.gov.bcb.pix)"));
    }
    if code.key.is_none() && code.url.is_none() {
        return Err(bad(
            "the PIX template has neither a key (01) nor a URL (25)",
        ));
    }
    if code.key.as_deref() == Some("") || code.url.as_deref() == Some("") {
        return Err(bad("the PIX key (01) or URL (25) is empty"));
    }
    let mcc = code.merchant_category_code.as_bytes();
    if mcc.len() != 4 || !mcc.iter().all(u8::is_ascii_digit) {
        return Err(bad(
            "field 52 (merchant category code) is required and must be 4 digits",
        ));
    }
    if code.transaction_currency != "986" {
        return Err(bad("field 53 (currency) must be 986 (BRL)"));
    }
    if code.country_code != "BR" {
        return Err(bad("field 58 (country) must be BR"));
    }
    if code.merchant_name.is_empty() || code.merchant_city.is_empty() {
        return Err(bad(
            "fields 59 (merchant name) and 60 (merchant city) are required",
        ));
    }
    if code.merchant_name.chars().count() > 25 {
        return Err(bad("field 59 (merchant name) is longer than 25 characters"));
    }
    if code.merchant_city.chars().count() > 15 {
        return Err(bad("field 60 (merchant city) is longer than 15 characters"));
    }
    if !found_62 {
        return Err(bad("field 62 (additional data, with the txid) is required"));
    }
    match code.txid.as_deref() {
        None => return Err(bad("field 62 has no txid (sub-field 05)")),
        Some(txid) if !is_txid(txid) => {
            return Err(bad(
                "the txid (62-05) must be *** or 1 to 25 letters and digits",
            ));
        }
        Some(_) => {}
    }
    if let Some(amount) = &code.amount
        && !is_amount(amount)
    {
        return Err(bad("field 54 (amount) is not a decimal number"));
    }
    Ok(())
}

/// `***`, or 1 to 25 ASCII letters and digits.
pub(super) fn is_txid(txid: &str) -> bool {
    txid == "***"
        || (!txid.is_empty() && txid.len() <= 25 && txid.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// At most 13 characters: digits, then optionally `.` and one or two digits.
pub(super) fn is_amount(amount: &str) -> bool {
    let (whole, fraction) = match amount.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (amount, None),
    };
    amount.len() <= 13
        && !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction
            .is_none_or(|f| (1..=2).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BCB_EXAMPLE: &str = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D";

    #[test]
    fn bcb_manual_example() {
        let code = parse_pix_brcode(BCB_EXAMPLE).unwrap();
        assert_eq!(
            code.key.as_deref(),
            Some("123e4567-e12b-12d1-a456-426655440000")
        );
        assert_eq!(code.merchant_name, "Fulano de Tal");
        assert_eq!(code.txid.as_deref(), Some("***"));
        assert_eq!(code.crc, "1D3D");
    }

    #[test]
    fn surrounding_whitespace_is_trimmed_inner_is_not() {
        let padded = format!(" \t{BCB_EXAMPLE}\r\n");
        assert_eq!(parse_pix_brcode(&padded).unwrap().crc, "1D3D");
        assert!(parse_pix_brcode(&BCB_EXAMPLE.replace("5802BR", "5802BR ")).is_err());
        assert!(parse_pix_brcode(" \n ").is_err());
    }

    #[test]
    fn amounts_and_txids() {
        for ok in ["0", "5", "5.5", "5.50", "1234567890.12"] {
            assert!(is_amount(ok), "{ok}");
        }
        for no in [
            "",
            ".",
            ".5",
            "5.",
            "1.234",
            "12345678901.12",
            "1,00",
            "+1",
            "1e2",
            " 1",
        ] {
            assert!(!is_amount(no), "{no}");
        }
        assert!(is_txid("***") && is_txid("a") && is_txid(&"Z9".repeat(12)));
        assert!(!is_txid("") && !is_txid("**") && !is_txid("a-b") && !is_txid(&"a".repeat(26)));
    }
}
