// The shared ABI cases (tests/abi-cases) through the JavaScript host, web/lua-wasm.js,
// under Node.js: `node --test web/tests/`.

import { test } from 'node:test';

import { LuaWasm, MemoryStore, Vm, byteString } from '../lua-wasm.js';
import { loadCases, runCase } from '../../tests/abi-cases/abi-cases.mjs';

const lua = await LuaWasm.load();

/** The adapter tests/abi-cases/abi-cases.mjs expects, over lua-wasm.js. */
export const host = {
  newStore(given) {
    const store = new MemoryStore();
    for (const [id, t] of Object.entries(given)) {
      store.tables.set(Number(id), new Map(Object.entries(t).map(([k, v]) => [byteString(new TextEncoder().encode(k)), v])));
    }
    return store;
  },
  newVm(store, options) {
    return new Vm(lua, { store, ...options });
  },
  step(vm, code) {
    const raw = vm.computeRaw(code);
    if (raw.status < 0) {
      return { error: raw.errorKind, message: new TextDecoder().decode(raw.bytes), output: raw.stdout, stderr: raw.stderr };
    }
    if (raw.status === 0) return { output: raw.stdout, stderr: raw.stderr, values: new Uint8Array(0) };
    const n = new DataView(raw.bytes.buffer).getUint32(0, true);
    const output = new Uint8Array([...raw.stdout, ...raw.bytes.subarray(4, 4 + n)]);
    return { output, stderr: raw.stderr, values: raw.bytes.subarray(4 + n) };
  },
  dump(store) {
    return Object.fromEntries(store.tableIds().map((id) => [id, Object.fromEntries(
      store.entries(id).map(([k, v]) => [new TextDecoder().decode(k), v]),
    )]));
  },
};

for (const { name, case: c } of loadCases()) {
  test(`${name} [${lua.encoding}]`, () => runCase(c, host));
}
