//! `lua-wasm`: the `lua` command, running Lua sandboxed in lua.wasm with a persistent `_home`.
//!
//! `lua-wasm [--home PATH] [--budget N] [--timeout SECS] [--memory BYTES] [-e CODE]... [-i]
//! [-v] [script [args]]` (see `lua-wasm --help`). As in lua.c, the `-e` chunks run in
//! order, then the script, then the REPL (with `-i`, or when there is nothing else to do);
//! the first error ends the run with status 1. Bad command lines end with status 2.
//!
//! - `cli::args`: the command line and the help text.
//! - `cli::home`: where `_home` and the REPL's history live.
//! - `cli::session`: the VM and the loader that runs code as lua.c does.
//! - `cli::repl`: the interactive loop.

mod cli {
    pub mod args;
    pub mod home;
    pub mod repl;
    pub mod session;
}

use std::ffi::OsStr;
use std::io::{Read as _, Write as _};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, Context as _};
use lua_wasm::{Engine, VmOptions};

use cli::args::{self, Args, Usage};
use cli::session::Session;

fn main() -> ExitCode {
    let args = match Args::parse(std::env::args_os().collect()) {
        Ok(args) => args,
        Err(Usage(message)) => {
            let _ = writeln!(
                std::io::stderr(),
                "lua-wasm: {message}\nTry 'lua-wasm --help' for the options."
            );
            return ExitCode::from(2);
        }
    };
    if args.help {
        use cli::home::{default_home, describe, history_file};
        let help = args::help(&describe(default_home()), &describe(history_file()));
        let _ = std::io::stdout().write_all(help.as_bytes());
        return ExitCode::SUCCESS;
    }
    match run(&args) {
        Ok(code) => code,
        Err(e) => report(&format!("{e:#}")),
    }
}

/// Does what `args` asks; `Err` for failures outside Lua (the home, a script file).
fn run(args: &Args) -> anyhow::Result<ExitCode> {
    if args.version {
        let _ = writeln!(std::io::stdout(), "{}", args::VERSION);
    }
    if !args.wants_repl() && args.chunks.is_empty() && args.script.is_none() {
        return Ok(ExitCode::SUCCESS); // just -v
    }
    let home = cli::home::open(args.home.as_deref())?;
    let engine = Engine::new().context("cannot start lua.wasm")?;
    let arg = args
        .arg_table()
        .into_iter()
        .map(|(i, a)| (i, bytes(a)))
        .collect();
    let mut session = Session::new(&engine, home, vm_options(args), arg, args.warnings)
        .context("cannot start a Lua VM")?;
    for chunk in &args.chunks {
        if let Err(failure) = session.run_chunk(&bytes(chunk)) {
            return Ok(report(&failure.describe()));
        }
    }
    if let Some((script, _)) = &args.script {
        let (code, chunkname) = read_script(script)?;
        if let Err(failure) = session.run_script(&code, &chunkname) {
            return Ok(report(&failure.describe()));
        }
    }
    if args.wants_repl() {
        cli::repl::run(&mut session, cli::home::history_file(), args.version)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The VM's limits: the library's defaults unless an option says otherwise; 0 lifts one.
fn vm_options(args: &Args) -> VmOptions {
    let mut options = VmOptions::default();
    if let Some(budget) = args.budget {
        options = options.instruction_budget((budget != 0).then_some(budget));
    }
    if let Some(timeout) = args.timeout {
        options = options.timeout((!timeout.is_zero()).then_some(timeout));
    }
    if let Some(memory) = args.memory {
        options = options.memory_limit(if memory == 0 { usize::MAX } else { memory });
    }
    options
}

/// Shows a failure as lua.c does (`lua-wasm: message`) and gives the exit status.
fn report(message: &str) -> ExitCode {
    let _ = std::io::stdout().flush();
    let _ = writeln!(std::io::stderr().lock(), "lua-wasm: {message}");
    ExitCode::FAILURE
}

/// A script's code, as `luaL_loadfile` reads it (a UTF-8 byte-order mark and a first line
/// starting with `#` are skipped, the line's newline kept so line numbers stay right), and
/// its chunk name: `@path`, or `=stdin` for `-`.
fn read_script(script: &OsStr) -> anyhow::Result<(Vec<u8>, Vec<u8>)> {
    let (mut code, chunkname) = if script == "-" {
        let mut code = Vec::new();
        std::io::stdin()
            .read_to_end(&mut code)
            .context("cannot read stdin")?;
        (code, b"=stdin".to_vec())
    } else {
        let path = Path::new(script);
        let code = std::fs::read(path).map_err(|e| {
            anyhow!(
                "cannot open {}: {}",
                path.display(),
                without_os_code(&e.to_string())
            )
        })?;
        let mut chunkname = b"@".to_vec();
        chunkname.extend_from_slice(&bytes(script));
        (code, chunkname)
    };
    if code.starts_with(b"\xEF\xBB\xBF") {
        code.drain(..3);
    }
    if code.first() == Some(&b'#') {
        let end = code.iter().position(|&b| b == b'\n').unwrap_or(code.len());
        code.drain(..end);
    }
    Ok((code, chunkname))
}

/// An I/O error's text without Rust's " (os error N)" suffix, as C's strerror says it.
fn without_os_code(text: &str) -> &str {
    match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => &text[..at],
        _ => text,
    }
}

/// An argument's bytes: exactly as given on Unix, where arguments are bytes.
#[cfg(unix)]
fn bytes(s: &OsStr) -> Vec<u8> {
    std::os::unix::ffi::OsStrExt::as_bytes(s).to_vec()
}

/// An argument's bytes: its text (UTF-8, unpaired surrogates replaced) elsewhere.
#[cfg(not(unix))]
fn bytes(s: &OsStr) -> Vec<u8> {
    s.to_string_lossy().into_owned().into_bytes()
}
