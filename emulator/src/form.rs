//! `application/x-www-form-urlencoded` text, read and written with the `form_urlencoded` crate (the
//! WHATWG URL standard's parser), never by hand: the token endpoint's body, the payer pages' forms and
//! the redirect after a hosted checkout.
//!
//! Decoding is total. A `%` not followed by two hex digits stays a literal `%`, and bytes that do not
//! form UTF-8 once decoded read as U+FFFD: a malformed body is an unknown value (the handler answers
//! 4xx), never a panic. The query strings of the API routes go through axum's `Query` extractor, which
//! uses the same parser.

/// The name/value pairs of a form body, in order; a name without `=` has an empty value.
pub fn pairs(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

/// The first value of `name` in `pairs`.
pub fn value(pairs: &[(String, String)], name: &str) -> Option<String> {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, v)| v.clone())
}

/// `url` with `params` appended to its query, each name and value encoded.
pub fn with_query(url: &str, params: &[(&str, &str)]) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}{query}")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn malformed_escapes_and_bad_utf8_decode_without_panicking() {
        // `%a` followed by a two-byte character: the old hand-written decoder sliced inside it.
        let p = pairs("client_id=%aé".as_bytes());
        assert_eq!(p, [("client_id".to_string(), "%aé".to_string())]);
        assert_eq!(pairs(b"a=%ff%fe")[0].1, "\u{fffd}\u{fffd}");
        assert_eq!(pairs(b"a=%")[0].1, "%");
        assert_eq!(pairs(b"a=%zz&b=%4")[1].1, "%4");
        assert_eq!(
            pairs(b"\xff=\xc3")[0],
            ("\u{fffd}".into(), "\u{fffd}".into())
        );
        assert_eq!(
            pairs(b"a+b=c%20d&flag"),
            [("a b".into(), "c d".into()), ("flag".into(), String::new())]
        );
        assert!(pairs(b"&&").is_empty());
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(
            with_query(
                "https://x.test/done?a=1",
                &[("status", "paid & more"), ("id", "é")]
            ),
            "https://x.test/done?a=1&status=paid+%26+more&id=%C3%A9"
        );
        assert_eq!(
            with_query("https://x.test/", &[("k", "v")]),
            "https://x.test/?k=v"
        );
    }

    #[test]
    fn the_first_value_wins() {
        let p = pairs(b"a=1&a=2");
        assert_eq!(value(&p, "a").as_deref(), Some("1"));
        assert_eq!(value(&p, "b"), None);
    }
}
