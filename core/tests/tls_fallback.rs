//! A system without CA certificates (distroless, scratch) must not panic the client: it falls back to
//! the bundled Mozilla roots. The check runs in a child process whose environment points the system
//! certificate lookup at an empty store (`SSL_CERT_FILE`, `SSL_CERT_DIR`).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use a55_core::client::{Client, ClientConfig, Credentials, Environment, TlsRoots, TlsSource};

const CHILD: &str = "A55_TLS_FALLBACK_CHILD";

fn client(roots: TlsRoots) -> Client {
    let mut config = ClientConfig::for_environment(Environment::Sandbox, Credentials::None);
    config.tls_roots = roots;
    Client::new(config).expect("no panic and no error")
}

#[test]
fn an_empty_certificate_store_falls_back_to_bundled_roots() {
    if std::env::var_os(CHILD).is_some() {
        assert_eq!(client(TlsRoots::Auto).tls_source(), TlsSource::Bundled);
        return;
    }
    let empty = std::env::temp_dir().join(format!("a55-no-certs-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let empty_file = empty.join("none.pem");
    std::fs::write(&empty_file, "").unwrap();
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "an_empty_certificate_store_falls_back_to_bundled_roots",
            "--test-threads",
            "1",
        ])
        .env(CHILD, "1")
        .env("SSL_CERT_FILE", &empty_file)
        .env("SSL_CERT_DIR", &empty)
        .status()
        .unwrap();
    assert!(
        status.success(),
        "the client without system certificates failed"
    );
}

#[test]
fn bundled_roots_can_be_chosen() {
    assert_eq!(client(TlsRoots::Bundled).tls_source(), TlsSource::Bundled);
}
