// Table stores for the JavaScript host: where `_home` and the other external tables live.
//
// A store hands out transactions. A VM begins one at the first table access of a
// `compute` call and commits it when the call succeeds, or drops it when the call fails:
// so a call's writes appear together or not at all, and the call reads its own writes
// (the same rule as the Rust host's `TableStore`). JavaScript runs one call at a time per
// thread, so a transaction needs no lock.
//
// Keys and values are bytes (Uint8Array) in the ABI's encodings, which a store need not
// understand. Inside a store a key is a "byte string": a JavaScript string with one char
// per byte (0-255), which compares in byte order and serializes to JSON as is.

/** A key's bytes as a byte string. */
export function byteString(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
  }
  return s;
}

/** A byte string's bytes. */
export function stringBytes(s) {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/**
 * The writes of one call over a store's committed state. `get`/`keys`/`size` see the
 * transaction's own writes; `commit` hands them to the store in one piece.
 */
class Transaction {
  constructor(store) {
    this.store = store;
    /** table id -> Map(byte-string key -> Uint8Array value, or null for a deletion) */
    this.writes = new Map();
  }

  written(table) {
    let w = this.writes.get(table);
    if (!w) this.writes.set(table, (w = new Map()));
    return w;
  }

  get(table, key) {
    const w = this.writes.get(table);
    if (w && w.has(key)) return w.get(key) ?? undefined;
    return this.store.tables.get(table)?.get(key);
  }

  set(table, key, value) { this.written(table).set(key, value.slice()); }

  delete(table, key) { this.written(table).set(key, null); }

  keys(table) {
    const keys = new Set(this.store.tables.get(table)?.keys() ?? []);
    for (const [k, v] of this.writes.get(table) ?? []) {
      if (v) keys.add(k); else keys.delete(k);
    }
    return [...keys].sort();
  }

  size(table) { return this.keys(table).length; }

  commit() { this.store.apply(this.writes); }
}

/**
 * Tables in memory, shared by every VM given this store; gone with the page or process.
 */
export class MemoryStore {
  constructor() {
    /** table id -> Map(byte-string key -> Uint8Array value) */
    this.tables = new Map();
  }

  /** Starts a transaction (see the top of this file). */
  begin() { return new Transaction(this); }

  /** Applies a transaction's writes. Subclasses persist them, or throw and change nothing. */
  apply(writes) {
    for (const [table, w] of writes) {
      let t = this.tables.get(table);
      if (!t) this.tables.set(table, (t = new Map()));
      for (const [k, v] of w) {
        if (v) t.set(k, v); else t.delete(k);
      }
      if (t.size === 0) this.tables.delete(table);
    }
  }

  /** Ids of the tables that hold at least one key, ascending. */
  tableIds() { return [...this.tables.keys()].sort((a, b) => a - b); }

  /** A table's entries as [key bytes, value bytes] pairs, in key order. */
  entries(table) {
    const t = this.tables.get(table) ?? new Map();
    return [...t.keys()].sort().map((k) => [stringBytes(k), t.get(k)]);
  }

  /** Forgets every table. */
  clear() { this.tables = new Map(); }
}

function base64(bytes) {
  return btoa(byteString(bytes));
}

function unbase64(text) {
  return stringBytes(atob(text));
}

/**
 * Tables kept in Web Storage (`localStorage` by default) under one item, so that `_home`
 * survives a page reload. The item holds JSON: `{"<table id>": {"<key>": "<base64 value>"}}`,
 * keys as byte strings and values in the ABI's value encoding. Each commit writes the
 * whole item with one `setItem`, which is atomic: if it fails (storage full), nothing
 * changed and the call fails with a store error. Another tab's commits are seen at the
 * next transaction.
 */
export class WebStorageStore extends MemoryStore {
  /**
   * @param {Storage} storage where to keep the tables (`localStorage`, `sessionStorage`,
   *   or anything with `getItem`/`setItem`/`removeItem`)
   * @param {string} name the item's name
   */
  constructor(storage = globalThis.localStorage, name = 'lua-wasm:tables') {
    super();
    if (!storage) throw new Error('WebStorageStore needs localStorage (or another Storage)');
    this.storage = storage;
    this.name = name;
    this.text = null;
    this.load();
  }

  /** Reads the item again if another tab (or anyone) changed it. */
  load() {
    const text = this.storage.getItem(this.name);
    if (text === this.text) return;
    const tables = new Map();
    if (text) {
      for (const [id, entries] of Object.entries(JSON.parse(text))) {
        tables.set(Number(id), new Map(Object.entries(entries).map(([k, v]) => [k, unbase64(v)])));
      }
    }
    this.tables = tables;
    this.text = text;
  }

  begin() {
    this.load();
    return super.begin();
  }

  apply(writes) {
    const before = this.tables;
    this.tables = new Map([...before].map(([id, t]) => [id, new Map(t)]));
    super.apply(writes);
    // fromEntries, so that a key named `__proto__` is an ordinary property.
    const json = Object.fromEntries([...this.tables].map(([id, t]) => [
      id, Object.fromEntries([...t].map(([k, v]) => [k, base64(v)])),
    ]));
    const text = JSON.stringify(json);
    try {
      this.storage.setItem(this.name, text);
    } catch (e) {
      this.tables = before;
      throw new Error(`cannot save the tables in ${this.name}: ${e.message}`);
    }
    this.text = text;
  }

  /** Forgets every table and removes the item. */
  clear() {
    this.storage.removeItem(this.name);
    this.load();
  }
}
