//! The emulator's source layout: no file over 600 lines, and no two modules that import each
//! other, directly or around a circle (among `src/`'s top-level modules, and among the files of each
//! module directory such as `src/api/`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 600;

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Expands one `use` tree (`crate::{a, b::{c, d}}`) into its paths.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.to_string()];
    };
    let close = tree.rfind('}').unwrap();
    let prefix = &tree[..open];
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, open + 1);
    for (i, ch) in tree.char_indices().take(close).skip(open + 1) {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&tree[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&tree[start..close]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(&format!("{prefix}{}", p.trim())))
        .collect()
}

/// The paths a file refers to: its `use` trees, expanded, and the `crate::`/`super::` paths written
/// inline.
fn paths(text: &str) -> Vec<String> {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("use ") {
        let is_word = at == 0 || !rest.as_bytes()[at - 1].is_ascii_alphanumeric();
        let after = &rest[at + 4..];
        let end = after.find(';').unwrap_or(after.len());
        if is_word {
            out.extend(expand(&after[..end].split_whitespace().collect::<String>()));
        }
        rest = &after[end.min(after.len())..];
    }
    for prefix in ["crate::", "super::"] {
        let mut rest = code.as_str();
        while let Some(at) = rest.find(prefix) {
            let tail: String = rest[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(tail);
            rest = &rest[at + prefix.len()..];
        }
    }
    out
}

/// The module a file is: `["api"]` for `src/api/mod.rs`, `["api", "charges"]` for
/// `src/api/charges.rs`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(2) => return None,
            Some(1) => {
                let from = stack.iter().position(|n| n == node).unwrap();
                let mut cycle = stack[from..].to_vec();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(node.to_string(), 1);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if let Some(c) = visit(node, graph, &mut state, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_file_is_over_600_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = rust_files(&root.join("src"));
    files.extend(rust_files(&root.join("tests")));
    files.extend(rust_files(&root.join("benches")));
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = fs::read_to_string(f).unwrap().lines().count();
            (n > MAX_LINES).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines: {long:?}");
}

#[test]
fn no_module_imports_another_that_imports_it() {
    let src = src_dir();
    // Top-level modules, and the files of each module directory.
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut inner: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let files = rust_files(&src);
    let siblings = |dir: &str| -> BTreeSet<String> {
        files
            .iter()
            .map(|f| module_of(&src, f))
            .filter(|m| m.len() == 2 && m[0] == dir)
            .map(|m| m[1].clone())
            .collect()
    };
    for file in &files {
        let module = module_of(&src, file);
        let Some(own) = module.first().cloned() else {
            continue; // lib.rs declares the modules; it is not one of them.
        };
        let text = fs::read_to_string(file).unwrap();
        let refs = paths(&text);
        let entry = top.entry(own.clone()).or_default();
        for r in &refs {
            if let Some(rest) = r.strip_prefix("crate::") {
                let target = rest.split("::").next().unwrap_or_default();
                if !target.is_empty() && target != own {
                    entry.insert(target.to_string());
                }
            }
        }
        if module.len() == 2 {
            let sibs = siblings(&own);
            let edges = inner
                .entry(own.clone())
                .or_default()
                .entry(module[1].clone())
                .or_default();
            for r in &refs {
                if let Some(rest) = r.strip_prefix("super::") {
                    let target = rest.split("::").next().unwrap_or_default();
                    if sibs.contains(target) && target != module[1] {
                        edges.insert(target.to_string());
                    }
                }
            }
        }
    }
    assert!(top.contains_key("api") && top["api"].contains("app"));
    if let Some(cycle) = find_cycle(&top) {
        panic!("modules of src/ import each other: {}", cycle.join(" -> "));
    }
    for (dir, graph) in &inner {
        if let Some(cycle) = find_cycle(graph) {
            panic!(
                "files of src/{dir}/ import each other: {}",
                cycle.join(" -> ")
            );
        }
    }
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(str::to_string).collect()))
    .collect();
    assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    assert_eq!(
        expand("crate::{app::{A, B}, json::reply}"),
        ["crate::app::A", "crate::app::B", "crate::json::reply"]
    );
    let refs = paths("use super::{auth::x, text};\nlet y = crate::lifecycle::f();");
    assert!(refs.contains(&"super::auth::x".to_string()));
    assert!(refs.contains(&"crate::lifecycle::f".to_string()));
}
