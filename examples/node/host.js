// A bare host of lua.wasm for Node.js: the built-in WebAssembly API, the five imports of
// docs/ABI.md over a Map, and the channel's services. No dependencies; ~200 lines to read
// next to the ABI document. (web/lua-wasm.js is the full host with the same model.)

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const WEB = new URL('../../web/', import.meta.url);
const BUFFER_SIZE = 65536;
const CHANNEL = 0xffffffff;

/**
 * Compiles lua.wasm. Engines without the standard exception-handling encoding (exnref),
 * such as Node.js 20, cannot validate it: they get web/lua-legacy-eh.wasm, the same
 * module with the legacy encoding. Returns `{ module, file }`.
 */
export async function loadLuaWasm(dir = WEB) {
  const standard = fs.readFileSync(new URL('lua.wasm', dir));
  const file = WebAssembly.validate(standard) ? 'lua.wasm' : 'lua-legacy-eh.wasm';
  const bytes = file === 'lua.wasm' ? standard : fs.readFileSync(new URL(file, dir));
  return { module: await WebAssembly.compile(bytes), file: fileURLToPath(new URL(file, dir)) };
}

/**
 * External tables: table id -> Map(key -> value bytes). Keys are text: every key the
 * module writes is valid UTF-8 without newlines (docs/ABI.md, "Keys").
 */
export class Tables {
  constructor() { this.tables = new Map(); }
  table(id) {
    if (!this.tables.has(id)) this.tables.set(id, new Map());
    return this.tables.get(id);
  }
}

/** One Lua state in one instance, over `tables`. */
export class LuaHost {
  constructor(module, tables = new Tables(), { budget = 500_000_000 } = {}) {
    this.tables = tables;
    this.budget = budget;
    this.busyMs = 0;
    this.call = null;
    // Step 1: instantiate with the five imports, then init() (0 means ready).
    this.instance = new WebAssembly.Instance(module, { env: this.imports() });
    this.exports = this.instance.exports;
    this.beginCall();
    const status = this.exports.init();
    this.call = null;
    if (status !== 0) throw new Error('init() failed: not enough memory');
    this.bufferPtr = this.exports.get_buffer_ptr() >>> 0;
  }

  /** Guest memory as bytes (a fresh view: memory.grow replaces the buffer). */
  get memory() { return new Uint8Array(this.exports.memory.buffer); }

  beginCall() {
    // A call's writes wait in `pending` (table -> Map(key -> value or null)); they are
    // applied when the call succeeds and dropped when it fails (the atomic-call rule).
    this.call = { pending: new Map(), stdout: [], stderr: [], errorKind: null, started: performance.now() };
  }

  /**
   * Step 2: write the code into the buffer, call compute, and read the answer:
   * `{ status, bytes, stdout, stderr, errorKind }` (status > 0: result, 0: nothing,
   * < 0: error message of -status - 1 bytes; stdout/stderr: what came through the channel).
   */
  compute(code) {
    const source = new TextEncoder().encode(code);
    if (source.length > BUFFER_SIZE) throw new Error(`code is ${source.length} bytes, more than the 64 KiB buffer`);
    this.memory.set(source, this.bufferPtr);
    this.beginCall();
    const call = this.call;
    let status;
    try {
      status = this.exports.compute(this.bufferPtr, source.length);
    } finally {
      this.busyMs += performance.now() - call.started;
      this.call = null;
    }
    const n = status < 0 ? -status - 1 : status;
    const bytes = this.memory.slice(this.bufferPtr, this.bufferPtr + n);
    if (status >= 0) this.commit(call.pending);
    const join = (chunks) => Buffer.concat(chunks);
    return { status, bytes, stdout: join(call.stdout), stderr: join(call.stderr), errorKind: call.errorKind };
  }

  commit(pending) {
    for (const [id, writes] of pending) {
      const t = this.tables.table(id);
      for (const [k, v] of writes) { if (v) t.set(k, v); else t.delete(k); }
    }
  }

  /** run_gc: a full collection; returns the bytes freed. Finalizers (`__gc`) may touch
   * `_home`, so it is a call like compute: its writes are applied when it returns. */
  collectGarbage() {
    this.beginCall();
    const call = this.call;
    try {
      const freed = this.exports.run_gc();
      this.commit(call.pending);
      return freed;
    } finally {
      this.call = null;
    }
  }

  /** get_memory_stats: I/O buffer size, bytes Lua allocated, memory pages. */
  memoryStats() {
    this.exports.get_memory_stats(this.bufferPtr);
    const v = new DataView(this.exports.memory.buffer, this.bufferPtr, 12);
    return { ioBufferSize: v.getUint32(0, true), luaMemoryUsed: v.getUint32(4, true), wasmPages: v.getUint32(8, true) };
  }

  // The table as this call sees it: committed entries overlaid by the call's writes.
  lookup(id, key) {
    const w = this.call.pending.get(id);
    if (w?.has(key)) return w.get(key) ?? undefined;
    return this.tables.table(id).get(key);
  }

  keysOf(id) {
    const keys = new Set(this.tables.table(id).keys());
    for (const [k, v] of this.call.pending.get(id) ?? []) { if (v) keys.add(k); else keys.delete(k); }
    return [...keys].sort();
  }

  pend(id, key, value) {
    if (!this.call.pending.has(id)) this.call.pending.set(id, new Map());
    this.call.pending.get(id).set(key, value);
  }

  imports() {
    const host = this;
    const text = (bytes) => new TextDecoder().decode(bytes);
    // Every pointer and length comes from the guest: check it before touching memory.
    const read = (ptr, len) => {
      ptr >>>= 0; len >>>= 0;
      if (ptr + len > host.memory.length) throw new RangeError(`out-of-bounds read at ${ptr} (+${len})`);
      return host.memory.slice(ptr, ptr + len);
    };
    const write = (ptr, max, bytes) => {
      ptr >>>= 0;
      if (bytes.length > max >>> 0 || ptr + bytes.length > host.memory.length) throw new RangeError(`out-of-bounds write at ${ptr}`);
      host.memory.set(bytes, ptr);
    };
    const float = (x) => { const b = new DataView(new ArrayBuffer(9)); b.setUint8(0, 0x03); b.setFloat64(1, x, true); return new Uint8Array(b.buffer); };
    const integer = (n) => { const b = new DataView(new ArrayBuffer(9)); b.setUint8(0, 0x02); b.setBigInt64(1, BigInt(n), true); return new Uint8Array(b.buffer); };
    // The channel's services (docs/ABI.md, "Host services"), each an encoded value.
    const service = (key) => {
      switch (key) {
        case 'time': return float(Date.now() / 1000);
        case 'clock': return float((host.busyMs + performance.now() - host.call.started) / 1000);
        case 'budget': return host.budget ? integer(host.budget) : null;
        case 'stream': return Uint8Array.of(0x01, 0); // output comes with the result
        case 'entropy': return Uint8Array.of(0x04, 16, 0, 0, 0, ...crypto.getRandomValues(new Uint8Array(16)));
        default: return null;
      }
    };
    return {
      js_ext_table_set(table, kp, kl, vp, vl) {
        const key = text(read(kp, kl));
        const value = read(vp, vl);
        if (table >>> 0 === CHANNEL) {
          if (key === 'stdout') host.call.stdout.push(value);
          else if (key === 'stderr') host.call.stderr.push(value);
          else if (key === 'error') host.call.errorKind = text(value);
          else return -1;
          return 0;
        }
        host.pend(table >>> 0, key, value);
        return 0;
      },
      js_ext_table_get(table, kp, kl, vp, max) {
        const key = text(read(kp, kl));
        const value = table >>> 0 === CHANNEL ? service(key) : host.lookup(table >>> 0, key);
        if (!value) return -1;
        if (value.length <= max >>> 0) write(vp, max, value);
        return value.length; // more than max: the guest retries with a larger buffer
      },
      js_ext_table_delete(table, kp, kl) {
        host.pend(table >>> 0, text(read(kp, kl)), null);
        return 0;
      },
      js_ext_table_size(table) {
        return host.keysOf(table >>> 0).length;
      },
      js_ext_table_keys(table, bp, max) {
        const list = new TextEncoder().encode(host.keysOf(table >>> 0).join('\n'));
        if (list.length <= max >>> 0) write(bp, max, list);
        return list.length;
      },
    };
  }
}

/** Step 3: the values of a result (`[u32 output length][output][values]`), decoded. */
export function decodeResult(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const outLen = view.getUint32(0, true);
  const output = new TextDecoder().decode(bytes.subarray(4, 4 + outLen));
  const values = [];
  let pos = 4 + outLen;
  const value = () => {
    const tag = bytes[pos++];
    const u32 = () => { const n = view.getUint32(pos, true); pos += 4; return n; };
    switch (tag) {
      case 0x00: return null;
      case 0x01: return bytes[pos++] === 1;
      case 0x02: { const n = view.getBigInt64(pos, true); pos += 8; return Number.isSafeInteger(Number(n)) ? Number(n) : n; }
      case 0x03: { const x = view.getFloat64(pos, true); pos += 8; return x; }
      case 0x04: case 0x07: { const n = u32(); const s = new TextDecoder().decode(bytes.subarray(pos, pos + n)); pos += n; return s; }
      case 0x05: { const n = u32(); const t = new Map(); for (let i = 0; i < n; i++) { const k = value(); t.set(k, value()); } return t; }
      case 0x06: return { externalTable: u32() };
      default: throw new Error(`unknown value tag ${tag}`);
    }
  };
  while (pos < bytes.length) values.push(value());
  return { output, values };
}
