//! The client offers in its TLS handshake only the HTTP versions it is built with. reqwest is built
//! without HTTP/2 here, so a server that picked `h2` from an offer would leave hyper unable to speak
//! (it panicked: "http2 feature is not enabled"). A local TLS server reads the client's hello, as a
//! server that prefers h2 would, with the bundled roots and with the system's.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::io::Read;
use std::net::TcpListener;
use std::sync::mpsc;

use a55_core::client::{
    Client, ClientConfig, Credentials, Environment, RequestOptions, TlsRoots, WalletQuery,
};
use a55_core::redact::Secret;

/// Accepts one connection and reports the ALPN protocols of its ClientHello.
fn hello_reader() -> (u16, mpsc::Receiver<Option<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut acceptor = rustls::server::Acceptor::default();
        let mut buf = [0u8; 4096];
        loop {
            let n = stream.read(&mut buf).unwrap();
            if n == 0 {
                tx.send(None).unwrap();
                return;
            }
            acceptor.read_tls(&mut &buf[..n]).unwrap();
            if let Ok(Some(accepted)) = acceptor.accept() {
                let offered = accepted.client_hello().alpn().map(|protocols| {
                    protocols
                        .map(|p| String::from_utf8_lossy(p).into_owned())
                        .collect()
                });
                tx.send(offered).unwrap();
                return;
            }
        }
    });
    (port, rx)
}

#[tokio::test]
async fn the_client_offers_only_http1_with_either_root_source() {
    for roots in [TlsRoots::Bundled, TlsRoots::Auto] {
        let (port, offered) = hello_reader();
        let mut config = ClientConfig::for_environment(
            Environment::Sandbox,
            Credentials::AccessToken(Secret::new("token")),
        );
        config.base_url = format!("https://127.0.0.1:{port}");
        config.tls_roots = roots;
        config.max_retries = 0;
        let client = Client::new(config).unwrap();
        let query = WalletQuery {
            wallet_uuid: Some("f47ac10b-58cc-4372-a567-0e02b2c3d479".into()),
            ..Default::default()
        };
        // The server hangs up after the hello: the call fails, typed, without a panic.
        let err = client
            .get_wallet(&query, &RequestOptions::default())
            .await
            .unwrap_err();
        assert!(!err.kind.is_definite() || err.status.is_none(), "{err}");
        let offered = offered.recv().unwrap().expect("an ALPN offer");
        assert_eq!(
            offered,
            ["http/1.1"],
            "roots {roots:?}, source {:?}",
            client.tls_source()
        );
    }
}
