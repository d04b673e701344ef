//! PIX BR Codes: the EMV QR Code text behind "pix copia e cola".
//!
//! A BR Code is a list of TLV fields (2-digit id, 2-digit length, value) ending in field `63`, a
//! CRC16-CCITT (polynomial 0x1021, initial value 0xFFFF) over all the text before it, `6304`
//! included. Lengths count characters. [`parse_pix_brcode`] checks the structure and the CRC and
//! returns the fields; [`build_pix_brcode`] writes a dynamic code the way the emulator serves them.

use crate::codes::IssueCode;
use crate::error::RuleError;

/// The GUI that marks a PIX merchant account template.
pub const PIX_GUI: &str = "br.gov.bcb.pix";

/// The fields of a BR Code.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BrCode {
    /// Field 00, always `01`.
    pub payload_format_indicator: String,
    /// Field 01: `11` (reusable) or `12` (single use), when present.
    pub point_of_initiation_method: Option<String>,
    /// The merchant account template's GUI (`br.gov.bcb.pix`).
    pub gui: String,
    /// The PIX key of a static code.
    pub key: Option<String>,
    /// The location URL of a dynamic code (without scheme, as written in the code).
    pub url: Option<String>,
    /// Free text for the payer.
    pub description: Option<String>,
    /// Field 52.
    pub merchant_category_code: String,
    /// Field 53, `986` for BRL.
    pub transaction_currency: String,
    /// Field 54, the amount text as written, when present.
    pub amount: Option<String>,
    /// Field 58, `BR`.
    pub country_code: String,
    /// Field 59.
    pub merchant_name: String,
    /// Field 60.
    pub merchant_city: String,
    /// Field 61.
    pub postal_code: Option<String>,
    /// Field 62, sub-field 05: the transaction id.
    pub txid: Option<String>,
    /// Field 63, upper-case hex.
    pub crc: String,
}

/// CRC16-CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor).
pub fn crc16_ccitt(data: &[u8]) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for &byte in data {
        crc ^= u16::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

fn bad(message: impl Into<String>) -> RuleError {
    RuleError::new(IssueCode::InvalidBrCode, "text", message)
}

/// Splits TLV text into (id, value, offset of the field's start in bytes).
fn tlv(text: &str) -> Result<Vec<(String, String, usize)>, RuleError> {
    if text.is_ascii() {
        return tlv_ascii(text);
    }
    let mut fields = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if i + 4 > chars.len() {
            return Err(bad("the BR Code ends in the middle of a field header"));
        }
        let header: String = chars[i..i + 4].iter().map(|&(_, c)| c).collect();
        if !header.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("a field id or length is not two digits"));
        }
        let len: usize = header[2..].parse().map_err(|_| bad("bad field length"))?;
        let start = i + 4;
        let end = start + len;
        if end > chars.len() {
            return Err(bad(format!(
                "field {} is longer than the rest of the BR Code",
                &header[..2]
            )));
        }
        let value: String = chars[start..end].iter().map(|&(_, c)| c).collect();
        fields.push((header[..2].to_string(), value, chars[i].0));
        i = end;
    }
    Ok(fields)
}

/// [`tlv`] for ASCII text, where characters are bytes.
fn tlv_ascii(text: &str) -> Result<Vec<(String, String, usize)>, RuleError> {
    let b = text.as_bytes();
    let mut fields = Vec::with_capacity(16);
    let mut i = 0;
    while i < b.len() {
        if i + 4 > b.len() {
            return Err(bad("the BR Code ends in the middle of a field header"));
        }
        if !b[i..i + 4].iter().all(u8::is_ascii_digit) {
            return Err(bad("a field id or length is not two digits"));
        }
        let len = usize::from(b[i + 2] - b'0') * 10 + usize::from(b[i + 3] - b'0');
        let (start, end) = (i + 4, i + 4 + len);
        if end > b.len() {
            return Err(bad(format!(
                "field {} is longer than the rest of the BR Code",
                &text[i..i + 2]
            )));
        }
        fields.push((text[i..i + 2].to_string(), text[start..end].to_string(), i));
        i = end;
    }
    Ok(fields)
}

/// Parses and checks a BR Code (`parse_pix_brcode`): structure, required fields, PIX template and CRC.
pub fn parse_pix_brcode(text: &str) -> Result<BrCode, RuleError> {
    if text.is_empty() {
        return Err(bad("the BR Code is empty"));
    }
    if text.len() > 4096 {
        return Err(bad("the BR Code is longer than 4096 bytes"));
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
    for (index, (id, value, _)) in fields.iter().enumerate() {
        let numeric_id: usize = id.parse().unwrap_or(0);
        if std::mem::replace(&mut seen[numeric_id % 100], true) {
            return Err(bad(format!("field {id} appears twice")));
        }
        match id.as_str() {
            _ if (26..=51).contains(&numeric_id) => {
                let sub = tlv(value)?;
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
                for (sid, sval, _) in tlv(value)? {
                    if sid == "05" {
                        code.txid = Some(sval);
                    }
                }
            }
            "63" if index + 1 != fields.len() => return Err(bad("field 63 must come last")),
            _ => {}
        }
    }
    if code.payload_format_indicator != "01" {
        return Err(bad(
            "field 00 (payload format indicator) must be 01 and come first",
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
    if let Some(amount) = &code.amount {
        let ok = !amount.is_empty()
            && amount.len() <= 13
            && amount.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && amount.bytes().filter(|&b| b == b'.').count() <= 1;
        if !ok {
            return Err(bad("field 54 (amount) is not a decimal number"));
        }
    }
    Ok(code)
}

/// What goes into a dynamic BR Code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrCodeSpec<'a> {
    /// The location URL without scheme (`pix.example.com/qr/v2/…`), at most 77 characters.
    pub url: &'a str,
    /// The amount text (`149.90`), if any.
    pub amount: Option<&'a str>,
    /// The merchant's name: upper-cased to ASCII and cut to 25 characters.
    pub merchant_name: &'a str,
    /// The merchant's city: upper-cased to ASCII and cut to 15 characters.
    pub merchant_city: &'a str,
    /// The transaction id (letters and digits, at most 25): `***` when absent.
    pub txid: Option<&'a str>,
}

/// Upper-case ASCII, cut to `max` characters: every letter is transliterated (`São Paulo` → `SAO
/// PAULO`, `Ørsted` → `ORSTED`, `Straße` → `STRASSE`, `Zürich` → `ZURICH`, `北京` → `BEI JING`),
/// spaces, dashes and dots become one space, and symbols (emoji, `&`, `#`) are dropped. An empty
/// result is `NA`.
pub fn emv_text(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if out.len() >= max {
            break;
        }
        if c.is_ascii() {
            let mut buf = [0u8; 4];
            push_emv(&mut out, c.encode_utf8(&mut buf), max);
        } else if c.is_whitespace() || matches!(c, '—' | '–') {
            push_emv(&mut out, " ", max);
        } else if c.is_alphanumeric() {
            push_emv(&mut out, deunicode::deunicode_char(c).unwrap_or(""), max);
        }
    }
    let trimmed = out.trim();
    if trimmed.is_empty() {
        "NA".to_string()
    } else {
        trimmed.to_string()
    }
}

/// Appends the EMV characters of `spelled`: letters and digits upper-cased, separators as one space.
fn push_emv(out: &mut String, spelled: &str, max: usize) {
    for b in spelled.bytes() {
        let c = match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => b.to_ascii_uppercase() as char,
            b' ' | b'\t' | b'\n' | b'\r' | b'-' | b'.' => ' ',
            _ => continue,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        if out.len() >= max {
            return;
        }
        out.push(c);
    }
}

fn field(id: &str, value: &str) -> Result<String, RuleError> {
    let len = value.chars().count();
    if len > 99 {
        return Err(bad(format!(
            "field {id} would be longer than 99 characters"
        )));
    }
    Ok(format!("{id}{len:02}{value}"))
}

/// Writes a dynamic BR Code with its CRC.
pub fn build_pix_brcode(spec: &BrCodeSpec<'_>) -> Result<String, RuleError> {
    let account = field("00", PIX_GUI)? + &field("25", spec.url)?;
    let txid: String = spec
        .txid
        .map(|t| {
            t.chars()
                .filter(char::is_ascii_alphanumeric)
                .take(25)
                .collect()
        })
        .filter(|t: &String| !t.is_empty())
        .unwrap_or_else(|| "***".to_string());
    let mut out = String::new();
    out += &field("00", "01")?;
    out += &field("01", "12")?;
    out += &field("26", &account)?;
    out += &field("52", "0000")?;
    out += &field("53", "986")?;
    if let Some(amount) = spec.amount {
        out += &field("54", amount)?;
    }
    out += &field("58", "BR")?;
    out += &field("59", &emv_text(spec.merchant_name, 25))?;
    out += &field("60", &emv_text(spec.merchant_city, 15))?;
    out += &field("62", &field("05", &txid)?)?;
    out += "6304";
    let crc = crc16_ccitt(out.as_bytes());
    out += &format!("{crc:04X}");
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_and_cities_are_transliterated_not_dropped() {
        use super::emv_text;
        for (text, max, want) in [
            ("São Paulo", 15, "SAO PAULO"),
            ("Florianópolis", 15, "FLORIANOPOLIS"),
            ("Ciudad de México", 15, "CIUDAD DE MEXIC"),
            ("Bogotá", 15, "BOGOTA"),
            ("Asunción", 15, "ASUNCION"),
            ("Viña del Mar", 15, "VINA DEL MAR"),
            ("Ñuñoa", 15, "NUNOA"),
            ("Córdoba", 15, "CORDOBA"),
            ("Cusco — Perú", 15, "CUSCO PERU"),
            ("Medellín", 15, "MEDELLIN"),
            ("Panamá", 15, "PANAMA"),
            ("San José", 15, "SAN JOSE"),
            ("Mérida", 15, "MERIDA"),
            ("Pétion-Ville", 15, "PETION VILLE"),
            ("Ålesund", 15, "ALESUND"),
            ("Ørsted Café", 25, "ORSTED CAFE"),
            ("Straße 5", 15, "STRASSE 5"),
            ("Zürich", 15, "ZURICH"),
            ("Łódź", 15, "LODZ"),
            ("Æbeltoft", 15, "AEBELTOFT"),
            ("İstanbul", 15, "ISTANBUL"),
            ("Reykjavík Þór", 25, "REYKJAVIK THOR"),
            ("北京", 15, "BEI JING"),
            ("Padaria do João & Cia.", 25, "PADARIA DO JOAO CIA"),
            ("☕☕", 25, "NA"),
            (
                "Loja Fantástica de Ótimos Produtos",
                25,
                "LOJA FANTASTICA DE OTIMOS",
            ),
        ] {
            let got = emv_text(text, max);
            assert_eq!(got, want, "{text}");
            assert!(
                got.len() <= max
                    && got
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ')
            );
        }
    }

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
    fn build_then_parse() {
        let text = build_pix_brcode(&BrCodeSpec {
            url: "pix.example.com/qr/v2/abc",
            amount: Some("149.90"),
            merchant_name: "Loja São João",
            merchant_city: "São Paulo",
            txid: Some("tx1"),
        })
        .unwrap();
        let code = parse_pix_brcode(&text).unwrap();
        assert_eq!(code.amount.as_deref(), Some("149.90"));
        assert_eq!(code.merchant_name, "LOJA SAO JOAO");
        assert_eq!(code.merchant_city, "SAO PAULO");
        assert_eq!(code.point_of_initiation_method.as_deref(), Some("12"));
    }
}
