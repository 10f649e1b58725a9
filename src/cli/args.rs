//! The command line: `lua-wasm [options] [script [args]]`, parsed the way lua.c parses its
//! own (options first, the first non-option is the script, everything after it belongs to
//! the script), plus the long options that set up the sandbox.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::time::Duration;

/// The version line of `-v`.
pub const VERSION: &str = concat!(
    "lua-wasm ",
    env!("CARGO_PKG_VERSION"),
    " (Lua 5.4.9 in WebAssembly)"
);

/// What the command line asks for.
#[derive(Debug, Default)]
pub struct Args {
    /// `--home PATH`: where `_home` lives (`:memory:` for a store that dies with the process).
    pub home: Option<PathBuf>,
    /// `--budget N`: instructions per call; `Some(0)` lifts the limit.
    pub budget: Option<u64>,
    /// `--timeout SECS`: the deadline of each call; `Some(ZERO)` lifts it.
    pub timeout: Option<Duration>,
    /// `--memory BYTES`: the VM's memory cap; `Some(0)` lifts it.
    pub memory: Option<usize>,
    /// The `-e` chunks, in order.
    pub chunks: Vec<OsString>,
    /// `-i`: enter the REPL after the chunks and the script.
    pub interactive: bool,
    /// `-v`: print the version.
    pub version: bool,
    /// `-W`: turn warnings on.
    pub warnings: bool,
    /// `-h`/`--help`.
    pub help: bool,
    /// The script (`-` is standard input) and its arguments.
    pub script: Option<(OsString, Vec<OsString>)>,
    /// The whole command line, `arg` in Lua: `argv[0]` and the options before the script
    /// get negative indices, the script index 0.
    pub argv: Vec<OsString>,
    /// Index in `argv` of the script, or of the last option when there is none.
    pub script_index: usize,
}

/// A command line that cannot be obeyed: the message to print before the usage hint.
#[derive(Debug, PartialEq)]
pub struct Usage(pub String);

impl Args {
    /// Parses `argv` (the program name first).
    pub fn parse(argv: Vec<OsString>) -> Result<Args, Usage> {
        let mut args = Args {
            argv: argv.clone(),
            ..Args::default()
        };
        let mut i = 1;
        while i < argv.len() {
            let raw = &argv[i];
            let Some(text) = raw.to_str() else {
                // Not UTF-8, so not an option we know: the script's name.
                break;
            };
            if text == "--" {
                i += 1;
                break;
            }
            if text == "-" || !text.starts_with('-') {
                break;
            }
            // The value of an option: glued (`-eCODE`, `--home=PATH`) or the next argument.
            let mut value = |glued: Option<&str>| -> Result<OsString, Usage> {
                if let Some(v) = glued {
                    return Ok(v.into());
                }
                i += 1;
                argv.get(i)
                    .cloned()
                    .ok_or_else(|| Usage(format!("'{text}' needs an argument")))
            };
            let (name, glued) = match text.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n, Some(v)),
                _ if text.starts_with("-e") && text.len() > 2 => ("-e", Some(&text[2..])),
                _ => (text, None),
            };
            let is_flag = matches!(name, "-i" | "-v" | "--version" | "-W" | "-h" | "--help");
            if is_flag && glued.is_some() {
                return Err(Usage(format!("option '{name}' takes no value")));
            }
            match name {
                "-e" => {
                    let code = value(glued)?;
                    args.chunks.push(code);
                }
                "-i" => args.interactive = true,
                "-v" | "--version" => args.version = true,
                "-W" => args.warnings = true,
                "-h" | "--help" => args.help = true,
                "--home" => args.home = Some(PathBuf::from(value(glued)?)),
                "--budget" => args.budget = Some(parse_count(name, &value(glued)?)?),
                "--timeout" => args.timeout = Some(parse_seconds(name, &value(glued)?)?),
                "--memory" => args.memory = Some(parse_bytes(name, &value(glued)?)?),
                _ => return Err(Usage(format!("unrecognized option '{text}'"))),
            }
            i += 1;
        }
        if i < argv.len() {
            args.script = Some((argv[i].clone(), argv[i + 1..].to_vec()));
            args.script_index = i;
        } else {
            // Like lua.c: without a script, everything is a positive index after arg[0].
            args.script_index = 0;
        }
        Ok(args)
    }

    /// Whether the REPL runs: asked for with `-i`, or nothing else to do (lua.c's rule).
    pub fn wants_repl(&self) -> bool {
        self.interactive || (self.script.is_none() && self.chunks.is_empty() && !self.version)
    }

    /// The `arg` table as (index, value) pairs.
    pub fn arg_table(&self) -> Vec<(i64, &OsStr)> {
        let base = self.script_index as i64;
        self.argv
            .iter()
            .enumerate()
            .map(|(i, a)| (i as i64 - base, a.as_os_str()))
            .collect()
    }
}

fn text<'a>(option: &str, value: &'a OsStr) -> Result<&'a str, Usage> {
    value
        .to_str()
        .map(str::trim)
        .ok_or_else(|| Usage(format!("{option}: the value is not valid UTF-8")))
}

/// A whole number of instructions (`_` separators allowed: `--budget 1_000_000`).
fn parse_count(option: &str, value: &OsStr) -> Result<u64, Usage> {
    let t = text(option, value)?;
    t.replace('_', "").parse().map_err(|_| {
        Usage(format!(
            "{option}: '{t}' is not a whole number of instructions (0 means no limit)"
        ))
    })
}

/// Seconds, possibly fractional (`0.5`).
fn parse_seconds(option: &str, value: &OsStr) -> Result<Duration, Usage> {
    let t = text(option, value)?;
    t.parse::<f64>()
        .ok()
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| {
            Usage(format!(
                "{option}: '{t}' is not a number of seconds (0 means no deadline)"
            ))
        })
}

/// Bytes, with an optional binary suffix: `64M`, `512K`, `1G`, `65536`.
fn parse_bytes(option: &str, value: &OsStr) -> Result<usize, Usage> {
    let t = text(option, value)?;
    let bad = || {
        Usage(format!(
            "{option}: '{t}' is not a size in bytes (a number, optionally followed by K, M or G; 0 means no limit)"
        ))
    };
    let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit: u64 = match t[digits.len()..].to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        _ => return Err(bad()),
    };
    let n: u64 = digits.trim().parse().map_err(|_| bad())?;
    let bytes = n.checked_mul(unit).ok_or_else(bad)?;
    if bytes != 0 && bytes < lua_wasm::DEFAULT_MEMORY_LIMIT as u64 {
        return Err(Usage(format!(
            "{option}: '{t}' is less than the 2M that lua.wasm starts with"
        )));
    }
    usize::try_from(bytes).map_err(|_| bad())
}

/// The text of `--help`. `default_home` is where `_home` lives without `--home`, `history`
/// where the REPL keeps its history.
pub fn help(default_home: &str, history: &str) -> String {
    format!(
        "\
usage: lua-wasm [options] [script [args]]

Runs Lua 5.4 sandboxed in lua.wasm, like the lua command: no files, no processes, no
network; what the script keeps in the table _home persists between runs.

Options:
  -e CODE          run CODE (several -e run in order, in the same VM); the values it
                   returns are printed
  -i               enter the interactive REPL after running the -e chunks and the script
  -v, --version    print the version ({VERSION})
  -W               turn warnings on (as warn('@on'))
  --home PATH      keep _home in the SQLite file PATH (created if missing);
                   ':memory:' keeps it in memory, for this run only
  --budget N       stop a chunk after N Lua instructions, the same on any machine
                   (0: no limit) [default: no limit; a budget slows Lua by a third]
  --timeout SECS   stop a chunk after SECS seconds of wall-clock time, e.g. 0.5
                   (0: no deadline) [default: {timeout}]
  --memory BYTES   the most memory the VM may use, e.g. 64M or 1G (K, M, G are
                   binary multiples; at least 2M; 0: no limit but wasm32's 4G)
                   [default: 2M]
  -h, --help       print this help
  --               stop handling options
  -                run standard input as a script

The limits apply to each chunk, REPL line or script. Their defaults are the library's,
safe for trying untrusted scripts; lift them for your own long-running code with
--timeout 0 --memory 0.

With no script and no -e, or with -i, lua-wasm reads Lua from standard input: a REPL
with line editing and history when it is a terminal, otherwise plain lines, each run
as it is complete (`1 + 1` prints 2, as in lua).

The script gets its arguments as `...` and in the table `arg` (arg[0] is the script,
arg[1] its first argument, the options before it have negative indices).

Files:
  _home without --home: {default_home}
    ($LUA_WASM_HOME if set, else $XDG_DATA_HOME/lua-wasm/home.db, else
    $HOME/.local/share/lua-wasm/home.db)
  REPL history: {history}
",
        timeout = format_args!("{}", lua_wasm::DEFAULT_TIMEOUT.as_secs_f64()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, Usage> {
        let mut argv = vec![OsString::from("lua-wasm")];
        argv.extend(args.iter().map(OsString::from));
        Args::parse(argv)
    }

    #[test]
    fn options_stop_at_the_script_whose_arguments_are_its_own() {
        let a = parse(&["-e", "x=1", "-ey=2", "s.lua", "-e", "z"]).unwrap();
        assert_eq!(a.chunks, ["x=1", "y=2"]);
        let (script, rest) = a.script.as_ref().unwrap();
        assert_eq!(
            (script.as_os_str(), rest.as_slice()),
            ("s.lua".as_ref(), &["-e".into(), "z".into()][..])
        );
        let arg = a.arg_table();
        assert_eq!(arg[0], (-4, OsStr::new("lua-wasm")));
        assert_eq!(arg[4], (0, OsStr::new("s.lua")));
        assert_eq!(arg[6], (2, OsStr::new("z")));
    }

    #[test]
    fn sizes_take_binary_suffixes_and_zero_lifts_limits() {
        let a = parse(&["--memory", "64M", "--budget=0", "--timeout", "0.25"]).unwrap();
        assert_eq!(a.memory, Some(64 << 20));
        assert_eq!(a.budget, Some(0));
        assert_eq!(a.timeout, Some(Duration::from_millis(250)));
        assert_eq!(parse(&["--memory", "1G"]).unwrap().memory, Some(1 << 30));
        assert!(parse(&["--memory", "1K"]).is_err());
        assert!(parse(&["--memory", "12Q"]).is_err());
        assert!(parse(&["--timeout", "-1"]).is_err());
        assert!(parse(&["--budget", "lots"]).is_err());
    }

    #[test]
    fn unknown_options_and_missing_values_are_usage_errors() {
        assert_eq!(
            parse(&["-x"]).unwrap_err(),
            Usage("unrecognized option '-x'".into())
        );
        assert_eq!(
            parse(&["-e"]).unwrap_err(),
            Usage("'-e' needs an argument".into())
        );
        assert!(parse(&["-ifoo"]).is_err());
    }
}
