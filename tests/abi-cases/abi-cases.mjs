// The ABI cases (see README.md) for JavaScript hosts: loads the case files and checks one
// case against a host, through an adapter the host's tests provide:
//
//   newStore(given)         -> a store holding `given` ({id: {key: Uint8Array}})
//   newVm(store, options)   -> a VM over the store ({budget} when the case sets it)
//   step(vm, code)          -> { output, stderr, values } (Uint8Arrays) on success,
//                              or { error, message, output, stderr } on failure
//   dump(store)             -> { id: { key: Uint8Array } }: the store's contents

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every case of every file, as `{ file, name, case }`, in file order. */
export function loadCases() {
  return fs.readdirSync(here).filter((f) => f.endsWith('.json')).sort().flatMap((file) => {
    const { cases } = JSON.parse(fs.readFileSync(path.join(here, file), 'utf8'));
    return cases.map((c) => ({ file, name: `${file.replace('.json', '')}: ${c.name}`, case: c }));
  });
}

/** Bytes from hex with optional spaces. */
export function unhex(text) {
  const clean = text.replace(/\s+/g, '');
  return Uint8Array.from(clean.match(/../g) ?? [], (h) => parseInt(h, 16));
}

export function hex(bytes) {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

const text = (bytes) => new TextDecoder().decode(bytes);
const code = (c) => (Array.isArray(c) ? c.join('\n') : c ?? '');

function given(c) {
  return Object.fromEntries(Object.entries(c.given ?? {}).map(([id, t]) => [
    id, Object.fromEntries(Object.entries(t).map(([k, v]) => [k, unhex(v)])),
  ]));
}

/** Runs one case against a host and asserts every expectation. */
export function runCase(c, host) {
  const store = host.newStore(given(c));
  let vm = host.newVm(store, c.options ?? {});
  const steps = c.steps ?? [c];
  steps.forEach((s, i) => {
    const where = `step ${i + 1} (${JSON.stringify(code(s.code)).slice(0, 60)})`;
    if (s.new_vm) vm = host.newVm(store, c.options ?? {});
    const got = host.step(vm, code(s.code));
    if (s.error) {
      assert.ok(got.error, `${where}: should fail with ${s.error}, returned ${hex(got.values ?? [])}`);
      assert.equal(got.error, s.error, `${where}: error kind`);
      assert.equal(got.message, s.message, `${where}: error message`);
    } else {
      assert.ok(!got.error, `${where}: failed: ${got.error}: ${got.message}`);
      assert.equal(hex(got.values), hex(unhex(s.values ?? '')), `${where}: values`);
    }
    const output = text(got.output);
    if (s.output_length !== undefined) {
      assert.equal(got.output.length, s.output_length, `${where}: output length`);
      assert.ok(output.endsWith(s.output_end ?? ''), `${where}: output ends with ${JSON.stringify(s.output_end)}`);
    } else {
      assert.equal(output, s.output ?? '', `${where}: output`);
    }
    assert.equal(text(got.stderr), s.stderr ?? '', `${where}: stderr`);
    if (s.store) {
      const tables = host.dump(store);
      for (const [id, expected] of Object.entries(s.store)) {
        const actual = Object.fromEntries(Object.entries(tables[id] ?? {}).map(([k, v]) => [k, hex(v)]));
        const want = Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, hex(unhex(v))]));
        assert.deepEqual(actual, want, `${where}: table ${id}`);
      }
    }
  });
}
