//! Writing BR Codes: [`build_pix_brcode`] (the emulator's dynamic codes) and [`write_pix_brcode`]
//! (a parsed code written back). Both obey the limits the parser checks (docs/rules.md, "PIX BR
//! Codes"), so what they write parses.

use super::parse::{is_amount, parse_pix_brcode};
use super::{BrCode, PIX_GUI, bad, crc16_ccitt};
use crate::error::RuleError;

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

/// Writes a dynamic BR Code with its CRC. The URL must be 1–77 characters without control
/// characters, the amount digits with at most two decimals (`149.90`, 13 characters at most); the
/// name and city go through [`emv_text`], the txid keeps its letters and digits (25 at most, `***`
/// when none is left). The result always parses with [`parse_pix_brcode`].
pub fn build_pix_brcode(spec: &BrCodeSpec<'_>) -> Result<String, RuleError> {
    if spec.url.is_empty()
        || spec.url.chars().count() > 77
        || spec.url.chars().any(char::is_control)
    {
        return Err(bad(
            "the location URL must be 1 to 77 characters, without control characters",
        ));
    }
    if let Some(amount) = spec.amount
        && !is_amount(amount)
    {
        return Err(bad(format!(
            "the amount {amount:?} is not digits with at most two decimals (13 characters at most)"
        )));
    }
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
    let code = BrCode {
        payload_format_indicator: "01".to_string(),
        point_of_initiation_method: Some("12".to_string()),
        gui: PIX_GUI.to_string(),
        url: Some(spec.url.to_string()),
        merchant_category_code: "0000".to_string(),
        transaction_currency: "986".to_string(),
        amount: spec.amount.map(str::to_string),
        country_code: "BR".to_string(),
        merchant_name: emv_text(spec.merchant_name, 25),
        merchant_city: emv_text(spec.merchant_city, 15),
        txid: Some(txid),
        ..BrCode::default()
    };
    let out = write_pix_brcode(&code)?;
    // Every value was checked above; this makes "what the SDK builds, it parses" hold by construction.
    parse_pix_brcode(&out)?;
    Ok(out)
}

/// Writes a BR Code from its fields, with a fresh CRC: `00`, `01`, the PIX template as `26` (GUI
/// `00`, key `01`, description `02`, URL `25`), `52`, `53`, `54`, `58`, `59`, `60`, `61`, `62`
/// (txid `05`), `63`. Absent options are left out; the `crc` field is ignored. Fails only when a
/// value or template would pass 99 characters. A code read by [`parse_pix_brcode`] comes back as a
/// code that parses to the same fields (fields the SDK does not read, such as other templates, are
/// not written).
pub fn write_pix_brcode(code: &BrCode) -> Result<String, RuleError> {
    let mut account = field("00", &code.gui)?;
    for (id, value) in [
        ("01", &code.key),
        ("02", &code.description),
        ("25", &code.url),
    ] {
        if let Some(value) = value {
            account += &field(id, value)?;
        }
    }
    let mut out = field("00", &code.payload_format_indicator)?;
    if let Some(poi) = &code.point_of_initiation_method {
        out += &field("01", poi)?;
    }
    out += &field("26", &account)?;
    out += &field("52", &code.merchant_category_code)?;
    out += &field("53", &code.transaction_currency)?;
    if let Some(amount) = &code.amount {
        out += &field("54", amount)?;
    }
    out += &field("58", &code.country_code)?;
    out += &field("59", &code.merchant_name)?;
    out += &field("60", &code.merchant_city)?;
    if let Some(postal) = &code.postal_code {
        out += &field("61", postal)?;
    }
    if let Some(txid) = &code.txid {
        out += &field("62", &field("05", txid)?)?;
    }
    out += "6304";
    let crc = crc16_ccitt(out.as_bytes());
    out += &format!("{crc:04X}");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_cities_are_transliterated_not_dropped() {
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
        assert_eq!(code.txid.as_deref(), Some("tx1"));
    }

    #[test]
    fn build_refuses_what_the_parser_refuses() {
        fn spec<'a>(url: &'a str, amount: Option<&'a str>) -> BrCodeSpec<'a> {
            BrCodeSpec {
                url,
                amount,
                merchant_name: "LOJA",
                merchant_city: "SAO PAULO",
                txid: None,
            }
        }
        for amount in [".5", "5.", ".", "1.234", "", "1,00", "12345678901.00", "-1"] {
            assert!(
                build_pix_brcode(&spec("pix.example.com/x", Some(amount))).is_err(),
                "{amount}"
            );
        }
        assert!(build_pix_brcode(&spec("", None)).is_err());
        assert!(build_pix_brcode(&spec("pix.example.com/\n", None)).is_err());
        assert!(build_pix_brcode(&spec(&"a".repeat(78), None)).is_err());
        let longest = build_pix_brcode(&spec(&"a".repeat(77), Some("9999999999.99"))).unwrap();
        assert_eq!(
            parse_pix_brcode(&longest).unwrap().txid.as_deref(),
            Some("***")
        );
    }

    #[test]
    fn a_parsed_code_is_written_back_to_the_same_fields() {
        // The PIX template in 27 after another arrangement in 26, its sub-fields out of order, a
        // template the SDK does not read (80), a lower-case CRC: the written code reads the same.
        let f = |id: &str, v: &str| field(id, v).unwrap();
        let other = f("00", "br.com.example.wallet") + &f("01", "abc");
        let pix =
            f("25", "pix.example.com/qr/v2/abc") + &f("00", "BR.GOV.BCB.PIX") + &f("01", "f@x.co");
        let original = f("00", "01")
            + &f("01", "11")
            + &f("26", &other)
            + &f("27", &pix)
            + &f("52", "5411")
            + &f("53", "986")
            + &f("54", "7.5")
            + &f("58", "BR")
            + &f("59", "FULANO")
            + &f("60", "BRASILIA")
            + &f("61", "70040010")
            + &f("62", &(f("01", "X") + &f("05", "12345")))
            + &f("80", &f("00", "01"))
            + "6304";
        let text = format!("{original}{:04x}", crc16_ccitt(original.as_bytes()));
        let parsed = parse_pix_brcode(&text).unwrap();
        let written = write_pix_brcode(&parsed).unwrap();
        let again = parse_pix_brcode(&written).unwrap();
        assert_eq!(
            BrCode {
                crc: String::new(),
                ..again
            },
            BrCode {
                crc: String::new(),
                ..parsed.clone()
            }
        );
        assert_eq!(parsed.key.as_deref(), Some("f@x.co"));
        assert_eq!(parsed.url.as_deref(), Some("pix.example.com/qr/v2/abc"));
        assert_eq!(parsed.txid.as_deref(), Some("12345"));
        assert!(written.ends_with(&again.crc));
    }
}
