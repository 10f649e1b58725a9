// The playground (index.html): an editor, examples, a run button, output, and live views
// of `_home` and of memory, over web/lua-wasm.js. `_home` is kept in localStorage.
//
// Links: `index.html#code=<URL-encoded Lua>` opens that code in the editor;
// `index.html#run=<URL-encoded Lua>` opens it and runs it at once.

import {
  LuaError, LuaWasm, WebStorageStore, TABLE, decode, decodeKey, show, stringBytes,
} from './lua-wasm.js';
import { EXAMPLES } from './playground-examples.js';

const $ = (id) => document.getElementById(id);
const editor = $('editor');
const gutter = $('gutter');
const output = $('output');
const STORE_NAME = 'lua-wasm:playground';
const DRAFT = 'lua-wasm:playground-draft';
const BUDGET = 100_000_000;

let vm = null;

// --- The editor ------------------------------------------------------------------------

function updateGutter() {
  const lines = editor.value.split('\n').length;
  if (gutter.dataset.lines !== String(lines)) {
    gutter.textContent = Array.from({ length: lines }, (_, i) => i + 1).join('\n');
    gutter.dataset.lines = String(lines);
  }
  gutter.scrollTop = editor.scrollTop;
}

function setCode(code) {
  editor.value = code;
  updateGutter();
}

editor.addEventListener('input', () => {
  updateGutter();
  localStorage.setItem(DRAFT, editor.value);
});
editor.addEventListener('scroll', () => { gutter.scrollTop = editor.scrollTop; });
editor.addEventListener('keydown', (e) => {
  if (e.key === 'Tab' && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    const { selectionStart: s, selectionEnd: t } = editor;
    editor.setRangeText('  ', s, t, 'end');
    editor.dispatchEvent(new Event('input'));
  }
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    run();
  }
});

const select = $('examples');
for (const [i, ex] of EXAMPLES.entries()) {
  const option = document.createElement('option');
  option.value = String(i);
  option.textContent = ex.title;
  select.append(option);
}
select.addEventListener('change', () => {
  setCode(EXAMPLES[Number(select.value)].code);
  localStorage.setItem(DRAFT, editor.value);
  editor.focus();
});

// --- Running -------------------------------------------------------------------------

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function run() {
  if (!vm) return;
  const code = editor.value;
  output.querySelector('.hint')?.remove();
  const block = element('div', 'run');
  const head = element('div', 'run-head');
  const firstLine = code.split('\n').find((l) => l.trim()) ?? '';
  head.append(element('span', 'run-code', firstLine.length > 60 ? `${firstLine.slice(0, 60)}…` : firstLine));
  block.append(head);
  const printed = element('pre', 'printed');
  block.append(printed);
  const started = performance.now();
  vm.print = (text) => { printed.textContent += text; };
  vm.warn = (text) => { printed.append(element('span', 'warning', text)); };
  try {
    const { values } = vm.runTagged(code);
    for (const v of values) block.append(element('pre', 'value', show(v)));
    if (!values.length && !printed.textContent) block.append(element('div', 'nothing', 'no output, no values'));
    block.classList.add('ok');
  } catch (e) {
    block.classList.add('failed');
    const error = element('div', 'error');
    if (e instanceof LuaError) {
      error.append(element('span', 'kind', `${e.kind} error`), element('pre', 'message', e.message));
      if (e.traceback) error.append(element('pre', 'traceback', e.traceback));
      if (e.kind === 'runtime' || e.kind === 'budget') {
        error.append(element('div', 'rolled-back', '_home is unchanged: a failed run changes nothing'));
      }
    } else {
      error.append(element('span', 'kind', 'error'), element('pre', 'message', String(e)));
    }
    block.append(error);
  }
  if (!printed.textContent) printed.remove();
  head.append(element('span', 'timing', `${(performance.now() - started).toFixed(1)} ms`));
  output.append(block);
  block.scrollIntoView({ block: 'end' });
  refresh();
}

// --- Views of _home and memory -------------------------------------------------------

function showKey(bytes) {
  const k = decodeKey(bytes);
  if (!k) return `[corrupt key]`;
  if (k.type === 'string') {
    const s = show(k);
    return /^"[A-Za-z_][A-Za-z0-9_]*"$/.test(s) ? s.slice(1, -1) : `[${s}]`;
  }
  return `[${show(k)}]`;
}

/** A tree of `ul`s for table `id`, following references to nested tables. */
function tableTree(id, seen) {
  const list = element('ul');
  const entries = vm.store.entries(id);
  if (!entries.length) list.append(element('li', 'empty', 'empty'));
  for (const [key, value] of entries) {
    const item = element('li');
    item.append(element('span', 'key', showKey(key)), element('span', 'eq', ' = '));
    let v;
    try { v = decode(value)[0]; } catch { v = null; }
    if (!v) {
      item.append(element('span', 'corrupt', `<${value.length} corrupt bytes>`));
    } else if (v.type === 'ref') {
      item.append(element('span', 'ref', `table #${v.id}`));
      if (seen.has(v.id)) item.append(element('span', 'cycle', ' (shown above)'));
      else item.append(tableTree(v.id, new Set([...seen, v.id])));
    } else {
      item.append(element('span', `val ${v.type}`, show(v)));
    }
    list.append(item);
  }
  return list;
}

function refresh() {
  const home = $('home');
  home.replaceChildren(tableTree(TABLE.HOME, new Set([TABLE.HOME])));
  const stats = vm.memoryStats();
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const rows = [
    ['Lua memory used', kib(stats.luaMemoryUsed)],
    ['WASM memory', `${stats.wasmPages} pages (${(stats.totalMemory / 1048576).toFixed(0)} MiB)`],
    ['I/O buffer', kib(stats.ioBufferSize)],
    ['_home tables', String(vm.store.tableIds().filter((id) => id !== TABLE.META).length)],
  ];
  const dl = $('stats');
  dl.replaceChildren(...rows.flatMap(([k, v]) => [element('dt', '', k), element('dd', '', v)]));
}

$('run').addEventListener('click', run);
$('clear').addEventListener('click', () => output.replaceChildren());
$('gc').addEventListener('click', () => {
  const freed = vm.collectGarbage();
  refresh();
  $('gc').textContent = `Freed ${(freed / 1024).toFixed(1)} KiB`;
  setTimeout(() => { $('gc').textContent = 'Collect garbage'; }, 1500);
});
$('reset-home').addEventListener('click', () => {
  vm.store.clear();
  refresh();
});
$('share').addEventListener('click', async () => {
  const url = `${location.href.split('#')[0]}#code=${encodeURIComponent(editor.value)}`;
  history.replaceState(null, '', url);
  const note = $('share-note');
  try {
    await navigator.clipboard.writeText(url);
    note.textContent = 'Link copied. Opening it shows this code; use #run= instead of #code= to run it at once.';
  } catch {
    note.textContent = 'The address bar now holds a link to this code.';
  }
  note.hidden = false;
});

// --- Start ---------------------------------------------------------------------------

/** The code a link carries: `#code=...` (open) or `#run=...` (open and run). */
function fromLink() {
  const hash = location.hash.slice(1);
  for (const mode of ['run', 'code']) {
    if (hash.startsWith(`${mode}=`)) {
      try {
        return { mode, code: decodeURIComponent(hash.slice(mode.length + 1)) };
      } catch {
        return { mode: 'code', code: `-- this link's code is not valid URL encoding\n` };
      }
    }
  }
  return null;
}

async function start() {
  const link = fromLink();
  setCode(link ? link.code : localStorage.getItem(DRAFT) ?? EXAMPLES[0].code);
  const lua = await LuaWasm.load();
  vm = await lua.create({ store: new WebStorageStore(localStorage, STORE_NAME), budget: BUDGET });
  $('engine').textContent = lua.encoding === 'exnref' ? 'lua.wasm' : 'lua-legacy-eh.wasm (legacy exceptions)';
  $('run').disabled = false;
  document.body.dataset.ready = 'true';
  refresh();
  if (link?.mode === 'run') run();
}

window.addEventListener('hashchange', () => {
  const link = fromLink();
  if (!link) return;
  setCode(link.code);
  if (link.mode === 'run') run();
});

start().catch((e) => {
  $('engine').textContent = 'failed to load';
  output.replaceChildren(element('div', 'error', `lua.wasm could not start: ${e.message}`));
});

// For the browser tests and the curious: the VM of this page.
window.playground = { get vm() { return vm; }, run, stringBytes };
