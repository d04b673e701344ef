//! A result's data (core's host shape, `serde_json::Value`) as an instance of its model class
//! (`a55.Charge`, …), read by core's field lists: amounts become `Decimal`, dates `datetime.date`,
//! enum texts members of the open enums (an unknown text kept), nested models their classes.
//!
//! Instances are made without running `__init__`: `object.__new__(cls)`, then the field values set
//! as the instance's `__dict__` in one call.

use a55_core::models::schema::{EnumSchema, FieldKind, MODELS, ModelSchema};
use a55_core::schedule::parse_date;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};
use serde_json::Value;

use crate::convert::py_date;

/// The classes, looked up once: one per model (in `MODELS` order) and per enum (with its
/// value → member map).
struct Classes {
    models: Vec<Py<PyAny>>,
    enums: Vec<(Py<PyAny>, Py<PyDict>)>,
    object_new: Py<PyAny>,
    object_setattr: Py<PyAny>,
    decimal: Py<PyAny>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

fn classes(py: Python<'_>) -> PyResult<&Classes> {
    CLASSES.get_or_try_init(py, || {
        let models_mod = py.import("a55._models")?;
        let enums_mod = py.import("a55._enums")?;
        let models = MODELS
            .iter()
            .map(|m| Ok(models_mod.getattr(m.name)?.unbind()))
            .collect::<PyResult<Vec<_>>>()?;
        let enums = EnumSchema::ALL
            .iter()
            .map(|e| {
                let cls = enums_mod.getattr(e.name())?;
                let map = cls.getattr("_value2member_map_")?.cast_into::<PyDict>()?;
                Ok((cls.unbind(), map.unbind()))
            })
            .collect::<PyResult<Vec<_>>>()?;
        let object = py.import("builtins")?.getattr("object")?;
        Ok(Classes {
            models,
            enums,
            object_new: object.getattr("__new__")?.unbind(),
            object_setattr: object.getattr("__setattr__")?.unbind(),
            decimal: py.import("decimal")?.getattr("Decimal")?.unbind(),
        })
    })
}

fn model_index(name: &str) -> PyResult<usize> {
    MODELS
        .iter()
        .position(|m| m.name == name)
        .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err(format!("no model named {name}")))
}

/// The model `name` built from its host-shape JSON.
pub fn model<'py>(py: Python<'py>, name: &str, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    let c = classes(py)?;
    build(py, c, model_index(name)?, value)
}

fn build<'py>(
    py: Python<'py>,
    c: &Classes,
    index: usize,
    value: &Value,
) -> PyResult<Bound<'py, PyAny>> {
    let schema: &ModelSchema = &MODELS[index];
    let cls = c.models[index].bind(py);
    let state = PyDict::new(py);
    for field in schema.fields {
        let v = value.get(field.name).unwrap_or(&Value::Null);
        state.set_item(field.name, field_value(py, c, field.kind, v)?)?;
    }
    let obj = c.object_new.bind(py).call1((cls,))?;
    c.object_setattr
        .bind(py)
        .call1((&obj, pyo3::intern!(py, "__dict__"), state))?;
    Ok(obj)
}

fn field_value<'py>(
    py: Python<'py>,
    c: &Classes,
    kind: FieldKind,
    v: &Value,
) -> PyResult<Bound<'py, PyAny>> {
    let none = || Ok(py.None().into_bound(py));
    match kind {
        FieldKind::Models(_) | FieldKind::Texts if v.is_null() => Ok(PyList::empty(py).into_any()),
        _ if v.is_null() => none(),
        FieldKind::Text | FieldKind::Secret => match v.as_str() {
            Some(s) => Ok(s.into_pyobject(py)?.into_any()),
            None => none(),
        },
        FieldKind::Amount => match v.as_str() {
            Some(s) => c.decimal.bind(py).call1((s,)),
            None => none(),
        },
        FieldKind::Date => match v.as_str().and_then(|s| parse_date(s, "date").ok()) {
            Some(d) => py_date(py, d),
            None => none(),
        },
        FieldKind::Count => match v.as_u64() {
            Some(n) => Ok(n.into_pyobject(py)?.into_any()),
            None => none(),
        },
        FieldKind::Enum(e) => match v.as_str() {
            Some(s) => {
                let at = EnumSchema::ALL.iter().position(|x| *x == e).unwrap_or(0);
                let (cls, members) = &c.enums[at];
                match members.bind(py).get_item(s)? {
                    Some(member) => Ok(member),
                    None => cls.bind(py).call1((s,)),
                }
            }
            None => none(),
        },
        FieldKind::Model(name) => build(py, c, model_index(name)?, v),
        FieldKind::Models(name) => {
            let index = model_index(name)?;
            let list = PyList::empty(py);
            for item in v.as_array().into_iter().flatten() {
                list.append(build(py, c, index, item)?)?;
            }
            Ok(list.into_any())
        }
        FieldKind::Texts => {
            let list = PyList::empty(py);
            for item in v.as_array().into_iter().flatten() {
                if let Some(s) = item.as_str() {
                    list.append(s)?;
                }
            }
            Ok(list.into_any())
        }
    }
}
