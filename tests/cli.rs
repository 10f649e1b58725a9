//! The `lua-wasm` command behaves like the `lua` command: `-e` chunks, scripts with `arg`
//! and `...`, a REPL on standard input, lua.c's error messages and tracebacks, and exit
//! statuses (1 for a Lua error, 2 for a bad command line); plus what `lua` lacks: a
//! persistent `_home` (`--home`) and limits (`--budget`, `--timeout`, `--memory`).
//!
//! Each test runs the real binary with its own temporary default home
//! (`LUA_WASM_HOME`) and data directory (`XDG_DATA_HOME`), so none touches the user's; `HOME`
//! is kept, for wasmtime's cache of compiled code.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

/// One run of the command: what it printed and how it ended.
struct Run {
    stdout: String,
    stderr: String,
    status: Option<i32>,
}

impl From<Output> for Run {
    fn from(out: Output) -> Run {
        Run {
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            status: out.status.code(),
        }
    }
}

/// A place for one test's files, which is also its default home's directory.
struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `name` in the sandbox and returns its path.
    fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, contents).expect("a test file is written");
        path
    }

    /// The command, with this sandbox's default home and data directory.
    fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_lua-wasm"));
        cmd.env("LUA_WASM_HOME", self.path("home.db"))
            .env("XDG_DATA_HOME", self.path("data"))
            .stdin(Stdio::null());
        cmd
    }

    /// Runs the command with `args` and no input.
    fn run(&self, args: &[&str]) -> Run {
        self.command()
            .args(args)
            .output()
            .expect("lua-wasm runs")
            .into()
    }

    /// Runs the command with `args`, `input` on standard input (a pipe).
    fn run_with_input(&self, args: &[&str], input: &str) -> Run {
        let mut child = self
            .command()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("lua-wasm starts");
        let mut stdin = child.stdin.take().expect("a stdin pipe");
        stdin.write_all(input.as_bytes()).expect("input is written");
        drop(stdin);
        child.wait_with_output().expect("lua-wasm ends").into()
    }
}

/// Asserts the run succeeded and printed exactly `stdout`, and nothing on stderr.
#[track_caller]
fn assert_success(run: &Run, stdout: &str) {
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (Some(0), stdout, ""),
        "expected success with this output"
    );
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

#[test]
fn values_returned_by_e_chunks_are_printed_tab_separated_keeping_nils() {
    let run = Sandbox::new().run(&["-e", "return 1, nil, 'x', 2.5, nil", "-e", "return"]);
    assert_success(&run, "1\tnil\tx\t2.5\tnil\n");
}

#[test]
fn several_e_chunks_run_in_order_in_the_same_vm() {
    let run = Sandbox::new().run(&["-e", "x = 20", "-e", "print(x)", "-ex = x + 1 return x"]);
    assert_success(&run, "20\n21\n");
}

#[test]
fn printed_output_and_returned_values_appear_in_the_order_they_happen() {
    let run = Sandbox::new().run(&[
        "-e",
        "for i = 1, 3 do print(i) end return 'r'",
        "-e",
        "print('b') return 'c'",
    ]);
    assert_success(&run, "1\n2\n3\nr\nb\nc\n");

    // More output than lua.wasm's buffer holds, then a value: all of it, in order.
    let run = Sandbox::new().run(&["-e", "for i = 1, 20000 do print(i) end return 'end'"]);
    let expected: String = (1..=20000).map(|i| format!("{i}\n")).collect();
    assert_success(&run, &(expected + "end\n"));
}

#[test]
fn output_printed_before_an_error_is_kept_and_later_chunks_do_not_run() {
    let run = Sandbox::new().run(&[
        "-e",
        "print('before')",
        "-e",
        "print('during') error('stop')",
        "-e",
        "print('never')",
    ]);
    assert_eq!(run.status, Some(1));
    assert_eq!(run.stdout, "before\nduring\n");
    assert!(
        run.stderr.starts_with("lua-wasm: (command line):1: stop\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_runtime_error_goes_to_stderr_with_luas_traceback_and_status_1() {
    let run = Sandbox::new().run(&["-e", "local function f() error('boom') end f()"]);
    assert_eq!(run.status, Some(1));
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "lua-wasm: (command line):1: boom\n\
         stack traceback:\n\
         \t[C]: in function 'error'\n\
         \t(command line):1: in local 'f'\n\
         \t(command line):1: in main chunk\n\
         \t[C]: in ?\n"
    );
}

#[test]
fn error_values_that_are_not_strings_are_described_as_lua_does() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&[
        "-e",
        "error(setmetatable({}, {__tostring = function() return 'custom' end}))",
    ]);
    assert_eq!(
        (run.status, run.stderr.as_str()),
        (Some(1), "lua-wasm: custom\n")
    );
    let run = sandbox.run(&["-e", "error({})"]);
    assert_eq!(run.status, Some(1));
    assert!(
        run.stderr
            .starts_with("lua-wasm: (error object is a table value)\nstack traceback:\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_syntax_error_names_the_command_line_chunk_as_lua_does() {
    let run = Sandbox::new().run(&["-e", "x ="]);
    assert_eq!(run.status, Some(1));
    assert_eq!(
        run.stderr,
        "lua-wasm: (command line):1: unexpected symbol near <eof>\n"
    );
}

#[test]
fn a_script_gets_its_arguments_in_arg_and_as_varargs_and_its_values_are_not_printed() {
    let sandbox = Sandbox::new();
    let script = sandbox.file(
        "args.lua",
        "print(select('#', ...), ...)\n\
         for i = -3, #arg do print(i, arg[i]) end\n\
         return 'not printed'\n",
    );
    let run = sandbox.run(&["-e", "x = 1", s(&script), "a", "b c", "-e"]);
    let exe = env!("CARGO_BIN_EXE_lua-wasm");
    assert_success(
        &run,
        &format!(
            "3\ta\tb c\t-e\n-3\t{exe}\n-2\t-e\n-1\tx = 1\n0\t{}\n1\ta\n2\tb c\n3\t-e\n",
            s(&script)
        ),
    );
}

#[test]
fn script_errors_are_named_after_the_file_and_a_shebang_line_keeps_line_numbers() {
    let sandbox = Sandbox::new();
    let script = sandbox.file(
        "fail.lua",
        "#!/usr/bin/env lua-wasm\nerror('in the script')\n",
    );
    let run = sandbox.run(&[s(&script)]);
    assert_eq!(run.status, Some(1));
    let name = s(&script);
    assert_eq!(
        run.stderr,
        format!(
            "lua-wasm: {name}:2: in the script\nstack traceback:\n\t[C]: in function 'error'\n\
             \t{name}:2: in main chunk\n\t[C]: in ?\n"
        )
    );
}

#[test]
fn a_script_larger_than_one_call_runs_whole() {
    let sandbox = Sandbox::new();
    // 160 KB of Lua, with quotes, backslashes and non-ASCII bytes in its strings.
    let mut code = b"local t = {}\n".to_vec();
    for i in 0..4000 {
        // t[i] = "\"q\\ é\xff xxx...": 8 bytes, then 20 x.
        code.extend_from_slice(format!("t[{i}] = \"\\\"q\\\\ ").as_bytes());
        code.extend_from_slice(b"\xC3\xA9\xff ");
        code.extend_from_slice(format!("{}\"\n", "x".repeat(20)).as_bytes());
    }
    // Lines 1 to 4001 are above; the error is on line 4003.
    code.extend_from_slice(b"print(#t, #t[1], t[1]:sub(1, 4))\nerror('last line')\n");
    assert!(code.len() > 2 * 65536);
    let script = sandbox.file("big.lua", &code);
    let run = sandbox.run(&[s(&script)]);
    assert_eq!(run.stdout, "3999\t28\t\"q\\ \n");
    assert!(
        run.stderr
            .starts_with(&format!("lua-wasm: {}:4003: last line\n", s(&script))),
        "{}",
        run.stderr
    );
}

#[test]
fn an_e_chunk_larger_than_one_call_runs_whole() {
    let code = format!("local s = '{}' return #s", "\u{e9}".repeat(40_000));
    assert_success(&Sandbox::new().run(&["-e", &code]), "80000\n");
}

#[test]
fn the_home_keeps_its_contents_between_runs() {
    let sandbox = Sandbox::new();
    let home = sandbox.path("h.db");
    let count = [
        "--home",
        s(&home),
        "-e",
        "_home.n = (_home.n or 0) + 1 return _home.n",
    ];
    assert_success(&sandbox.run(&count), "1\n");
    assert_success(&sandbox.run(&count), "2\n");
    // The default home is another store.
    assert_success(&sandbox.run(&count[2..]), "1\n");
    // So is a home in memory, each time.
    let memory = [
        "--home",
        ":memory:",
        "-e",
        "_home.n = (_home.n or 0) + 1 return _home.n",
    ];
    assert_success(&sandbox.run(&memory), "1\n");
    assert_success(&sandbox.run(&memory), "1\n");
}

#[test]
fn without_lua_wasm_home_the_default_home_is_under_xdg_data_home() {
    let sandbox = Sandbox::new();
    let run = || -> Run {
        sandbox
            .command()
            .env_remove("LUA_WASM_HOME")
            .args(["-e", "_home.n = (_home.n or 0) + 1 return _home.n"])
            .output()
            .expect("lua-wasm runs")
            .into()
    };
    assert_success(&run(), "1\n");
    assert_success(&run(), "2\n");
    assert!(sandbox.path("data/lua-wasm/home.db").is_file());
}

#[test]
fn a_failed_chunk_leaves_the_home_as_it_was() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&[
        "-e",
        "_home.x = 'kept'",
        "-e",
        "_home.x = 'changed' error('no')",
    ]);
    assert_eq!(run.status, Some(1));
    assert_success(&sandbox.run(&["-e", "return _home.x"]), "kept\n");
}

#[test]
fn a_home_that_is_not_a_lua_wasm_store_is_refused_with_a_message() {
    let sandbox = Sandbox::new();
    let text = sandbox.file("text.db", "not a database, just text\n".repeat(100));
    let directory = sandbox.path("");
    for home in [&text, &directory] {
        let run = sandbox.run(&["--home", s(home), "-e", "return 1"]);
        assert_eq!((run.status, run.stdout.as_str()), (Some(1), ""), "{home:?}");
        let message = run.stderr.strip_prefix("lua-wasm: ").unwrap_or("");
        assert!(
            message.contains(s(home).trim_end_matches('/')) && message.lines().count() == 1,
            "{home:?}: {}",
            run.stderr
        );
    }
    // The file was left as it was.
    assert!(std::fs::read_to_string(&text)
        .unwrap()
        .starts_with("not a database"));
}

#[test]
fn a_missing_script_is_reported_with_the_reason() {
    let sandbox = Sandbox::new();
    let missing = sandbox.path("missing.lua");
    let run = sandbox.run(&[s(&missing)]);
    assert_eq!(run.status, Some(1));
    assert_eq!(
        run.stderr,
        format!(
            "lua-wasm: cannot open {}: No such file or directory\n",
            s(&missing)
        )
    );
}

#[test]
fn the_repl_reads_lines_from_a_pipe_as_lua_does() {
    let input = "x = 1\n\
                 1 + 1\n\
                 for i = 1, 2 do\n\
                   print(i)\n\
                 end\n\
                 error('oops')\n\
                 print(x)\n\
                 return 'a', nil\n";
    let run = Sandbox::new().run_with_input(&[], input);
    assert_eq!(run.status, Some(0));
    assert_eq!(run.stdout, "2\n1\n2\n1\na\tnil\n");
    assert_eq!(
        run.stderr,
        "stdin:1: oops\nstack traceback:\n\t[C]: in function 'error'\n\
         \tstdin:1: in main chunk\n\t[C]: in ?\n"
    );
}

#[test]
fn the_repl_reports_syntax_errors_and_input_that_ends_inside_an_entry() {
    let run = Sandbox::new().run_with_input(&[], "x = = 1\nprint('next')\nif x then\n");
    assert_eq!(run.status, Some(0));
    assert_eq!(run.stdout, "next\n");
    assert_eq!(
        run.stderr,
        "stdin:1: unexpected symbol near '='\nstdin:1: 'end' expected near <eof>\n"
    );
}

#[test]
fn dash_i_enters_the_repl_after_the_chunks_in_the_same_vm() {
    let run = Sandbox::new().run_with_input(&["-e", "y = 41", "-i"], "y + 1\n");
    assert_success(&run, "42\n");
}

#[test]
fn dash_runs_standard_input_as_a_script() {
    let run = Sandbox::new().run_with_input(&["-", "arg1"], "print(...)\nreturn 1 + 1\n");
    assert_success(&run, "arg1\n");
}

#[test]
fn the_budget_stops_an_endless_loop() {
    let run = Sandbox::new().run(&["--budget", "100000", "-e", "while true do end"]);
    assert_eq!(run.status, Some(1));
    assert!(
        run.stderr.starts_with(
            "lua-wasm: (command line):1: instruction budget of 100000 exhausted (--budget N"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn the_timeout_stops_an_endless_loop_and_the_repl_goes_on_in_the_same_vm() {
    let run = Sandbox::new().run_with_input(
        &["--timeout", "0.5"],
        "kept = 1\n_home.kept = 2\nwhile true do end\nreturn kept, _home.kept\n",
    );
    assert_eq!(run.status, Some(0));
    assert_eq!(run.stdout, "1\t2\n");
    assert!(
        run.stderr.contains("deadline and was stopped") && run.stderr.contains("VM is intact"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_chunk_stuck_in_a_library_function_is_stopped_and_the_repl_goes_on_in_a_fresh_vm() {
    let run = Sandbox::new().run_with_input(
        &["--timeout", "0.5"],
        "kept = 1\n_home.kept = 2\nreturn ('a'):rep(20000):find('.-.-.-.-b')\nreturn kept, _home.kept\n",
    );
    assert_eq!(run.status, Some(0));
    assert_eq!(run.stdout, "nil\t2\n");
    assert!(run.stderr.contains("VM was reset"), "{}", run.stderr);
}

#[test]
fn the_memory_limit_ends_a_hungry_chunk_with_not_enough_memory() {
    let run = Sandbox::new().run(&[
        "--memory",
        "4M",
        "-e",
        "local t = {} for i = 1, 1e7 do t[i] = i end",
    ]);
    assert_eq!(run.status, Some(1));
    assert!(
        run.stderr.starts_with("lua-wasm: not enough memory"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_command_lines_end_with_a_message_and_status_2() {
    let sandbox = Sandbox::new();
    for (args, message) in [
        (&["-x"][..], "unrecognized option '-x'"),
        (&["-e"][..], "'-e' needs an argument"),
        (
            &["--budget", "many"][..],
            "--budget: 'many' is not a whole number",
        ),
        (
            &["--timeout", "-1"][..],
            "--timeout: '-1' is not a number of seconds",
        ),
        (
            &["--memory", "12Q"][..],
            "--memory: '12Q' is not a size in bytes",
        ),
        (
            &["--memory", "1K"][..],
            "--memory: '1K' is less than the 2M",
        ),
        (&["--home"][..], "'--home' needs an argument"),
    ] {
        let run = sandbox.run(args);
        assert_eq!((run.status, run.stdout.as_str()), (Some(2), ""), "{args:?}");
        assert!(
            run.stderr.starts_with(&format!("lua-wasm: {message}")),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn dash_v_prints_the_version_and_runs_nothing_else() {
    let sandbox = Sandbox::new();
    assert_success(
        &sandbox.run(&["-v"]),
        "lua-wasm 0.1.0 (Lua 5.4.9 in WebAssembly)\n",
    );
    assert_success(
        &sandbox.run(&["-v", "-e", "print(_VERSION)"]),
        "lua-wasm 0.1.0 (Lua 5.4.9 in WebAssembly)\nLua 5.4\n",
    );
}

#[test]
fn help_describes_every_option_and_the_default_home() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["--help"]);
    assert_eq!(run.status, Some(0));
    for option in [
        "-e CODE",
        "-i",
        "-v",
        "-W",
        "--home PATH",
        "--budget N",
        "--timeout SECS",
        "--memory BYTES",
        "--help",
    ] {
        assert!(
            run.stdout.contains(option),
            "--help lacks {option}:\n{}",
            run.stdout
        );
    }
    assert!(
        run.stdout.contains(s(&sandbox.path("home.db"))),
        "{}",
        run.stdout
    );
}

#[test]
fn warnings_go_to_stderr_once_turned_on() {
    let run = Sandbox::new().run(&["-W", "-e", "warn('careful') print('out')"]);
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (Some(0), "out\n", "Lua warning: careful\n")
    );
}

#[cfg(unix)]
#[test]
fn arguments_and_paths_that_are_not_utf8_pass_through_as_bytes() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt as _;

    let sandbox = Sandbox::new();
    let name = OsStr::from_bytes(b"script-\xff.lua");
    let script = sandbox.dir.path().join(name);
    std::fs::write(
        &script,
        "print(#arg[1], arg[1]:byte(1, -1)) print(#arg[0] > 0)",
    )
    .unwrap();
    let out = sandbox
        .command()
        .arg(&script)
        .arg(OsStr::from_bytes(b"\xfe\x01x"))
        .output()
        .expect("lua-wasm runs");
    let run: Run = out.into();
    assert_success(&run, "3\t254\t1\t120\ntrue\n");
}

#[test]
fn a_reader_that_goes_away_ends_the_run_quietly() {
    let mut child = Sandbox::new()
        .command()
        .args([
            "--budget",
            "0",
            "--timeout",
            "20",
            "-e",
            "while true do print('y') end",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lua-wasm starts");
    let mut first = [0u8; 2];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    assert_eq!(&first, b"y\n");
    drop(child.stdout.take()); // as `| head -1` does
    let out = child.wait_with_output().expect("lua-wasm ends");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
