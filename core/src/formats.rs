//! Small format checks shared by validation and the client: UUIDs, emails, phones, URLs, postal codes,
//! Brazilian states.

/// Whether `text` has the UUID shape 8-4-4-4-12 hex digits (any version, either case).
pub fn is_uuid(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Whether `text` looks like `local@domain.tld`, at most 254 characters.
pub fn is_email(text: &str) -> bool {
    if text.len() > 254 {
        return false;
    }
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && domain_ok
}

/// Whether `text` is a phone number with its country code: an optional `+`, then 10–15 digits;
/// spaces, dashes, dots and parentheses are allowed between them.
pub fn is_phone(text: &str) -> bool {
    let rest = text.strip_prefix('+').unwrap_or(text);
    let mut digits = 0;
    for c in rest.chars() {
        match c {
            '0'..='9' => digits += 1,
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return false,
        }
    }
    (10..=15).contains(&digits)
}

/// Whether a host is a loopback host: `localhost`, 127.0.0.0/8 or `[::1]`.
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    if host == "localhost" || host == "[::1]" || host == "::1" {
        return true;
    }
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts[0] == "127"
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.parse::<u8>().is_ok())
}

/// The parts of an absolute http(s) URL that the SDK cares about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts<'a> {
    /// `http` or `https`, lower-case as written.
    pub scheme: &'a str,
    /// The host, brackets kept for IPv6.
    pub host: &'a str,
    /// The port, if written.
    pub port: Option<u16>,
    /// Everything from the first `/`, `?` or `#` after the authority (may be empty).
    pub rest: &'a str,
}

/// Splits an absolute `http://` or `https://` URL. No spaces or control characters, a host of
/// letters, digits, dots and dashes (or a bracketed IPv6 address), an optional numeric port, no user
/// info, at most 2048 characters.
pub fn parse_http_url(text: &str) -> Option<UrlParts<'_>> {
    if text.len() > 2048 || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let (scheme, after) = if let Some(r) = text.strip_prefix("https://") {
        ("https", r)
    } else if let Some(r) = text.strip_prefix("http://") {
        ("http", r)
    } else {
        return None;
    };
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let (authority, rest) = after.split_at(end);
    if authority.contains('@') || authority.is_empty() {
        return None;
    }
    let (host, port) = if authority.starts_with('[') {
        let close = authority.find(']')?;
        let host = &authority[..=close];
        let tail = &authority[close + 1..];
        let port = match tail.strip_prefix(':') {
            Some(p) => Some(p.parse::<u16>().ok()?),
            None if tail.is_empty() => None,
            None => return None,
        };
        if !host[1..host.len() - 1]
            .chars()
            .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return None;
        }
        (host, port)
    } else {
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p.parse::<u16>().ok()?)),
            None => (authority, None),
        };
        let labels_ok = !host.is_empty()
            && host.split('.').all(|l| {
                !l.is_empty()
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
        if !labels_ok {
            return None;
        }
        (host, port)
    };
    Some(UrlParts {
        scheme,
        host,
        port,
        rest,
    })
}

/// Whether a URL may receive a payer or a webhook: HTTPS, or plain http to a loopback host.
pub fn is_acceptable_callback_url(text: &str) -> bool {
    match parse_http_url(text) {
        Some(u) if u.scheme == "https" => u.host.contains('.') || is_loopback_host(u.host),
        Some(u) => is_loopback_host(u.host),
        None => false,
    }
}

/// Brazil's 27 federative units.
pub const BR_STATES: [&str; 27] = [
    "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR",
    "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO",
];

/// Whether a postal code fits its country: BR 8 digits (dash allowed after the fifth), MX 5, CL 7,
/// CO 6, PE 5, AR 4 digits or a CPA (a letter, 4 digits, 3 letters). Other countries: not blank.
pub fn is_postal_code(code: &str, country: &str) -> bool {
    let all_digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match country {
        "BR" => {
            all_digits(code, 8)
                || (code.len() == 9
                    && code.as_bytes()[5] == b'-'
                    && all_digits(&code[..5], 5)
                    && all_digits(&code[6..], 3))
        }
        "MX" | "PE" => all_digits(code, 5),
        "CL" => all_digits(code, 7),
        "CO" => all_digits(code, 6),
        "AR" => {
            let b = code.as_bytes();
            all_digits(code, 4)
                || (b.len() == 8
                    && b[0].is_ascii_alphabetic()
                    && b[1..5].iter().all(u8::is_ascii_digit)
                    && b[5..].iter().all(u8::is_ascii_alphabetic))
        }
        _ => !code.trim().is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"));
        assert!(!is_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c"));
        assert!(is_email("zhangwei@example.com"));
        assert!(!is_email("zhangwei@example"));
        assert!(is_phone("+5511999999999"));
        assert!(!is_phone("+55119"));
        assert!(is_acceptable_callback_url(
            "https://your-app.com/webhooks/a55"
        ));
        assert!(is_acceptable_callback_url("http://127.0.0.1:8080/hook"));
        assert!(!is_acceptable_callback_url("http://your-app.com/webhooks"));
        assert!(!is_acceptable_callback_url("https://user@your-app.com/"));
        assert!(is_postal_code("01310-100", "BR"));
        assert!(is_postal_code("C1425DKF", "AR"));
        assert!(!is_postal_code("0131-0100", "BR"));
    }
}
