//! [`SqliteStore`]: tables in one SQLite database file, shared by threads and processes.
//!
//! Why SQLite rather than an embedded key-value store written in Rust (redb, sled, fjall):
//! the whole store is **one file** (plus SQLite's `-wal`/`-shm` companions while it is
//! open) that anyone can copy, back up and **inspect with standard tools**
//! (`sqlite3 home.db 'SELECT * FROM entries'`); it is **crash-safe** by design (WAL
//! journal: a killed process or a power loss leaves whole committed transactions and
//! nothing else); it **locks across processes**, so a CLI, a server and a migration tool
//! can share one store without a daemon; and it has **decades of hardening** (it is
//! tested to 100% branch coverage and runs on billions of devices), where the Rust stores
//! are young and their file formats still change. The price is a C library in the build,
//! compiled from source by the `bundled` feature of `rusqlite`, so users need nothing
//! installed.
//!
//! The file holds two tables:
//!
//! ```sql
//! CREATE TABLE entries (tbl INTEGER NOT NULL, key BLOB NOT NULL, value BLOB NOT NULL,
//!                       PRIMARY KEY (tbl, key)) WITHOUT ROWID;
//! CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
//! -- meta holds one row: ('format', 'lua-wasm store 1')
//! ```
//!
//! Keys and values are the ABI's byte strings, stored as BLOBs; SQLite compares BLOBs with
//! `memcmp` (a shorter prefix first), which is exactly the ascending byte order `keys`
//! promises. A file with any other tables, or another `format`, is refused, never reused.
//!
//! Concurrency has two layers. Inside one `SqliteStore` (and its clones), a transaction
//! holds the store's *turn* from `begin` to commit or drop, and other `begin`s wait on a
//! condition variable: they wake the moment the turn is free, with no polling. Across
//! stores and processes, `begin` runs `BEGIN IMMEDIATE`, which takes SQLite's write lock
//! at once, so two read-modify-write transactions never interleave; a `begin` that finds
//! the lock taken is retried by SQLite's busy handler until the busy timeout. Since at
//! most one transaction of a store is open at a time, the store keeps one idle connection
//! for the next transaction (its prepared statements stay cached) rather than a pool.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};

use super::{TableStore, Transaction};
use crate::error::StoreError;

/// What the `meta` table records under `format`; any other value is another program's
/// file or a newer format this library does not read.
const FORMAT: &str = "lua-wasm store 1";

/// The schema of a new store (see the module doc).
const CREATE_SCHEMA: &str = "
    CREATE TABLE entries (tbl INTEGER NOT NULL, key BLOB NOT NULL, value BLOB NOT NULL,
                          PRIMARY KEY (tbl, key)) WITHOUT ROWID;
    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
    INSERT INTO meta (key, value) VALUES ('format', 'lua-wasm store 1');
";

/// How long `begin` waits for another transaction by default.
const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The longest busy timeout SQLite accepts (`i32::MAX` milliseconds, about 24 days);
/// longer ones are cut to it.
const MAX_BUSY_TIMEOUT: Duration = Duration::from_millis(i32::MAX as u64);

/// A store in one SQLite database file: durable, crash-safe, and shared by every VM,
/// thread and process that opens the file. The default store of the `lua-wasm` CLI.
///
/// Cloning is cheap (an `Arc`); clones share one connection and take turns. Separate
/// [`open`](SqliteStore::open)s of the same file, in this process or others, are
/// serialized by SQLite's file locks.
///
/// ```no_run
/// use std::sync::Arc;
/// use lua_wasm_host::{Engine, SqliteStore, Vm};
///
/// let engine = Engine::new()?;
/// let store = SqliteStore::open("home.db")?;
/// let mut vm = Vm::new(&engine, Arc::new(store))?;
/// // Counts the runs of this program, across processes and restarts.
/// vm.run("_home.runs = (_home.runs or 0) + 1")?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct SqliteStore {
    inner: Arc<Inner>,
}

/// How a [`SqliteStore`] opens its file and runs its transactions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqliteOptions {
    /// How long [`begin`](TableStore::begin) waits for other transactions (of this store,
    /// of other stores on the file, of other processes) before failing with an error that
    /// says the store is locked. Default: 30 s, generous because a VM's transaction lasts
    /// as long as its script's `compute` call. At most about 24 days.
    pub busy_timeout: Duration,
    /// When a commit reaches the disk. Default: [`Synchronous::Full`].
    pub synchronous: Synchronous,
    /// Open the file read-only: reads work, writes fail with an error saying the store is
    /// read-only, and a missing file is an error instead of being created. For tools that
    /// inspect a store another program owns. Default: false.
    pub read_only: bool,
}

/// When a commit reaches the disk (SQLite's `PRAGMA synchronous`, in WAL mode).
///
/// Both settings keep the file consistent: whatever happens, it holds whole committed
/// transactions only. They differ in which commits an operating-system crash or a power
/// loss may take back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Synchronous {
    /// `FULL`: `commit` returns after the transaction is flushed to the disk (an `fsync`
    /// of the WAL file; `F_FULLFSYNC` on macOS). A committed transaction survives a killed
    /// process, an OS crash and a power loss. The default, because a store is where a
    /// program keeps what it must not lose, and one `fsync` per `compute` call is cheap
    /// next to running the script.
    #[default]
    Full,
    /// `NORMAL`: the WAL is flushed at checkpoints only. A committed transaction survives
    /// a killed process, but an OS crash or a power loss may take back the last commits
    /// (never part of one). Commits are several times faster: for caches, tests and
    /// stores that can be rebuilt.
    Normal,
}

impl Default for SqliteOptions {
    fn default() -> Self {
        SqliteOptions {
            busy_timeout: DEFAULT_BUSY_TIMEOUT,
            synchronous: Synchronous::Full,
            read_only: false,
        }
    }
}

impl SqliteOptions {
    /// These options with another busy timeout.
    pub fn busy_timeout(mut self, timeout: Duration) -> Self {
        self.busy_timeout = timeout;
        self
    }

    /// These options with another synchronous mode.
    pub fn synchronous(mut self, synchronous: Synchronous) -> Self {
        self.synchronous = synchronous;
        self
    }

    /// These options, read-only or not.
    pub fn read_only(mut self, read_only: bool) -> Self {
        self.read_only = read_only;
        self
    }
}

struct Inner {
    /// Absolute, so that a change of the working directory cannot make a later
    /// connection open another file.
    path: PathBuf,
    options: SqliteOptions,
    state: Mutex<State>,
    /// Wakes a `begin` waiting for the turn.
    released: Condvar,
}

struct State {
    /// True while a transaction of this store is open.
    busy: bool,
    /// The connection of the last transaction, kept for the next one.
    idle: Option<Connection>,
}

/// What an opened file turned out to hold.
enum Contents {
    /// No tables at all: a new file, or an empty one.
    Empty,
    /// Our two tables, and our format.
    Store,
}

impl SqliteStore {
    /// Opens the store in the file at `path` with the default [`SqliteOptions`], creating
    /// the file if it does not exist (but not its directory).
    ///
    /// Fails if the file is not a lua-wasm store (another SQLite database, a newer
    /// format, not SQLite at all), if its directory does not exist, or if it cannot be
    /// opened for reading and writing.
    ///
    /// ```
    /// use lua_wasm_host::{SqliteStore, TableStoreExt};
    ///
    /// let dir = tempfile::tempdir()?;
    /// let store = SqliteStore::open(dir.path().join("home.db"))?;
    /// store.set(0, b"greeting", b"hello")?;
    ///
    /// // Whoever opens the file next (another thread, process, or run) sees the commit.
    /// let again = SqliteStore::open(dir.path().join("home.db"))?;
    /// assert_eq!(again.get(0, b"greeting")?, Some(b"hello".to_vec()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        SqliteStore::open_with(path, SqliteOptions::default())
    }

    /// Opens the store in the file at `path` with `options`.
    pub fn open_with(
        path: impl AsRef<Path>,
        options: SqliteOptions,
    ) -> Result<SqliteStore, StoreError> {
        let given = path.as_ref();
        let path = std::path::absolute(given).map_err(|e| {
            StoreError(format!(
                "cannot open the store {}: cannot resolve the path ({e})",
                given.display()
            ))
        })?;
        if let Some(dir) = path.parent().filter(|dir| !dir.is_dir()) {
            return Err(StoreError(format!(
                "cannot open the store {}: the directory {} does not exist; create it first",
                path.display(),
                dir.display()
            )));
        }
        if options.read_only && !path.exists() {
            return Err(StoreError(format!(
                "cannot open the store {} read-only: the file does not exist",
                path.display()
            )));
        }
        let inner = Inner {
            path,
            options,
            state: Mutex::new(State {
                busy: false,
                idle: None,
            }),
            released: Condvar::new(),
        };
        let mut conn = inner.connect(!inner.options.read_only)?;
        inner.prepare_file(&mut conn)?;
        inner.lock().idle = Some(conn);
        Ok(SqliteStore {
            inner: Arc::new(inner),
        })
    }

    /// The file this store lives in (made absolute).
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// The options the store was opened with.
    pub fn options(&self) -> &SqliteOptions {
        &self.inner.options
    }
}

impl fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.inner.path)
            .field("options", &self.inner.options)
            .finish()
    }
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A poisoned lock means a thread panicked while holding it; the state is a flag
        // and an idle connection (outside any transaction), consistent either way: go on.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The busy timeout as SQLite can take it.
    fn busy_timeout(&self) -> Duration {
        self.options.busy_timeout.min(MAX_BUSY_TIMEOUT)
    }

    /// Opens a new connection to the file (creating the file if `create`), with this
    /// store's per-connection settings.
    fn connect(&self, create: bool) -> Result<Connection, StoreError> {
        // No URI parsing: the path is a file name, whatever it looks like. No mutex: a
        // connection is used by one thread at a time (the transaction that owns it).
        let mut flags = OpenFlags::SQLITE_OPEN_NO_MUTEX;
        flags |= match (self.options.read_only, create) {
            (true, _) => OpenFlags::SQLITE_OPEN_READ_ONLY,
            (false, true) => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            (false, false) => OpenFlags::SQLITE_OPEN_READ_WRITE,
        };
        let conn = Connection::open_with_flags(&self.path, flags)
            .map_err(|e| self.fail("cannot open", e))?;
        let (synchronous, fullfsync) = match self.options.synchronous {
            Synchronous::Full => ("FULL", true),
            Synchronous::Normal => ("NORMAL", false),
        };
        conn.pragma_update(None, "synchronous", synchronous)
            .and_then(|()| conn.pragma_update(None, "fullfsync", fullfsync))
            .and_then(|()| conn.busy_timeout(self.busy_timeout()))
            .map_err(|e| self.fail("cannot configure the connection to", e))?;
        Ok(conn)
    }

    /// Checks that the file is a lua-wasm store (making it one if it is empty) and puts
    /// it in WAL mode. Another program's file is refused before anything in it changes.
    fn prepare_file(&self, conn: &mut Connection) -> Result<(), StoreError> {
        let contents = {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Deferred)
                .map_err(|e| self.fail("cannot read", e))?;
            self.contents(&tx)?
        };
        if self.options.read_only {
            return match contents {
                Contents::Store => Ok(()),
                Contents::Empty => Err(self.not_a_store("it is empty")),
            };
        }
        // WAL: a commit appends to the `-wal` file and a crash at any moment leaves whole
        // transactions; readers do not block the writer. The mode is recorded in the
        // file, so this only changes anything the first time.
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(|e| self.fail("cannot switch to WAL journal mode", e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError(format!(
                "cannot use the store {}: SQLite could not put it in WAL mode (it stayed in \
                 '{mode}' mode); keep the store on a local disk, not a network filesystem",
                self.path.display()
            )));
        }
        if let Contents::Empty = contents {
            // Checked again under the write lock: another process may have made the file a
            // store (or something else) since.
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(|e| self.fail("cannot create", e))?;
            if let Contents::Empty = self.contents(&tx)? {
                tx.execute_batch(CREATE_SCHEMA)
                    .map_err(|e| self.fail("cannot create the tables of", e))?;
            }
            tx.commit().map_err(|e| self.fail("cannot create", e))?;
        }
        Ok(())
    }

    /// What the file holds; an error if it is not a lua-wasm store.
    fn contents(&self, conn: &Connection) -> Result<Contents, StoreError> {
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .and_then(|mut stmt| {
                stmt.query_map([], |row| row.get(0))?
                    .collect::<Result<_, _>>()
            })
            .map_err(|e| self.fail("cannot read", e))?;
        if tables.is_empty() {
            return Ok(Contents::Empty);
        }
        if tables != ["entries", "meta"] {
            return Err(self.not_a_store(&format!(
                "it holds the tables {}, not 'entries' and 'meta'",
                tables.join(", ")
            )));
        }
        let format: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'format'", [], |row| {
                row.get(0)
            })
            .optional()
            .map_err(|e| self.not_a_store(&format!("its 'meta' table is not ours ({e})")))?;
        match format {
            Some(format) if format == FORMAT => Ok(Contents::Store),
            Some(format) => Err(self.not_a_store(&format!(
                "it records the format '{format}', and this library reads '{FORMAT}'"
            ))),
            None => Err(self.not_a_store("its 'meta' table records no format")),
        }
    }

    fn not_a_store(&self, why: &str) -> StoreError {
        StoreError(format!(
            "{} is not a lua-wasm store (or a newer version): {why}; \
             open another file, or move this one away",
            self.path.display()
        ))
    }

    /// Turns a SQLite failure into an error that says what failed and what to do.
    /// `what` reads before the path: "cannot open", "cannot commit to".
    fn fail(&self, what: &str, e: rusqlite::Error) -> StoreError {
        let path = self.path.display();
        let advice = match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => {
                return self.not_a_store(&format!("it is not an SQLite database ({e})"));
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => format!(
                "another connection (another process, or another SqliteStore on the same file) \
                 kept it locked for longer than the {:?} busy timeout; retry later, look for a \
                 process holding a long transaction, or raise SqliteOptions::busy_timeout",
                self.options.busy_timeout
            ),
            Some(ErrorCode::ReadOnly) => "the store is read-only (opened with \
                SqliteOptions::read_only, or the file, its -wal and -shm files or their \
                directory are not writable by this process); open it writable to change it"
                .into(),
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => "check that the path \
                names a file (not a directory) and that this process may read and write it and \
                its directory"
                .into(),
            Some(ErrorCode::DiskFull) => "the disk is full; free some space and retry (nothing \
                of the failed transaction was written)"
                .into(),
            Some(ErrorCode::DatabaseCorrupt) => "the file is damaged; restore it from a backup \
                (`sqlite3 FILE .recover` may save part of it)"
                .into(),
            Some(ErrorCode::SystemIoFailure) => "the operating system reported an I/O error; \
                check the disk and the filesystem"
                .into(),
            Some(ErrorCode::TooBig) => {
                "a key or value is larger than SQLite accepts (about 1 GB)".into()
            }
            Some(ErrorCode::OutOfMemory) => "SQLite ran out of memory".into(),
            _ => "unexpected SQLite failure".into(),
        };
        StoreError(format!("{what} the store {path}: {advice} (SQLite: {e})"))
    }

    /// Waits for the store's turn, at most the busy timeout, and takes it with the idle
    /// connection if there is one. Returns how long the wait left for SQLite's own.
    fn take_turn(self: &Arc<Self>) -> Result<(Turn, Duration), StoreError> {
        let timeout = self.busy_timeout();
        let started = Instant::now();
        let (mut state, wait) = self
            .released
            .wait_timeout_while(self.lock(), timeout, |state| state.busy)
            .unwrap_or_else(|p| p.into_inner());
        if wait.timed_out() && state.busy {
            return Err(StoreError(format!(
                "cannot begin a transaction on the store {}: another transaction of this \
                 store stayed open for longer than the {:?} busy timeout (a long script, or a \
                 transaction that is never committed or dropped); retry later, or raise \
                 SqliteOptions::busy_timeout",
                self.path.display(),
                self.options.busy_timeout
            )));
        }
        state.busy = true;
        let conn = state.idle.take();
        drop(state);
        let turn = Turn {
            inner: self.clone(),
            conn,
        };
        Ok((turn, timeout.saturating_sub(started.elapsed())))
    }
}

/// The store's turn: while it exists, other `begin`s of the store wait. Dropping it rolls
/// back any transaction still open on its connection, keeps the connection for the next
/// turn, and wakes one waiting `begin`.
struct Turn {
    inner: Arc<Inner>,
    /// The connection, while the turn has one (always, once `begin` has succeeded).
    conn: Option<Connection>,
}

impl Drop for Turn {
    fn drop(&mut self) {
        let mut conn = self.conn.take();
        if let Some(c) = &conn {
            // A connection whose rollback failed is not reused: closing it is the
            // rollback of last resort (SQLite discards an unfinished transaction).
            if !c.is_autocommit() && c.execute_batch("ROLLBACK").is_err() {
                conn = None;
            }
        }
        let mut state = self.inner.lock();
        state.busy = false;
        if conn.is_some() {
            state.idle = conn;
        }
        drop(state);
        self.inner.released.notify_one();
    }
}

impl TableStore for SqliteStore {
    fn begin(&self) -> Result<Box<dyn Transaction>, StoreError> {
        let (mut turn, left) = self.inner.take_turn()?;
        let conn = match turn.conn.take() {
            Some(conn) => conn,
            None => self.inner.connect(false)?,
        };
        let begin = if self.inner.options.read_only {
            "BEGIN"
        } else {
            // Takes the write lock now: a read-modify-write cannot interleave with
            // another writer (a deferred transaction would take it at its first write,
            // and fail with SQLITE_BUSY if another writer had committed since its read).
            "BEGIN IMMEDIATE"
        };
        // The time this `begin` has left, for SQLite's busy handler to wait on other
        // processes; the connection keeps it for the transaction's statements, which
        // never need another lock in WAL mode.
        let begun = conn
            .busy_timeout(left)
            .and_then(|()| conn.prepare_cached(begin)?.execute([]));
        turn.conn = Some(conn);
        begun.map_err(|e| self.inner.fail("cannot begin a transaction on", e))?;
        Ok(Box::new(SqliteTransaction { turn }))
    }
}

/// An open SQLite transaction, on the connection its turn holds.
struct SqliteTransaction {
    turn: Turn,
}

impl SqliteTransaction {
    fn conn(&self) -> Result<&Connection, StoreError> {
        self.turn.conn.as_ref().ok_or_else(|| {
            StoreError(format!(
                "the transaction on the store {} has no connection (a bug in lua-wasm-host)",
                self.turn.inner.path.display()
            ))
        })
    }

    fn fail(&self, what: &str, e: rusqlite::Error) -> StoreError {
        self.turn.inner.fail(what, e)
    }
}

impl Transaction for SqliteTransaction {
    fn get(&mut self, table: u32, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        self.conn()?
            .prepare_cached("SELECT value FROM entries WHERE tbl = ?1 AND key = ?2")
            .and_then(|mut stmt| stmt.query_row((table, key), |row| row.get(0)).optional())
            .map_err(|e| self.fail("cannot read from", e))
    }

    fn set(&mut self, table: u32, key: &[u8], value: &[u8]) -> Result<(), StoreError> {
        self.conn()?
            .prepare_cached(
                "INSERT INTO entries (tbl, key, value) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (tbl, key) DO UPDATE SET value = excluded.value",
            )
            .and_then(|mut stmt| stmt.execute((table, key, value)))
            .map(drop)
            .map_err(|e| self.fail("cannot write to", e))
    }

    fn delete(&mut self, table: u32, key: &[u8]) -> Result<(), StoreError> {
        self.conn()?
            .prepare_cached("DELETE FROM entries WHERE tbl = ?1 AND key = ?2")
            .and_then(|mut stmt| stmt.execute((table, key)))
            .map(drop)
            .map_err(|e| self.fail("cannot write to", e))
    }

    fn len(&mut self, table: u32) -> Result<usize, StoreError> {
        let count: i64 = self
            .conn()?
            .prepare_cached("SELECT count(*) FROM entries WHERE tbl = ?1")
            .and_then(|mut stmt| stmt.query_row([table], |row| row.get(0)))
            .map_err(|e| self.fail("cannot read from", e))?;
        // A count is never negative, and a table of more keys than `usize` holds cannot
        // be stored: the conversion only fails on a broken file.
        usize::try_from(count).map_err(|_| {
            StoreError(format!(
                "the store {} reports {count} keys in table {table}; the file is damaged",
                self.turn.inner.path.display()
            ))
        })
    }

    fn keys(&mut self, table: u32) -> Result<Vec<Vec<u8>>, StoreError> {
        self.conn()?
            .prepare_cached("SELECT key FROM entries WHERE tbl = ?1 ORDER BY key")
            .and_then(|mut stmt| stmt.query_map([table], |row| row.get(0))?.collect())
            .map_err(|e| self.fail("cannot read from", e))
    }

    fn commit(self: Box<Self>) -> Result<(), StoreError> {
        let conn = self.conn()?;
        if conn.is_autocommit() {
            // SQLite ends a transaction by itself after some errors (a full disk, an I/O
            // error), undoing it: committing now would silently write nothing.
            return Err(StoreError(format!(
                "cannot commit to the store {}: SQLite already rolled the transaction back \
                 after an earlier error, so nothing of it was written",
                self.turn.inner.path.display()
            )));
        }
        conn.prepare_cached("COMMIT")
            .and_then(|mut stmt| stmt.execute([]))
            .map(drop)
            .map_err(|e| self.fail("cannot commit to", e))
        // Dropping `self` ends the turn; after a failed COMMIT the transaction is still
        // open and that rolls it back.
    }
}
