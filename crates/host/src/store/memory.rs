//! [`MemoryStore`]: tables in a map in memory, shared by every VM it is given to.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use super::{TableStore, Transaction};
use crate::error::StoreError;

/// One table: stored keys to stored values, in key order.
type Table = BTreeMap<Vec<u8>, Vec<u8>>;

/// A store in memory: fast, shared by every VM (and thread) it is given to, gone with the
/// process. The default store of the library.
#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    tables: Mutex<HashMap<u32, Table>>,
    /// True while a transaction is open; `released` wakes those waiting to begin.
    busy: Mutex<bool>,
    released: Condvar,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Ids of the tables that hold at least one key, in ascending order.
    pub fn table_ids(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = self.inner.tables().keys().copied().collect();
        ids.sort_unstable();
        ids
    }
}

impl Inner {
    fn tables(&self) -> MutexGuard<'_, HashMap<u32, Table>> {
        // A poisoned lock means a thread panicked while holding it; the map is only
        // changed by whole commits, so it is consistent: go on.
        self.tables.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl TableStore for MemoryStore {
    fn begin(&self) -> Result<Box<dyn Transaction>, StoreError> {
        let mut busy = self.inner.busy.lock().unwrap_or_else(|p| p.into_inner());
        while *busy {
            busy = self
                .inner
                .released
                .wait(busy)
                .unwrap_or_else(|p| p.into_inner());
        }
        *busy = true;
        Ok(Box::new(MemoryTransaction {
            inner: self.inner.clone(),
            writes: HashMap::new(),
        }))
    }
}

/// The writes of an open transaction: `None` marks a deletion.
struct MemoryTransaction {
    inner: Arc<Inner>,
    writes: HashMap<u32, BTreeMap<Vec<u8>, Option<Vec<u8>>>>,
}

impl Transaction for MemoryTransaction {
    fn get(&mut self, table: u32, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        if let Some(written) = self.writes.get(&table).and_then(|w| w.get(key)) {
            return Ok(written.clone());
        }
        Ok(self
            .inner
            .tables()
            .get(&table)
            .and_then(|t| t.get(key))
            .cloned())
    }

    fn set(&mut self, table: u32, key: &[u8], value: &[u8]) -> Result<(), StoreError> {
        self.writes
            .entry(table)
            .or_default()
            .insert(key.to_vec(), Some(value.to_vec()));
        Ok(())
    }

    fn delete(&mut self, table: u32, key: &[u8]) -> Result<(), StoreError> {
        self.writes
            .entry(table)
            .or_default()
            .insert(key.to_vec(), None);
        Ok(())
    }

    fn len(&mut self, table: u32) -> Result<usize, StoreError> {
        Ok(self.keys(table)?.len())
    }

    fn keys(&mut self, table: u32) -> Result<Vec<Vec<u8>>, StoreError> {
        let mut keys: std::collections::BTreeSet<Vec<u8>> = self
            .inner
            .tables()
            .get(&table)
            .map(|t| t.keys().cloned().collect())
            .unwrap_or_default();
        for (key, value) in self.writes.get(&table).into_iter().flatten() {
            if value.is_some() {
                keys.insert(key.clone());
            } else {
                keys.remove(key);
            }
        }
        Ok(keys.into_iter().collect())
    }

    fn commit(mut self: Box<Self>) -> Result<(), StoreError> {
        let mut tables = self.inner.tables();
        for (table, writes) in std::mem::take(&mut self.writes) {
            let t = tables.entry(table).or_default();
            for (key, value) in writes {
                match value {
                    Some(v) => t.insert(key, v),
                    None => t.remove(&key),
                };
            }
            if t.is_empty() {
                tables.remove(&table);
            }
        }
        Ok(())
    }
}

impl Drop for MemoryTransaction {
    /// Ends the transaction (after a commit, or as a rollback) and lets the next begin.
    fn drop(&mut self) {
        *self.inner.busy.lock().unwrap_or_else(|p| p.into_inner()) = false;
        self.inner.released.notify_one();
    }
}
