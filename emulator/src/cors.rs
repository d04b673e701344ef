//! CORS for the public endpoints (`/api/v1/bank/public/…`), which a payer's browser calls straight
//! from a merchant's page on another origin (A55's browser SDK does). The private, token-protected
//! endpoints never answer CORS: a client secret or a bearer token has no business in a browser.
//!
//! - A preflight (`OPTIONS` with `Access-Control-Request-Method`) is answered here, before faults
//!   and rate limits: 204 with the allowed methods and headers, or 403 when the origin is not
//!   allowed.
//! - Every other answer of a public endpoint, errors, 429s and injected faults included, carries
//!   `Access-Control-Allow-Origin` (so the page can read the body) and
//!   `Access-Control-Expose-Headers` (request id, rate limits).
//! - Any origin by default (`*`); `cors_origins` (`--cors-origin`) restricts it to a list, and the
//!   allowed origin is then echoed with `Vary: Origin`.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::json::Json;

/// The methods the public endpoints answer.
const METHODS: &str = "GET, POST, OPTIONS";
/// The request headers a page may send: the JSON body's type, and the API's own.
const HEADERS: &str = "Content-Type, Idempotency-Key, X-Emulator-Fault";
/// The answer headers a page may read.
const EXPOSED: &str = "X-Request-Id, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, \
                       X-RateLimit-Window, Retry-After, Idempotent-Replayed";
/// How long a browser may keep a preflight's answer, in seconds.
const MAX_AGE: &str = "600";

/// What `Access-Control-Allow-Origin` says to this request's origin, if anything.
fn allowed_origin(allowed: &[String], origin: Option<&str>) -> Option<HeaderValue> {
    if allowed.is_empty() {
        return Some(HeaderValue::from_static("*"));
    }
    let origin = origin?;
    allowed
        .iter()
        .any(|a| a.eq_ignore_ascii_case(origin))
        .then(|| HeaderValue::from_str(origin).ok())
        .flatten()
}

fn origin_of(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::ORIGIN).and_then(|v| v.to_str().ok())
}

/// The origins allowed to call the public endpoints (`EmulatorConfig::cors_origins`); empty: any.
#[derive(Clone, Debug, Default)]
pub struct AllowedOrigins(pub std::sync::Arc<[String]>);

/// The CORS layer of the public routes.
pub async fn public_cors(
    State(allowed): State<AllowedOrigins>,
    req: Request,
    next: Next,
) -> Response {
    let restricted = !allowed.0.is_empty();
    let origin = origin_of(req.headers()).map(str::to_string);
    let allow = allowed_origin(&allowed.0, origin.as_deref());
    let preflight = req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let mut res = if preflight {
        match (&allow, &origin) {
            (None, Some(o)) => forbidden_origin(o),
            _ => {
                let mut res = StatusCode::NO_CONTENT.into_response();
                let h = res.headers_mut();
                h.insert(
                    header::ACCESS_CONTROL_ALLOW_METHODS,
                    HeaderValue::from_static(METHODS),
                );
                h.insert(
                    header::ACCESS_CONTROL_ALLOW_HEADERS,
                    HeaderValue::from_static(HEADERS),
                );
                h.insert(
                    header::ACCESS_CONTROL_MAX_AGE,
                    HeaderValue::from_static(MAX_AGE),
                );
                res
            }
        }
    } else {
        next.run(req).await
    };
    let h = res.headers_mut();
    if let Some(allow) = allow {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, allow);
        if !preflight {
            h.insert(
                header::ACCESS_CONTROL_EXPOSE_HEADERS,
                HeaderValue::from_static(EXPOSED),
            );
        }
    }
    if restricted {
        h.append(header::VARY, HeaderValue::from_static("Origin"));
    }
    res
}

/// A preflight from an origin the emulator was not told to allow.
fn forbidden_origin(origin: &str) -> Response {
    let body = crate::errors::error(
        crate::errors::Shape::Charge,
        StatusCode::FORBIDDEN,
        &[crate::errors::Msg::new(
            "CORS_ORIGIN_NOT_ALLOWED",
            "cors",
            &format!("the origin {origin} may not call the public endpoints (see --cors-origin)"),
            None,
        )],
    )
    .1;
    (StatusCode::FORBIDDEN, Json(body)).into_response()
}

#[cfg(test)]
mod tests {
    use super::allowed_origin;

    #[test]
    fn any_origin_by_default_else_the_listed_ones_echoed() {
        assert_eq!(allowed_origin(&[], None).unwrap(), "*");
        assert_eq!(allowed_origin(&[], Some("http://a.test")).unwrap(), "*");
        let list = ["http://localhost:3000".to_string()];
        assert_eq!(
            allowed_origin(&list, Some("http://localhost:3000")).unwrap(),
            "http://localhost:3000"
        );
        assert!(allowed_origin(&list, Some("http://localhost:3001")).is_none());
        assert!(allowed_origin(&list, None).is_none());
    }
}
