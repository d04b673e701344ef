//! Python values in and out: amounts, dates, text, integers and JSON payloads.
//!
//! Only the *type* is checked here ("is this a date?"); every value decision (is this amount
//! positive, is this date real) is core's. A value of the wrong Python type is a `ValidationError`
//! with code `INVALID_TYPE` naming the argument; the value itself is never quoted.

use a55_core::Decimal;
use a55_core::codes::IssueCode;
use a55_core::money::AmountArg;
use a55_core::schedule::{Date, parse_date};
use chrono::Datelike;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMemoryView, PyString, PyTuple,
    PyType,
};
use serde_json::{Map, Value};

use crate::error::{BindingError, BindingResult};

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static UUID: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `decimal.Decimal`.
fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// `datetime.date`.
fn date_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATE.import(py, "datetime", "date")
}

/// `datetime.datetime`.
pub fn datetime_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATETIME.import(py, "datetime", "datetime")
}

/// `uuid.UUID`.
fn uuid_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    UUID.import(py, "uuid", "UUID")
}

/// A Python `Decimal` with the exact digits and scale of a core amount (`Decimal("10.00")`).
pub fn py_decimal<'py>(py: Python<'py>, d: Decimal) -> PyResult<Bound<'py, PyAny>> {
    decimal_type(py)?.call1((d.to_string(),))
}

/// A Python `datetime.date`.
pub fn py_date<'py>(py: Python<'py>, d: Date) -> PyResult<Bound<'py, PyAny>> {
    date_type(py)?.call1((d.year(), d.month(), d.day()))
}

/// Parses JSON text into Python values; numbers with a fraction or exponent become `Decimal`.
pub fn json_to_py<'py>(
    py: Python<'py>,
    text: &str,
    object_hook: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let loads = JSON_LOADS.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("json")?.getattr("loads")?.unbind())
    })?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("parse_float", decimal_type(py)?)?;
    if let Some(hook) = object_hook {
        kwargs.set_item("object_pairs_hook", hook)?;
    }
    loads.bind(py).call((text,), Some(&kwargs))
}

/// An amount as the caller gave it, owned so that the GIL can be released while core reads it.
#[derive(Debug, Clone)]
pub enum Amount {
    /// Decimal text: from a `str`, a `Decimal` (its exact `str`) or an int too large for i128.
    Text(String),
    /// An integer.
    Integer(i128),
    /// A float, read by core through its shortest round-trip text (Python's `repr`).
    Float(f64),
}

impl Amount {
    /// The core argument.
    pub fn arg(&self) -> AmountArg<'_> {
        match self {
            Amount::Text(t) => AmountArg::Text(t),
            Amount::Integer(i) => AmountArg::Integer(*i),
            Amount::Float(f) => AmountArg::Float(*f),
        }
    }
}

/// The decimal digits of a Python int of any size. `str()` of an int past 4300 digits raises
/// (CPython's int_max_str_digits); `str(Decimal(n))` has no such limit and is exact.
fn int_text(py: Python<'_>, n: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(decimal_type(py)?.call1((n,))?.str()?.to_string())
}

/// Whether a value is an integer for Python (an `int` or anything with `__index__`), but not a bool.
fn as_int<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyBool>() {
        return Ok(None);
    }
    if obj.is_instance_of::<PyInt>() {
        return Ok(Some(obj.clone()));
    }
    if obj.is_instance_of::<PyFloat>() || !obj.hasattr("__index__")? {
        return Ok(None);
    }
    // An `__index__` that raises means the value is not an integer after all.
    Ok(obj.call_method0("__index__").ok())
}

/// Reads an amount: `Decimal`, `str`, `int` or `float` (checked in that order, after refusing
/// `bool`). NaN and infinities reach core, which refuses them with `AMOUNT_INVALID`.
pub fn amount(obj: &Bound<'_, PyAny>, field: &str) -> BindingResult<Amount> {
    let py = obj.py();
    const EXPECTED: &str = "a Decimal, str, int or float";
    if obj.is_instance_of::<PyBool>() {
        return Err(BindingError::wrong_type(field, EXPECTED, obj));
    }
    if obj.is_instance(decimal_type(py)?)? {
        // str() of a Decimal is exact and keeps its digits: "10.005", "1E+2", "NaN".
        return Ok(Amount::Text(obj.str()?.to_string()));
    }
    if obj.is_instance_of::<PyFloat>() {
        return Ok(Amount::Float(obj.extract::<f64>()?));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Amount::Text(str_value(s, field)?));
    }
    if let Some(n) = as_int(obj)? {
        return Ok(match n.extract::<i128>() {
            Ok(i) => Amount::Integer(i),
            Err(_) => Amount::Text(int_text(py, &n)?),
        });
    }
    Err(BindingError::wrong_type(field, EXPECTED, obj))
}

/// The text of a `str`. A string with lone surrogates has no UTF-8 form: `INVALID_VALUE`.
fn str_value(s: &Bound<'_, PyString>, field: &str) -> BindingResult<String> {
    match s.to_cow() {
        Ok(t) => Ok(t.to_string()),
        Err(_) => Err(BindingError::issue(
            IssueCode::InvalidValue,
            field,
            format!("{field} is not valid Unicode text (it holds a lone surrogate)"),
        )),
    }
}

/// Reads a `str` argument.
pub fn text(obj: &Bound<'_, PyAny>, field: &str) -> BindingResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => str_value(s, field),
        Err(_) => Err(BindingError::wrong_type(field, "a str", obj)),
    }
}

/// Reads an integer argument, saturating at the bounds of `i64`: an out-of-range value stays out of
/// range for every rule that reads it, and core reports it.
pub fn int_saturating(obj: &Bound<'_, PyAny>, field: &str) -> BindingResult<i64> {
    let Some(n) = as_int(obj)? else {
        return Err(BindingError::wrong_type(field, "an int", obj));
    };
    match n.extract::<i64>() {
        Ok(v) => Ok(v),
        Err(_) if n.gt(0)? => Ok(i64::MAX),
        Err(_) => Ok(i64::MIN),
    }
}

/// Reads a count for core's `u32` parameters: negative values become 0 and huge values `u32::MAX`,
/// both outside every count's range, so core's own error (`INVALID_INSTALLMENT_COUNT`, …) is raised.
pub fn count(obj: &Bound<'_, PyAny>, field: &str) -> BindingResult<u32> {
    let v = int_saturating(obj, field)?;
    Ok(u32::try_from(v.max(0)).unwrap_or(u32::MAX))
}

/// Reads an integer that must fit `i64` exactly (a webhook timestamp that is signed as written).
pub fn int_exact(obj: &Bound<'_, PyAny>, field: &str) -> BindingResult<i64> {
    let Some(n) = as_int(obj)? else {
        return Err(BindingError::wrong_type(field, "an int", obj));
    };
    n.extract::<i64>().map_err(|_| {
        BindingError::issue(
            IssueCode::InvalidValue,
            field,
            format!("{field} must fit in a signed 64-bit integer"),
        )
    })
}

/// Whether a value is a `datetime.datetime` (a `date` subclass, refused where a calendar date is
/// wanted).
fn is_datetime(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    obj.is_instance(datetime_type(obj.py())?)
}

/// Reads a calendar date: a `datetime.date` or `YYYY-MM-DD` text (parsed by core). A `datetime` is
/// refused with `INVALID_DATE`: it is an instant, not a calendar date.
pub fn date(obj: &Bound<'_, PyAny>, field: &str) -> BindingResult<Date> {
    let py = obj.py();
    if is_datetime(obj)? {
        return Err(BindingError::issue(
            IssueCode::InvalidDate,
            field,
            format!("{field} must be a calendar date (datetime.date), not a datetime"),
        ));
    }
    if obj.is_instance(date_type(py)?)? {
        let (y, m, d): (i32, u32, u32) = (
            obj.getattr("year")?.extract()?,
            obj.getattr("month")?.extract()?,
            obj.getattr("day")?.extract()?,
        );
        return Ok(parse_date(&format!("{y:04}-{m:02}-{d:02}"), field)?);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(parse_date(&str_value(s, field)?, field)?);
    }
    Err(BindingError::wrong_type(
        field,
        "a datetime.date or a YYYY-MM-DD str",
        obj,
    ))
}

/// Reads an optional date (`None` is absent).
pub fn opt_date(obj: Option<&Bound<'_, PyAny>>, field: &str) -> BindingResult<Option<Date>> {
    match obj {
        Some(o) if !o.is_none() => date(o, field).map(Some),
        _ => Ok(None),
    }
}

/// Reads raw bytes: `bytes`, `bytearray` or `memoryview`. Anything else (a `str`, a parsed `dict`)
/// is `None`.
pub fn raw_bytes(obj: &Bound<'_, PyAny>) -> PyResult<Option<Vec<u8>>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Some(b.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Some(b.to_vec()));
    }
    if obj.is_instance_of::<PyMemoryView>() {
        let bytes = obj.call_method0("tobytes")?;
        return Ok(Some(bytes.cast::<PyBytes>()?.as_bytes().to_vec()));
    }
    Ok(None)
}

/// How deep a payload may nest (serde_json's own parser stops at 128 too).
const MAX_DEPTH: usize = 128;

/// Converts a payload to JSON for core, naming the path of any value that has no JSON form.
///
/// `None` → null, `bool`, `int` (any size), `float` (its shortest round-trip text; NaN and
/// infinities have no JSON form), `Decimal` (its exact text), `str`, `list`/`tuple`, `dict` with
/// `str` keys; also `datetime.date`/`datetime` (their ISO text, which core then judges) and
/// `uuid.UUID` (its text).
pub fn to_json(obj: &Bound<'_, PyAny>) -> BindingResult<Value> {
    to_json_at(obj, "", 0)
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn field_name(path: &str) -> &str {
    if path.is_empty() { "payload" } else { path }
}

fn no_json_form(path: &str, what: &str) -> BindingError {
    BindingError::issue(
        IssueCode::InvalidType,
        field_name(path),
        format!("{} {what}", field_name(path)),
    )
}

/// A number's JSON form by core's rule (`a55_core::host`): exact, or its text when a JSON number
/// could not carry it exactly.
fn number(text: &str, path: &str) -> BindingResult<Value> {
    a55_core::host::json_from_decimal_text(text)
        .ok_or_else(|| no_json_form(path, "is not a finite number, so it has no JSON form"))
}

fn to_json_at(obj: &Bound<'_, PyAny>, path: &str, depth: usize) -> BindingResult<Value> {
    let py = obj.py();
    if depth > MAX_DEPTH {
        return Err(BindingError::issue(
            IssueCode::InvalidValue,
            field_name(path),
            format!("the payload nests deeper than {MAX_DEPTH} levels"),
        ));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(str_value(s, field_name(path))?));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        return number(&int_text(py, obj)?, path);
    }
    if obj.is_instance_of::<PyFloat>() {
        let f: f64 = obj.extract()?;
        return a55_core::host::json_from_f64(f)
            .ok_or_else(|| no_json_form(path, "is NaN or infinite, which has no JSON form"));
    }
    if obj.is_instance(decimal_type(py)?)? {
        return number(&obj.str()?.to_string(), path);
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let Ok(key) = k.cast::<PyString>() else {
                return Err(no_json_form(path, "has a key that is not a str"));
            };
            let key = str_value(key, field_name(path))?;
            let value = to_json_at(&v, &child(path, &key), depth + 1)?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            items.push(to_json_at(&item?, &format!("{path}[{i}]"), depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    if obj.is_instance(date_type(py)?)? {
        // A date (or a datetime, which core then refuses as INVALID_DATE) as ISO text.
        return Ok(Value::String(obj.call_method0("isoformat")?.extract()?));
    }
    if obj.is_instance(uuid_type(py)?)? {
        return Ok(Value::String(obj.str()?.to_string()));
    }
    let type_name = obj.get_type().name()?.to_string();
    Err(no_json_form(
        path,
        &format!("is a {type_name}, which has no JSON form"),
    ))
}
