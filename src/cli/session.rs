//! A session: one VM that runs the user's code the way lua.c runs it, through a small loader
//! installed in the guest.
//!
//! lua.wasm takes code only as `compute` calls of at most 64 KiB, named like `load(code)`
//! names them. So the command never sends the user's code as a chunk: it sends a call to
//! the loader (the Lua text [`LOADER`]) with the code as a string literal, and the loader
//! compiles it with lua.c's chunk names (`=(command line)`, `@script.lua`, `=stdin`), runs
//! it, and prints its values with the guest's own `print`. Code whose literal does not fit
//! in one call is sent first in pieces (`__lua_wasm.add`) and joined in the guest.
//!
//! Every call the command sends starts with the line `--lua-wasm`, so every frame of the
//! loader in a traceback reads `[string "--lua-wasm..."]`: those lines are dropped before
//! a traceback is shown, leaving what lua.c would show.

use std::io::Write as _;
use std::sync::Arc;

use lua_wasm::lua_literal::write_literal;
use lua_wasm::{Engine, Error, TableStore, Value, Vm, VmOptions};
use lua_wasm_abi::BUFFER_SIZE;

/// The first line of every call the command sends, and so the start of their chunk names.
const MARK: &str = "--lua-wasm\n";

/// How the loader's frames appear in tracebacks.
const LOADER_FRAME: &str = "[string \"--lua-wasm";

/// How a call to the loader starts and ends: not as a tail call (`return f()`), which
/// would show in tracebacks as `(...tail calls...)`.
const CALL: &str = "local kind, message = __lua_wasm.";
const RETURN: &str = " return kind, message";

/// The loader, installed once in each fresh instance. It keeps its own references to the
/// library functions it uses, so a script that replaces `load` or `table` does not break
/// the command; it returns nothing when the code ran, `"syntax", message` when it did not
/// compile, and `"incomplete", message` when a REPL entry ends too early.
const LOADER: &str = r#"--lua-wasm
-- The lua-wasm command's loader (src/cli/session.rs).
local load, select, pcall, error, tostring, type = load, select, pcall, error, tostring, type
local concat, unpack, sub = table.concat, table.unpack, string.sub
local parts = {}
local C = {}

-- Appends a piece of a string too large for one call; `fresh` starts a new string.
function C.add(piece, fresh)
  if fresh then parts = {} end
  parts[#parts + 1] = piece
end

-- The string made of the pieces added so far.
function C.take()
  local s = concat(parts)
  parts = {}
  return s
end

-- The user's chunk is called as `anonymous(f)()`: a function with no name in the code
-- that calls it, so tracebacks call its frame "main chunk", as lua.c's do.
local function anonymous(f) return f end

-- Prints a chunk's values as lua.c's REPL does: with the global print, nils kept.
local function show(...)
  if select('#', ...) > 0 then
    local ok, err = pcall(print, ...)
    if not ok then error("error calling 'print' (" .. tostring(err) .. ")", 0) end
  end
end

-- A -e chunk: runs it and prints what it returns.
function C.chunk(src, name)
  local f, err = load(src, name, "t")
  if not f then return "syntax", err end
  show(anonymous(f)())
end

-- A script: runs it with the contents of `arg` as its arguments; its values are dropped.
function C.script(src, name)
  local f, err = load(src, name, "t")
  if not f then return "syntax", err end
  local args = arg
  if type(args) ~= "table" then error("'arg' is not a table", 0) end
  anonymous(f)(unpack(args, 1, #args))
end

-- A REPL entry: on its first line as an expression (`1 + 1`), else as statements;
-- "incomplete" when the message ends at <eof> (more lines may complete it).
function C.line(src, first)
  local f, err
  if first then f = load("return " .. src .. ";", "=stdin", "t") end
  if not f then
    f, err = load(src, "=stdin", "t")
    if not f then
      if sub(err, -5) == "<eof>" then return "incomplete", err end
      return "syntax", err
    end
  end
  show(anonymous(f)())
end

__lua_wasm = C
"#;

/// The most bytes sent in one `__lua_wasm.add` call: a byte's escape is at most 4
/// characters (`\255`), so the call stays well inside the 64 KiB a call may have.
const PIECE: usize = 15 * 1024;

/// Room left in a call for the code's literal, beside the call's own text.
const CALL_ROOM: usize = BUFFER_SIZE - 256;

/// Why a chunk did not run to its end.
#[derive(Debug)]
pub enum Failure {
    /// The code did not compile: Lua's message.
    Syntax(String),
    /// The code failed while running, or met a limit.
    Lua(Error),
}

/// What a REPL entry did.
#[derive(Debug, PartialEq)]
pub enum Entry {
    /// It ran (its values, if any, were printed).
    Done,
    /// It ends too early: more lines may complete it. The message says where it stopped.
    Incomplete(String),
}

/// One VM with the loader installed, over the user's `_home`.
pub struct Session {
    vm: Vm,
    /// The loader and `arg` are in the current instance. False at first, and again after a
    /// timeout, which replaces the instance.
    ready: bool,
    /// The `arg` table to install: (index, value).
    arg: Vec<(i64, Vec<u8>)>,
    /// `-W`: warnings on from the start.
    warnings: bool,
}

impl Session {
    /// Starts a VM whose printed output goes straight to standard output.
    pub fn new(
        engine: &Engine,
        home: Arc<dyn TableStore>,
        options: VmOptions,
        arg: Vec<(i64, Vec<u8>)>,
        warnings: bool,
    ) -> Result<Session, Error> {
        let mut vm = Vm::with_options(engine, home, options)?;
        vm.set_output(|bytes| {
            let mut out = std::io::stdout().lock();
            let written = out.write_all(bytes).and_then(|()| out.flush());
            if written.is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
                // The reader is gone (`lua-wasm x.lua | head -1`): stop quietly, as lua
                // does when SIGPIPE ends it, rather than run on printing into nothing.
                std::process::exit(0);
            }
        });
        Ok(Session {
            vm,
            ready: false,
            arg,
            warnings,
        })
    }

    /// Runs a `-e` chunk and prints its values.
    pub fn run_chunk(&mut self, code: &[u8]) -> Result<(), Failure> {
        self.run_loader("chunk", code, b"=(command line)")
            .and_then(no_incomplete)
    }

    /// Runs a script, named `@path` (or `=stdin`), with `arg`'s contents as `...`.
    pub fn run_script(&mut self, code: &[u8], chunkname: &[u8]) -> Result<(), Failure> {
        self.run_loader("script", code, chunkname)
            .and_then(no_incomplete)
    }

    /// Runs a REPL entry: `first` when it is one line, to try it as an expression first.
    pub fn run_entry(&mut self, code: &[u8], first: bool) -> Result<Entry, Failure> {
        self.ensure_ready()?;
        let src = self.source(code, CALL_ROOM)?;
        self.answer(&format!("{MARK}{CALL}line({src}, {first}){RETURN}"))
    }

    /// Sends `__lua_wasm.<function>(code, chunkname)`.
    fn run_loader(
        &mut self,
        function: &str,
        code: &[u8],
        chunkname: &[u8],
    ) -> Result<Entry, Failure> {
        self.ensure_ready()?;
        let name = literal(chunkname);
        let src = self.source(code, CALL_ROOM.saturating_sub(name.len()))?;
        self.answer(&format!("{MARK}{CALL}{function}({src}, {name}){RETURN}"))
    }

    /// Runs a loader call and reads its answer.
    fn answer(&mut self, call: &str) -> Result<Entry, Failure> {
        let values = self.exec(call)?;
        match values.as_slice() {
            [Value::String(kind), Value::String(message)] => {
                let message = String::from_utf8_lossy(message).into_owned();
                match kind.as_slice() {
                    b"incomplete" => Ok(Entry::Incomplete(message)),
                    _ => Err(Failure::Syntax(message)),
                }
            }
            _ => Ok(Entry::Done),
        }
    }

    /// A Lua expression for `bytes` to put in a call: its literal when that is at most
    /// `room` long, else `__lua_wasm.take()` after sending the literal in pieces.
    fn source(&mut self, bytes: &[u8], room: usize) -> Result<String, Failure> {
        let whole = literal(bytes);
        if whole.len() <= room {
            return Ok(whole);
        }
        for (i, piece) in bytes.chunks(PIECE).enumerate() {
            let (piece, fresh) = (literal(piece), i == 0);
            self.exec(&format!("{MARK}__lua_wasm.add({piece}, {fresh})"))?;
        }
        Ok("__lua_wasm.take()".into())
    }

    /// Installs the loader, turns warnings on if asked, and sets `arg`, in a fresh instance.
    fn ensure_ready(&mut self) -> Result<(), Failure> {
        if self.ready {
            return Ok(());
        }
        self.exec(LOADER)?;
        if self.warnings {
            self.exec(&format!("{MARK}warn('@on')"))?;
        }
        let mut batch = format!("{MARK}arg = {{}}\n");
        for (index, value) in self.arg.clone() {
            let mut value_literal = literal(&value);
            if value_literal.len() > CALL_ROOM {
                // Too large for a call of its own: the pieces go first, so what was
                // batched so far must run before them.
                self.exec(&std::mem::replace(&mut batch, MARK.to_string()))?;
                value_literal = self.source(&value, CALL_ROOM)?;
            }
            let statement = format!("arg[{index}] = {value_literal}\n");
            if batch.len() + statement.len() > CALL_ROOM {
                self.exec(&std::mem::replace(&mut batch, MARK.to_string()))?;
            }
            batch.push_str(&statement);
        }
        self.exec(&batch)?;
        self.ready = true;
        Ok(())
    }

    /// Runs one call; passes on what it wrote to standard error (warnings), and notes when
    /// the instance was replaced (its loader is gone).
    fn exec(&mut self, code: &str) -> Result<Vec<Value>, Failure> {
        let result = self.vm.run(code);
        let (stdout, stderr) = match &result {
            Ok(done) => (done.output.clone(), done.stderr.clone()),
            Err(_) => self.vm.take_channel_output(),
        };
        // With an output sink both are normally empty here but stderr; write what is left.
        let _ = std::io::stdout().lock().write_all(&stdout);
        let _ = std::io::stderr().lock().write_all(&stderr);
        match result {
            Ok(done) => Ok(done.values),
            Err(e) => {
                if matches!(e, Error::Timeout { vm_reset: true, .. } | Error::Module(_)) {
                    self.ready = false;
                }
                Err(Failure::Lua(e))
            }
        }
    }
}

/// `bytes` as a Lua string literal (printable ASCII as is, other bytes escaped).
fn literal(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    // Only tables, references and opaque values can lack a literal, never a string.
    let _ = write_literal(&Value::String(bytes.to_vec()), &mut out);
    out
}

/// Only REPL entries can be incomplete; elsewhere an entry that ends early is a syntax error.
fn no_incomplete(entry: Entry) -> Result<(), Failure> {
    match entry {
        Entry::Done => Ok(()),
        Entry::Incomplete(message) => Err(Failure::Syntax(message)),
    }
}

impl Failure {
    /// The text to show the user: Lua's message and traceback as lua.c shows them, or
    /// what a limit was and which option raises it.
    pub fn describe(&self) -> String {
        match self {
            Failure::Syntax(message) => message.clone(),
            Failure::Lua(Error::Runtime {
                message, traceback, ..
            }) => without_loader(&format!("{message}\n{traceback}")),
            Failure::Lua(Error::BudgetExhausted { message, .. }) => {
                let (first, rest) = message.split_once('\n').unwrap_or((message, ""));
                without_loader(&format!(
                    "{first} (--budget N allows more instructions, --budget 0 lifts the limit)\n{rest}"
                ))
            }
            Failure::Lua(Error::Timeout { after, vm_reset }) => format!(
                "the code ran longer than its {}s deadline and was stopped (--timeout SECS \
                 allows more, --timeout 0 lifts it); {}",
                after.as_secs_f64(),
                if *vm_reset {
                    "it was inside a library function, so the VM was reset: globals are \
                     lost, _home is kept"
                } else {
                    "the VM is intact, the call's _home writes were undone"
                }
            ),
            Failure::Lua(Error::OutOfMemory { limit }) if *limit as u64 >= 1 << 32 => {
                "not enough memory (wasm32's 4 GiB are used up)".into()
            }
            Failure::Lua(Error::OutOfMemory { limit }) => format!(
                "not enough memory (the VM may use {} MiB; --memory allows more, e.g. --memory 64M)",
                limit >> 20
            ),
            Failure::Lua(e) => e.to_string(),
        }
    }
}

/// `text` without the lines that show the loader's frames. The outermost frame, the call
/// the command sent, stands where lua.c has its own C function: it becomes `[C]: in ?`.
fn without_loader(text: &str) -> String {
    let text = text.trim_end();
    let is_loader = |line: &str| line.trim_start().starts_with(LOADER_FRAME);
    let mut kept: Vec<&str> = text.split('\n').filter(|line| !is_loader(line)).collect();
    if text.rsplit('\n').next().is_some_and(is_loader) {
        kept.push("\t[C]: in ?");
    }
    kept.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loaders_frames_are_dropped_from_tracebacks() {
        let text = "(command line):1: boom\nstack traceback:\n\t[C]: in function 'error'\n\
                    \t(command line):1: in main chunk\n\
                    \t[string \"--lua-wasm...\"]:30: in function '__lua_wasm.chunk'\n\
                    \t[string \"--lua-wasm...\"]:1: in main chunk";
        assert_eq!(
            without_loader(text),
            "(command line):1: boom\nstack traceback:\n\t[C]: in function 'error'\n\
             \t(command line):1: in main chunk\n\t[C]: in ?"
        );
        assert_eq!(without_loader("stdin:1: x\n"), "stdin:1: x");
    }
}
