//! Splitting TLV text into fields: 2-digit id, 2-digit length in characters, value.

use super::bad;
use crate::error::RuleError;

/// One field: (id, value, offset of the field's start in bytes).
pub(super) type Field = (String, String, usize);

/// The sub-fields of a template (the value of field 26–51, 62, 64 or 80–99): well-formed TLV in
/// which no id appears twice (docs/rules.md, "PIX BR Codes").
pub(super) fn template(id: &str, value: &str) -> Result<Vec<Field>, RuleError> {
    let sub = tlv(value)?;
    let mut seen = [false; 100];
    for (sid, _, _) in &sub {
        let n = usize::from(sid.as_bytes()[0] - b'0') * 10 + usize::from(sid.as_bytes()[1] - b'0');
        if std::mem::replace(&mut seen[n], true) {
            return Err(bad(format!("sub-field {sid} appears twice in field {id}")));
        }
    }
    Ok(sub)
}

/// Splits TLV text into (id, value, offset of the field's start in bytes).
pub(super) fn tlv(text: &str) -> Result<Vec<Field>, RuleError> {
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
fn tlv_ascii(text: &str) -> Result<Vec<Field>, RuleError> {
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
