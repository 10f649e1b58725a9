// The bare Node.js host (host.js) and its walkthrough (index.js): `node --test test/`.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';

import { LuaHost, Tables, decodeResult, loadLuaWasm } from '../host.js';

const { module, file } = await loadLuaWasm();
const evaluate = (lua, code) => {
  const r = lua.compute(code);
  assert.ok(r.status > 0, `${code} should return values, got status ${r.status}: ${new TextDecoder().decode(r.bytes)}`);
  return decodeResult(r.bytes).values;
};

test('the engine gets the module it can run: lua.wasm with exnref, else the legacy build', () => {
  const exnref = WebAssembly.validate(fs.readFileSync(new URL('../../../web/lua.wasm', import.meta.url)));
  const major = Number(process.versions.node.split('.')[0]);
  assert.equal(file.endsWith('lua-legacy-eh.wasm'), !exnref);
  if (major >= 24) assert.ok(file.endsWith('/lua.wasm'), `Node ${process.version} runs the standard encoding`);
  if (major <= 20) assert.ok(file.endsWith('lua-legacy-eh.wasm'), `Node ${process.version} needs the legacy encoding`);
});

test('arithmetic returns a 9-byte integer (13 bytes with the output length)', () => {
  const lua = new LuaHost(module);
  const r = lua.compute('return 2 + 2');
  assert.equal(r.status, 13);
  assert.deepEqual(decodeResult(r.bytes).values, [4]);
});

test('strings come back as 5 + length bytes', () => {
  const lua = new LuaHost(module);
  const r = lua.compute("return 'Hello ' .. 'from Lua!'");
  assert.equal(r.status - 4, 20);
  assert.deepEqual(decodeResult(r.bytes).values, ['Hello from Lua!']);
});

test('integers beyond 2^53 come back as BigInt, floats as numbers', () => {
  const lua = new LuaHost(module);
  assert.deepEqual(evaluate(lua, 'return math.maxinteger, 0.5, 1/0'), [9223372036854775807n, 0.5, Infinity]);
});

test('_home persists across calls and across instances over the same tables', () => {
  const tables = new Tables();
  const first = new LuaHost(module, tables);
  const counter = '_home.counter = (_home.counter or 0) + 1; return _home.counter';
  assert.deepEqual(evaluate(first, counter), [1]);
  assert.deepEqual(evaluate(first, counter), [2]);
  const second = new LuaHost(module, tables);
  assert.deepEqual(evaluate(second, counter), [3]);
  assert.equal(tables.table(1).get('counter').length, 9);
});

test('a failed call changes nothing in the tables', () => {
  const tables = new Tables();
  const lua = new LuaHost(module, tables);
  evaluate(lua, '_home.n = 1 return true');
  const r = lua.compute("_home.n = 2 _home.t = {} error('no')");
  assert.ok(r.status < 0);
  assert.deepEqual([...tables.table(1).keys()], ['n']);
  assert.deepEqual(evaluate(lua, 'return _home.n, _home.t'), [1, null]);
});

test('a runtime error is -(length + 1) with the message and traceback in the buffer', () => {
  const lua = new LuaHost(module);
  const r = lua.compute('local player = nil\nreturn player.name');
  const message = new TextDecoder().decode(r.bytes);
  assert.equal(r.status, -(r.bytes.length + 1));
  assert.equal(r.errorKind, 'runtime');
  assert.match(message, /^\[string "local player = nil\.\.\."\]:2: attempt to index a nil value \(local 'player'\)\nstack traceback:/);
  assert.deepEqual(evaluate(lua, 'return 1'), [1], 'the VM goes on after an error');
});

test('a syntax error is reported with kind syntax', () => {
  const lua = new LuaHost(module);
  const r = lua.compute('return +');
  assert.ok(r.status < 0);
  assert.equal(r.errorKind, 'syntax');
});

test('the instruction budget stops an endless loop', () => {
  const lua = new LuaHost(module, new Tables(), { budget: 100_000 });
  const r = lua.compute('while true do end');
  assert.equal(r.errorKind, 'budget');
  assert.match(new TextDecoder().decode(r.bytes), /instruction budget of 100000 exhausted/);
});

test('output beyond the buffer arrives through the channel, in order and in full', () => {
  const lua = new LuaHost(module);
  const r = lua.compute("for i = 1, 20000 do print(('%05d'):format(i)) end return 'ok'");
  const { output, values } = decodeResult(r.bytes);
  const all = new TextDecoder().decode(r.stdout) + output;
  assert.equal(all.length, 20000 * 6);
  assert.ok(all.startsWith('00001\n00002\n') && all.endsWith('19999\n20000\n'));
  assert.deepEqual(values, ['ok']);
});

test('os.time comes from the host clock', () => {
  const lua = new LuaHost(module);
  const [t] = evaluate(lua, 'return os.time()');
  assert.ok(Math.abs(t - Date.now() / 1000) < 5, `os.time() = ${t}`);
});

test('memory statistics: 64 KiB buffer, exact Lua bytes, 32 pages', () => {
  const lua = new LuaHost(module);
  const stats = lua.memoryStats();
  assert.equal(stats.ioBufferSize, 65536);
  assert.equal(stats.wasmPages, 32);
  assert.ok(stats.luaMemoryUsed > 10_000 && stats.luaMemoryUsed < 200_000, `${stats.luaMemoryUsed}`);
});

test('finalizers run by run_gc may write _home, and their writes are kept', () => {
  const tables = new Tables();
  const lua = new LuaHost(module, tables);
  lua.compute("setmetatable({}, {__gc = function() _home.finalized = true end})");
  lua.collectGarbage();
  assert.deepEqual(evaluate(lua, 'return _home.finalized'), [true]);
});

test('the walkthrough prints the seed examples', () => {
  const out = execFileSync(process.execPath, ['index.js'], { cwd: new URL('..', import.meta.url), encoding: 'utf8' });
  assert.match(out, /=== Example 1: Basic Arithmetic ===\nLua code: return 2 \+ 2\n✓ Result: 9 bytes returned\n {2}Number value: 4/);
  assert.match(out, /String value: 'Hello from Lua!'/);
  assert.match(out, /Number value: 1\n.*\n✓ Result: 9 bytes returned\n {2}Number value: 2/);
  assert.match(out, /Number value: inf/);
  assert.match(out, /✗ Lua error: \[string "local player = nil\.\.\."\]:2: attempt to index a nil value/);
  assert.match(out, /'counter': 9 bytes/);
  assert.match(out, /✓ All examples completed successfully!/);
});
