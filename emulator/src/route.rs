//! A route of the emulator: its method and path, the handler that serves it, and its description
//! (summary, parameters, request body, every response by status with its body's schema). The router
//! (`server.rs`) and the OpenAPI document (`openapi.rs`) are both made from the same list of
//! routes, so a route cannot be served without being described. Each resource module lists its own
//! (`api::routes`, `pages::routes`, `control::routes`).
//!
//! ```ignore
//! Route::post("/api/v1/bank/wallet/charge/capture/", post(capture))
//!     .api("captureCharge", "charges", "Capture a charge created with capture: false")
//!     .json_body::<CaptureRequest>()
//!     .ok::<Charge>("The captured charge, now paid")
//!     .errors::<ChargeError>(&[400, 404, 409, 422]);
//! ```

use axum::http::Method;
use axum::routing::MethodRouter;
use schemars::{JsonSchema, Schema, SchemaGenerator};

use crate::app::Shared;
use crate::errors::{AuthError, ChargeError, RateLimitError};

/// Makes a schema (a `$ref` to a component, or an inline schema) with the document's generator.
pub type SchemaFn = fn(&mut SchemaGenerator) -> Schema;

/// The schema of `T`.
pub fn schema<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<T>()
}

/// Which middleware a route runs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// A55's API: faults and the rate limit.
    Api,
    /// A55's public endpoints (no token): faults, the rate limit and CORS.
    Public,
    /// The token endpoint: faults.
    Token,
    /// Pages, control endpoints, the document: none.
    Plain,
}

/// How a caller authenticates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// `Authorization: Bearer` (a token from `/oauth2/token`).
    Bearer,
    /// Client credentials, in the form or as HTTP Basic (the token endpoint).
    Client,
    /// None.
    Public,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum In {
    /// In the query string.
    Query,
    /// In the path.
    Path,
}

/// A parameter.
#[derive(Debug, Clone)]
pub struct Param {
    /// Its name.
    pub name: &'static str,
    /// Where it goes.
    pub location: In,
    /// Whether it must be given.
    pub required: bool,
    /// What it holds.
    pub description: &'static str,
    /// `uuid` for ids, `integer` for numbers, else text.
    pub kind: ParamKind,
    /// A value that works against a fresh emulator (the fixture wallet's id).
    pub example: Option<&'static str>,
}

/// What a parameter's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// Any text.
    Text,
    /// A UUID.
    Uuid,
    /// An integer of at least 1.
    Integer,
}

/// A request or response body.
#[derive(Clone)]
pub enum Content {
    /// `application/json` of a schema.
    Json(SchemaFn),
    /// `application/x-www-form-urlencoded` of a schema.
    Form(SchemaFn),
    /// `text/html`.
    Html,
    /// No body.
    Empty,
}

/// A link from a response to another operation, for stateful testing: the target's parameters
/// taken from this response (`$response.body#/charge_uuid`).
#[derive(Debug, Clone)]
pub struct Link {
    /// The link's name.
    pub name: &'static str,
    /// The target's `operationId`.
    pub operation_id: &'static str,
    /// (parameter, runtime expression).
    pub parameters: Vec<(&'static str, &'static str)>,
}

/// One documented answer.
#[derive(Clone)]
pub struct Resp {
    /// The HTTP status.
    pub status: u16,
    /// When it is given.
    pub description: &'static str,
    /// Its body.
    pub content: Content,
    /// Whether it carries a `Location` header (a redirect).
    pub location: bool,
    /// Links to other operations.
    pub links: Vec<Link>,
}

/// A route: what serves it and how it is described.
pub struct Route {
    /// The method.
    pub method: Method,
    /// The path, with `{name}` parameters (axum's and OpenAPI's syntax alike).
    pub path: &'static str,
    /// Its middleware.
    pub layer: Layer,
    /// The handler.
    pub handler: MethodRouter<Shared>,
    /// `operationId`.
    pub id: &'static str,
    /// Its tag (the resource).
    pub tag: &'static str,
    /// One line.
    pub summary: &'static str,
    /// More, when needed.
    pub description: &'static str,
    /// Who may call.
    pub auth: Auth,
    /// Query parameters, and descriptions of path parameters.
    pub params: Vec<Param>,
    /// The request body, when it has one.
    pub body: Option<Content>,
    /// Whether the body must be sent.
    pub body_required: bool,
    /// Named examples of the body (A55's documented requests, against the fixtures).
    pub examples: Vec<(&'static str, serde_json::Value)>,
    /// The answers, by status.
    pub responses: Vec<Resp>,
}

impl Route {
    fn new(method: Method, path: &'static str, handler: MethodRouter<Shared>) -> Route {
        Route {
            method,
            path,
            layer: Layer::Plain,
            handler,
            id: "",
            tag: "",
            summary: "",
            description: "",
            auth: Auth::Public,
            params: Vec::new(),
            body: None,
            body_required: true,
            examples: Vec::new(),
            responses: Vec::new(),
        }
    }

    /// A GET route.
    pub fn get(path: &'static str, handler: MethodRouter<Shared>) -> Route {
        Route::new(Method::GET, path, handler)
    }

    /// A POST route.
    pub fn post(path: &'static str, handler: MethodRouter<Shared>) -> Route {
        Route::new(Method::POST, path, handler)
    }

    /// A DELETE route.
    pub fn delete(path: &'static str, handler: MethodRouter<Shared>) -> Route {
        Route::new(Method::DELETE, path, handler)
    }

    /// Names and describes the operation.
    pub fn op(mut self, id: &'static str, tag: &'static str, summary: &'static str) -> Route {
        (self.id, self.tag, self.summary) = (id, tag, summary);
        self
    }

    /// An operation of A55's API with a bearer token (faults, rate limit, 401 and 403).
    pub fn api(self, id: &'static str, tag: &'static str, summary: &'static str) -> Route {
        let mut r = self.op(id, tag, summary);
        (r.layer, r.auth) = (Layer::Api, Auth::Bearer);
        r.error::<AuthError>(401, "No token, or a bad or expired one")
            .error::<AuthError>(403, "These credentials may not act on this wallet")
            .faults()
    }

    /// An operation of A55's API without a token (faults, the rate limit, CORS).
    pub fn public_api(self, id: &'static str, tag: &'static str, summary: &'static str) -> Route {
        let mut r = self.op(id, tag, summary);
        r.layer = Layer::Public;
        r.faults()
    }

    /// The answers faults give (`X-Emulator-Fault`, `--faults`) and the rate limit's.
    pub fn faults(self) -> Route {
        self.error::<RateLimitError>(429, "Rate limited (Retry-After says when to retry)")
            .error::<ChargeError>(500, "A fault answered 500 (errors.unexpected)")
            .error::<ChargeError>(503, "A fault answered 503 (errors.unexpected)")
    }

    /// A longer description.
    pub fn describe(mut self, text: &'static str) -> Route {
        self.description = text;
        self
    }

    /// Sets the layer and the authentication (the token endpoint).
    pub fn with(mut self, layer: Layer, auth: Auth) -> Route {
        (self.layer, self.auth) = (layer, auth);
        self
    }

    /// A parameter.
    pub fn param(
        mut self,
        name: &'static str,
        location: In,
        kind: ParamKind,
        required: bool,
        description: &'static str,
    ) -> Route {
        self.params.push(Param {
            name,
            location,
            required,
            description,
            kind,
            example: None,
        });
        self
    }

    /// An example value for the parameter added last.
    pub fn example_value(mut self, value: &'static str) -> Route {
        if let Some(p) = self.params.last_mut() {
            p.example = Some(value);
        }
        self
    }

    /// A named example of the request body.
    pub fn example(mut self, name: &'static str, body: serde_json::Value) -> Route {
        self.examples.push((name, body));
        self
    }

    /// A query parameter.
    pub fn query(
        self,
        name: &'static str,
        kind: ParamKind,
        required: bool,
        description: &'static str,
    ) -> Route {
        self.param(name, In::Query, kind, required, description)
    }

    /// A JSON request body of `T`.
    pub fn json_body<T: JsonSchema>(mut self) -> Route {
        self.body = Some(Content::Json(schema::<T>));
        self
    }

    /// A JSON request body of `T` that may be left out.
    pub fn optional_json_body<T: JsonSchema>(mut self) -> Route {
        self.body = Some(Content::Json(schema::<T>));
        self.body_required = false;
        self
    }

    /// A form request body of `T`.
    pub fn form_body<T: JsonSchema>(mut self) -> Route {
        self.body = Some(Content::Form(schema::<T>));
        self
    }

    /// An answer.
    pub fn answer(mut self, status: u16, description: &'static str, content: Content) -> Route {
        self.responses.retain(|r| r.status != status);
        self.responses.push(Resp {
            status,
            description,
            content,
            location: false,
            links: Vec::new(),
        });
        self
    }

    /// A 200 with a JSON `T`.
    pub fn ok<T: JsonSchema>(self, description: &'static str) -> Route {
        self.answer(200, description, Content::Json(schema::<T>))
    }

    /// An error answer with a JSON `T`.
    pub fn error<T: JsonSchema>(self, status: u16, description: &'static str) -> Route {
        self.answer(status, description, Content::Json(schema::<T>))
    }

    /// Error answers with a JSON `T`, each described by its status.
    pub fn errors<T: JsonSchema>(self, statuses: &[u16]) -> Route {
        statuses.iter().fold(self, |r, s| {
            let description = match s {
                400 => "Unreadable body, a missing field, a wrong type, a bad parameter",
                404 => "Unknown wallet, charge or subscription",
                409 => {
                    "Idempotency-Key reused with another body or still in use, or a state conflict"
                }
                422 => "A validation rule failed",
                _ => "Refused",
            };
            r.error::<T>(*s, description)
        })
    }

    /// A redirect (303 with `Location`).
    pub fn redirect(mut self, description: &'static str) -> Route {
        self.responses.push(Resp {
            status: 303,
            description,
            content: Content::Empty,
            location: true,
            links: Vec::new(),
        });
        self
    }

    /// A link from the 200 answer to another operation.
    pub fn link(
        mut self,
        name: &'static str,
        operation_id: &'static str,
        parameters: &[(&'static str, &'static str)],
    ) -> Route {
        if let Some(ok) = self.responses.iter_mut().find(|r| r.status == 200) {
            ok.links.push(Link {
                name,
                operation_id,
                parameters: parameters.to_vec(),
            });
        }
        self
    }
}
