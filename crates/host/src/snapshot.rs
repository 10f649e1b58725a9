//! Pre-initialization: lua.wasm with `init` already done.
//!
//! Creating a Lua state and opening its libraries costs far more than instantiating the
//! module (about 80 µs against 15 µs), and it is the same work for every VM. So when an
//! [`Engine`](crate::Engine) is made, it runs `init` once and bakes the result into a new
//! module, the way wizer pre-initializes modules:
//!
//! 1. a *probe* module, lua.wasm plus an export for each mutable global, is instantiated
//!    and its `init` called, with a clock that reads 0 and no entropy, so the result is
//!    the same every time (and wasmtime's disk cache keeps serving it);
//! 2. the *pre-initialized* module is lua.wasm with the probe's memory (size and bytes)
//!    as its data segments and the probe's global values as its global initializers.
//!
//! Instantiating it maps that memory image copy-on-write; `init` then finds its state and
//! returns at once. What a fresh state would differ in is re-made per VM by the guest: its
//! `math.random` seed comes from the host's entropy before the first chunk (docs/ABI.md,
//! "Host services"). Lua's string-hash seed stays the image's, the same in every VM.
//!
//! **Invariant:** the pre-initialized module has exactly lua.wasm's imports, exports,
//! functions and tables; only its memory's initial contents and size and its globals'
//! initial values differ. Anything this module cannot reproduce faithfully (passive data
//! segments, globals that are not numbers, several memories) makes
//! [`preinitialize`] decline, and the engine uses lua.wasm as it is.

use std::borrow::Cow;

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasmparser::{Parser, Payload};
use wasmtime::{Linker, Module, Store, Val};

use crate::imports::HostState;

/// Prefix of the probe's extra exports; the rest of the name is the global's index.
const GLOBAL_EXPORT_PREFIX: &str = "lua-wasm-snapshot-global-";

/// Bytes of zeros shorter than this between two non-zero runs of memory are kept inside
/// one data segment: a segment's header costs about as much.
const SEGMENT_GAP: usize = 32;

/// The longest the probe's `init` may run (the engine's ticker must be running).
const PROBE_DEADLINE: std::time::Duration = std::time::Duration::from_secs(1);

/// Why a module could not be pre-initialized (the engine then runs `init` per VM).
#[derive(Debug)]
pub(crate) struct Declined(pub String);

fn declined(why: impl std::fmt::Display) -> Declined {
    Declined(why.to_string())
}

/// Returns `wasm` pre-initialized: `init` run, its memory and globals as initial state.
pub(crate) fn preinitialize(
    engine: &wasmtime::Engine,
    linker: &Linker<HostState>,
    wasm: &[u8],
) -> Result<Vec<u8>, Declined> {
    let shape = Shape::read(wasm)?;
    let probe = Module::new(engine, rewrite(wasm, &shape, None)?).map_err(declined)?;
    let mut store = Store::new(engine, HostState::for_snapshot());
    // lua.wasm's `init` takes well under a millisecond; a module whose `init` does not
    // return within PROBE_DEADLINE is not pre-initialized (its VMs then meet their own
    // deadline in `init`).
    store.set_epoch_deadline((PROBE_DEADLINE.as_nanos() / crate::engine::TICK.as_nanos()) as u64);
    let instance = linker.instantiate(&mut store, &probe).map_err(declined)?;
    let memory = instance
        .get_memory(&mut store, "memory")
        .ok_or_else(|| declined("no exported memory"))?;
    store.data_mut().memory = Some(memory);
    let init = instance
        .get_typed_func::<(), i32>(&mut store, "init")
        .map_err(declined)?;
    if init.call(&mut store, ()).map_err(declined)? != 0 {
        return Err(declined("init() failed"));
    }
    let mut globals = Vec::with_capacity(shape.mutable_globals.len());
    for &index in &shape.mutable_globals {
        let name = format!("{GLOBAL_EXPORT_PREFIX}{index}");
        let global = instance
            .get_global(&mut store, &name)
            .ok_or_else(|| declined("probe lacks a global export"))?;
        globals.push((index, global.get(&mut store)));
    }
    let image = Image {
        pages: memory.size(&store),
        bytes: memory.data(&store),
        globals,
    };
    rewrite(wasm, &shape, Some(&image))
}

/// What pre-initialization needs to know of the module before running it.
struct Shape {
    /// Indices (in the global index space) of the mutable globals the module defines.
    mutable_globals: Vec<u32>,
}

impl Shape {
    fn read(wasm: &[u8]) -> Result<Shape, Declined> {
        let mut imported_globals = 0;
        let mut mutable_globals = Vec::new();
        let mut memories = 0;
        for payload in Parser::new(0).parse_all(wasm) {
            match payload.map_err(declined)? {
                Payload::ImportSection(imports) => {
                    for import in imports.into_imports() {
                        match import.map_err(declined)?.ty {
                            wasmparser::TypeRef::Global(_) => imported_globals += 1,
                            wasmparser::TypeRef::Memory(_) => {
                                return Err(declined("imports its memory"))
                            }
                            _ => {}
                        }
                    }
                }
                Payload::MemorySection(section) => memories += section.count(),
                Payload::GlobalSection(section) => {
                    for (i, global) in section.into_iter().enumerate() {
                        if global.map_err(declined)?.ty.mutable {
                            mutable_globals.push(imported_globals + i as u32);
                        }
                    }
                }
                Payload::DataSection(section) => {
                    for data in section {
                        if let wasmparser::DataKind::Passive = data.map_err(declined)?.kind {
                            return Err(declined("has passive data segments"));
                        }
                    }
                }
                Payload::StartSection { .. } => return Err(declined("has a start function")),
                _ => {}
            }
        }
        if memories != 1 {
            return Err(declined("does not define exactly one memory"));
        }
        Ok(Shape { mutable_globals })
    }
}

/// The state `init` left: memory size and contents, and the mutable globals' values.
struct Image<'a> {
    pages: u64,
    bytes: &'a [u8],
    globals: Vec<(u32, Val)>,
}

/// Re-encodes `wasm`: without an image, as the probe (mutable globals exported); with
/// one, as the pre-initialized module. Sections not named here are copied byte for byte.
fn rewrite(wasm: &[u8], shape: &Shape, image: Option<&Image<'_>>) -> Result<Vec<u8>, Declined> {
    let mut out = wasm_encoder::Module::new();
    let mut re = RoundtripReencoder;
    let mut imported_globals = 0u32;
    let mut segments = None;
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(declined)?;
        match (&payload, image) {
            (Payload::ImportSection(imports), _) => {
                for import in imports.clone().into_imports() {
                    if let wasmparser::TypeRef::Global(_) = import.map_err(declined)?.ty {
                        imported_globals += 1;
                    }
                }
                copy_raw(&mut out, &payload, wasm);
            }
            (Payload::ExportSection(exports), None) => {
                let mut section = wasm_encoder::ExportSection::new();
                re.parse_export_section(&mut section, exports.clone())
                    .map_err(declined)?;
                for &index in &shape.mutable_globals {
                    let name = format!("{GLOBAL_EXPORT_PREFIX}{index}");
                    section.export(&name, wasm_encoder::ExportKind::Global, index);
                }
                out.section(&section);
            }
            (Payload::MemorySection(memories), Some(image)) => {
                let mut section = wasm_encoder::MemorySection::new();
                for memory in memories.clone() {
                    let mut ty = re
                        .memory_type(memory.map_err(declined)?)
                        .map_err(declined)?;
                    ty.minimum = image.pages;
                    section.memory(ty);
                }
                out.section(&section);
            }
            (Payload::GlobalSection(globals), Some(image)) => {
                let mut section = wasm_encoder::GlobalSection::new();
                for (i, global) in globals.clone().into_iter().enumerate() {
                    let global = global.map_err(declined)?;
                    let index = imported_globals + i as u32;
                    let init = match image.globals.iter().find(|(g, _)| *g == index) {
                        Some((_, value)) => const_of(value)?,
                        None => re.const_expr(global.init_expr).map_err(declined)?,
                    };
                    section.global(re.global_type(global.ty).map_err(declined)?, &init);
                }
                out.section(&section);
            }
            (Payload::DataCountSection { .. }, Some(image)) => {
                let data = data_segments(image.bytes);
                out.section(&wasm_encoder::DataCountSection { count: data.len() });
                segments = Some(data);
            }
            (Payload::DataSection(_), Some(image)) => {
                let data = segments
                    .take()
                    .unwrap_or_else(|| data_segments(image.bytes));
                out.section(&data);
            }
            (Payload::Version { .. } | Payload::End(_), _) => {}
            _ => copy_raw(&mut out, &payload, wasm),
        }
    }
    Ok(out.finish())
}

/// Copies a section as it is (custom sections and the code section included).
fn copy_raw(out: &mut wasm_encoder::Module, payload: &Payload<'_>, wasm: &[u8]) {
    if let Some((id, range)) = payload.as_section() {
        out.section(&wasm_encoder::RawSection {
            id,
            data: &wasm[range],
        });
    }
}

/// A constant expression for a global's captured value.
fn const_of(value: &Val) -> Result<wasm_encoder::ConstExpr, Declined> {
    Ok(match value {
        Val::I32(v) => wasm_encoder::ConstExpr::i32_const(*v),
        Val::I64(v) => wasm_encoder::ConstExpr::i64_const(*v),
        Val::F32(bits) => wasm_encoder::ConstExpr::f32_const(f32::from_bits(*bits).into()),
        Val::F64(bits) => wasm_encoder::ConstExpr::f64_const(f64::from_bits(*bits).into()),
        _ => return Err(declined("has a mutable global that is not a number")),
    })
}

/// Active data segments that write every non-zero byte of `memory` (the rest of a new
/// memory is zero already).
fn data_segments(memory: &[u8]) -> wasm_encoder::DataSection {
    let mut section = wasm_encoder::DataSection::new();
    for (start, end) in non_zero_runs(memory, SEGMENT_GAP) {
        section.active(
            0,
            &wasm_encoder::ConstExpr::i32_const(start as u32 as i32),
            memory[start..end].iter().copied(),
        );
    }
    section
}

/// The ranges of `bytes` that hold non-zero bytes, joining runs less than `gap` apart.
fn non_zero_runs(bytes: &[u8], gap: usize) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b != 0) {
        let start = i + offset;
        let len = bytes[start..]
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(bytes.len() - start);
        let end = start + len;
        match runs.last_mut() {
            Some(last) if start - last.1 < gap => last.1 = end,
            _ => runs.push((start, end)),
        }
        i = end;
    }
    runs
}

/// The module a [`Engine`](crate::Engine) instantiates, and whether it is pre-initialized.
pub(crate) fn module_bytes<'a>(
    engine: &wasmtime::Engine,
    linker: &Linker<HostState>,
    wasm: &'a [u8],
) -> (Cow<'a, [u8]>, Option<Declined>) {
    match preinitialize(engine, linker, wasm) {
        Ok(bytes) => (Cow::Owned(bytes), None),
        Err(why) => (Cow::Borrowed(wasm), Some(why)),
    }
}

#[cfg(test)]
mod tests {
    use super::non_zero_runs;

    #[test]
    fn runs_of_non_zero_bytes_are_found_and_close_ones_joined() {
        let bytes = [0, 1, 2, 0, 0, 3, 0, 0, 0, 0, 0, 0, 4, 0];
        assert_eq!(non_zero_runs(&bytes, 3), vec![(1, 6), (12, 13)]);
        assert_eq!(non_zero_runs(&bytes, 1), vec![(1, 3), (5, 6), (12, 13)]);
        assert_eq!(non_zero_runs(&[0; 8], 4), vec![]);
        assert_eq!(non_zero_runs(&[7; 3], 4), vec![(0, 3)]);
    }
}
