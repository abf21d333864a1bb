// The textwasm module under Node (V8), called through the same ABI the Java host uses
// (wasm-module/src/abi.rs, the dispatching export tw_call): encode into linear memory, call,
// read the result block. What a JavaScript host would ship; no dependencies.
//
//   node bench.mjs bench    --wasm W --corpora DIR --ops a,b --corpora-ids c,d --sizes 1KB,10KB
//                           [--warmup-ms 1000 --iterations 3 --iteration-ms 500]   -> JSON on stdout
//   node bench.mjs fidelity --wasm W --cases FILE --out FILE                       -> one line per case
//   node bench.mjs startup  --wasm W [--stamp NANOS]       -> ms from process start to first result
//
// Host choices, each matching the Java host (io.textwasm.TextEngine) so the comparison is fair:
// strings are UTF-16 in, so they are encoded to UTF-8 (TextEncoder.encodeInto, straight into
// linear memory: lone surrogates become U+FFFD, as in the Java host); results come back as JS
// strings, token objects with UTF-16 offsets, and truncation sends the core only a prefix.
import { readFileSync, writeFileSync } from 'node:fs';

// tw_call operations (wasm-module/src/abi.rs).
const OP_INIT = 0, OP_NORMALIZE = 2, OP_IS_NORMALIZED = 3, OP_SEGMENT = 4, OP_COUNT = 5, OP_TOKENIZE = 6, OP_TRUNCATE = 7;
const UNCHANGED = 1;
const NEED_MORE_INPUT = -5;
const ABI_MAJOR = 2;
const SEG_WORDS = 1, SEG_UTF16 = 2;
const COUNT_GRAPHEMES = 1, COUNT_WORDS = 2;
const TOK_UTF16 = 2, TOKEN_WORDS = 5;
const TRUNC_PARTIAL = 1 << 7;
const FORMS = { NFC: 0, NFD: 1, NFKC: 2, NFKD: 3, NFKC_CASEFOLD: 4 };
const STATUS = { '-1': 'INVALID_UTF8', '-2': 'OUT_OF_MEMORY', '-3': 'BAD_POINTER', '-4': 'BAD_ARGUMENT', '-5': 'NEED_MORE_INPUT' };

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export class TextwasmHost {
  constructor(bytes) {
    const module = new WebAssembly.Module(bytes);
    this.x = new WebAssembly.Instance(module, {}).exports;
    this.call = dispatcher(this.x);
    const abi = this.x.tw_abi_version();
    if (abi >>> 16 !== ABI_MAJOR) {
      throw new Error(`core module ABI ${abi >>> 16}.${abi & 0xffff} does not match this host (${ABI_MAJOR}.x)`);
    }
    this.resultPtr = this.x.tw_result() >>> 0;
    const st = this.call(OP_INIT, 0, 0, 0, 0, 0);
    if (st !== 0) throw new Error(`the core could not initialise its tables: ${STATUS[st] ?? st}`);
    this.tableBytes = this.result(2);
    this.inPtr = 0;
    this.inCap = 0;
  }

  // Views are made afresh after every call: memory.grow detaches the old ArrayBuffer.
  result(word) {
    return new DataView(this.x.memory.buffer).getUint32(this.resultPtr + 4 * word, true);
  }

  /** Encodes s into the module's input buffer; returns [ptr, byteLength]. */
  input(s) {
    const need = s.length * 3; // UTF-8 needs at most 3 bytes per UTF-16 unit
    if (need > this.inCap) {
      if (this.inPtr) this.x.tw_free(this.inPtr);
      const cap = Math.max(need, 4096, this.inCap * 2);
      this.inPtr = this.x.tw_alloc(cap) >>> 0;
      if (this.inPtr === 0) throw new Error(`the core's linear memory cannot hold ${need} bytes of input`);
      this.inCap = cap;
    }
    const { written } = encoder.encodeInto(s, new Uint8Array(this.x.memory.buffer, this.inPtr, this.inCap));
    return [this.inPtr, written];
  }

  check(status, what) {
    if (status < 0) throw new Error(`${what}: the core returned ${STATUS[status] ?? status}`);
    return status;
  }

  bytes(ptr, len) {
    return new Uint8Array(this.x.memory.buffer, ptr >>> 0, len >>> 0);
  }

  words(ptr, count) {
    // Copy: the view would be invalidated by the next call's memory growth.
    return new Uint32Array(this.x.memory.buffer.slice(ptr >>> 0, (ptr >>> 0) + 4 * count));
  }

  normalize(s, form) {
    const [p, n] = this.input(s);
    const st = this.check(this.call(OP_NORMALIZE, p, n, FORMS[form], 0, 0), 'normalize');
    if (st === UNCHANGED) return s;
    return decoder.decode(this.bytes(this.result(0), this.result(1)));
  }

  /** UTF-8 bytes of the normalized text (fidelity). */
  normalizeBytes(s, form) {
    const [p, n] = this.input(s);
    const st = this.check(this.call(OP_NORMALIZE, p, n, FORMS[form], 0, 0), 'normalize');
    return st === UNCHANGED ? this.bytes(p, n).slice() : this.bytes(this.result(0), this.result(1)).slice();
  }

  isNormalized(s, form) {
    const [p, n] = this.input(s);
    this.check(this.call(OP_IS_NORMALIZED, p, n, FORMS[form], 0, 0), 'isNormalized');
    return this.result(2) !== 0;
  }

  count(s, what) {
    const [p, n] = this.input(s);
    this.check(this.call(OP_COUNT, p, n, what, 0, 0), 'count');
    return this.result(2);
  }

  segment(s, words) {
    const [p, n] = this.input(s);
    this.check(this.call(OP_SEGMENT, p, n, SEG_UTF16 | (words ? SEG_WORDS : 0), 0, 0), 'segment');
    return this.words(this.result(0), this.result(1));
  }

  tokenize(s) {
    const [p, n] = this.input(s);
    this.check(this.call(OP_TOKENIZE, p, n, TOK_UTF16, 0, 0), 'tokenize');
    const r = this.words(this.result(0), this.result(1));
    const out = new Array(r.length / TOKEN_WORDS);
    for (let i = 0, k = 0; i + TOKEN_WORDS <= r.length; i += TOKEN_WORDS, k++) {
      out[k] = { text: s.slice(r[i], r[i + 1]), kind: r[i + 2] & 7, start: r[i], end: r[i + 1] };
    }
    return out;
  }

  /** At most maxBytes UTF-8 bytes, never splitting a grapheme cluster; costs O(maxBytes). */
  truncateUtf8(s, maxBytes) {
    if (utf8LengthUpTo(s, maxBytes) <= maxBytes) return s;
    let want = maxBytes + 64;
    for (;;) {
      let len = Math.min(s.length, want);
      if (len < s.length && isHigh(s.charCodeAt(len - 1))) len++;
      const [p, n] = this.input(len === s.length ? s : s.slice(0, len));
      const st = this.call(OP_TRUNCATE, p, n, len < s.length ? TRUNC_PARTIAL : 0, maxBytes, 0);
      if (st === NEED_MORE_INPUT) {
        if (len >= s.length) throw new Error('the core asked for more text than there is');
        want *= 2;
        continue;
      }
      this.check(st, 'truncate');
      return this.result(4) === 0 ? s : s.slice(0, this.result(3));
    }
  }
}

function dispatcher(x) {
  if (typeof x.tw_call !== 'function') {
    throw new Error(`the module does not export tw_call (ABI 1.0): ${Object.keys(x).join(', ')}`);
  }
  return x.tw_call;
}

function isHigh(c) {
  return c >= 0xd800 && c <= 0xdbff;
}

function utf8LengthUpTo(s, cap) {
  let n = 0;
  for (let i = 0; i < s.length && n <= cap; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (isHigh(c) && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

const TRUNCATE_BYTES = 280;

const OPS = {
  'normalize-nfc': (h, s) => h.normalize(s, 'NFC'),
  'normalize-nfkc': (h, s) => h.normalize(s, 'NFKC'),
  'normalize-nfkc-cf': (h, s) => h.normalize(s, 'NFKC_CASEFOLD'),
  'is-normalized-nfc': (h, s) => h.isNormalized(s, 'NFC'),
  'count-words': (h, s) => h.count(s, COUNT_WORDS),
  'count-graphemes': (h, s) => h.count(s, COUNT_GRAPHEMES),
  'tokenize': (h, s) => h.tokenize(s),
  'truncate': (h, s) => h.truncateUtf8(s, TRUNCATE_BYTES),
};

// Results are folded into this global so no call is dead code to V8.
let sink = 0;
function consume(r) {
  sink = (sink + (typeof r === 'object' ? r.length : typeof r === 'string' ? r.length : r ? 1 : 0)) | 0;
}

function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

function measure(fn, warmupMs, iterations, iterationMs) {
  const t0 = now();
  do consume(fn()); while (now() - t0 < warmupMs);
  const rates = [];
  for (let i = 0; i < iterations; i++) {
    const t = now();
    let n = 0, el;
    do { consume(fn()); n++; el = now() - t; } while (el < iterationMs);
    rates.push(n / (el / 1000));
  }
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
  const v = rates.reduce((a, r) => a + (r - mean) ** 2, 0) / Math.max(1, rates.length - 1);
  return { opsPerSec: mean, stdev: Math.sqrt(v), iterations: rates };
}

function args(argv) {
  const a = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) a[argv[i].slice(2)] = argv[i + 1], i++;
  }
  return a;
}

function bench(a) {
  const host = new TextwasmHost(readFileSync(a.wasm));
  const warmup = Number(a['warmup-ms'] ?? 1000), its = Number(a.iterations ?? 3), itMs = Number(a['iteration-ms'] ?? 500);
  const results = [];
  for (const op of a.ops.split(',')) {
    const fn = OPS[op];
    if (!fn) throw new Error(`unknown operation '${op}'`);
    for (const corpus of a['corpora-ids'].split(',')) {
      for (const size of a.sizes.split(',')) {
        const file = corpus.startsWith('seed-') ? `${a.corpora}/${corpus}.txt` : `${a.corpora}/${corpus}-${size}.txt`;
        const s = readFileSync(file, 'utf8');
        const m = measure(() => fn(host, s), warmup, its, itMs);
        results.push({ op, corpus, size, bytes: Buffer.byteLength(s, 'utf8'), ...m });
      }
    }
  }
  process.stdout.write(JSON.stringify({ runtime: 'node', version: process.version, v8: process.versions.v8, sink, results }) + '\n');
}

function hex(b) {
  return Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex').toUpperCase();
}

// One line per case, the format of io.textwasm.bench.harness.Fidelity.
function fidelity(a) {
  const host = new TextwasmHost(readFileSync(a.wasm));
  const lines = readFileSync(a.cases, 'utf8').split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '' && i === lines.length - 1) break;
    const s = lines[i].split(' ').filter(Boolean).map(h => String.fromCodePoint(parseInt(h, 16))).join('');
    const f = [String(i)];
    for (const form of ['NFC', 'NFD', 'NFKC', 'NFKD', 'NFKC_CASEFOLD']) f.push(hex(host.normalizeBytes(s, form)));
    f.push(Array.from(host.segment(s, false)).join(','));
    f.push(Array.from(host.segment(s, true)).join(','));
    f.push(host.tokenize(s).map(t => `${t.start}:${t.end}:${t.kind}`).join(','));
    out.push(f.join('\t'));
  }
  writeFileSync(a.out, out.join('\n') + '\n');
}

function startup(a) {
  const host = new TextwasmHost(readFileSync(a.wasm));
  const r = host.normalize('ｶﾞｰﾃﾞﾝ', 'NFKC');
  // --stamp: the parent's monotonic clock (CLOCK_MONOTONIC, as process.hrtime) just before it
  // started this process; without it, performance.now() counts from this process's time origin.
  const ms = a.stamp ? Number(process.hrtime.bigint() - BigInt(a.stamp)) / 1e6 : performance.now();
  process.stdout.write(JSON.stringify({ runtime: 'node', firstResultMs: ms, result: r }) + '\n');
}

const [mode, ...rest] = process.argv.slice(2);
const a = args(rest);
try {
  if (mode === 'bench') bench(a);
  else if (mode === 'fidelity') fidelity(a);
  else if (mode === 'startup') startup(a);
  else {
    process.stderr.write('usage: node bench.mjs bench|fidelity|startup --wasm FILE ...\n');
    process.exit(2);
  }
} catch (e) {
  process.stderr.write(`bench.mjs: ${e.message}\n`);
  process.exit(1);
}
