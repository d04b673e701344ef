//! The client offers in its TLS handshake only the HTTP versions it is built with. reqwest is built
//! without HTTP/2 here, so a server that picked `h2` from an offer would leave hyper unable to speak
//! (it panicked: "http2 feature is not enabled"). A local TLS server reads the client's hello, as a
//! server that prefers h2 would, with the bundled roots and with the system's.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::net::TcpListener;
use std::sync::mpsc;

use a55_core::client::{
    Client, ClientConfig, Credentials, Environment, RequestOptions, TlsRoots, WalletQuery,
};
use a55_core::redact::Secret;

/// What the server saw: the ALPN protocols offered, or why it saw no ClientHello.
type Hello = Result<Option<Vec<String>>, String>;

/// Accepts one connection and reports the ALPN protocols of its ClientHello.
fn hello_reader() -> (u16, mpsc::Receiver<Hello>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let hello = (|| -> Hello {
            let (mut stream, _) = listener.accept().map_err(|e| format!("accept: {e}"))?;
            let mut acceptor = rustls::server::Acceptor::default();
            loop {
                // Reads as much of the hello as has arrived; a hello split over several reads is
                // put together by the acceptor.
                match acceptor.read_tls(&mut stream) {
                    Ok(0) => return Err("the client closed before its hello".into()),
                    Ok(_) => {}
                    Err(e) => return Err(format!("read: {e}")),
                }
                match acceptor.accept() {
                    Ok(Some(accepted)) => {
                        return Ok(accepted.client_hello().alpn().map(|protocols| {
                            protocols
                                .map(|p| String::from_utf8_lossy(p).into_owned())
                                .collect()
                        }));
                    }
                    Ok(None) => continue,
                    Err((e, _)) => return Err(format!("hello: {e}")),
                }
            }
        })();
        let _ = tx.send(hello);
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
        assert_eq!(err.kind, a55_core::ErrorKind::Connection, "{err}");
        assert_eq!(err.status, None);
        let offered = offered
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the server thread reports")
            .unwrap_or_else(|e| panic!("no ClientHello ({roots:?}): {e}"))
            .expect("an ALPN offer");
        assert_eq!(
            offered,
            ["http/1.1"],
            "roots {roots:?}, source {:?}",
            client.tls_source()
        );
    }
}
