//! The HTTP connection pool, built so that it never panics on its environment, the calls' URLs,
//! and why an attempt got no answer.
//!
//! reqwest's `Client::new()` panics when the system has no CA certificates (distroless and scratch
//! containers). The SDK builds with `Client::builder().build()` and, when the system verifier cannot
//! start, falls back to the bundled Mozilla roots (webpki-roots). Proxies come from the usual
//! environment variables.

use std::sync::Arc;
use std::time::Duration;

use crate::error::{Error, ErrorKind};

use super::config::TlsRoots;

/// The pool's settings. Redirects are not followed: A55 does not send them, and following one would
/// resend a payment (or turn its POST into a GET of another address); a 3xx is an error that names
/// its status.
fn builder() -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .http1_only()
        .tcp_nodelay(true)
        .pool_idle_timeout(Duration::from_secs(55))
        .connect_timeout(Duration::from_secs(10))
}

fn bundled_tls() -> Result<rustls::ClientConfig, Error> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::new(ErrorKind::Configuration, format!("TLS set-up failed: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    // Offer only what is compiled in: reqwest is built without HTTP/2, and a server that picked h2
    // from the offer would make the connection panic.
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

/// Which roots the pool ended up with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsSource {
    /// The operating system's verifier.
    System,
    /// The bundled Mozilla roots.
    Bundled,
}

/// Builds the pool: the system verifier when it works (and `roots` is `Auto`), else the bundled roots.
pub(crate) fn build(roots: TlsRoots) -> Result<(reqwest::Client, TlsSource), Error> {
    if roots == TlsRoots::Auto {
        let attempt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| builder().build()));
        if let Ok(Ok(client)) = attempt {
            return Ok((client, TlsSource::System));
        }
    }
    let tls = bundled_tls()?;
    let client = builder()
        .tls_backend_preconfigured(tls)
        .build()
        .map_err(|e| {
            Error::new(
                ErrorKind::Configuration,
                format!("the HTTP client could not be built: {e}"),
            )
        })?;
    Ok((client, TlsSource::Bundled))
}

/// The API's base URL (scheme, host and port), parsed once per client.
pub(crate) fn base_url(base: &str) -> Result<reqwest::Url, Error> {
    reqwest::Url::parse(base).map_err(|e| {
        Error::new(
            ErrorKind::Configuration,
            format!("base_url {base:?} cannot be read as a URL: {e}"),
        )
    })
}

/// The URL of `path` (a route and an optional query) under `base`: only the path and query are
/// read per call, the scheme and host (with their IDNA processing) once per client.
pub(crate) fn call_url(base: &reqwest::Url, path: &str) -> reqwest::Url {
    let (route, query) = match path.split_once('?') {
        Some((route, query)) => (route, Some(query)),
        None => (path, None),
    };
    let mut url = base.clone();
    url.set_path(route);
    url.set_query(query);
    url
}

/// Why an attempt got no answer.
pub(crate) enum NoAnswer {
    /// reqwest's error: connecting, writing or reading failed.
    Transport(reqwest::Error),
    /// The attempt's timeout ran out (connecting, sending or reading the answer). The timeout is
    /// tokio's, around the whole exchange: reqwest's own keeps a boxed timer in the answer's body.
    TimedOut(tokio::time::error::Elapsed),
}

impl NoAnswer {
    /// The request could not be built: nothing was sent and a retry would fail the same way.
    pub(crate) fn is_builder(&self) -> bool {
        matches!(self, NoAnswer::Transport(e) if e.is_builder())
    }

    /// No connection was made: nothing was written.
    pub(crate) fn is_connect(&self) -> bool {
        matches!(self, NoAnswer::Transport(e) if e.is_connect())
    }

    /// The attempt ran out of time.
    pub(crate) fn is_timeout(&self) -> bool {
        match self {
            NoAnswer::Transport(e) => e.is_timeout(),
            NoAnswer::TimedOut(_) => true,
        }
    }

    /// The error behind it, for [`crate::error::Error::source`].
    pub(crate) fn into_cause(self) -> crate::error::Cause {
        match self {
            NoAnswer::Transport(e) => Arc::new(e),
            NoAnswer::TimedOut(e) => Arc::new(e),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// A call's URL is the one the base and the path written together would read as.
    #[test]
    fn a_call_url_is_the_base_and_path_read_together() {
        for base in [
            "https://core-manager.a55.tech",
            "http://127.0.0.1:8080",
            "https://sandbox.api.a55.tech:8443",
            "http://[::1]:9000",
        ] {
            let parsed = base_url(base).unwrap();
            for path in [
                "/api/v1/bank/wallet/charge/",
                "/api/v1/bank/wallet/charge/?wallet_uuid=f47ac10b&page=2&limit=50",
                "/api/v1/bank/public/charge/a b%20c/pay",
                "/api/v1/bank/wallet/?email=zhang+wei%40example.com&customer_id=é",
                "/api/v1/bank/wallet/charge/?",
                "/a/../b/./c",
            ] {
                let whole = reqwest::Url::parse(&format!("{base}{path}")).unwrap();
                assert_eq!(call_url(&parsed, path), whole, "{base}{path}");
            }
        }
        assert!(base_url("not a url").is_err());
    }
}
