// The shared ABI cases (tests/abi-cases) through the bare Node.js host.

import { test } from 'node:test';

import { LuaHost, Tables, loadLuaWasm } from '../host.js';
import { loadCases, runCase } from '../../../tests/abi-cases/abi-cases.mjs';

const { module, file } = await loadLuaWasm();
const encoding = file.endsWith('legacy-eh.wasm') ? 'legacy' : 'exnref';

const host = {
  newStore(given) {
    const tables = new Tables();
    for (const [id, t] of Object.entries(given)) {
      for (const [k, v] of Object.entries(t)) tables.table(Number(id)).set(k, v);
    }
    return tables;
  },
  newVm: (tables, options) => new LuaHost(module, tables, options),
  step(lua, code) {
    const r = lua.compute(code);
    if (r.status < 0) {
      return { error: r.errorKind, message: new TextDecoder().decode(r.bytes), output: r.stdout, stderr: r.stderr };
    }
    if (r.status === 0) return { output: r.stdout, stderr: r.stderr, values: new Uint8Array(0) };
    const n = new DataView(r.bytes.buffer).getUint32(0, true);
    return { output: Buffer.concat([r.stdout, r.bytes.subarray(4, 4 + n)]), stderr: r.stderr, values: r.bytes.subarray(4 + n) };
  },
  dump: (tables) => Object.fromEntries([...tables.tables].map(([id, t]) => [id, Object.fromEntries(t)])),
};

for (const { name, case: c } of loadCases()) {
  test(`${name} [bare host, ${encoding}]`, () => runCase(c, host));
}
