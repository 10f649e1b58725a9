// The playground and lua-wasm.js in a real browser: Debian's chromium driven by
// playwright-core (`node --test web/tests/browser.test.js`). Set CHROMIUM to use another
// binary. A failing test leaves a screenshot in target/browser-screenshots/.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { loadCases, runCase } from '../../tests/abi-cases/abi-cases.mjs';
import { serve } from './server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOTS = path.join(ROOT, 'target/browser-screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let browser;
let server;

before(async () => {
  server = await serve();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A test with a fresh browser context (its own localStorage) and a page; on failure the
 * page's screenshot is saved, and errors the page logged are part of the message.
 */
function pageTest(name, body) {
  test(name, async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    try {
      await body(page);
      assert.deepEqual(problems, [], 'the page logged no errors');
    } catch (e) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      const file = path.join(SCREENSHOTS, `${name.replace(/[^\w-]+/g, '_')}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      e.message += `\n(screenshot: ${file})${problems.length ? `\n${problems.join('\n')}` : ''}`;
      throw e;
    } finally {
      await context.close();
    }
  });
}

async function open(page, hash = '') {
  await page.goto(`${server.url}/web/index.html${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
}

/** Puts `code` in the editor and runs it with Ctrl+Enter; returns the new run's block. */
async function runCode(page, code) {
  await page.fill('#editor', code);
  const before = await page.locator('#output .run').count();
  await page.focus('#editor');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((n) => document.querySelectorAll('#output .run').length > n, before);
  return page.locator('#output .run').last();
}

pageTest('the page loads lua.wasm with standard exceptions and is ready to run', async (page) => {
  await open(page);
  assert.equal(await page.textContent('#engine'), 'lua.wasm');
  assert.equal(await page.isEnabled('#run'), true);
  assert.match(await page.inputValue('#editor'), /seed host/);
  assert.match(await page.textContent('#stats'), /32 pages \(2 MiB\)/);
});

pageTest('code runs with Ctrl+Enter and shows its output and values', async (page) => {
  await open(page);
  const run = await runCode(page, "print('hello', 1 + 1)\nreturn 2 ^ 10, 'done', {1, 2, x = 3}");
  assert.equal(await run.getAttribute('class'), 'run ok');
  assert.equal(await run.locator('.printed').textContent(), 'hello\t2\n');
  assert.deepEqual(await run.locator('.value').allTextContents(), ['1024.0', '"done"', '{1, 2, x = 3}']);
});

pageTest('the Run button runs the seed walkthrough example', async (page) => {
  await open(page);
  await page.selectOption('#examples', { label: 'Seed walkthrough' });
  await page.click('#run');
  const run = page.locator('#output .run').last();
  const printed = await run.locator('.printed').textContent();
  assert.match(printed, /^1\. Basic arithmetic:\t4\n2\. String operations:\tHello from Lua!\n3\. Persistent counter:\t1\n4\. Division by zero:\tinf\n5\. A runtime error:\t.*attempt to index a nil value \(local 'player'\)\n/);
  assert.equal(await run.locator('.value').textContent(), '1');
});

pageTest('_home is kept across a page reload and shown in the _home view', async (page) => {
  await open(page);
  const counter = '_home.counter = (_home.counter or 0) + 1 _home.player = {name = "ada"} return _home.counter';
  await runCode(page, counter);
  const second = await runCode(page, counter);
  assert.equal(await second.locator('.value').textContent(), '2');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  const home = await page.textContent('#home');
  assert.match(home, /counter = 2/);
  assert.match(home, /player = table #\d+\s*name = "ada"/);
  const third = await runCode(page, counter);
  assert.equal(await third.locator('.value').textContent(), '3');
  const stored = await page.evaluate(() => localStorage.getItem('lua-wasm:playground'));
  assert.match(stored, /"counter":"AgMAAAAAAAAA"/, 'the ABI value encoding of 3, in base64');
});

pageTest('a runtime error is shown with its message and traceback, and changes nothing', async (page) => {
  await open(page);
  await runCode(page, '_home.balance = 100');
  const run = await runCode(page, "_home.balance = 0\nlocal player = nil\nreturn player.name");
  assert.equal(await run.getAttribute('class'), 'run failed');
  assert.equal(await run.locator('.error .kind').textContent(), 'runtime error');
  assert.equal(await run.locator('.error .message').textContent(),
    `[string "_home.balance = 0..."]:3: attempt to index a nil value (local 'player')`);
  assert.match(await run.locator('.error .traceback').textContent(), /^stack traceback:\n\t\[string "_home.balance = 0\.\.\."\]:3: in main chunk/);
  assert.match(await page.textContent('#home'), /balance = 100/);
});

pageTest('a syntax error and a spent budget are shown as such', async (page) => {
  await open(page);
  const syntax = await runCode(page, 'return = 1');
  assert.equal(await syntax.locator('.error .kind').textContent(), 'syntax error');
  assert.match(await syntax.locator('.error .message').textContent(), /unexpected symbol near '='/);
  const budget = await runCode(page, 'while true do end');
  assert.equal(await budget.locator('.error .kind').textContent(), 'budget error');
  assert.match(await budget.locator('.error .message').textContent(), /instruction budget of 100000000 exhausted/);
  const after = await runCode(page, 'return "still alive"');
  assert.equal(await after.locator('.value').textContent(), '"still alive"');
});

pageTest('a #code= link opens its code in the editor without running it', async (page) => {
  const code = "-- shared\nreturn 'from a link'";
  await open(page, `#code=${encodeURIComponent(code)}`);
  assert.equal(await page.inputValue('#editor'), code);
  assert.equal(await page.locator('#output .run').count(), 0);
  assert.equal(await page.textContent('#gutter'), '1\n2');
});

pageTest('a #run= link opens its code and runs it at once', async (page) => {
  const code = "print('ran from a link') return 6 * 7";
  await open(page, `#run=${encodeURIComponent(code)}`);
  const run = page.locator('#output .run').last();
  assert.equal(await run.locator('.printed').textContent(), 'ran from a link\n');
  assert.equal(await run.locator('.value').textContent(), '42');
  assert.equal(await page.inputValue('#editor'), code);
});

pageTest('the share button puts a #code= link in the address bar', async (page) => {
  await open(page);
  await page.fill('#editor', 'return 1 + 1');
  await page.click('#share');
  assert.ok(page.url().endsWith(`#code=${encodeURIComponent('return 1 + 1')}`), page.url());
});

pageTest('memory statistics follow the VM, and garbage collection frees memory', async (page) => {
  await open(page);
  await runCode(page, 'big = {} for i = 1, 20000 do big[i] = {i} end');
  const used = async () => page.evaluate(() => window.playground.vm.memoryStats().luaMemoryUsed);
  const full = await used();
  assert.ok(full > 500_000, `${full}`);
  await runCode(page, 'big = nil');
  await page.click('#gc');
  assert.ok(await used() < full / 2);
  assert.match(await page.textContent('#stats'), /Lua memory used/);
});

pageTest('the shared ABI cases give the same bytes in Chromium', async (page) => {
  await open(page);
  for (const { name, case: c } of loadCases()) {
    // The case runs in the page through lua-wasm.js; its results are checked here.
    const recorded = await page.evaluate(runInPage, c);
    try {
      runCase(c, replay(recorded));
    } catch (e) {
      e.message = `${name}: ${e.message}`;
      throw e;
    }
  }
});

/** Runs a case's steps in the page; returns each step's outcome and the store after it. */
async function runInPage(c) {
  const { LuaWasm, MemoryStore, Vm, byteString } = await import('./lua-wasm.js');
  const lua = await LuaWasm.load();
  const hex = (b) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  const unhex = (t) => Uint8Array.from(t.replace(/\s+/g, '').match(/../g) ?? [], (h) => parseInt(h, 16));
  const store = new MemoryStore();
  for (const [id, t] of Object.entries(c.given ?? {})) {
    store.tables.set(Number(id), new Map(Object.entries(t).map(([k, v]) => [byteString(new TextEncoder().encode(k)), unhex(v)])));
  }
  const options = c.options ?? {};
  let vm = new Vm(lua, { store, ...options });
  const out = [];
  for (const s of c.steps ?? [c]) {
    if (s.new_vm) vm = new Vm(lua, { store, ...options });
    const code = Array.isArray(s.code) ? s.code.join('\n') : s.code ?? '';
    const raw = vm.computeRaw(code);
    const step = { stdout: hex(raw.stdout), stderr: hex(raw.stderr) };
    if (raw.status < 0) Object.assign(step, { error: raw.errorKind, message: new TextDecoder().decode(raw.bytes) });
    else if (raw.status === 0) Object.assign(step, { printed: '', values: '' });
    else {
      const n = new DataView(raw.bytes.buffer).getUint32(0, true);
      Object.assign(step, { printed: hex(raw.bytes.subarray(4, 4 + n)), values: hex(raw.bytes.subarray(4 + n)) });
    }
    step.dump = Object.fromEntries(store.tableIds().map((id) => [id, Object.fromEntries(
      store.entries(id).map(([k, v]) => [new TextDecoder().decode(k), hex(v)]))]));
    out.push(step);
  }
  return out;
}

/** A host for runCase that answers from what the page recorded, step by step. */
function replay(recorded) {
  const unhex = (t) => Uint8Array.from(t.match(/../g) ?? [], (h) => parseInt(h, 16));
  let i = -1;
  return {
    newStore: () => null,
    newVm: () => null,
    step() {
      const s = recorded[++i];
      const output = new Uint8Array([...unhex(s.stdout), ...unhex(s.printed ?? '')]);
      const stderr = unhex(s.stderr);
      if (s.error) return { error: s.error, message: s.message, output, stderr };
      return { output, stderr, values: unhex(s.values) };
    },
    dump: () => Object.fromEntries(Object.entries(recorded[i].dump).map(([id, t]) => [
      id, Object.fromEntries(Object.entries(t).map(([k, v]) => [k, unhex(v)])),
    ])),
  };
}
