"""Table stores: where `_home` and the other external tables live.

A store hands out transactions. A VM begins one at the first table access of a `compute`
call and commits it when the call succeeds, or rolls it back when the call fails: a
call's writes appear together or not at all, and the call reads its own writes. A
transaction has the store to itself from `begin` until it ends (other threads wait),
so read-modify-write calls from many VMs are serializable. This is the Rust host's
`TableStore` rule (crates/host/src/store).

Keys and values are `bytes` in the ABI's encodings, which a store need not understand.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Dict, Optional


class MemoryStore:
    """Tables in a dict in memory, shared by every VM (and thread) given this store."""

    def __init__(self) -> None:
        self.tables: Dict[int, Dict[bytes, bytes]] = {}
        self._lock = threading.Lock()

    def begin(self) -> "MemoryTransaction":
        """Starts a transaction, waiting while another one is open."""
        self._lock.acquire()
        return MemoryTransaction(self)

    def dump(self) -> Dict[int, Dict[bytes, bytes]]:
        """A copy of every non-empty table."""
        with self._lock:
            return {t: dict(kv) for t, kv in self.tables.items() if kv}


class MemoryTransaction:
    def __init__(self, store: MemoryStore) -> None:
        self.store = store
        self.writes: Dict[int, Dict[bytes, Optional[bytes]]] = {}
        self.open = True

    def get(self, table: int, key: bytes) -> Optional[bytes]:
        written = self.writes.get(table, {})
        if key in written:
            return written[key]
        return self.store.tables.get(table, {}).get(key)

    def set(self, table: int, key: bytes, value: bytes) -> None:
        self.writes.setdefault(table, {})[key] = bytes(value)

    def delete(self, table: int, key: bytes) -> None:
        self.writes.setdefault(table, {})[key] = None

    def keys(self, table: int) -> list:
        keys = set(self.store.tables.get(table, {}))
        for k, v in self.writes.get(table, {}).items():
            if v is None:
                keys.discard(k)
            else:
                keys.add(k)
        return sorted(keys)

    def size(self, table: int) -> int:
        return len(self.keys(table))

    def commit(self) -> None:
        for table, writes in self.writes.items():
            t = self.store.tables.setdefault(table, {})
            for k, v in writes.items():
                if v is None:
                    t.pop(k, None)
                else:
                    t[k] = v
            if not t:
                del self.store.tables[table]
        self._end()

    def rollback(self) -> None:
        self._end()

    def _end(self) -> None:
        if self.open:
            self.open = False
            self.store._lock.release()


class SqliteStore:
    """Tables in one SQLite file (Python's own sqlite3), kept across processes.

    One row per key: `entries(tbl INTEGER, key BLOB, value BLOB)`. A transaction is an
    SQLite `BEGIN IMMEDIATE` transaction, so several processes on one file serialize.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        with self._connection() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries ("
                " tbl INTEGER NOT NULL, key BLOB NOT NULL, value BLOB NOT NULL,"
                " PRIMARY KEY (tbl, key)) WITHOUT ROWID"
            )

    def _connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            self._local.db = db
        return db

    def begin(self) -> "SqliteTransaction":
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        return SqliteTransaction(db)

    def dump(self) -> Dict[int, Dict[bytes, bytes]]:
        out: Dict[int, Dict[bytes, bytes]] = {}
        for tbl, key, value in self._connection().execute("SELECT tbl, key, value FROM entries"):
            out.setdefault(tbl, {})[bytes(key)] = bytes(value)
        return out


class SqliteTransaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.open = True

    def get(self, table: int, key: bytes) -> Optional[bytes]:
        row = self.db.execute(
            "SELECT value FROM entries WHERE tbl = ? AND key = ?", (table, key)
        ).fetchone()
        return bytes(row[0]) if row else None

    def set(self, table: int, key: bytes, value: bytes) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO entries (tbl, key, value) VALUES (?, ?, ?)",
            (table, bytes(key), bytes(value)),
        )

    def delete(self, table: int, key: bytes) -> None:
        self.db.execute("DELETE FROM entries WHERE tbl = ? AND key = ?", (table, bytes(key)))

    def keys(self, table: int) -> list:
        rows = self.db.execute("SELECT key FROM entries WHERE tbl = ? ORDER BY key", (table,))
        return [bytes(k) for (k,) in rows]

    def size(self, table: int) -> int:
        return self.db.execute("SELECT count(*) FROM entries WHERE tbl = ?", (table,)).fetchone()[0]

    def commit(self) -> None:
        if self.open:
            self.open = False
            self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.open:
            self.open = False
            self.db.execute("ROLLBACK")
