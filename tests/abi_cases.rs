//! The shared ABI cases of `tests/abi-cases/*.json` (code in, bytes out), through the Rust
//! host. The JavaScript hosts (`web/lua-wasm.js`, `examples/node`) and the Python host
//! (`examples/python`) run the same files; tests/abi-cases/README.md defines the format.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use lua_wasm::{Error, MemoryStore, TableStoreExt, Vm, VmOptions};
use lua_wasm_abi::value;
use serde_json::Value as Json;

use crate::support::engine;

/// What one step gave: output, warnings, and the encoded values or the error.
struct Outcome {
    output: Vec<u8>,
    stderr: Vec<u8>,
    result: Result<Vec<u8>, (&'static str, String)>,
}

fn unhex(text: &str) -> Vec<u8> {
    let clean: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    clean
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap())
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn code(step: &Json) -> String {
    match &step["code"] {
        Json::Array(lines) => lines
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect::<Vec<_>>()
            .join("\n"),
        Json::String(s) => s.clone(),
        _ => String::new(),
    }
}

fn new_vm(store: &Arc<MemoryStore>, options: &Json) -> Vm {
    let mut vm_options = VmOptions::default();
    if let Some(budget) = options["budget"].as_u64() {
        vm_options = vm_options.instruction_budget(Some(budget));
    }
    Vm::with_options(engine(), store.clone(), vm_options).expect("a VM starts")
}

/// Runs one step through the library's `Vm::run`, re-encoding the decoded values (the
/// encoding is canonical: decoding and encoding again gives the guest's bytes).
fn step(vm: &mut Vm, code: &str) -> Outcome {
    match vm.run(code) {
        Ok(evaluated) => {
            let mut bytes = Vec::new();
            for v in &evaluated.values {
                value::encode(v, &mut bytes);
            }
            Outcome {
                output: evaluated.output,
                stderr: evaluated.stderr,
                result: Ok(bytes),
            }
        }
        Err(e) => {
            let (output, stderr) = vm.take_channel_output();
            let error = match &e {
                Error::Syntax { message } => ("syntax", message.clone()),
                Error::Runtime { .. } => ("runtime", e.lua_message().unwrap_or_default()),
                Error::OutOfMemory { .. } => ("memory", "not enough memory".into()),
                Error::BudgetExhausted { message, .. } => ("budget", message.clone()),
                Error::ResultTooLarge { message } => ("abi", message.clone()),
                other => panic!("not an error the guest reports: {other}"),
            };
            Outcome {
                output,
                stderr,
                result: Err(error),
            }
        }
    }
}

fn dump(store: &MemoryStore, table: u32) -> BTreeMap<String, String> {
    store
        .keys(table)
        .unwrap()
        .into_iter()
        .map(|k| {
            let v = store.get(table, &k).unwrap().unwrap();
            (
                String::from_utf8(k).expect("stored keys are UTF-8"),
                hex(&v),
            )
        })
        .collect()
}

/// Runs one case; returns a description of every expectation it missed.
fn run_case(case: &Json) -> Vec<String> {
    let mut failures = Vec::new();
    let store = Arc::new(MemoryStore::new());
    if let Some(given) = case["given"].as_object() {
        for (table, entries) in given {
            for (key, value) in entries.as_object().unwrap() {
                let table: u32 = table.parse().unwrap();
                store
                    .set(table, key.as_bytes(), &unhex(value.as_str().unwrap()))
                    .unwrap();
            }
        }
    }
    let options = &case["options"];
    let mut vm = new_vm(&store, options);
    let steps = match case["steps"].as_array() {
        Some(steps) => steps.clone(),
        None => vec![case.clone()],
    };
    for (i, s) in steps.iter().enumerate() {
        let code = code(s);
        let mut miss = |what: &str, expected: String, actual: String| {
            if expected != actual {
                failures.push(format!(
                    "step {} ({code:?}): {what}\n  expected: {expected}\n  actual:   {actual}",
                    i + 1
                ));
            }
        };
        if s["new_vm"].as_bool() == Some(true) {
            vm = new_vm(&store, options);
        }
        let got = step(&mut vm, &code);
        match (s["error"].as_str(), &got.result) {
            (Some(kind), Err((got_kind, message))) => {
                miss("error kind", kind.into(), got_kind.to_string());
                miss(
                    "error message",
                    s["message"].as_str().unwrap_or_default().into(),
                    message.clone(),
                );
            }
            (Some(kind), Ok(values)) => miss(
                "outcome",
                format!("error {kind}"),
                format!("values {}", hex(values)),
            ),
            (None, Err((kind, message))) => miss(
                "outcome",
                "success".into(),
                format!("{kind} error: {message}"),
            ),
            (None, Ok(values)) => miss(
                "values",
                hex(&unhex(s["values"].as_str().unwrap_or_default())),
                hex(values),
            ),
        }
        let output = String::from_utf8_lossy(&got.output).into_owned();
        match s["output_length"].as_u64() {
            Some(len) => {
                miss(
                    "output length",
                    len.to_string(),
                    got.output.len().to_string(),
                );
                let end = s["output_end"].as_str().unwrap_or_default();
                miss(
                    "output end",
                    end.into(),
                    output
                        .get(output.len().saturating_sub(end.len())..)
                        .unwrap_or(&output)
                        .into(),
                );
            }
            None => miss(
                "output",
                s["output"].as_str().unwrap_or_default().into(),
                output,
            ),
        }
        miss(
            "stderr",
            s["stderr"].as_str().unwrap_or_default().into(),
            String::from_utf8_lossy(&got.stderr).into_owned(),
        );
        for (table, expected) in s["store"].as_object().into_iter().flatten() {
            let expected: BTreeMap<String, String> = expected
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), hex(&unhex(v.as_str().unwrap()))))
                .collect();
            let actual = dump(&store, table.parse().unwrap());
            miss(
                &format!("table {table}"),
                format!("{expected:?}"),
                format!("{actual:?}"),
            );
        }
    }
    failures
}

#[test]
fn every_abi_case_gives_the_documented_bytes_through_the_rust_host() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/abi-cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let (mut ran, mut failed) = (0, Vec::new());
    for file in &files {
        let doc: Json = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for case in doc["cases"].as_array().unwrap() {
            ran += 1;
            let failures = run_case(case);
            if !failures.is_empty() {
                failed.push(format!(
                    "{}: {}\n{}",
                    file.file_name().unwrap().to_string_lossy(),
                    case["name"].as_str().unwrap_or("?"),
                    failures.join("\n")
                ));
            }
        }
    }
    assert!(ran >= 40, "only {ran} cases found in {}", dir.display());
    assert!(
        failed.is_empty(),
        "{} of {ran} ABI cases failed:\n\n{}",
        failed.len(),
        failed.join("\n\n")
    );
}
