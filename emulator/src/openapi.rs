//! The OpenAPI 3.1 document of everything the emulator serves, made from its route table
//! (`route.rs`) and the JSON schemas of the bodies (core's models with its `schema` feature, and the
//! emulator's own error and control bodies). `emulator/openapi.json` is this document, committed;
//! `tests/openapi.rs` checks the two are equal (`UPDATE_OPENAPI=1` rewrites the file).

use std::collections::BTreeMap;

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

use crate::route::{Auth, Content, In, Layer, ParamKind, Resp, Route};

const DESCRIPTION: &str = "What the A55 emulator serves: A55's payments API (the SDK contract's \
Tier 1 and Tier 2), the OAuth2 token endpoint, the pages a payer sees, and control endpoints under \
/_emulator/ (outside A55's API). Every response has X-Request-Id; API responses have \
X-RateLimit-Limit (0: no limit) and, while the rate limit is on, -Remaining, -Reset and -Window (the \
rolling window's seconds). A request can ask for a fault \
with the header X-Emulator-Fault: 500|503|429|delay:MS|reset_before|reset_after. \
docs/emulator.md describes the behaviour.";

fn param_schema(kind: ParamKind) -> Value {
    match kind {
        ParamKind::Text => json!({"type": "string"}),
        ParamKind::Uuid => json!({"type": "string", "format": "uuid"}),
        ParamKind::Integer => json!({"type": "integer", "minimum": 1}),
    }
}

/// The path's `{name}` parameters, in order.
fn path_params(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(name, _)| name))
        .collect()
}

fn content(generator: &mut schemars::SchemaGenerator, c: &Content) -> Option<Value> {
    match c {
        Content::Json(f) => Some(json!({"application/json": {"schema": f(generator)}})),
        Content::Form(f) => {
            Some(json!({"application/x-www-form-urlencoded": {"schema": f(generator)}}))
        }
        Content::Html => Some(json!({"text/html": {"schema": {"type": "string"}}})),
        Content::Empty => None,
    }
}

fn response(generator: &mut schemars::SchemaGenerator, route: &Route, r: &Resp) -> Value {
    let mut headers = Map::new();
    headers.insert(
        "X-Request-Id".into(),
        json!({"$ref": "#/components/headers/RequestId"}),
    );
    if matches!(route.layer, Layer::Api | Layer::Public) {
        for (h, component) in [
            ("X-RateLimit-Limit", "RateLimitLimit"),
            ("X-RateLimit-Remaining", "RateLimitRemaining"),
            ("X-RateLimit-Reset", "RateLimitReset"),
            ("X-RateLimit-Window", "RateLimitWindow"),
        ] {
            let reference = format!("#/components/headers/{component}");
            headers.insert(h.into(), json!({ "$ref": reference }));
        }
    }
    if r.status == 429 {
        headers.insert(
            "Retry-After".into(),
            json!({"description": "Seconds to wait", "schema": {"type": "integer"}}),
        );
    }
    if r.location {
        headers.insert(
            "Location".into(),
            json!({"required": true, "description": "Where the payer goes next", "schema": {"type": "string"}}),
        );
    }
    let mut out = json!({"description": r.description, "headers": headers});
    if let Some(c) = content(generator, &r.content) {
        out["content"] = c;
    }
    if !r.links.is_empty() {
        let links: Map<String, Value> = r
            .links
            .iter()
            .map(|l| {
                let params: Map<String, Value> = l
                    .parameters
                    .iter()
                    .map(|(k, v)| ((*k).to_string(), json!(v)))
                    .collect();
                (
                    l.name.to_string(),
                    json!({"operationId": l.operation_id, "parameters": params}),
                )
            })
            .collect();
        out["links"] = Value::Object(links);
    }
    out
}

fn operation(generator: &mut schemars::SchemaGenerator, route: &Route) -> Value {
    let mut params: Vec<Value> = path_params(route.path)
        .into_iter()
        .map(|name| {
            let given = route
                .params
                .iter()
                .find(|p| p.name == name && p.location == In::Path);
            let kind = given.map_or(
                if name.ends_with("uuid") {
                    ParamKind::Uuid
                } else {
                    ParamKind::Text
                },
                |p| p.kind,
            );
            let mut p =
                json!({"name": name, "in": "path", "required": true, "schema": param_schema(kind)});
            if let Some(g) = given {
                p["description"] = json!(g.description);
            }
            p
        })
        .collect();
    params.extend(
        route
            .params
            .iter()
            .filter(|p| p.location == In::Query)
            .map(|p| {
                let mut q = json!({"name": p.name, "in": "query", "required": p.required,
                                   "description": p.description, "schema": param_schema(p.kind)});
                if let Some(e) = p.example {
                    q["example"] = json!(e);
                }
                q
            }),
    );
    if matches!(route.layer, Layer::Api | Layer::Public) && route.method == axum::http::Method::POST
    {
        params.push(json!({"$ref": "#/components/parameters/IdempotencyKey"}));
    }
    let mut responses = Map::new();
    let mut sorted: Vec<&Resp> = route.responses.iter().collect();
    sorted.sort_by_key(|r| r.status);
    for r in sorted {
        responses.insert(r.status.to_string(), response(generator, route, r));
    }
    let mut op = json!({
        "operationId": route.id,
        "tags": [route.tag],
        "summary": route.summary,
        "responses": responses,
    });
    if !route.description.is_empty() {
        op["description"] = json!(route.description);
    }
    if !params.is_empty() {
        op["parameters"] = Value::Array(params);
    }
    op["security"] = match route.auth {
        Auth::Bearer => json!([{"bearer": []}, {"oauth2": []}]),
        Auth::Client => json!([{"clientBasic": []}, {}]),
        Auth::Public => json!([]),
    };
    if let Some(body) = &route.body
        && let Some(mut c) = content(generator, body)
    {
        if !route.examples.is_empty()
            && let Some(media) = c.as_object_mut().and_then(|m| m.values_mut().next())
        {
            let examples: Map<String, Value> = route
                .examples
                .iter()
                .map(|(name, value)| ((*name).to_string(), json!({"value": value})))
                .collect();
            media["examples"] = Value::Object(examples);
        }
        op["requestBody"] = json!({"required": route.body_required, "content": c});
    }
    op
}

/// Drops the `default` keyword from every schema: the models' defaults are what the SDK reads an
/// absent field as (`""`, an unknown status), not a value the server takes in its place, and they
/// break the schemas they sit in (an empty `default` of a non-empty field).
fn drop_defaults(v: &mut Value, in_properties: bool) {
    match v {
        Value::Object(map) => {
            if !in_properties {
                map.remove("default");
            }
            for (key, child) in map.iter_mut() {
                drop_defaults(child, key == "properties" && !in_properties);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| drop_defaults(i, false)),
        _ => {}
    }
}

/// The document.
pub fn document(routes: &[Route]) -> Value {
    let mut generator = SchemaSettings::draft2020_12()
        .with(|s| s.definitions_path = "/components/schemas".into())
        .into_generator();
    let mut paths: BTreeMap<&str, Map<String, Value>> = BTreeMap::new();
    for route in routes {
        let op = operation(&mut generator, route);
        paths
            .entry(route.path)
            .or_default()
            .insert(route.method.as_str().to_lowercase(), op);
    }
    let mut schemas = Value::Object(generator.take_definitions(true));
    drop_defaults(&mut schemas, false);
    for item in paths.values_mut() {
        for op in item.values_mut() {
            drop_defaults(op, false);
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "A55 emulator",
            "version": env!("CARGO_PKG_VERSION"),
            "description": DESCRIPTION,
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer",
                           "description": "A token from POST /oauth2/token"},
                "oauth2": {"type": "oauth2", "description": "OAuth2 client credentials",
                           "flows": {"clientCredentials": {"tokenUrl": "/oauth2/token", "scopes": {}}}},
                "clientBasic": {"type": "http", "scheme": "basic",
                                "description": "client_id and client_secret as HTTP Basic credentials"},
            },
            "parameters": {
                "IdempotencyKey": {"name": "Idempotency-Key", "in": "header", "required": false,
                    "description": "The same key and body within 24 h replay the first answer (Idempotent-Replayed: true); another body is 409 IDEMPOTENCY_KEY_REUSED",
                    "schema": {"type": "string"}},
            },
            "headers": {
                "RequestId": {"required": true, "description": "The request's id", "schema": {"type": "string"}},
                "RateLimitLimit": {"required": true, "description": "Requests a client (its client id, across all endpoints) may make within the rolling window; 0: this server sets no limit", "schema": {"type": "integer", "minimum": 0}},
                "RateLimitRemaining": {"description": "Requests the window admits now, this one counted if it was admitted (absent when the limit is off)", "schema": {"type": "integer", "minimum": 0}},
                "RateLimitReset": {"description": "Unix seconds (rounded up) when the oldest request leaves the window, which is when one more is admitted (absent when the limit is off)", "schema": {"type": "integer"}},
                "RateLimitWindow": {"description": "The rolling window, in seconds: A55's is 60, the emulator's can be shorter (the emulator's own header; absent when the limit is off)", "schema": {"type": "number"}},
            },
        },
    })
}

/// The document as the text `emulator/openapi.json` holds (pretty, with a final newline).
pub fn document_text(routes: &[Route]) -> String {
    let mut text = serde_json::to_string_pretty(&document(routes)).unwrap_or_default();
    text.push('\n');
    text
}
