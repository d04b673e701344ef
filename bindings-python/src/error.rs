//! The exception hierarchy and the one mapping from `a55_core` errors to it.
//!
//! ```text
//! A55Error
//! ├── ValidationError            ErrorKind::Validation     (.issues, .errors())
//! ├── SignatureVerificationError ErrorKind::Signature      (.reason)
//! ├── AuthenticationError        ErrorKind::Authentication (401)
//! ├── PermissionDeniedError      ErrorKind::Permission     (403)
//! ├── NotFoundError              ErrorKind::NotFound       (404)
//! ├── ConflictError              ErrorKind::Conflict       (409)
//! ├── RateLimitError             ErrorKind::RateLimit      (429, .retry_after)
//! ├── ServerError                ErrorKind::Server         (5xx)
//! ├── APIError                   ErrorKind::Api            (any other status)
//! ├── APIConnectionError         ErrorKind::Connection
//! │   └── APITimeoutError        ErrorKind::Timeout
//! ├── UnknownOutcomeError        ErrorKind::UnknownOutcome (.idempotency_key)
//! ├── ConfigurationError         ErrorKind::Configuration
//! └── DecodeError                ErrorKind::Decode
//! ```
//!
//! Every class takes the same keyword arguments and has the same attributes: `status`, `codes`,
//! `request_id`, `idempotency_key`, `issues`, `reason`, `retry_after` (seconds, float), `raw_body`,
//! `kind` (core's error kind: `"rate_limit"`, …) and `retryable` (core's `Error::is_retryable`; a
//! class's default when raised by hand). They are defined with `create_exception!` (abi3 cannot subclass `Exception` from a
//! `#[pyclass]` before Python 3.12); the shared `__init__` and `ValidationError.errors()` are a few
//! lines of Python compiled once when the module loads.

use std::panic::{AssertUnwindSafe, catch_unwind};

use a55_core::{Error, ErrorKind, Issue as CoreIssue, IssueCode, RuleError};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyModule, PyType};

use crate::models::Issue;

create_exception!(
    a55,
    A55Error,
    PyException,
    "Base class of every error the A55 SDK raises."
);
create_exception!(
    a55,
    ValidationError,
    A55Error,
    "A value broke a rule (locally, or HTTP 400/422): see `issues` and `errors()`."
);
create_exception!(
    a55,
    SignatureVerificationError,
    A55Error,
    "A webhook did not verify: see `reason` (signature_mismatch, timestamp_too_old, ...)."
);
create_exception!(
    a55,
    AuthenticationError,
    A55Error,
    "HTTP 401: the token is missing, bad or expired, or the credentials are wrong."
);
create_exception!(
    a55,
    PermissionDeniedError,
    A55Error,
    "HTTP 403: the credentials may not act on this resource."
);
create_exception!(a55, NotFoundError, A55Error, "HTTP 404.");
create_exception!(
    a55,
    ConflictError,
    A55Error,
    "HTTP 409: a state conflict, or an idempotency key reused with another body."
);
create_exception!(
    a55,
    RateLimitError,
    A55Error,
    "HTTP 429: see `retry_after` (seconds)."
);
create_exception!(a55, ServerError, A55Error, "HTTP 5xx.");
create_exception!(a55, APIError, A55Error, "Any other HTTP error status.");
create_exception!(
    a55,
    APIConnectionError,
    A55Error,
    "The request was never written (DNS, refused connection, TLS): nothing happened on the server."
);
create_exception!(
    a55,
    APITimeoutError,
    APIConnectionError,
    "The deadline ran out before the request was written (an `APIConnectionError`, as in openai-python)."
);
create_exception!(
    a55,
    UnknownOutcomeError,
    A55Error,
    "The request was written but no answer came: repeat the call with `idempotency_key`."
);
create_exception!(
    a55,
    ConfigurationError,
    A55Error,
    "The client is configured wrongly (no credentials, a non-HTTPS URL, no TLS roots)."
);
create_exception!(
    a55,
    DecodeError,
    A55Error,
    "A 2xx answer could not be read."
);

/// The shared constructor and `ValidationError.errors()`, in Python because a `create_exception!`
/// class cannot carry Rust methods.
const METHODS: &std::ffi::CStr = cr#"
def __init__(self, message="", *, status=None, codes=None, request_id=None,
             idempotency_key=None, issues=None, reason=None, retry_after=None, raw_body=None,
             kind=None, retryable=None):
    """Creates the error. Every keyword is optional; the client fills what it knows."""
    Exception.__init__(self, message)
    cls = type(self)
    self.kind = kind if kind is not None else cls._default_kind
    self.retryable = bool(retryable) if retryable is not None else cls._default_retryable
    self.status = status
    self.codes = list(codes) if codes is not None else []
    self.request_id = request_id
    self.idempotency_key = idempotency_key
    self.issues = list(issues) if issues is not None else []
    self.reason = reason
    self.retry_after = retry_after
    self.raw_body = raw_body

def errors(self):
    """Every issue as a dict with the keys code, severity, field and description (like
    pydantic's ValidationError.errors())."""
    return [issue.to_dict() for issue in self.issues]
"#;

/// Adds the exception classes to the module and gives them their constructor and methods.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let code = PyModule::from_code(py, METHODS, c"a55/_errors.py", c"a55._errors")?;
    let base = py.get_type::<A55Error>();
    base.setattr("__init__", code.getattr("__init__")?)?;
    let errors = code.getattr("errors")?;
    errors.setattr("__qualname__", "ValidationError.errors")?;
    py.get_type::<ValidationError>().setattr("errors", errors)?;
    let classes = [
        ("A55Error", base),
        ("ValidationError", py.get_type::<ValidationError>()),
        (
            "SignatureVerificationError",
            py.get_type::<SignatureVerificationError>(),
        ),
        ("AuthenticationError", py.get_type::<AuthenticationError>()),
        (
            "PermissionDeniedError",
            py.get_type::<PermissionDeniedError>(),
        ),
        ("NotFoundError", py.get_type::<NotFoundError>()),
        ("ConflictError", py.get_type::<ConflictError>()),
        ("RateLimitError", py.get_type::<RateLimitError>()),
        ("ServerError", py.get_type::<ServerError>()),
        ("APIError", py.get_type::<APIError>()),
        ("APIConnectionError", py.get_type::<APIConnectionError>()),
        ("APITimeoutError", py.get_type::<APITimeoutError>()),
        ("UnknownOutcomeError", py.get_type::<UnknownOutcomeError>()),
        ("ConfigurationError", py.get_type::<ConfigurationError>()),
        ("DecodeError", py.get_type::<DecodeError>()),
    ];
    for (name, class) in classes {
        let (kind, retryable) = default_kind(name);
        class.setattr("_default_kind", kind)?;
        class.setattr("_default_retryable", retryable)?;
        m.add(name, class)?;
    }
    Ok(())
}

/// The kind and retryability a class has when raised by hand, both core's.
fn default_kind(class: &str) -> (&'static str, bool) {
    KIND_CLASSES
        .iter()
        .find(|(_, name)| *name == class)
        .map(|(kind, _)| (kind.as_str(), Error::new(*kind, "").is_retryable()))
        .unwrap_or(("api", false))
}

/// Every kind and the name of its class.
const KIND_CLASSES: [(ErrorKind, &str); 14] = [
    (ErrorKind::Validation, "ValidationError"),
    (ErrorKind::Signature, "SignatureVerificationError"),
    (ErrorKind::Authentication, "AuthenticationError"),
    (ErrorKind::Permission, "PermissionDeniedError"),
    (ErrorKind::NotFound, "NotFoundError"),
    (ErrorKind::Conflict, "ConflictError"),
    (ErrorKind::RateLimit, "RateLimitError"),
    (ErrorKind::Server, "ServerError"),
    (ErrorKind::Api, "APIError"),
    (ErrorKind::Connection, "APIConnectionError"),
    (ErrorKind::Timeout, "APITimeoutError"),
    (ErrorKind::UnknownOutcome, "UnknownOutcomeError"),
    (ErrorKind::Configuration, "ConfigurationError"),
    (ErrorKind::Decode, "DecodeError"),
];

/// The class of each core error kind.
fn class_of(py: Python<'_>, kind: ErrorKind) -> Bound<'_, PyType> {
    match kind {
        ErrorKind::Validation => py.get_type::<ValidationError>(),
        ErrorKind::Signature => py.get_type::<SignatureVerificationError>(),
        ErrorKind::Authentication => py.get_type::<AuthenticationError>(),
        ErrorKind::Permission => py.get_type::<PermissionDeniedError>(),
        ErrorKind::NotFound => py.get_type::<NotFoundError>(),
        ErrorKind::Conflict => py.get_type::<ConflictError>(),
        ErrorKind::RateLimit => py.get_type::<RateLimitError>(),
        ErrorKind::Server => py.get_type::<ServerError>(),
        ErrorKind::Api => py.get_type::<APIError>(),
        ErrorKind::Connection => py.get_type::<APIConnectionError>(),
        ErrorKind::Timeout => py.get_type::<APITimeoutError>(),
        ErrorKind::UnknownOutcome => py.get_type::<UnknownOutcomeError>(),
        ErrorKind::Configuration => py.get_type::<ConfigurationError>(),
        ErrorKind::Decode => py.get_type::<DecodeError>(),
        _ => py.get_type::<A55Error>(),
    }
}

/// Builds the Python exception of a core error, every attribute filled.
pub fn to_py_err(py: Python<'_>, e: Error) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("status", e.status)?;
        kwargs.set_item("codes", PyList::new(py, &e.codes)?)?;
        kwargs.set_item("request_id", &e.request_id)?;
        kwargs.set_item("idempotency_key", &e.idempotency_key)?;
        let issues = e
            .issues
            .iter()
            .map(|i| Issue::from(i.clone()))
            .collect::<Vec<_>>();
        kwargs.set_item("issues", PyList::new(py, issues)?)?;
        kwargs.set_item("reason", &e.reason)?;
        kwargs.set_item("retry_after", e.retry_after.map(|d| d.as_secs_f64()))?;
        kwargs.set_item("raw_body", &e.raw_body)?;
        kwargs.set_item("kind", e.kind.as_str())?;
        kwargs.set_item("retryable", e.is_retryable())?;
        let instance = class_of(py, e.kind).call((e.message.as_str(),), Some(&kwargs))?;
        Ok(PyErr::from_value(instance))
    };
    build().unwrap_or_else(|err| err)
}

/// Everything a binding function can fail with. It becomes a Python exception through `From`, so
/// functions can use `?` on core results, argument conversions and Python calls alike.
#[derive(Debug)]
pub enum BindingError {
    /// A core error (a helper's [`RuleError`] is converted with `Error::from`).
    Core(Box<Error>),
    /// An exception raised by Python itself while converting values.
    Python(PyErr),
    /// A panic inside Rust, caught before it could cross into Python.
    Panic,
}

/// The result of every binding function.
pub type BindingResult<T> = Result<T, BindingError>;

impl BindingError {
    /// A validation error with one issue, for an argument of the wrong Python type or shape.
    pub fn issue(code: IssueCode, field: &str, message: impl Into<String>) -> BindingError {
        BindingError::Core(Box::new(Error::validation(vec![CoreIssue::new(
            code, field, message,
        )])))
    }

    /// `INVALID_TYPE` naming the argument: `"{field} must be {expected}, not {type}"`. The value
    /// itself is never quoted (it may be a card number or a secret).
    pub fn wrong_type(field: &str, expected: &str, got: &Bound<'_, PyAny>) -> BindingError {
        let type_name = got
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "?".to_string());
        BindingError::issue(
            IssueCode::InvalidType,
            field,
            format!("{field} must be {expected}, not {type_name}"),
        )
    }
}

impl From<RuleError> for BindingError {
    fn from(e: RuleError) -> Self {
        BindingError::Core(Box::new(Error::from(e)))
    }
}

impl From<Error> for BindingError {
    fn from(e: Error) -> Self {
        BindingError::Core(Box::new(e))
    }
}

impl From<PyErr> for BindingError {
    fn from(e: PyErr) -> Self {
        BindingError::Python(e)
    }
}

impl From<BindingError> for PyErr {
    fn from(e: BindingError) -> PyErr {
        match e {
            BindingError::Core(e) => Python::attach(|py| to_py_err(py, *e)),
            BindingError::Python(e) => e,
            BindingError::Panic => A55Error::new_err(
                "internal error: a55-core panicked (this is a bug in the SDK; please report it)",
            ),
        }
    }
}

/// Runs core code, turning a panic into [`BindingError::Panic`] so that it reaches Python as an
/// `A55Error` instead of unwinding through the interpreter.
pub fn guard<T>(f: impl FnOnce() -> T) -> BindingResult<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|_| BindingError::Panic)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const KINDS: [(ErrorKind, &str); 14] = KIND_CLASSES;

    #[test]
    fn every_kind_maps_to_its_class_with_every_attribute() {
        Python::initialize();
        Python::attach(|py| {
            let m = PyModule::new(py, "a55_test").unwrap();
            register(&m).unwrap();
            for (kind, class) in KINDS {
                let mut e = Error::new(kind, "boom");
                e.status = Some(429);
                e.codes = vec!["RATE_LIMIT_EXCEEDED".into()];
                e.request_id = Some("req_1".into());
                e.idempotency_key = Some("key_1".into());
                e.issues = vec![CoreIssue::new(IssueCode::AmountInvalid, "amount", "bad")];
                e.reason = Some("why".into());
                e.retry_after = Some(std::time::Duration::from_millis(1500));
                e.raw_body = Some("{}".into());
                let err = to_py_err(py, e);
                let value = err.value(py);
                assert_eq!(value.get_type().name().unwrap().to_string(), class);
                assert!(err.is_instance_of::<A55Error>(py));
                assert_eq!(value.str().unwrap().to_string(), "boom");
                let get = |name: &str| value.getattr(name).unwrap();
                assert_eq!(get("status").extract::<u16>().unwrap(), 429);
                assert_eq!(
                    get("codes").extract::<Vec<String>>().unwrap(),
                    ["RATE_LIMIT_EXCEEDED"]
                );
                assert_eq!(get("request_id").extract::<String>().unwrap(), "req_1");
                assert_eq!(get("idempotency_key").extract::<String>().unwrap(), "key_1");
                let issue = get("issues").get_item(0).unwrap();
                assert_eq!(issue.getattr("field").unwrap().to_string(), "amount");
                assert_eq!(get("reason").extract::<String>().unwrap(), "why");
                assert_eq!(get("retry_after").extract::<f64>().unwrap(), 1.5);
                assert_eq!(get("raw_body").extract::<String>().unwrap(), "{}");
                assert_eq!(get("kind").extract::<String>().unwrap(), kind.as_str());
                let retryable = Error::new(kind, "").is_retryable();
                assert_eq!(get("retryable").extract::<bool>().unwrap(), retryable);
            }
        });
    }

    #[test]
    fn a_rule_error_becomes_a_validation_or_signature_error() {
        Python::initialize();
        Python::attach(|py| {
            let m = PyModule::new(py, "a55_test").unwrap();
            register(&m).unwrap();
            let rule = RuleError::new(IssueCode::InvalidWebhookSignature, "signature", "no")
                .with_reason("signature_mismatch");
            let err = PyErr::from(BindingError::from(rule));
            assert!(err.is_instance_of::<SignatureVerificationError>(py));
            let reason = err.value(py).getattr("reason").unwrap();
            assert_eq!(reason.to_string(), "signature_mismatch");
            let err = PyErr::from(BindingError::from(RuleError::new(
                IssueCode::AmountInvalid,
                "amount",
                "bad",
            )));
            assert!(err.is_instance_of::<ValidationError>(py));
            let panic = PyErr::from(guard(|| -> u8 { panic!("x") }).unwrap_err());
            assert!(panic.is_instance_of::<A55Error>(py));
        });
    }
}
