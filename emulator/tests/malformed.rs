//! Malformed form bodies and query strings over real HTTP: malformed percent-escapes, escapes that
//! decode to invalid UTF-8 and raw non-ASCII bytes get an answer below 500, never a panic or a 5xx.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use a55_emulator::{EmulatorConfig, EmulatorHandle, FIXTURE_WALLET};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn start() -> EmulatorHandle {
    a55_emulator::start(EmulatorConfig {
        rate_limit: 0,
        settle_delay: None,
        ..EmulatorConfig::default()
    })
    .await
    .unwrap()
}

/// Sends `head` (request line and headers, without the blank line) and `body` on a fresh
/// connection, exactly as given, and returns the status of the answer (0 when none came).
async fn raw(emu: &EmulatorHandle, head: &[u8], body: &[u8]) -> u16 {
    let mut stream = TcpStream::connect(emu.addr).await.unwrap();
    let mut request = head.to_vec();
    request.extend_from_slice(
        format!(
            "\r\nHost: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            emu.addr,
            body.len()
        )
        .as_bytes(),
    );
    request.extend_from_slice(body);
    stream.write_all(&request).await.unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let text = String::from_utf8_lossy(&answer);
    text.strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

async fn token(emu: &EmulatorHandle) -> String {
    let res = reqwest::Client::builder()
        .no_proxy()
        .build()
        .unwrap()
        .post(format!("{}/oauth2/token", emu.base_url))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", "emulator-client"),
            ("client_secret", "emulator-secret"),
        ])
        .send()
        .await
        .unwrap();
    let v: Value = res.json().await.unwrap();
    v["access_token"].as_str().unwrap().to_string()
}

const BAD_FORMS: &[&[u8]] = &[
    // `%a` followed by a two-byte character: the hand-written decoder sliced inside `é` and panicked.
    "client_id=%aé".as_bytes(),
    "grant_type=client_credentials&client_id=%aé&client_secret=x".as_bytes(),
    "grant_type=client_credentials&client_id=emulator-client&client_secret=%é".as_bytes(),
    "grant_type=client_credentials&client_id=emulator-client&client_secret=é%".as_bytes(),
    b"grant_type=client_credentials&client_id=%ff%fe&client_secret=%c3",
    b"grant_type=client_credentials&client_id=emulator-client&client_secret=emulator-secre%",
    b"grant_type=client_credentials&client_id=emulator-client&client_secret=emulator-secre%7",
    b"grant_type=client%5&client_id=%zz&client_secret=%%",
    b"grant_type=client_credentials&client_id=\xff\xfe&client_secret=\xc3",
    b"%",
    b"%%%",
    b"=&=&&%=%",
    b"\xe9=\xe9",
    b"client_id=%e9",
];

#[tokio::test]
async fn malformed_token_forms_get_a_4xx() {
    let emu = start().await;
    for body in BAD_FORMS {
        let head =
            b"POST /oauth2/token HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded";
        let status = raw(&emu, head, body).await;
        assert!(
            (400..500).contains(&status),
            "{status} for {:?}",
            String::from_utf8_lossy(body)
        );
    }
    // Still serving, and a well-formed request still gets a token.
    assert!(token(&emu).await.starts_with("emu_"));
    emu.shutdown().await;
}

#[tokio::test]
async fn malformed_basic_credentials_get_a_4xx() {
    let emu = start().await;
    for auth in [
        "Basic %aé",
        "Basic //8=",
        "Basic ",
        "Basic w6k=",
        "Basic ZW11bGF0b3ItY2xpZW50",
    ] {
        let head = format!(
            "POST /oauth2/token HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nAuthorization: {auth}"
        );
        let status = raw(&emu, head.as_bytes(), b"grant_type=client_credentials").await;
        assert!((400..500).contains(&status), "{status} for {auth:?}");
    }
    emu.shutdown().await;
}

#[tokio::test]
async fn malformed_query_strings_never_get_a_5xx() {
    let emu = start().await;
    let bearer = format!("Authorization: Bearer {}", token(&emu).await);
    let routes = [
        "/api/v1/bank/wallet/",
        "/api/v1/bank/wallet/charge/",
        "/api/v1/bank/wallet/charges/",
        "/api/v1/bank/wallet/subscription/",
        "/api/v1/bank/public/charge",
    ];
    let queries: &[&[u8]] = &[
        "wallet_uuid=%aé".as_bytes(),
        b"wallet_uuid=%",
        b"wallet_uuid=%zz&charge_uuid=%4",
        b"wallet_uuid=%ff%fe&charge_uuid=%c3&subscription_uuid=%e9",
        b"charge_uuid=\xff\xfe",
        b"%%%=%&&=",
        b"%ff=%ff",
    ];
    for route in routes {
        for query in queries {
            for auth in ["", bearer.as_str()] {
                let mut head = format!("GET {route}?").into_bytes();
                head.extend_from_slice(query);
                head.extend_from_slice(b" HTTP/1.1");
                if !auth.is_empty() {
                    head.extend_from_slice(b"\r\n");
                    head.extend_from_slice(auth.as_bytes());
                }
                let status = raw(&emu, &head, b"").await;
                assert!(
                    (400..500).contains(&status),
                    "{status} for {route}?{}",
                    String::from_utf8_lossy(query)
                );
            }
        }
    }
    // A malformed value next to a good one: the good one is read.
    let head = format!("GET /api/v1/bank/wallet/charges/?wallet_uuid={FIXTURE_WALLET}&status=%ff HTTP/1.1\r\n{bearer}")
        .into_bytes();
    assert_eq!(raw(&emu, &head, b"").await, 200);
    emu.shutdown().await;
}

#[tokio::test]
async fn malformed_payer_page_forms_never_get_a_5xx() {
    let emu = start().await;
    for body in BAD_FORMS {
        for path in ["/checkout/nope", "/pay/charge/nope"] {
            let head =
                format!("POST {path} HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded");
            let status = raw(&emu, head.as_bytes(), body).await;
            assert!((400..500).contains(&status), "{status} for {path}");
        }
    }
    emu.shutdown().await;
}
