#!/usr/bin/env python3
"""How small could the generated tables get under an entropy coder of our own?

An experiment, not part of the build (SIZE.md quotes its result). It reads the byte arrays in
src/tables/generated.rs, walks each stream exactly as the decoders in src/data/formats.rs do, and
records every value they read with the field it belongs to (a run's gap, a record header, a
decomposition's first code point delta...). It then prices those values under an adaptive binary
arithmetic coder, each field in its own context:

* an unsigned value v is coded as x = v + 1: the bit length of x in unary (one adaptive
  probability per position), then the bits below its leading one, the top TREE of them through a
  binary tree of adaptive probabilities, the rest with one probability per bit position;
* a byte (record headers, classes) through an 8-level binary tree;
* probabilities are 12-bit and move by 1/2^SHIFT of the distance after each bit.

The cost is the ideal code length, -log2 p per bit, which a range coder reaches within a few
bytes. Brotli (quality 11, window 24) on the same tables is printed beside it when the `brotli`
command is installed.

    python3 wasm-module/experiments/table_entropy.py [SHIFT] [TREE]
"""
import math
import pathlib
import re
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
GENERATED = HERE.parent / "src" / "tables" / "generated.rs"
SHIFT = int(sys.argv[1]) if len(sys.argv) > 1 else 4
TREE = int(sys.argv[2]) if len(sys.argv) > 2 else 3
# DECOMP_MARKS holds this many marks; a PAIR record with a larger index carries its mark inline.
MARK_SLOTS = 31


def tables():
    src = GENERATED.read_text()
    out = {}
    for m in re.finditer(r"pub static (\w+): \[u8; (\d+)\] = \[(.*?)\];", src, re.S):
        data = bytes(int(x) for x in m.group(3).split(",") if x.strip())
        assert len(data) == int(m.group(2)), m.group(1)
        out[m.group(1)] = data
    return out


class Stream:
    """The decoders' reader (src/data/stream.rs), logging each value with its field."""

    def __init__(self, data, log):
        self.data, self.i, self.log = data, 0, log

    def at_end(self):
        return self.i >= len(self.data)

    def byte(self, field):
        v = self.data[self.i] if self.i < len(self.data) else 0
        self.i += 1
        self.log.append(("byte", field, v))
        return v

    def u(self, field):
        v, shift = 0, 0
        while shift < 35:
            b = self.data[self.i] if self.i < len(self.data) else 0
            self.i += 1
            v |= (b & 0x7F) << shift
            if not b & 0x80:
                break
            shift += 7
        self.log.append(("uint", field, v))
        return v

    z = u  # a zigzag value is coded as the unsigned number it is stored as


def trace(t):
    """Per table group, the (kind, field, value) list the decoders read."""
    traces = {}

    log = []
    r = Stream(t["CCC"], log)
    while not r.at_end():
        r.u("ccc.gap"), r.u("ccc.len"), r.byte("ccc.value")
    traces["CCC"] = log

    for name in ("COMP_EXCL", "DEFAULT_IGNORABLE"):
        log = []
        r = Stream(t[name], log)
        while not r.at_end():
            r.u(name + ".gap"), r.u(name + ".len")
        traces[name] = log

    log = []
    r = Stream(t["FOLD"], log)
    while not r.at_end():
        r.u("fold.gap")
        h = r.byte("fold.header")
        if h < 2:
            r.u("fold.count"), r.z("fold.delta")
        else:
            for _ in range(min(h - 2, 4)):
                r.z("fold.mapping")
    traces["FOLD"] = log

    log = []
    lengths, classes = Stream(t["SEG_RUN_LENGTHS"], log), Stream(t["SEG_RUN_CLASSES"], log)
    while not classes.at_end():
        classes.byte("seg.class"), lengths.u("seg.length")
    traces["SEG"] = log

    log = []
    keys, vals = Stream(t["DECOMP_KEYS"], log), Stream(t["DECOMP_VALS"], log)
    while not keys.at_end():
        keys.u("decomp.gap")
        h = keys.byte("decomp.header")
        p, kind = h >> 3 & 31, h & 3
        if kind == 0:  # RUN
            vals.u("decomp.run_count"), vals.z("decomp.run_first")
        elif kind == 1:  # SEQ
            for k in range(p if p else vals.u("decomp.seq_len")):
                vals.z("decomp.seq_first" if k == 0 else "decomp.seq_next")
        elif kind == 2:  # PAIR
            vals.z("decomp.pair_base")
            if p >= MARK_SLOTS:
                vals.z("decomp.pair_mark")
        else:  # INC
            vals.u("decomp.inc_count")
    assert vals.at_end() and vals.i == len(vals.data), "DECOMP_VALS not consumed exactly: format changed?"
    traces["DECOMP"] = log
    return traces


class Model:
    def __init__(self):
        self.p, self.bits = {}, 0.0

    def bit(self, ctx, b):
        p = self.p.get(ctx, 2048)  # probability of a 1, in 1/4096
        self.bits -= math.log2(p / 4096 if b else 1 - p / 4096)
        p = p + ((4096 - p) >> SHIFT) if b else p - (p >> SHIFT)
        self.p[ctx] = min(4095, max(1, p))


def cost(log):
    m, per_field = Model(), {}
    for kind, field, v in log:
        before = m.bits
        if kind == "uint":
            x = v + 1
            n = x.bit_length() - 1
            for k in range(n):
                m.bit((field, "len", k), 1)
            m.bit((field, "len", n), 0)
            node = 1
            for pos in range(n - 1, -1, -1):
                b = x >> pos & 1
                if n - 1 - pos < TREE:
                    m.bit((field, "tree", n, node), b)
                    node = node * 2 + b
                else:
                    m.bit((field, "low", n, pos), b)
        else:
            node = 1
            for pos in range(7, -1, -1):
                b = v >> pos & 1
                m.bit((field, "byte", node), b)
                node = node * 2 + b
        per_field[field] = per_field.get(field, 0) + m.bits - before
    return m.bits / 8, per_field


def brotli(data):
    if not shutil.which("brotli"):
        return None
    return len(subprocess.run(["brotli", "-q", "11", "-w", "24", "-c"], input=data, capture_output=True, check=True).stdout)


def main():
    t = tables()
    total = 0.0
    for group, log in trace(t).items():
        size, per_field = cost(log)
        total += size
        fields = ", ".join(f"{f} {b / 8:.0f}" for f, b in per_field.items())
        print(f"{group:18} {size:7.0f} B   {fields}")
    everything = b"".join(t.values())
    br = brotli(everything)
    print(f"{'all tables':18} {total:7.0f} B   (raw {len(everything)} B" + (f", Brotli {br} B)" if br else ")"))


if __name__ == "__main__":
    main()
