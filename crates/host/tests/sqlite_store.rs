//! `SqliteStore`, specified on real files: the `Transaction` contract, persistence,
//! concurrency across threads and processes, crash safety under SIGKILL, and the files it
//! refuses.
//!
//! The process tests run this test binary again as a child (`current_exe`), with
//! `LUA_WASM_SQLITE_CHILD` naming the child's part; see `child_part_or_writer_in_process`.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use lua_wasm_host::{
    Engine, SqliteOptions, SqliteStore, Synchronous, TableStore, TableStoreExt, Transaction, Value,
    Vm,
};
use tempfile::TempDir;

/// A fresh directory and the path of a store file in it (not yet created).
fn new_file() -> Result<(TempDir, PathBuf)> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("home.db");
    Ok((dir, path))
}

/// The error of an operation that must fail, as text.
fn error_of<T: std::fmt::Debug>(result: Result<T, lua_wasm_host::StoreError>) -> String {
    match result {
        Ok(value) => panic!("expected an error, got Ok({value:?})"),
        Err(e) => e.to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// The Transaction contract

#[test]
fn a_new_file_is_an_empty_store() -> Result<()> {
    let (_dir, path) = new_file()?;
    let store = SqliteStore::open(&path)?;
    assert!(path.is_file());
    let mut tx = store.begin()?;
    assert_eq!(tx.get(0, b"anything")?, None);
    assert_eq!(tx.len(0)?, 0);
    assert_eq!(tx.len(12345)?, 0, "an unknown table has no keys");
    assert_eq!(tx.keys(12345)?, Vec::<Vec<u8>>::new());
    Ok(())
}

#[test]
fn set_get_delete_len_and_keys_do_what_they_say() -> Result<()> {
    let (_dir, path) = new_file()?;
    let store = SqliteStore::open(&path)?;
    let mut tx = store.begin()?;
    tx.set(1, b"a", b"1")?;
    tx.set(1, b"b", b"2")?;
    tx.set(1, b"a", b"replaced")?;
    assert_eq!(tx.get(1, b"a")?, Some(b"replaced".to_vec()));
    assert_eq!(tx.len(1)?, 2);
    tx.delete(1, b"b")?;
    tx.delete(1, b"never there")?; // not an error
    assert_eq!(tx.get(1, b"b")?, None);
    assert_eq!(tx.keys(1)?, vec![b"a".to_vec()]);
    tx.commit()?;
    assert_eq!(store.get(1, b"a")?, Some(b"replaced".to_vec()));
    assert_eq!(store.len(1)?, 1);
    Ok(())
}

#[test]
fn keys_come_in_ascending_byte_order() -> Result<()> {
    let (_dir, path) = new_file()?;
    let store = SqliteStore::open(&path)?;
    let mut tx = store.begin()?;
    for key in [
        &b"b"[..],
        b"\xff",
        b"a\x00",
        b"",
        b"\x00",
        b"a",
        b"B",
        b"\x01\x02",
    ] {
        tx.set(7, key, b"v")?;
    }
    tx.commit()?;
    let expected: Vec<Vec<u8>> = [
        &b""[..],
        b"\x00",
        b"\x01\x02",
        b"B",
        b"a",
        b"a\x00",
        b"b",
        b"\xff",
    ]
    .iter()
    .map(|k| k.to_vec())
    .collect();
    assert_eq!(store.keys(7)?, expected);
    Ok(())
}

#[test]
fn keys_and_values_are_opaque_bytes_even_empty_or_not_utf8() -> Result<()> {
    let (_dir, path) = new_file()?;
    let store = SqliteStore::open(&path)?;
    let big: Vec<u8> = (0..1_000_000u32).map(|i| (i * 7) as u8).collect();
    store.set(0, b"", b"empty key")?;
    store.set(0, b"empty value", b"")?;
    store.set(0, b"\xc3\x28 not utf-8", b"\x00\xff\x00")?;
    store.set(0, b"big", &big)?;
    assert_eq!(store.get(0, b"")?, Some(b"empty key".to_vec()));
    assert_eq!(
        store.get(0, b"empty value")?,
        Some(Vec::new()),
        "empty, not absent"
    );
    assert_eq!(
        store.get(0, b"\xc3\x28 not utf-8")?,
        Some(b"\x00\xff\x00".to_vec())
    );
    assert_eq!(store.get(0, b"big")?, Some(big));
    Ok(())
}

#[test]
fn tables_are_separate_namespaces() -> Result<()> {
    let (_dir, path) = new_file()?;
    let store = SqliteStore::open(&path)?;
    store.set(0, b"k", b"zero")?;
    store.set(1, b"k", b"one")?;
    store.set(u32::MAX, b"k", b"max")?;
    assert_eq!(store.get(0, b"k")?, Some(b"zero".to_vec()));
    assert_eq!(store.get(1, b"k")?, Some(b"one".to_vec()));
    assert_eq!(store.get(u32::MAX, b"k")?, Some(b"max".to_vec()));
    store.delete(1, b"k")?;
    assert_eq!(
        (store.len(0)?, store.len(1)?, store.len(u32::MAX)?),
        (1, 0, 1)
    );
    Ok(())
}

#[test]
fn a_transaction_reads_its_own_writes_before_commit() -> Result<()> {
    let (_dir, path) = new_file()?;
    let store = SqliteStore::open(&path)?;
    store.set(0, b"old", b"1")?;
    let mut tx = store.begin()?;
    tx.set(0, b"new", b"2")?;
    tx.delete(0, b"old")?;
    assert_eq!(tx.get(0, b"new")?, Some(b"2".to_vec()));
    assert_eq!(tx.get(0, b"old")?, None);
    assert_eq!(tx.len(0)?, 1);
    assert_eq!(tx.keys(0)?, vec![b"new".to_vec()]);
    Ok(())
}

#[test]
fn dropping_a_transaction_without_commit_rolls_it_back() -> Result<()> {
    let (_dir, path) = new_file()?;
    let store = SqliteStore::open(&path)?;
    store.set(0, b"kept", b"1")?;
    {
        let mut tx = store.begin()?;
        tx.set(0, b"dropped", b"2")?;
        tx.delete(0, b"kept")?;
    }
    assert_eq!(store.get(0, b"dropped")?, None);
    assert_eq!(store.get(0, b"kept")?, Some(b"1".to_vec()));
    assert_eq!(store.keys(0)?, vec![b"kept".to_vec()]);
    Ok(())
}

#[test]
fn a_commit_is_seen_by_clones_and_by_other_opens_of_the_file() -> Result<()> {
    let (_dir, path) = new_file()?;
    let store = SqliteStore::open(&path)?;
    let other = SqliteStore::open(&path)?;
    let mut tx = store.begin()?;
    tx.set(0, b"k", b"v")?;
    tx.commit()?;
    assert_eq!(store.clone().get(0, b"k")?, Some(b"v".to_vec()));
    assert_eq!(other.get(0, b"k")?, Some(b"v".to_vec()));
    Ok(())
}

#[test]
fn tables_persist_across_reopening_the_file() -> Result<()> {
    let (_dir, path) = new_file()?;
    {
        let store = SqliteStore::open(&path)?;
        store.set(3, b"a", b"1")?;
        store.set(4, b"b", b"2")?;
    }
    let store = SqliteStore::open(&path)?;
    assert_eq!(store.get(3, b"a")?, Some(b"1".to_vec()));
    assert_eq!(store.get(4, b"b")?, Some(b"2".to_vec()));
    Ok(())
}

#[test]
fn synchronous_normal_stores_the_same_tables() -> Result<()> {
    let (_dir, path) = new_file()?;
    let fast = SqliteOptions::default().synchronous(Synchronous::Normal);
    SqliteStore::open_with(&path, fast)?.set(0, b"k", b"v")?;
    assert_eq!(SqliteStore::open(&path)?.get(0, b"k")?, Some(b"v".to_vec()));
    Ok(())
}

#[test]
fn the_file_is_plain_sqlite_that_standard_tools_can_read() -> Result<()> {
    let (_dir, path) = new_file()?;
    let store = SqliteStore::open(&path)?;
    store.set(5, b"key", b"value")?;
    drop(store);
    let db = rusqlite::Connection::open(&path)?;
    let row: (u32, Vec<u8>, Vec<u8>) =
        db.query_row("SELECT tbl, key, value FROM entries", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    assert_eq!(row, (5, b"key".to_vec(), b"value".to_vec()));
    let format: String = db.query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| {
        r.get(0)
    })?;
    assert_eq!(format, "lua-wasm store 1");
    let mode: String = db.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    assert_eq!(mode, "wal", "crash-safe journal, recorded in the file");
    Ok(())
}

#[test]
fn an_empty_existing_file_becomes_a_store() -> Result<()> {
    let file = tempfile::NamedTempFile::new()?;
    let store = SqliteStore::open(file.path())?;
    store.set(0, b"k", b"v")?;
    assert_eq!(store.get(0, b"k")?, Some(b"v".to_vec()));
    Ok(())
}

#[test]
fn the_store_and_its_transactions_move_between_threads() -> Result<()> {
    fn shareable<T: Send + Sync + Clone + 'static>() {}
    shareable::<SqliteStore>();
    let (_dir, path) = new_file()?;
    let store = SqliteStore::open(&path)?;
    let mut tx: Box<dyn Transaction> = store.begin()?;
    tx.set(0, b"k", b"from main")?;
    thread::spawn(move || -> Result<()> {
        tx.set(0, b"k2", b"from the thread")?;
        tx.commit()?;
        Ok(())
    })
    .join()
    .map_err(|_| anyhow::anyhow!("the thread panicked"))??;
    assert_eq!(store.keys(0)?, vec![b"k".to_vec(), b"k2".to_vec()]);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Exclusive transactions

#[test]
fn begin_waits_until_the_open_transaction_ends() -> Result<()> {
    let (_dir, path) = new_file()?;
    let store = SqliteStore::open(&path)?;
    let mut first = store.begin()?;
    first.set(0, b"k", b"first")?;
    let second = {
        let store = store.clone();
        thread::spawn(move || -> Result<(Duration, Option<Vec<u8>>)> {
            let started = Instant::now();
            let mut tx = store.begin()?;
            Ok((started.elapsed(), tx.get(0, b"k")?))
        })
    };
    thread::sleep(Duration::from_millis(300));
    first.commit()?;
    let (waited, seen) = second
        .join()
        .map_err(|_| anyhow::anyhow!("the thread panicked"))??;
    assert!(
        waited >= Duration::from_millis(250),
        "waited only {waited:?}"
    );
    assert_eq!(
        seen,
        Some(b"first".to_vec()),
        "it saw the commit it waited for"
    );
    Ok(())
}

#[test]
fn a_begin_kept_waiting_by_a_clone_past_the_busy_timeout_fails_clearly() -> Result<()> {
    let (_dir, path) = new_file()?;
    let options = SqliteOptions::default().busy_timeout(Duration::from_millis(300));
    let store = SqliteStore::open_with(&path, options)?;
    let _open = store.begin()?;
    let started = Instant::now();
    let error = error_of(store.clone().begin().map(drop));
    assert!(started.elapsed() >= Duration::from_millis(250));
    assert!(
        error.contains("another transaction of this store") && error.contains("busy timeout"),
        "{error}"
    );
    Ok(())
}

#[test]
fn a_begin_kept_waiting_by_another_open_past_the_busy_timeout_fails_clearly() -> Result<()> {
    let (_dir, path) = new_file()?;
    let holder = SqliteStore::open(&path)?;
    let options = SqliteOptions::default().busy_timeout(Duration::from_millis(300));
    let waiter = SqliteStore::open_with(&path, options)?;
    let _open = holder.begin()?;
    let started = Instant::now();
    let error = error_of(waiter.begin().map(drop));
    assert!(started.elapsed() >= Duration::from_millis(250));
    assert!(
        error.contains("locked") && error.contains("busy timeout"),
        "{error}"
    );
    drop(_open);
    assert!(
        waiter.begin().is_ok(),
        "the store is usable once the lock is free"
    );
    Ok(())
}

/// One read-increment-write transaction on table 0, key "counter".
fn increment(store: &dyn TableStore) -> Result<()> {
    let mut tx = store.begin()?;
    let n = match tx.get(0, b"counter")? {
        Some(bytes) => u64::from_le_bytes(bytes.as_slice().try_into()?),
        None => 0,
    };
    tx.set(0, b"counter", &(n + 1).to_le_bytes())?;
    tx.commit()?;
    Ok(())
}

fn counter(store: &SqliteStore) -> Result<u64> {
    let bytes = store.get(0, b"counter")?.context("no counter")?;
    Ok(u64::from_le_bytes(bytes.as_slice().try_into()?))
}

const THREADS: usize = 4;
const INCREMENTS: usize = 50;

#[test]
fn threads_incrementing_through_clones_of_one_store_lose_no_update() -> Result<()> {
    let (_dir, path) = new_file()?;
    let store = SqliteStore::open(&path)?;
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let store = store.clone();
            thread::spawn(move || (0..INCREMENTS).try_for_each(|_| increment(&store)))
        })
        .collect();
    for handle in handles {
        handle
            .join()
            .map_err(|_| anyhow::anyhow!("a thread panicked"))??;
    }
    assert_eq!(counter(&store)?, (THREADS * INCREMENTS) as u64);
    Ok(())
}

#[test]
fn threads_incrementing_through_separate_opens_of_the_file_lose_no_update() -> Result<()> {
    let (_dir, path) = new_file()?;
    SqliteStore::open(&path)?; // create it, so no thread races to
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let path = path.clone();
            thread::spawn(move || -> Result<()> {
                let store = SqliteStore::open(&path)?;
                (0..INCREMENTS).try_for_each(|_| increment(&store))
            })
        })
        .collect();
    for handle in handles {
        handle
            .join()
            .map_err(|_| anyhow::anyhow!("a thread panicked"))??;
    }
    assert_eq!(
        counter(&SqliteStore::open(&path)?)?,
        (THREADS * INCREMENTS) as u64
    );
    Ok(())
}

#[test]
fn processes_incrementing_one_file_lose_no_update() -> Result<()> {
    let (_dir, path) = new_file()?;
    SqliteStore::open(&path)?;
    let children = (0..3)
        .map(|_| child(&format!("increment {INCREMENTS}"), &path, Stdio::null()))
        .collect::<Result<Vec<_>>>()?;
    for child in children {
        let output = child.wait_with_output()?;
        assert!(
            output.status.success(),
            "an incrementing child failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(
        counter(&SqliteStore::open(&path)?)?,
        (3 * INCREMENTS) as u64
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Crash safety

/// Each batch writes this many keys (of `VALUE_LEN` bytes) and the counter, together.
const BATCH: u8 = 16;
const VALUE_LEN: usize = 1024;
const DATA: u32 = 1;
const COUNT: u32 = 0;

fn batch_key(batch: u64, i: u8) -> Vec<u8> {
    let mut key = batch.to_be_bytes().to_vec();
    key.push(i);
    key
}

fn batch_value(batch: u64, i: u8) -> Vec<u8> {
    let seed = batch.wrapping_mul(31).wrapping_add(u64::from(i));
    (0..VALUE_LEN)
        .map(|j| (seed.wrapping_add(j as u64 * 7) % 251) as u8)
        .collect()
}

/// Writes the next batch and its count in one transaction; returns the new count.
fn write_batch(store: &SqliteStore) -> Result<u64> {
    let mut tx = store.begin()?;
    let done = match tx.get(COUNT, b"batches")? {
        Some(bytes) => u64::from_le_bytes(bytes.as_slice().try_into()?),
        None => 0,
    };
    for i in 0..BATCH {
        tx.set(DATA, &batch_key(done, i), &batch_value(done, i))?;
    }
    tx.set(COUNT, b"batches", &(done + 1).to_le_bytes())?;
    tx.commit()?;
    Ok(done + 1)
}

/// Checks that the file holds exactly the batches its count says, each whole; returns
/// the count.
fn check_batches(store: &SqliteStore) -> Result<u64> {
    let mut tx = store.begin()?;
    let done = match tx.get(COUNT, b"batches")? {
        Some(bytes) => u64::from_le_bytes(bytes.as_slice().try_into()?),
        None => 0,
    };
    let keys = tx.keys(DATA)?;
    let expected: Vec<Vec<u8>> = (0..done)
        .flat_map(|batch| (0..BATCH).map(move |i| batch_key(batch, i)))
        .collect();
    if keys != expected {
        bail!(
            "the count says {done} batches ({} keys), the file holds {} keys",
            expected.len(),
            keys.len()
        );
    }
    for batch in 0..done {
        for i in 0..BATCH {
            if tx.get(DATA, &batch_key(batch, i))? != Some(batch_value(batch, i)) {
                bail!("key {i} of batch {batch} has the wrong value");
            }
        }
    }
    Ok(done)
}

#[test]
fn a_writer_killed_at_any_moment_leaves_only_whole_committed_transactions() -> Result<()> {
    let (_dir, path) = new_file()?;
    let mut committed = 0;
    for round in 0..6u64 {
        let mut writer = child("writer", &path, Stdio::piped())?;
        let stdout = writer.stdout.take().context("no stdout")?;
        // Let it commit a varying number of batches (enough to cross WAL checkpoints),
        // then kill it wherever it is: mid-transaction, mid-commit, mid-checkpoint.
        let target = committed + 20 + round * 45;
        let mut reported = 0;
        for line in BufReader::new(stdout).lines() {
            if let Some(n) = line?.strip_prefix("committed ") {
                reported = n.parse()?;
                if reported >= target {
                    break;
                }
            }
        }
        thread::sleep(Duration::from_micros(round * 700 % 3000));
        writer.kill()?; // SIGKILL
        writer.wait()?;
        if reported < target {
            let mut stderr = String::new();
            if let Some(mut err) = writer.stderr.take() {
                err.read_to_string(&mut stderr)?;
            }
            bail!("the writer stopped after {reported} batches: {stderr}");
        }
        let store = SqliteStore::open(&path)?;
        let found = check_batches(&store).with_context(|| format!("after kill {round}"))?;
        assert!(
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

// ---------------------------------------------------------------------------------------
// Child processes

const CHILD: &str = "LUA_WASM_SQLITE_CHILD";
const CHILD_FILE: &str = "LUA_WASM_SQLITE_CHILD_FILE";

/// Runs this test binary again as a child that plays `part` on the store file `path`.
fn child(part: &str, path: &Path, stdout: Stdio) -> Result<Child> {
    Ok(Command::new(std::env::current_exe()?)
        .args([
            "--exact",
            "child_part_or_writer_in_process",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, part)
        .env(CHILD_FILE, path)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()?)
}

/// In a child (`LUA_WASM_SQLITE_CHILD` set), plays its part: `writer` commits batches
/// and prints `committed N` after each, until killed (or a minute has passed);
/// `increment M` runs M increments. Run by the test harness itself, checks in-process
/// that the writer's batches are whole, which the crash test relies on.
#[test]
fn child_part_or_writer_in_process() -> Result<()> {
    let Ok(part) = std::env::var(CHILD) else {
        let (_dir, path) = new_file()?;
        let store = SqliteStore::open(&path)?;
        for n in 1..=30 {
            assert_eq!(write_batch(&store)?, n);
        }
        assert_eq!(check_batches(&SqliteStore::open(&path)?)?, 30);
        return Ok(());
    };
    let path = std::env::var_os(CHILD_FILE).context("no store file given")?;
    let store = SqliteStore::open(&path)?;
    match part.split_once(' ') {
        None if part == "writer" => {
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(60) {
                println!("committed {}", write_batch(&store)?);
            }
            Ok(())
        }
        Some(("increment", times)) => {
            (0..times.parse::<usize>()?).try_for_each(|_| increment(&store))
        }
        _ => bail!("unknown child part {part:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// Files that are not stores, and stores that cannot be written

#[test]
fn an_sqlite_file_of_another_program_is_refused_and_left_unchanged() -> Result<()> {
    let (_dir, path) = new_file()?;
    {
        let db = rusqlite::Connection::open(&path)?;
        db.execute_batch("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('ada');")?;
    }
    let before = std::fs::read(&path)?;
    let error = error_of(SqliteStore::open(&path));
    assert!(
        error.contains("is not a lua-wasm store (or a newer version)") && error.contains("people"),
        "{error}"
    );
    assert_eq!(std::fs::read(&path)?, before, "the file was not touched");
    let db = rusqlite::Connection::open(&path)?;
    let mode: String = db.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    assert_eq!(mode, "delete", "not switched to WAL");
    Ok(())
}

#[test]
fn a_store_of_a_newer_format_is_refused() -> Result<()> {
    let (_dir, path) = new_file()?;
    SqliteStore::open(&path)?;
    {
        let db = rusqlite::Connection::open(&path)?;
        db.execute(
            "UPDATE meta SET value = 'lua-wasm store 2' WHERE key = 'format'",
            [],
        )?;
    }
    let error = error_of(SqliteStore::open(&path));
    assert!(
        error.contains("is not a lua-wasm store (or a newer version)")
            && error.contains("'lua-wasm store 2'"),
        "{error}"
    );
    Ok(())
}

#[test]
fn a_file_of_random_bytes_is_refused_and_left_unchanged() -> Result<()> {
    let (_dir, path) = new_file()?;
    let mut x: u32 = 12345;
    let noise: Vec<u8> = (0..8192)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    std::fs::write(&path, &noise)?;
    let error = error_of(SqliteStore::open(&path));
    assert!(
        error.contains("is not a lua-wasm store (or a newer version)")
            && error.contains("not an SQLite database"),
        "{error}"
    );
    assert_eq!(std::fs::read(&path)?, noise);
    Ok(())
}

#[test]
fn a_missing_directory_is_reported_not_created() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let missing = dir.path().join("no such dir");
    let error = error_of(SqliteStore::open(missing.join("home.db")));
    assert!(
        error.contains("does not exist") && error.contains("no such dir"),
        "{error}"
    );
    assert!(!missing.exists());
    Ok(())
}

#[test]
fn a_directory_is_not_a_store_file() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let error = error_of(SqliteStore::open(dir.path()));
    assert!(error.contains("cannot open"), "{error}");
    Ok(())
}

/// Makes `path` unwritable for this process until dropped: chmod 0444, and for root (whom
/// permissions do not stop) the immutable attribute as well (`chattr +i`, Linux).
struct WriteProtected(PathBuf);

impl WriteProtected {
    fn new(path: &Path) -> Result<WriteProtected> {
        use std::os::unix::fs::PermissionsExt;
        let protected = WriteProtected(path.to_path_buf());
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444))?;
        let writable = || std::fs::OpenOptions::new().write(true).open(path).is_ok();
        if writable() {
            // Root: ignore the outcome here, the check below says whether it worked.
            let _ = Command::new("chattr").arg("+i").arg(path).status();
        }
        if writable() {
            bail!(
                "cannot write-protect {} for this process: it runs as root and `chattr +i` \
                 failed (no chattr, or a filesystem without the immutable attribute)",
                path.display()
            );
        }
        Ok(protected)
    }
}

impl Drop for WriteProtected {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        // Best effort, so that the temporary directory can be removed.
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o644));
    }
}

#[test]
fn a_write_protected_file_reads_but_refuses_writes_clearly() -> Result<()> {
    let (_dir, path) = new_file()?;
    SqliteStore::open(&path)?.set(0, b"k", b"v")?;
    let _protected = WriteProtected::new(&path)?;
    // SQLite opens a write-protected file read-only: scripts can still read `_home`.
    let store = SqliteStore::open(&path)?;
    assert_eq!(store.get(0, b"k")?, Some(b"v".to_vec()));
    let error = error_of(store.set(0, b"k", b"changed"));
    assert!(error.contains("read-only"), "{error}");
    assert_eq!(store.get(0, b"k")?, Some(b"v".to_vec()));
    Ok(())
}

#[test]
fn a_store_opened_read_only_reads_but_refuses_writes_clearly() -> Result<()> {
    let (_dir, path) = new_file()?;
    SqliteStore::open(&path)?.set(0, b"k", b"v")?;
    let store = SqliteStore::open_with(&path, SqliteOptions::default().read_only(true))?;
    let mut tx = store.begin()?;
    assert_eq!(tx.get(0, b"k")?, Some(b"v".to_vec()));
    let error = error_of(tx.set(0, b"k", b"changed"));
    assert!(error.contains("read-only"), "{error}");
    drop(tx);
    assert_eq!(SqliteStore::open(&path)?.get(0, b"k")?, Some(b"v".to_vec()));
    Ok(())
}

#[test]
fn opening_a_missing_file_read_only_fails_instead_of_creating_it() -> Result<()> {
    let (_dir, path) = new_file()?;
    let error = error_of(SqliteStore::open_with(
        &path,
        SqliteOptions::default().read_only(true),
    ));
    assert!(error.contains("does not exist"), "{error}");
    assert!(!path.exists());
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Under a VM

#[test]
fn home_lives_in_the_file_across_vms_and_failed_calls_change_nothing() -> Result<()> {
    let (_dir, path) = new_file()?;
    let engine = Engine::new()?;
    let mut vm = Vm::new(&engine, Arc::new(SqliteStore::open(&path)?))?;
    vm.run("_home.n = (_home.n or 0) + 1; _home.t = {a = 'x'}")?;
    assert!(vm.run("_home.n = 100; error('boom')").is_err());
    drop(vm);
    let mut vm = Vm::new(&engine, Arc::new(SqliteStore::open(&path)?))?;
    assert_eq!(
        vm.run("return _home.n, _home.t.a")?.values,
        vec![Value::Integer(1), Value::String(b"x".to_vec())]
    );
    Ok(())
}
