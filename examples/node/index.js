// lua.wasm under Node.js with nothing but the built-in WebAssembly API: the walkthrough of
// the seed examples (seed 001, example 4). Run it with `node index.js` (Node.js 20 or later).
//
// It loads the module, runs the seed examples through `compute`, shows the raw result
// sizes the ABI defines (a number is 9 bytes, 'Hello from Lua!' 20), the persistent
// counter in `_home`, a runtime error, the memory statistics, and the external tables.

import path from 'node:path';

import { LuaHost, Tables, decodeResult, loadLuaWasm } from './host.js';

console.log('Lua WASM Integration Example (Node.js, bare WebAssembly)\n');
const { module, file } = await loadLuaWasm();
console.log(`✓ Loaded ${path.relative(process.cwd(), file)}${file.endsWith('legacy-eh.wasm') ? ' (this Node.js lacks the standard exception encoding)' : ''}\n`);

console.log('Initializing Lua VM...');
const tables = new Tables();
const lua = new LuaHost(module, tables);
console.log('✓ Lua VM initialized successfully\n');
console.log('Buffer info:');
console.log(`  Pointer: 0x${lua.bufferPtr.toString(16)}`);
console.log(`  Size: ${lua.exports.get_buffer_size()} bytes`);

function run(code) {
  console.log(`Lua code: ${code}`);
  const { status, bytes, stdout } = lua.compute(code);
  if (status < 0) {
    console.log(`✗ Lua error: ${new TextDecoder().decode(bytes)}`);
    return;
  }
  if (status === 0) {
    console.log('✓ No result');
    return;
  }
  const { output, values } = decodeResult(bytes);
  const printed = new TextDecoder().decode(stdout) + output;
  if (printed) console.log(printed.replace(/\n$/, '').replace(/^/gm, '  | '));
  console.log(`✓ Result: ${status - 4 - Buffer.byteLength(output)} bytes returned`);
  for (const v of values) {
    if (typeof v === 'bigint') console.log(`  Number value: ${v}`);
    else if (typeof v === 'number') console.log(`  Number value: ${Number.isFinite(v) ? v : v > 0 ? 'inf' : '-inf'}`);
    else if (typeof v === 'string') console.log(`  String value: '${v}'`);
    else console.log(`  Value: ${JSON.stringify(v)}`);
  }
}

const examples = [
  ['Basic Arithmetic', ['return 2 + 2']],
  ['String Operations', ["return 'Hello ' .. 'from Lua!'"]],
  ['External Table Persistence', Array(2).fill('_home.counter = (_home.counter or 0) + 1; return _home.counter')],
  ['Division by Zero', ['return 1 / 0']],
  ['A Runtime Error', ['local player = nil\nreturn player.name']],
  ['Print Output', ["print('Hello from Lua!'); return 'done'"]],
];
examples.forEach(([title, codes], i) => {
  console.log(`\n=== Example ${i + 1}: ${title} ===`);
  codes.forEach(run);
});

console.log(`\n=== Example ${examples.length + 1}: Memory Statistics ===`);
const stats = lua.memoryStats();
console.log('Memory Statistics:');
console.log(`  I/O Buffer Size: ${stats.ioBufferSize} bytes (${stats.ioBufferSize / 1024} KB)`);
console.log(`  Lua Memory Used: ${stats.luaMemoryUsed} bytes`);
console.log(`  WASM Pages: ${stats.wasmPages} (${(stats.wasmPages * 65536) / 1048576} MB)`);
console.log(`  Total WASM Memory: ${stats.wasmPages * 65536} bytes`);
console.log(`  run_gc() freed ${lua.collectGarbage()} bytes`);

console.log('\n=== External Table Contents ===');
for (const [id, table] of tables.tables) {
  if (table.size === 0) continue;
  console.log(`Table ID ${id}: ${table.size} entries`);
  for (const [key, value] of table) console.log(`  '${key}': ${value.length} bytes`);
}
console.log('\n✓ All examples completed successfully!');
