//! A scripted HTTP server for the cases the emulator does not produce on purpose (a 204, a page
//! without `pages`, a token endpoint that fails or hangs). It records every request it gets.
#![allow(clippy::unwrap_used, dead_code)]

use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

/// A request as the fake server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path_and_query: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What the script answers: a status and a body (JSON or empty; a 3xx's is its `Location`).
pub type Answer = (u16, String);

type Script = dyn Fn(&Seen, usize) -> Answer + Send + Sync;

/// A running fake server.
pub struct Fake {
    pub base_url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    _task: tokio::task::JoinHandle<()>,
}

impl Fake {
    /// Every request so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

/// Starts a server answering each request with `script(request, how many came before it)`.
pub async fn fake(script: impl Fn(&Seen, usize) -> Answer + Send + Sync + 'static) -> Fake {
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
    let script: Arc<Script> = Arc::new(script);
    let (log, run) = (seen.clone(), script.clone());
    let app = axum::Router::new().fallback(
        move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
            let (log, run) = (log.clone(), run.clone());
            async move {
                let request = Seen {
                    method: method.to_string(),
                    path_and_query: uri
                        .path_and_query()
                        .map(|p| p.to_string())
                        .unwrap_or_default(),
                    headers: headers
                        .iter()
                        .map(|(k, v)| (k.to_string(), String::from_utf8_lossy(v.as_bytes()).into()))
                        .collect(),
                    body: String::from_utf8_lossy(&body).into_owned(),
                };
                let n = {
                    let mut log = log.lock().unwrap();
                    log.push(request.clone());
                    log.len() - 1
                };
                let (status, body) = run(&request, n);
                let status = StatusCode::from_u16(status).unwrap();
                let mut res: Response = if (300..400).contains(&status.as_u16()) {
                    // A redirect's body is where it points.
                    (status, [("location", body)]).into_response()
                } else if body.is_empty() {
                    status.into_response()
                } else {
                    (status, [("content-type", "application/json")], body).into_response()
                };
                res.headers_mut()
                    .insert("x-request-id", "req_fake".parse().unwrap());
                res
            }
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    Fake {
        base_url,
        seen,
        _task: task,
    }
}

/// A listener that accepts connections and never answers.
pub async fn black_hole() -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            open.push(socket);
        }
    });
    (url, task)
}

/// A token of the emulator at `base_url`, fetched directly.
pub async fn emulator_token(base_url: &str) -> String {
    let res: serde_json::Value = reqwest::Client::new()
        .post(format!("{base_url}/oauth2/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", "emulator-client"),
            ("client_secret", "emulator-secret"),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    res["access_token"].as_str().unwrap().to_string()
}
