// The lua.wasm ABI as JavaScript: sizes, table ids, the value encoding and the key
// encoding of docs/ABI.md. It knows nothing of WebAssembly or of stores: it defines bytes,
// as crates/abi does for the Rust hosts.

/** Size of the I/O buffer whose address `get_buffer_ptr()` returns. */
export const BUFFER_SIZE = 65536;
/** WebAssembly page size. */
export const PAGE_SIZE = 65536;

/** Table ids with a fixed meaning (docs/ABI.md, "Tables"). */
export const TABLE = Object.freeze({ META: 0, HOME: 1, FIRST_NESTED: 2, CHANNEL: 0xffffffff });

/** Value tags (docs/ABI.md, "Value encoding"). */
export const TAG = Object.freeze({
  NIL: 0x00, BOOLEAN: 0x01, INTEGER: 0x02, FLOAT: 0x03, STRING: 0x04,
  TABLE: 0x05, TABLE_REF: 0x06, OPAQUE: 0x07,
});

/** Deepest nesting of inline tables the decoder accepts (and the guest produces). */
export const MAX_DEPTH = 100;

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A reference to an external table (`return _home.player`): its id. */
export class ExternalTable {
  constructor(id) { this.id = id; }
  toString() { return `external table ${this.id}`; }
}

/** A value the ABI carries only as text: a function, coroutine or userdata. */
export class OpaqueValue {
  constructor(text) { this.text = text; }
  toString() { return this.text; }
}

// --- Decoding -----------------------------------------------------------------------
//
// `decodeAll` gives *tagged* values, which keep everything the bytes say:
//   { type: 'nil' } | { type: 'boolean', value } | { type: 'integer', value: BigInt }
//   | { type: 'float', value: number } | { type: 'string', bytes: Uint8Array }
//   | { type: 'table', pairs: [[key, value], ...] } | { type: 'ref', id }
//   | { type: 'opaque', text }
// `toJs` turns a tagged value into a plain JavaScript value (see its comment).

/** Why bytes are not a valid encoding. */
export class DecodeError extends Error {
  constructor(message) { super(message); this.name = 'DecodeError'; }
}

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = 0;
  }

  take(n) {
    if (this.pos + n > this.bytes.length) throw new DecodeError(`value truncated at byte ${this.pos}`);
    const start = this.pos;
    this.pos += n;
    return start;
  }

  u32() { return this.view.getUint32(this.take(4), true); }

  value(depth) {
    const at = this.take(1);
    const tag = this.bytes[at];
    switch (tag) {
      case TAG.NIL: return { type: 'nil' };
      case TAG.BOOLEAN: {
        const b = this.bytes[this.take(1)];
        if (b > 1) throw new DecodeError(`invalid boolean at byte ${at + 1}`);
        return { type: 'boolean', value: b === 1 };
      }
      case TAG.INTEGER: return { type: 'integer', value: this.view.getBigInt64(this.take(8), true) };
      case TAG.FLOAT: return { type: 'float', value: this.view.getFloat64(this.take(8), true) };
      case TAG.STRING: {
        const n = this.u32();
        const start = this.take(n);
        return { type: 'string', bytes: this.bytes.slice(start, start + n) };
      }
      case TAG.TABLE: {
        if (depth >= MAX_DEPTH) throw new DecodeError(`tables nested deeper than ${MAX_DEPTH}`);
        const count = this.u32();
        const pairs = [];
        for (let i = 0; i < count; i++) pairs.push([this.value(depth + 1), this.value(depth + 1)]);
        return { type: 'table', pairs };
      }
      case TAG.TABLE_REF: return { type: 'ref', id: this.u32() };
      case TAG.OPAQUE: {
        const n = this.u32();
        const start = this.take(n);
        return { type: 'opaque', text: new TextDecoder().decode(this.bytes.subarray(start, start + n)) };
      }
      default: throw new DecodeError(`unknown value tag 0x${tag.toString(16).padStart(2, '0')} at byte ${at}`);
    }
  }
}

/** Decodes one value at the start of `bytes`; returns `[tagged value, bytes used]`. */
export function decode(bytes) {
  const r = new Reader(bytes);
  const v = r.value(0);
  return [v, r.pos];
}

/** Decodes a sequence of values that fills `bytes` exactly (the values of a result). */
export function decodeAll(bytes) {
  const r = new Reader(bytes);
  const values = [];
  while (r.pos < bytes.length) values.push(r.value(0));
  return values;
}

/** A string's bytes as a JavaScript string if they are UTF-8, else as the bytes. */
export function textOrBytes(bytes) {
  try { return strictUtf8.decode(bytes); } catch { return bytes; }
}

/**
 * A tagged value as a plain JavaScript value:
 *
 * | Lua                         | JavaScript                                            |
 * |-----------------------------|-------------------------------------------------------|
 * | nil                         | `null`                                                |
 * | boolean                     | `true` / `false`                                      |
 * | integer                     | `number` when a safe integer (|n| < 2^53), else `BigInt` |
 * | float                       | `number` (so `4.0` and `4` both read `4`: use `decodeAll` to tell them apart) |
 * | string                      | `string` when valid UTF-8, else `Uint8Array`          |
 * | table with keys 1..n (n>=1) | `Array`                                               |
 * | table with only string keys, or empty | plain object                                |
 * | any other table             | `Map` (keys converted the same way)                   |
 * | external table (`_home.x`)  | `ExternalTable` (its `id`)                            |
 * | function, coroutine, userdata | `OpaqueValue` (its `text`, e.g. `function: 0x5d2a8`) |
 */
export function toJs(v) {
  switch (v.type) {
    case 'nil': return null;
    case 'boolean': return v.value;
    case 'integer': {
      const n = Number(v.value);
      return Number.isSafeInteger(n) ? n : v.value;
    }
    case 'float': return v.value;
    case 'string': return textOrBytes(v.bytes);
    case 'ref': return new ExternalTable(v.id);
    case 'opaque': return new OpaqueValue(v.text);
    case 'table': return tableToJs(v.pairs);
    default: throw new TypeError(`not a tagged value: ${v.type}`);
  }
}

function tableToJs(pairs) {
  const n = pairs.length;
  const seen = new Array(n + 1).fill(false);
  const isArray = n > 0 && pairs.every(([k]) => {
    if (k.type !== 'integer' || k.value < 1n || k.value > BigInt(n)) return false;
    const i = Number(k.value);
    return seen[i] ? false : (seen[i] = true);
  });
  if (isArray) {
    const out = new Array(n);
    for (const [k, v] of pairs) out[Number(k.value) - 1] = toJs(v);
    return out;
  }
  const keys = pairs.map(([k]) => toJs(k));
  if (keys.every((k) => typeof k === 'string')) {
    const out = {};
    // defineProperty, so that a key named `__proto__` is an ordinary property.
    pairs.forEach(([, v], i) => Object.defineProperty(out, keys[i], {
      value: toJs(v), enumerable: true, writable: true, configurable: true,
    }));
    return out;
  }
  return new Map(pairs.map(([, v], i) => [keys[i], toJs(v)]));
}

// --- Encoding -----------------------------------------------------------------------

/** The encoding of a tagged value, appended to `out` (an array of bytes). */
export function encodeInto(v, out) {
  const word = (tag, n) => {
    out.push(tag, n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  };
  const eight = (tag, write) => {
    const b = new DataView(new ArrayBuffer(8));
    write(b);
    out.push(tag, ...new Uint8Array(b.buffer));
  };
  switch (v.type) {
    case 'nil': out.push(TAG.NIL); break;
    case 'boolean': out.push(TAG.BOOLEAN, v.value ? 1 : 0); break;
    case 'integer': eight(TAG.INTEGER, (b) => b.setBigInt64(0, BigInt.asIntN(64, BigInt(v.value)), true)); break;
    case 'float': eight(TAG.FLOAT, (b) => b.setFloat64(0, v.value, true)); break;
    case 'string': word(TAG.STRING, v.bytes.length); out.push(...v.bytes); break;
    case 'table':
      word(TAG.TABLE, v.pairs.length);
      for (const [k, x] of v.pairs) { encodeInto(k, out); encodeInto(x, out); }
      break;
    case 'ref': word(TAG.TABLE_REF, v.id); break;
    case 'opaque': { const t = utf8.encode(v.text); word(TAG.OPAQUE, t.length); out.push(...t); break; }
    default: throw new TypeError(`not a tagged value: ${v.type}`);
  }
  return out;
}

/** The encoding of a tagged value, as bytes. */
export function encode(v) { return Uint8Array.from(encodeInto(v, [])); }

// --- Keys ---------------------------------------------------------------------------

/**
 * Decodes a stored key (docs/ABI.md, "Keys") into a tagged value: a string, integer,
 * float, boolean or external table. Returns null for bytes no guest writes.
 */
export function decodeKey(bytes) {
  if (bytes[0] !== 0x01) {
    const plain = bytes.length > 0 && !bytes.includes(0x0a) && !bytes.includes(0);
    return plain && typeof textOrBytes(bytes) === 'string' ? { type: 'string', bytes } : null;
  }
  const kind = String.fromCharCode(bytes[1]);
  const text = new TextDecoder().decode(bytes.subarray(2));
  switch (kind) {
    case 's': {
      const out = [];
      for (let i = 2; i < bytes.length; i++) {
        if (bytes[i] === 0x25) {
          const hex = String.fromCharCode(bytes[i + 1], bytes[i + 2]);
          if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
          out.push(parseInt(hex, 16));
          i += 2;
        } else out.push(bytes[i]);
      }
      return { type: 'string', bytes: Uint8Array.from(out) };
    }
    case 'i': return /^-?\d+$/.test(text) ? { type: 'integer', value: BigInt(text) } : null;
    case 'f': { const x = Number(text); return Number.isNaN(x) ? null : { type: 'float', value: x }; }
    case 'b': return text === '1' || text === '0' ? { type: 'boolean', value: text === '1' } : null;
    case 't': return /^\d+$/.test(text) ? { type: 'ref', id: Number(text) } : null;
    default: return null;
  }
}

// --- Showing values as Lua source ---------------------------------------------------

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(('and break do else elseif end false for function goto if in local nil not or ' +
  'repeat return then true until while').split(' '));

/** A float as Lua's `%.14g` shows it, with `.0` for integral values, as `lua` prints. */
export function formatFloat(x) {
  if (Number.isNaN(x)) {
    const b = new DataView(new ArrayBuffer(8));
    b.setFloat64(0, x);
    return b.getUint8(0) & 0x80 ? '-nan' : 'nan';
  }
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [m, e] = x.toExponential(13).split('e');
  const exp = Number(e);
  let s;
  if (exp < -4 || exp >= 14) {
    s = `${m.replace(/\.?0+$/, '')}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else {
    s = x.toFixed(13 - exp);
    if (s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

function quote(bytes) {
  let s = '"';
  for (const b of bytes) {
    if (b === 0x22) s += '\\"';
    else if (b === 0x5c) s += '\\\\';
    else if (b === 0x0a) s += '\\n';
    else if (b === 0x09) s += '\\t';
    else if (b < 0x20 || b === 0x7f) s += `\\${b}`;
    else s += String.fromCharCode(b);
  }
  s += '"';
  // Bytes >= 0x80 were appended one per char: read them back as UTF-8 where they are.
  const raw = Uint8Array.from(s, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(raw);
}

/**
 * A tagged value as readable Lua-like source: `4`, `4.0`, `"hi"`, `{1, 2, x = 3}`,
 * `<external table 2>`, `<function: 0x5d2a8>`. Used by the playground.
 */
export function show(v, indent = '') {
  switch (v.type) {
    case 'nil': return 'nil';
    case 'boolean': return String(v.value);
    case 'integer': return v.value.toString();
    case 'float': return formatFloat(v.value);
    case 'string': return quote(v.bytes);
    case 'ref': return `<external table ${v.id}>`;
    case 'opaque': return `<${v.text}>`;
    case 'table': {
      if (v.pairs.length === 0) return '{}';
      const inner = indent + '  ';
      const n = v.pairs.length;
      // Leading keys 1, 2, 3... are shown by position, as a Lua constructor writes them.
      let positional = 0;
      while (positional < n) {
        const k = v.pairs[positional][0];
        if (k.type !== 'integer' || k.value !== BigInt(positional + 1)) break;
        positional++;
      }
      const items = v.pairs.map(([k, x], i) => {
        const value = show(x, inner);
        if (i < positional) return value;
        if (k.type === 'string') {
          const name = textOrBytes(k.bytes);
          if (typeof name === 'string' && IDENT.test(name) && !KEYWORDS.has(name)) return `${name} = ${value}`;
        }
        return `[${show(k, inner)}] = ${value}`;
      });
      const flat = `{${items.join(', ')}}`;
      if (flat.length <= 72 && !flat.includes('\n')) return flat;
      return `{\n${items.map((s) => inner + s).join(',\n')}${n ? '\n' : ''}${indent}}`;
    }
    default: return String(v);
  }
}
