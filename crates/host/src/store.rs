//! Table stores: where the contents of `_home` and the other external tables live.
//!
//! Architecture invariant: this module names no wasmtime type; a store sees table ids and
//! byte strings only (keys and values in the ABI encodings, which it need not understand).

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use crate::error::StoreError;

/// A place to keep external tables. Implementations must be safe to share between VMs
/// (and threads); each method is one atomic step.
pub trait TableStore: Send + Sync {
    /// The value stored under `key` in table `table`.
    fn get(&self, table: u32, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError>;
    /// Stores `value` under `key`, replacing any previous value.
    fn set(&self, table: u32, key: &[u8], value: &[u8]) -> Result<(), StoreError>;
    /// Removes `key` (absent keys are not an error).
    fn delete(&self, table: u32, key: &[u8]) -> Result<(), StoreError>;
    /// Number of keys in table `table` (0 for an unknown table).
    fn len(&self, table: u32) -> Result<usize, StoreError>;
    /// All keys of table `table`, in a stable order.
    fn keys(&self, table: u32) -> Result<Vec<Vec<u8>>, StoreError>;
}

/// One table: stored keys to stored values, in key order.
type Table = BTreeMap<Vec<u8>, Vec<u8>>;

/// A store in memory: fast, shared by every VM it is given to, gone with the process.
#[derive(Debug, Default)]
pub struct MemoryStore {
    tables: Mutex<HashMap<u32, Table>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Ids of the tables that hold at least one key, in ascending order.
    pub fn table_ids(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = self.with(|t| t.keys().copied().collect());
        ids.sort_unstable();
        ids
    }

    fn with<R>(&self, f: impl FnOnce(&mut HashMap<u32, Table>) -> R) -> R {
        // A poisoned lock only means another thread panicked mid-call; the maps are
        // always in a consistent state between single operations, so go on.
        let mut tables = self.tables.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut tables)
    }
}

impl TableStore for MemoryStore {
    fn get(&self, table: u32, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.with(|t| t.get(&table).and_then(|m| m.get(key)).cloned()))
    }

    fn set(&self, table: u32, key: &[u8], value: &[u8]) -> Result<(), StoreError> {
        self.with(|t| {
            t.entry(table)
                .or_default()
                .insert(key.to_vec(), value.to_vec())
        });
        Ok(())
    }

    fn delete(&self, table: u32, key: &[u8]) -> Result<(), StoreError> {
        self.with(|t| {
            if let Some(m) = t.get_mut(&table) {
                m.remove(key);
                if m.is_empty() {
                    t.remove(&table);
                }
            }
        });
        Ok(())
    }

    fn len(&self, table: u32) -> Result<usize, StoreError> {
        Ok(self.with(|t| t.get(&table).map_or(0, BTreeMap::len)))
    }

    fn keys(&self, table: u32) -> Result<Vec<Vec<u8>>, StoreError> {
        Ok(self.with(|t| {
            t.get(&table)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        }))
    }
}
