//! `cargo xtask size`: how big lua.wasm is (raw and gzipped) and what takes the room:
//! its sections, and its largest functions (named from the build's `lua.names.wasm`).

use std::io::Write as _;

use anyhow::{Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;
use wasmparser::{BinaryReader, Name, NameSectionReader, Parser, Payload};

use crate::root;

const TOP_FUNCTIONS: usize = 25;

/// Names of the standard sections by id (13 is the exception-handling tag section).
const SECTION_NAMES: [&str; 14] = [
    "custom",
    "type",
    "import",
    "function",
    "table",
    "memory",
    "global",
    "export",
    "start",
    "element",
    "code",
    "data",
    "datacount",
    "tag",
];

pub fn run() -> Result<()> {
    let module_path = root().join("web/lua.wasm");
    let module =
        std::fs::read(&module_path).context("web/lua.wasm is missing: run `cargo xtask build`")?;
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(&module)?;
    let gzipped = gz.finish()?.len();
    println!(
        "web/lua.wasm: {} bytes raw, {gzipped} bytes gzipped (-9)\n",
        module.len()
    );

    println!("{:<24} {:>10} {:>7}", "section", "bytes", "share");
    for (name, size) in sections(&module)? {
        println!(
            "{name:<24} {size:>10} {:>6.1}%",
            100.0 * size as f64 / module.len() as f64
        );
    }

    let named = root().join("target/lua-wasm/lua.names.wasm");
    match std::fs::read(&named) {
        Ok(bytes) => {
            let mut functions = function_sizes(&bytes)?;
            functions.sort_by_key(|f| std::cmp::Reverse(f.1));
            let total: usize = functions.iter().map(|f| f.1).sum();
            println!(
                "\n{TOP_FUNCTIONS} largest of {} functions ({total} bytes of code):",
                functions.len()
            );
            for (name, size) in functions.iter().take(TOP_FUNCTIONS) {
                println!("{size:>8}  {name}");
            }
        }
        Err(_) => println!(
            "\n(no {}: run `cargo xtask build` for function sizes)",
            named.display()
        ),
    }
    Ok(())
}

/// Each section's name and size in bytes (custom sections by their own name).
fn sections(module: &[u8]) -> Result<Vec<(String, usize)>> {
    let mut out = Vec::new();
    for payload in Parser::new(0).parse_all(module) {
        let payload = payload?;
        let Some((id, range)) = payload.as_section() else {
            continue;
        };
        let name = match &payload {
            Payload::CustomSection(c) => format!("custom \"{}\"", c.name()),
            _ => SECTION_NAMES
                .get(id as usize)
                .map_or_else(|| format!("section {id}"), |n| n.to_string()),
        };
        out.push((name, range.len()));
    }
    Ok(out)
}

/// Every function body's size, with its name from the name section when present.
fn function_sizes(module: &[u8]) -> Result<Vec<(String, usize)>> {
    let mut imported = 0u32;
    let mut bodies = Vec::new();
    let mut names = std::collections::HashMap::new();
    for payload in Parser::new(0).parse_all(module) {
        match payload? {
            Payload::ImportSection(imports) => {
                for import in imports {
                    if matches!(import?.ty, wasmparser::TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len()),
            Payload::CustomSection(c) if c.name() == "name" => {
                let reader = NameSectionReader::new(BinaryReader::new(c.data(), c.data_offset()));
                for name in reader {
                    if let Name::Function(map) = name? {
                        for naming in map {
                            let naming = naming?;
                            names.insert(naming.index, naming.name.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok(bodies
        .into_iter()
        .enumerate()
        .map(|(i, size)| {
            let index = imported + i as u32;
            (
                names
                    .get(&index)
                    .cloned()
                    .unwrap_or_else(|| format!("function #{index}")),
                size,
            )
        })
        .collect())
}
