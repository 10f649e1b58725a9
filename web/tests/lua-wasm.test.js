// web/lua-wasm.js as a library, under Node.js: values, errors, output, stores, recovery.
// (The ABI cases are in abi-cases.test.js; the page is tested in browser.test.js.)

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  ExternalTable, LuaError, LuaWasm, MemoryStore, OpaqueValue, WebStorageStore, createVm, show,
} from '../lua-wasm.js';

const lua = await LuaWasm.load();

/** A Storage like localStorage, in memory; `full` makes setItem fail as a full one does. */
class FakeStorage {
  constructor() { this.items = new Map(); this.full = false; }
  getItem(k) { return this.items.has(k) ? this.items.get(k) : null; }
  setItem(k, v) {
    if (this.full) throw new Error('QuotaExceededError');
    this.items.set(k, String(v));
  }
  removeItem(k) { this.items.delete(k); }
}

test('values become plain JavaScript values', async () => {
  const vm = await lua.create();
  assert.equal(vm.eval('return 2 + 2'), 4);
  assert.equal(vm.eval('return 2^53'), 9007199254740992);
  assert.equal(vm.eval('return math.maxinteger'), 9223372036854775807n);
  assert.equal(vm.eval('return -2^63 // 1 | 0'), -9223372036854775808n);
  assert.equal(vm.eval("return 'héllo'"), 'héllo');
  assert.deepEqual(vm.eval("return '\\255\\0'"), new Uint8Array([255, 0]));
  assert.deepEqual(vm.eval('return {10, 20, 30}'), [10, 20, 30]);
  assert.deepEqual(vm.eval("return {name = 'ada', tags = {'x'}}"), { name: 'ada', tags: ['x'] });
  assert.deepEqual(vm.eval('return {}'), {});
  assert.deepEqual(vm.eval("return {[1] = 'a', [3] = 'c'}"), new Map([[1, 'a'], [3, 'c']]));
  assert.deepEqual(vm.eval('return {[true] = 1}'), new Map([[true, 1]]));
  assert.deepEqual(vm.eval('return _home'), new ExternalTable(1));
  assert.ok(vm.eval('return print') instanceof OpaqueValue);
  assert.equal(vm.eval('local x = 1'), undefined);
  assert.deepEqual(vm.run('return 1, nil, 3').values, [1, null, 3]);
});

test('a key named __proto__ is an ordinary property', async () => {
  const vm = await lua.create();
  const t = vm.eval("return {__proto__ = 'x', y = 1}");
  assert.equal(Object.getPrototypeOf(t), Object.prototype);
  assert.deepEqual(Object.keys(t).sort(), ['__proto__', 'y']);
});

test('runTagged keeps integer and float apart, and show writes them as Lua does', async () => {
  const vm = await lua.create();
  const values = vm.runTagged("return 4, 4.0, 1e100, 0.1, -0.0, 1/0, 'a\\n', {1, 2, x = {}}").values;
  assert.deepEqual(values.map((v) => show(v)),
    ['4', '4.0', '1e+100', '0.1', '-0.0', 'inf', '"a\\n"', '{1, 2, x = {}}']);
});

test('errors are LuaErrors with kind, message, traceback and position', async () => {
  const vm = await lua.create();
  const e = captured(() => vm.eval('local t = nil\nreturn t.x'));
  assert.ok(e instanceof LuaError);
  assert.equal(e.kind, 'runtime');
  assert.equal(e.message, `[string "local t = nil..."]:2: attempt to index a nil value (local 't')`);
  assert.equal(e.traceback, `stack traceback:\n\t[string "local t = nil..."]:2: in main chunk`);
  assert.equal(e.luaMessage, `${e.message}\n${e.traceback}`);
  assert.equal(e.chunk, '[string "local t = nil..."]');
  assert.equal(e.line, 2);
  assert.ok(e instanceof Error);
  const syntax = captured(() => vm.eval('return +'));
  assert.equal(syntax.kind, 'syntax');
  assert.equal(syntax.traceback, '');
  const tooLong = captured(() => vm.eval(`return '${'x'.repeat(70000)}'`));
  assert.equal(tooLong.kind, 'abi');
});

function captured(f) {
  try { f(); } catch (e) { return e; }
  assert.fail('should have thrown');
}

test('output before an error is kept on the error', async () => {
  const vm = await lua.create();
  const e = captured(() => vm.eval("print('before') error('after')"));
  assert.equal(e.output, 'before\n');
});

test('a print callback receives output as it is printed; warnings go to warn', async () => {
  const printed = [];
  const warned = [];
  const vm = await lua.create({ print: (s) => printed.push(s), warn: (s) => warned.push(s) });
  const r = vm.run("print('one') print('two') warn('@on') warn('w') return 1");
  assert.equal(printed.join(''), 'one\ntwo\n');
  assert.equal(warned.join(''), 'Lua warning: w\n');
  assert.equal(r.output, '');
});

test('a call from inside a callback of a running call is refused', async () => {
  let inner = null;
  const vm = await lua.create({ print: () => { inner = captured(() => vm.eval('return 1')); } });
  vm.eval("print('x')");
  assert.equal(inner.kind, 'busy');
  assert.equal(vm.eval('return 2'), 2);
});

test('the instruction budget ends a call; null lifts it', async () => {
  const vm = await lua.create({ budget: 50_000 });
  assert.equal(captured(() => vm.eval('while true do end')).kind, 'budget');
  const free = await lua.create({ budget: null });
  assert.equal(free.eval('local n = 0 for i = 1, 1e5 do n = n + i end return n'), 5000050000);
});

test('memory grows as Lua needs it (a JavaScript host cannot cap it)', async () => {
  const vm = await lua.create();
  assert.equal(vm.memoryStats().wasmPages, 32);
  vm.eval("big = {} for i = 1, 3e5 do big[i] = i end");
  assert.ok(vm.memoryStats().wasmPages > 32);
  vm.eval('big = nil');
  assert.ok(vm.collectGarbage() > 1_000_000);
});

test('_home persists across VMs over one store, and a failed call changes nothing', async () => {
  const store = new MemoryStore();
  const a = await lua.create({ store });
  a.eval('_home.n = 1 _home.t = {x = 1}');
  assert.throws(() => a.eval('_home.n = 2 _home.t.x = 2 _home.u = {} error("no")'), LuaError);
  const b = await lua.create({ store });
  assert.deepEqual(b.run('return _home.n, _home.t.x, _home.u').values, [1, 1, null]);
});

test('WebStorageStore keeps _home in one Storage item and survives a new store (a reload)', async () => {
  const storage = new FakeStorage();
  const vm = await lua.create({ store: new WebStorageStore(storage, 'home') });
  vm.eval("_home.counter = 41 _home.player = {name = 'ada'}");
  const json = JSON.parse(storage.getItem('home'));
  assert.equal(json[1].counter, 'AikAAAAAAAAA', 'the ABI value encoding of 41, in base64');
  const reloaded = await lua.create({ store: new WebStorageStore(storage, 'home') });
  assert.deepEqual(reloaded.run('_home.counter = _home.counter + 1 return _home.counter, _home.player.name').values, [42, 'ada']);
});

test('a WebStorageStore that cannot save fails the call and changes nothing', async () => {
  const storage = new FakeStorage();
  const store = new WebStorageStore(storage, 'home');
  const vm = await lua.create({ store });
  vm.eval('_home.n = 1');
  storage.full = true;
  const e = captured(() => vm.eval('_home.n = 2 return _home.n'));
  assert.equal(e.kind, 'store');
  assert.match(e.message, /QuotaExceededError/);
  storage.full = false;
  assert.equal(vm.eval('return _home.n'), 1);
  assert.equal(JSON.parse(storage.getItem('home'))[1].n, 'AgEAAAAAAAAA');
});

test('another tab\'s writes are seen at the next call', async () => {
  const storage = new FakeStorage();
  const tab1 = await lua.create({ store: new WebStorageStore(storage, 'home') });
  const tab2 = await lua.create({ store: new WebStorageStore(storage, 'home') });
  tab1.eval('_home.from = "tab 1"');
  assert.equal(tab2.eval('return _home.from'), 'tab 1');
});

test('a trap replaces the instance: globals are lost, _home is kept', async () => {
  const store = new MemoryStore();
  const vm = await lua.create({ store });
  vm.eval('_home.kept = true global = 1');
  // A store that breaks the ABI (an out-of-bounds answer) traps the call.
  const begin = store.begin.bind(store);
  store.begin = () => { const tx = begin(); tx.get = () => { throw new RangeError('simulated trap'); }; return tx; };
  const e = captured(() => vm.eval('return _home.kept'));
  assert.equal(e.kind, 'trap');
  store.begin = begin;
  assert.deepEqual(vm.run('return _home.kept, global').values, [true, null]);
});

test('finalizers run by collectGarbage may write _home, and their writes are committed', async () => {
  const store = new MemoryStore();
  const vm = await lua.create({ store });
  vm.eval("setmetatable({}, {__gc = function() _home.finalized = true end})");
  vm.collectGarbage();
  assert.equal((await lua.create({ store })).eval('return _home.finalized'), true);
});

test('createVm loads the module once and gives fresh VMs', async () => {
  const a = await createVm();
  const b = await createVm();
  a.eval('x = 1');
  assert.equal(b.eval('return x'), null);
  assert.equal(a.lua, b.lua);
});
