//! Table stores: where the contents of `_home` and the other external tables live.
//!
//! A store hands out [`Transaction`]s. A VM begins one at the first `_home` access of a
//! `compute` call and commits it when the call succeeds, or drops it (rolling back) when
//! the call fails: so all writes of one call become visible together, a failed call
//! changes nothing, and the call reads its own writes. A transaction has the store to
//! itself from `begin` until it ends (other `begin`s wait), which makes concurrent
//! read-modify-write calls from many VMs, threads (and, for [`SqliteStore`], processes)
//! serializable: N threads incrementing `_home.counter` M times end at exactly N·M.
//!
//! Architecture invariant: this module names no wasmtime type; a store sees table ids and
//! byte strings only (keys and values in the ABI encodings, which it need not understand).

mod memory;
mod sqlite;

pub use memory::MemoryStore;
pub use sqlite::{SqliteOptions, SqliteStore, Synchronous};

use crate::error::StoreError;

/// A place to keep external tables, shared by every VM it is given to.
pub trait TableStore: Send + Sync {
    /// Starts a transaction, waiting while another one is open.
    fn begin(&self) -> Result<Box<dyn Transaction>, StoreError>;
}

/// Exclusive access to a store until [`commit`](Transaction::commit); dropping a
/// transaction without committing rolls it back. Reads see the transaction's own writes.
pub trait Transaction: Send {
    /// The value stored under `key` in table `table`.
    fn get(&mut self, table: u32, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError>;
    /// Stores `value` under `key`, replacing any previous value.
    fn set(&mut self, table: u32, key: &[u8], value: &[u8]) -> Result<(), StoreError>;
    /// Removes `key` (absent keys are not an error).
    fn delete(&mut self, table: u32, key: &[u8]) -> Result<(), StoreError>;
    /// Number of keys in table `table` (0 for an unknown table).
    fn len(&mut self, table: u32) -> Result<usize, StoreError>;
    /// All keys of table `table`, in ascending byte order.
    fn keys(&mut self, table: u32) -> Result<Vec<Vec<u8>>, StoreError>;
    /// Makes every write of the transaction visible, atomically and durably.
    fn commit(self: Box<Self>) -> Result<(), StoreError>;
}

/// Convenience for reading and writing a store outside any VM (tools, tests, migrations):
/// each call is its own transaction.
pub trait TableStoreExt: TableStore {
    /// The value under `key` in `table`.
    fn get(&self, table: u32, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        self.begin()?.get(table, key)
    }
    /// Stores `value` under `key` in `table` and commits.
    fn set(&self, table: u32, key: &[u8], value: &[u8]) -> Result<(), StoreError> {
        let mut tx = self.begin()?;
        tx.set(table, key, value)?;
        tx.commit()
    }
    /// Removes `key` from `table` and commits.
    fn delete(&self, table: u32, key: &[u8]) -> Result<(), StoreError> {
        let mut tx = self.begin()?;
        tx.delete(table, key)?;
        tx.commit()
    }
    /// All keys of `table`.
    fn keys(&self, table: u32) -> Result<Vec<Vec<u8>>, StoreError> {
        self.begin()?.keys(table)
    }
    /// Number of keys in `table`.
    fn len(&self, table: u32) -> Result<usize, StoreError> {
        self.begin()?.len(table)
    }
}

impl<S: TableStore + ?Sized> TableStoreExt for S {}
