// lua.wasm for JavaScript: the browser's (and Node's) host of docs/ABI.md.
//
//   import { LuaWasm, WebStorageStore } from './lua-wasm.js';
//   const lua = await LuaWasm.load();                        // compiles lua.wasm once
//   const vm = await lua.create({ store: new WebStorageStore(), print: (s) => console.log(s) });
//   vm.eval('_home.visits = (_home.visits or 0) + 1 return _home.visits');   // 1, 2, ...
//
// The model is the Rust host's (crates/host): a `LuaWasm` is the compiled module (share
// it), a `Vm` is one Lua state in its own instance over a table store, each call is one
// transaction (a failed call changes nothing in the store), the channel's services
// (output, time, clock, budget, stream, entropy, error kind) are answered, and a trapped
// instance is replaced by a fresh one (globals lost, `_home` kept).
//
// Differences from the Rust host, because JavaScript cannot do otherwise: memory has no
// limit (the module's memory is its own, and WebAssembly lets a module grow it without
// asking the host), and there is no wall-clock deadline (a call cannot be interrupted on
// the thread that runs it); the instruction budget bounds every call.

import {
  BUFFER_SIZE, PAGE_SIZE, TABLE, decodeAll, encode, toJs, textOrBytes,
} from './lua-wasm-abi.js';
import { MemoryStore, byteString, stringBytes } from './lua-wasm-stores.js';

export * from './lua-wasm-abi.js';
export { MemoryStore, WebStorageStore, byteString, stringBytes } from './lua-wasm-stores.js';

/**
 * Default instruction budget of one call: about a second of busy Lua. (The Rust host has
 * none by default: it stops a call at its deadline through the module's `interrupt`
 * export, called from wasmtime's epoch callback. A JavaScript engine cannot run code in
 * the middle of a synchronous wasm call, so here the budget is what bounds a call.)
 */
export const DEFAULT_INSTRUCTION_BUDGET = 500_000_000;

const utf8 = new TextEncoder();

/**
 * A failed call. `kind` says why, as the guest reported it (docs/ABI.md, "Host
 * services"): `syntax`, `runtime`, `memory`, `budget`, `abi`; or, from this host,
 * `store` (the table store failed), `trap` (the module trapped; its instance was
 * replaced), `busy` (a call from inside a callback of a running call).
 * `message` is Lua's message, `traceback` the traceback (`stack traceback:\n\t...`, or
 * ''), `luaMessage` both as the `lua` command prints them, and `chunk`/`line` where the
 * message points, when it does.
 */
export class LuaError extends Error {
  constructor(kind, full) {
    const at = full.indexOf('\nstack traceback:');
    const message = at < 0 ? full : full.slice(0, at);
    super(message);
    this.name = 'LuaError';
    this.kind = kind;
    this.luaMessage = full;
    this.traceback = at < 0 ? '' : full.slice(at + 1);
    const pos = /^(\[string ".*?"\]|[^:\n]+):(\d+):/.exec(message);
    this.chunk = pos ? pos[1] : null;
    this.line = pos ? Number(pos[2]) : null;
  }
}

/** What a module's bytes need: the standard exception encoding, or the legacy one. */
function wasmUrl(name) { return new URL(name, import.meta.url); }

async function readBytes(url) {
  if (url.protocol === 'file:') {
    const fs = await import('node:fs/promises');
    return new Uint8Array(await fs.readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The compiled lua.wasm, shared by any number of VMs (the Rust host's `Engine`). */
export class LuaWasm {
  constructor(module, encoding) {
    this.module = module;
    /** 'exnref' (web/lua.wasm) or 'legacy' (web/lua-legacy-eh.wasm). */
    this.encoding = encoding;
  }

  /**
   * Loads and compiles lua.wasm. With no argument it loads `lua.wasm` beside this file,
   * or, on engines without the standard exception encoding (Node.js 20, older
   * browsers), `lua-legacy-eh.wasm`. `options.bytes` (or `options.url`) gives one
   * module explicitly.
   */
  static async load(options = {}) {
    if (options.bytes) {
      const bytes = options.bytes;
      return new LuaWasm(await WebAssembly.compile(bytes), options.encoding ?? 'exnref');
    }
    if (options.url) {
      return new LuaWasm(await WebAssembly.compile(await readBytes(new URL(options.url))), options.encoding ?? 'exnref');
    }
    const standard = await readBytes(wasmUrl('./lua.wasm'));
    if (WebAssembly.validate(standard)) {
      return new LuaWasm(await WebAssembly.compile(standard), 'exnref');
    }
    const legacy = await readBytes(wasmUrl('./lua-legacy-eh.wasm'));
    return new LuaWasm(await WebAssembly.compile(legacy), 'legacy');
  }

  /**
   * A new VM.
   * @param {object} [options]
   * @param {MemoryStore} [options.store] where `_home` lives (default: a new MemoryStore)
   * @param {(text: string) => void} [options.print] receives printed output as it is
   *   printed; without it, output is collected in each call's `output`
   * @param {(text: string) => void} [options.warn] receives Lua warnings (`warn`)
   * @param {number|null} [options.budget] the most Lua instructions one call may run
   *   (default 500 million; null or 0: no limit)
   */
  async create(options = {}) {
    return new Vm(this, options);
  }
}

/** One Lua VM in its own lua.wasm instance. Globals persist from call to call. */
export class Vm {
  constructor(lua, options = {}) {
    this.lua = lua;
    this.store = options.store ?? new MemoryStore();
    this.print = options.print ?? null;
    this.warn = options.warn ?? null;
    this.budget = options.budget === undefined ? DEFAULT_INSTRUCTION_BUDGET : options.budget;
    /** Milliseconds spent inside earlier calls: this VM's processor time for `os.clock`. */
    this.busyMs = 0;
    this.call = null;
    this.live = null;
    this.instantiate();
  }

  /** Makes a fresh instance and initializes its Lua state. */
  instantiate() {
    const instance = new WebAssembly.Instance(this.lua.module, { env: this.imports() });
    const ex = instance.exports;
    this.live = { ex, memory: ex.memory, bufferPtr: 0 };
    this.call = newCall();
    let status;
    try {
      status = ex.init();
    } finally {
      this.call = null; // init may read the time: nothing to keep
    }
    if (status !== 0) throw new LuaError('memory', 'init() failed: not enough memory for a Lua state');
    const ptr = ex.get_buffer_ptr() >>> 0;
    if (ptr + BUFFER_SIZE > ex.memory.buffer.byteLength) {
      throw new LuaError('trap', `get_buffer_ptr() returned ${ptr}, outside memory`);
    }
    this.live.bufferPtr = ptr;
  }

  /**
   * Runs `code` (a string or UTF-8 bytes) and returns what `compute` left in the buffer,
   * undecoded: `{ status, bytes, stdout, stderr, errorKind }`, where `status` is
   * compute's return, `bytes` the result or error message it announces, and `stdout`/
   * `stderr` what came through the channel during the call (Uint8Arrays). The call's
   * table writes are committed when it succeeds and dropped when it fails.
   */
  computeRaw(code) {
    const bytes = typeof code === 'string' ? utf8.encode(code) : code;
    if (this.call) throw new LuaError('busy', 'lua.wasm is already running a call of this VM (a call from inside print or warn)');
    if (bytes.length > BUFFER_SIZE) {
      throw new LuaError('abi', `the code is ${bytes.length} bytes, more than the ${BUFFER_SIZE}-byte I/O buffer of lua.wasm; split it into several calls`);
    }
    if (!this.live) this.instantiate();
    const { ex, bufferPtr } = this.live;
    new Uint8Array(ex.memory.buffer, bufferPtr, bytes.length).set(bytes);
    const call = (this.call = newCall());
    let status;
    try {
      status = ex.compute(bufferPtr, bytes.length);
    } catch (e) {
      // A trap (or an exception from an import): the instance cannot be trusted.
      this.live = null;
      throw new LuaError('trap', `lua.wasm failed: ${e.message}; its VM was reset (globals lost, _home kept)`);
    } finally {
      this.busyMs += now() - call.started;
      this.call = null;
    }
    const len = status < 0 ? -status - 1 : status;
    if (len > BUFFER_SIZE) {
      this.live = null;
      throw new LuaError('trap', `compute() returned ${status}, more than the buffer holds`);
    }
    const out = new Uint8Array(ex.memory.buffer, bufferPtr, len).slice();
    if (status >= 0 && call.tx) {
      try {
        call.tx.commit();
      } catch (e) {
        throw new LuaError('store', `table store: ${e.message}`);
      }
    }
    return {
      status, bytes: out, stdout: concat(call.stdout), stderr: concat(call.stderr),
      errorKind: call.errorKind, storeError: call.storeError,
    };
  }

  /**
   * Runs `code` and returns `{ output, stderr, values }`: the printed text (empty when
   * a `print` callback took it), the warnings, and the returned values as tagged values
   * (see lua-wasm-abi.js; `toJs` makes plain values of them). Throws a `LuaError`.
   */
  runTagged(code) {
    const raw = this.computeRaw(code);
    if (raw.status < 0) {
      if (raw.storeError) throw new LuaError('store', `table store: ${raw.storeError}`);
      const error = new LuaError(raw.errorKind ?? 'runtime', new TextDecoder().decode(raw.bytes));
      // What the call printed before it failed (without a print callback).
      error.output = new TextDecoder().decode(raw.stdout);
      error.stderr = new TextDecoder().decode(raw.stderr);
      throw error;
    }
    let printed = new Uint8Array(0);
    let values = [];
    if (raw.status > 0) {
      const view = new DataView(raw.bytes.buffer);
      const outLen = view.getUint32(0, true);
      if (4 + outLen > raw.bytes.length) throw new LuaError('trap', 'result shorter than its output length');
      printed = raw.bytes.subarray(4, 4 + outLen);
      values = decodeAll(raw.bytes.subarray(4 + outLen));
    }
    let output = new TextDecoder().decode(concat([raw.stdout, printed]));
    if (this.print && printed.length) {
      this.print(new TextDecoder().decode(printed));
      output = '';
    }
    return { output, stderr: new TextDecoder().decode(raw.stderr), values };
  }

  /** Like `runTagged`, with the values as plain JavaScript values (see `toJs`). */
  run(code) {
    const r = this.runTagged(code);
    return { ...r, values: r.values.map(toJs) };
  }

  /** Runs `code` and returns its first value as a JavaScript value (undefined if none). */
  eval(code) {
    const { values } = this.run(code);
    return values.length ? values[0] : undefined;
  }

  /**
   * The module's memory figures: `{ ioBufferSize, luaMemoryUsed, wasmPages, totalMemory }`
   * (luaMemoryUsed is exactly what Lua has allocated).
   */
  memoryStats() {
    if (!this.live) this.instantiate();
    const { ex, bufferPtr } = this.live;
    ex.get_memory_stats(bufferPtr);
    const view = new DataView(ex.memory.buffer, bufferPtr, 12);
    const wasmPages = view.getUint32(8, true);
    return {
      ioBufferSize: view.getUint32(0, true),
      luaMemoryUsed: view.getUint32(4, true),
      wasmPages,
      totalMemory: wasmPages * PAGE_SIZE,
    };
  }

  /**
   * Runs a full garbage collection; returns the bytes it freed. Finalizers (`__gc`) may
   * run and touch `_home`: like a call, their writes are committed together.
   */
  collectGarbage() {
    if (this.call) throw new LuaError('busy', 'lua.wasm is already running a call of this VM');
    if (!this.live) this.instantiate();
    const call = (this.call = newCall());
    let freed;
    try {
      freed = this.live.ex.run_gc();
    } catch (e) {
      this.live = null;
      throw new LuaError('trap', `lua.wasm failed: ${e.message}; its VM was reset (globals lost, _home kept)`);
    } finally {
      this.call = null;
    }
    call.tx?.commit();
    return Math.max(0, freed);
  }

  /** The five imports of docs/ABI.md, over the current call's transaction. */
  imports() {
    const vm = this;
    const memory = () => new Uint8Array(vm.live.memory.buffer);
    const read = (what, ptr, len) => {
      ptr >>>= 0; len >>>= 0;
      const mem = memory();
      if (ptr + len > mem.length) throw new RangeError(`lua.wasm passed an out-of-bounds ${what} (pointer ${ptr}, length ${len}) to the host`);
      return mem.slice(ptr, ptr + len);
    };
    const write = (what, ptr, capacity, bytes) => {
      ptr >>>= 0;
      const mem = memory();
      if (bytes.length > capacity >>> 0 || ptr + bytes.length > mem.length) {
        throw new RangeError(`lua.wasm passed an out-of-bounds ${what} (pointer ${ptr}, length ${capacity}) to the host`);
      }
      mem.set(bytes, ptr);
    };
    // A store failure ends the call with a Lua error; the first one is kept to report.
    const guarded = (f) => {
      try {
        return f(vm.tx());
      } catch (e) {
        if (e instanceof RangeError) throw e;
        vm.call.storeError ??= e.message;
        return -1;
      }
    };
    return {
      js_ext_table_set(table, kp, kl, vp, vl) {
        const key = read('key', kp, kl);
        const value = read('value', vp, vl);
        if (table >>> 0 === TABLE.CHANNEL) return vm.channelSet(byteString(key), value);
        return guarded((tx) => { tx.set(table >>> 0, byteString(key), value); return 0; });
      },
      js_ext_table_get(table, kp, kl, vp, max) {
        const key = byteString(read('key', kp, kl));
        let value;
        if (table >>> 0 === TABLE.CHANNEL) {
          value = vm.service(key);
        } else {
          const answer = guarded((tx) => tx.get(table >>> 0, key) ?? null);
          if (answer === -1) return -1;
          value = answer;
        }
        if (!value) return -1;
        if (value.length <= max >>> 0) write('value buffer', vp, max, value);
        // The value's length: more than 'max' asks the guest for a larger buffer.
        return Math.min(value.length, 0x7fffffff);
      },
      js_ext_table_delete(table, kp, kl) {
        const key = byteString(read('key', kp, kl));
        return guarded((tx) => { tx.delete(table >>> 0, key); return 0; });
      },
      js_ext_table_size(table) {
        return guarded((tx) => Math.min(tx.size(table >>> 0), 0x7fffffff));
      },
      js_ext_table_keys(table, bp, max) {
        const keys = guarded((tx) => tx.keys(table >>> 0));
        if (keys === -1) return -1;
        const list = stringBytes(keys.join('\n'));
        if (list.length <= max >>> 0) write('key buffer', bp, max, list);
        return Math.min(list.length, 0x7fffffff);
      },
    };
  }

  /** The current call's transaction, begun at its first table access. */
  tx() {
    if (!this.call) throw new Error('the table store was used outside a call');
    this.call.tx ??= this.store.begin();
    return this.call.tx;
  }

  /** `js_ext_table_set` on the channel: output, warnings, the error kind. */
  channelSet(key, value) {
    const call = this.call;
    if (!call) return -1;
    switch (key) {
      case 'stdout':
        if (this.print) call.decoder.out ??= new TextDecoder();
        if (this.print) this.print(call.decoder.out.decode(value, { stream: true }));
        else call.stdout.push(value);
        return 0;
      case 'stderr':
        if (this.warn) this.warn(new TextDecoder().decode(value));
        else call.stderr.push(value);
        return 0;
      case 'error':
        call.errorKind = new TextDecoder().decode(value);
        return 0;
      default:
        return -1;
    }
  }

  /** `js_ext_table_get` on the channel: the host services, each an encoded value.
   * (`entropy` seeds `math.random` with 16 random bytes, for modules that ask for it.) */
  service(key) {
    switch (key) {
      case 'time': return encode({ type: 'float', value: Date.now() / 1000 });
      case 'clock': {
        const running = this.call ? now() - this.call.started : 0;
        return encode({ type: 'float', value: (this.busyMs + running) / 1000 });
      }
      case 'budget':
        return this.budget ? encode({ type: 'integer', value: BigInt(this.budget) }) : null;
      case 'stream': return encode({ type: 'boolean', value: this.print !== null });
      case 'entropy': return encode({ type: 'string', bytes: crypto.getRandomValues(new Uint8Array(16)) });
      default: return null;
    }
  }
}

function newCall() {
  return {
    tx: null, stdout: [], stderr: [], errorKind: null, storeError: null,
    started: now(), decoder: {},
  };
}

function now() { return globalThis.performance ? performance.now() : Date.now(); }

function concat(chunks) {
  const n = chunks.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** Shorthand: loads lua.wasm (once per page) and creates a VM with `options`. */
let shared = null;
export async function createVm(options = {}) {
  shared ??= LuaWasm.load();
  return (await shared).create(options);
}

export { textOrBytes };
