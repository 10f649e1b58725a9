//! Faults under running VMs: a process killed (SIGKILL) in the middle of heavy `_home`
//! writes leaves a store that holds whole calls and nothing else; a full disk and a
//! read-only store give clear errors, and the VM goes on.
//!
//! The store-level versions of these (transactions without a VM) are in sqlite_store.rs.
//! The tests that need another process run this test binary again as a child
//! (`current_exe`), with `LUA_WASM_FAULTS_CHILD` naming the child's part; see
//! `child_part`.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};
use lua_wasm_host::{Engine, Error, SqliteOptions, SqliteStore, Value, Vm};

const CHILD: &str = "LUA_WASM_FAULTS_CHILD";
const CHILD_DIR: &str = "LUA_WASM_FAULTS_DIR";

/// One call of the writer: 40 values of 2 KB under keys named after the call, a nested
/// table, and the count of calls, all in one `compute` call (one transaction).
const HEAVY_CALL: &str = "
    local n = (_home.calls or 0) + 1
    local row = {}
    for i = 1, 40 do
      _home['c' .. n .. '.' .. i] = string.rep(string.char(65 + (n + i) % 26), 2000)
      row[i] = n * i
    end
    _home['row' .. n] = {values = row, call = n}
    _home.calls = n
    return n";

/// Checks, inside Lua, that `_home` holds exactly `_home.calls` whole calls of
/// HEAVY_CALL: returns the count, or raises an error naming what is missing or extra.
const CHECK_CALLS: &str = "
    local calls = _home.calls or 0
    local keys = 0
    for k in pairs(_home) do keys = keys + 1 end
    assert(keys == calls * 41 + (calls > 0 and 1 or 0),
      ('%d calls but %d keys'):format(calls, keys))
    for n = 1, calls do
      for i = 1, 40 do
        local v = _home['c' .. n .. '.' .. i]
        assert(v == string.rep(string.char(65 + (n + i) % 26), 2000),
          ('call %d: value %d is wrong'):format(n, i))
      end
      local row = _home['row' .. n]
      assert(row.call == n and #row.values == 40 and row.values[40] == n * 40,
        ('call %d: its table is wrong'):format(n))
    end
    return calls";

fn engine() -> Engine {
    Engine::new().expect("lua.wasm compiles")
}

fn integer(values: &[Value]) -> Result<i64> {
    match values {
        [Value::Integer(n)] => Ok(*n),
        other => bail!("expected one integer, got {other:?}"),
    }
}

#[test]
fn a_process_killed_during_heavy_home_writes_leaves_only_whole_calls() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("home.db");
    let engine = engine();
    let mut committed: i64 = 0;
    for round in 0..5u64 {
        let mut writer = child("writer", dir.path(), Stdio::piped())?;
        let stdout = writer.stdout.take().context("no stdout")?;
        // Let it commit a varying number of calls, then kill it wherever it is: inside a
        // script, inside an import, in the middle of a commit or a WAL checkpoint.
        let target = committed + 3 + round as i64 * 7;
        let mut reported = 0;
        for line in BufReader::new(stdout).lines() {
            if let Some(n) = line?.strip_prefix("committed ") {
                reported = n.parse()?;
                if reported >= target {
                    break;
                }
            }
        }
        std::thread::sleep(Duration::from_micros(round * 1700 % 5000));
        writer.kill()?; // SIGKILL
        writer.wait()?;
        if reported < target {
            let mut stderr = String::new();
            if let Some(mut err) = writer.stderr.take() {
                err.read_to_string(&mut stderr)?;
            }
            bail!("the writer stopped after {reported} calls: {stderr}");
        }
        let mut vm = Vm::new(&engine, Arc::new(SqliteStore::open(&path)?))?;
        let found = integer(
            &vm.run(CHECK_CALLS)
                .context(format!("after kill {round}"))?
                .values,
        )?;
        ensure!(
            found >= reported,
            "the writer reported {reported} commits, the file keeps {found}"
        );
        committed = found;
    }
    let db = rusqlite::Connection::open(&path)?;
    let integrity: String = db.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    assert_eq!(integrity, "ok");
    Ok(())
}

#[test]
fn a_full_disk_fails_the_call_clearly_and_the_vm_goes_on() -> Result<()> {
    // A real full filesystem: a 2 MB tmpfs, mounted by the child in a mount namespace of
    // its own (so it disappears with the child), as root or in a user namespace.
    let dir = tempfile::tempdir()?;
    let mut cmd = Command::new("unshare");
    if !running_as_root() {
        cmd.arg("--map-root-user");
    }
    cmd.args(["--mount", "--propagation", "private"])
        .arg(std::env::current_exe()?)
        .args(child_args())
        .env(CHILD, "full-disk")
        .env(CHILD_DIR, dir.path());
    let output = cmd
        .output()
        .context("cannot run `unshare` (util-linux) to mount a small filesystem")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    ensure!(
        output.status.success() && stdout.contains("full disk: ok"),
        "the full-disk child failed ({}):\n{stdout}\n{stderr}",
        output.status
    );
    Ok(())
}

/// The child's part of the full-disk test, inside its own mount namespace.
fn full_disk(dir: &Path) -> Result<()> {
    let disk = dir.join("disk");
    std::fs::create_dir(&disk)?;
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
        .arg(&disk)
        .status()?;
    ensure!(
        mounted.success(),
        "cannot mount a tmpfs at {}",
        disk.display()
    );
    let store = Arc::new(SqliteStore::open(disk.join("home.db"))?);
    let mut vm = Vm::new(&engine(), store)?;
    vm.run("_home.kept = 'yes'; kept_global = 'yes'")?;
    // Fill what is left of the filesystem.
    let filler = disk.join("filler");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler)?;
        let block = vec![0u8; 4096];
        while f.write_all(&block).and_then(|()| f.sync_all()).is_ok() {}
    }
    // A call whose writes do not fit: a store error that says what happened, and none
    // of its writes are kept.
    let e = vm
        .run("_home.small = 1; _home.big = string.rep('x', 500000)")
        .expect_err("a write to a full disk must fail");
    let Error::Store(store_error) = &e else {
        bail!("expected a store error, got {e:?}")
    };
    let message = store_error.to_string();
    ensure!(message.contains("the disk is full"), "unclear: {message}");
    // The VM goes on: its globals and everything committed are there.
    let values = vm
        .run("return kept_global, _home.kept, _home.small, 1 + 1")?
        .values;
    let yes = Value::String(b"yes".to_vec());
    ensure!(
        values == [yes.clone(), yes, Value::Nil, Value::Integer(2)],
        "after the full disk: {values:?}"
    );
    // Once there is room again, the same write succeeds.
    std::fs::remove_file(&filler)?;
    vm.run("_home.big = string.rep('x', 500000)")?;
    let mut fresh = Vm::new(
        &engine(),
        Arc::new(SqliteStore::open(disk.join("home.db"))?),
    )?;
    let values = fresh.run("return #_home.big, _home.kept")?.values;
    ensure!(
        values == [Value::Integer(500000), Value::String(b"yes".to_vec())],
        "after freeing room: {values:?}"
    );
    println!("full disk: ok ({message})");
    Ok(())
}

fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
fn a_read_only_store_fails_writes_clearly_and_the_vm_goes_on() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("home.db");
    let engine = engine();
    Vm::new(&engine, Arc::new(SqliteStore::open(&path)?))?.run("_home.kept = 'yes'")?;
    let read_only = SqliteStore::open_with(&path, SqliteOptions::default().read_only(true))?;
    let mut vm = Vm::new(&engine, Arc::new(read_only))?;
    vm.run("g = 'global'")?;
    let e = vm
        .run("_home.changed = true")
        .expect_err("a write to a read-only store must fail");
    let Error::Store(store_error) = &e else {
        bail!("expected a store error, got {e:?}")
    };
    ensure!(
        store_error.to_string().contains("read-only"),
        "{store_error}"
    );
    // Reads go on, and so does the VM.
    let values = vm.run("return _home.kept, _home.changed, g")?.values;
    ensure!(
        values
            == [
                Value::String(b"yes".to_vec()),
                Value::Nil,
                Value::String(b"global".to_vec())
            ],
        "{values:?}"
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Child processes

fn child_args() -> [&'static str; 4] {
    ["--exact", "child_part", "--nocapture", "--test-threads=1"]
}

/// Runs this test binary again as a child that plays `part` in `dir`.
fn child(part: &str, dir: &Path, stdout: Stdio) -> Result<Child> {
    Ok(Command::new(std::env::current_exe()?)
        .args(child_args())
        .env(CHILD, part)
        .env(CHILD_DIR, dir)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()?)
}

/// In a child (`LUA_WASM_FAULTS_CHILD` set), plays its part: `writer` runs HEAVY_CALL
/// in a VM over `home.db` and prints `committed N` after each call, until killed (or a
/// minute has passed); `full-disk` is the inside of the full-disk test. Run by the test
/// harness itself, checks in-process that whole calls pass CHECK_CALLS, which the crash
/// test relies on.
#[test]
fn child_part() -> Result<()> {
    let Ok(part) = std::env::var(CHILD) else {
        let dir = tempfile::tempdir()?;
        let store = Arc::new(SqliteStore::open(dir.path().join("home.db"))?);
        let mut vm = Vm::new(&engine(), store)?;
        for n in 1..=3 {
            assert_eq!(integer(&vm.run(HEAVY_CALL)?.values)?, n);
        }
        assert_eq!(integer(&vm.run(CHECK_CALLS)?.values)?, 3);
        assert!(vm.run("_home['c1.1'] = 'damaged'; return 0").is_ok());
        assert!(
            vm.run(CHECK_CALLS).is_err(),
            "the check notices a damaged call"
        );
        return Ok(());
    };
    let dir = std::env::var_os(CHILD_DIR).context("no directory given")?;
    let dir = Path::new(&dir);
    match part.as_str() {
        "writer" => {
            let store = Arc::new(SqliteStore::open(dir.join("home.db"))?);
            let mut vm = Vm::new(&engine(), store)?;
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(60) {
                let n = integer(&vm.run(HEAVY_CALL)?.values)?;
                println!("committed {n}");
            }
            Ok(())
        }
        "full-disk" => full_disk(dir),
        _ => bail!("unknown child part {part:?}"),
    }
}
