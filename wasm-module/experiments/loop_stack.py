#!/usr/bin/env python3
"""Which loops does a module enter with values on the operand stack?

A tool for choosing wasm-opt passes, not part of the build. Chicory turns each wasm function into
a JVM method and the wasm value stack into the JVM operand stack, and HotSpot will not compile a
loop on stack replacement when the operand stack is not empty at its header. The build's guard is
host-java's LoopHeaderStackTest, which checks the compiled JVM classes; this answers the same
question for any .wasm without building the host. It walks every function body (MVP opcodes plus
bulk memory, no imported functions), tracks the stack height, and prints each loop entered with
values below it: none for the module build.sh makes, 1 for the same passes while `compose_pair`
was inlined (the probe loop SIZE.md describes), 7 for plain `wasm-opt -Oz`.

    python3 wasm-module/experiments/loop_stack.py MODULE.wasm
"""
import sys


class Reader:
    def __init__(self, data, pos):
        self.data, self.pos = data, pos

    def byte(self):
        self.pos += 1
        return self.data[self.pos - 1]

    def leb(self, signed=False):
        result = shift = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                break
        if signed and b & 0x40:
            result -= 1 << shift
        return result


def sections(data):
    out, r = {}, Reader(data, 8)
    while r.pos < len(data):
        sid, size = r.byte(), r.leb()
        out[sid] = r.pos
        r.pos += size
    return out


def function_types(data, secs):
    r = Reader(data, secs[1])
    types = []
    for _ in range(r.leb()):
        assert r.byte() == 0x60, "not a function type"
        params = r.leb()
        r.pos += params
        results = r.leb()
        r.pos += results
        types.append((params, results))
    r = Reader(data, secs[3])
    return types, [types[r.leb()] for _ in range(r.leb())]


# (pops, pushes) of the opcodes with no immediates or only a memarg / constant.
EFFECTS = {0x1A: (1, 0), 0x1B: (3, 1), 0x45: (1, 1), 0x50: (1, 1)}
EFFECTS.update({op: (1, 1) for op in range(0x28, 0x36)})  # loads
EFFECTS.update({op: (2, 0) for op in range(0x36, 0x3F)})  # stores
EFFECTS.update({op: (2, 1) for op in list(range(0x46, 0x50)) + list(range(0x51, 0x67))})  # comparisons
EFFECTS.update({op: (1, 1) for op in (0x67, 0x68, 0x69, 0x79, 0x7A, 0x7B)})  # i32/i64 clz, ctz, popcnt
EFFECTS.update({op: (2, 1) for op in list(range(0x6A, 0x79)) + list(range(0x7C, 0x8B))})  # i32/i64 binary
EFFECTS.update({op: (1, 1) for op in list(range(0x8B, 0x92)) + list(range(0x99, 0xA0))})  # float unary
EFFECTS.update({op: (2, 1) for op in list(range(0x92, 0x99)) + list(range(0xA0, 0xA7))})  # float binary
EFFECTS.update({op: (1, 1) for op in range(0xA7, 0xC5)})  # conversions, sign extension


def block_type(r, types):
    """(params, results) of a block type."""
    t = r.data[r.pos]
    if t == 0x40:
        r.pos += 1
        return 0, 0
    if t in (0x7F, 0x7E, 0x7D, 0x7C, 0x7B, 0x70, 0x6F):
        r.pos += 1
        return 0, 1
    return types[r.leb(signed=True)]


def stacked_loops(data):
    secs = sections(data)
    types, funcs = function_types(data, secs)
    r = Reader(data, secs[10])
    found, loops = [], 0
    for index in range(r.leb()):
        size = r.leb()
        body_start, end = r.pos, r.pos + size
        for _ in range(r.leb()):  # local declarations
            r.leb()
            r.pos += 1
        height, blocks, unreachable = 0, [], False
        while r.pos < end:
            op = r.byte()
            if op in (0x02, 0x03, 0x04):  # block, loop, if
                if op == 0x04:
                    height -= 1
                params, results = block_type(r, types)
                if op == 0x03:
                    loops += 1
                    if height - params > 0 and not unreachable:
                        found.append((index, r.pos - body_start, height - params))
                blocks.append((height - params, results, unreachable))
            elif op == 0x05:  # else
                height, _, unreachable = blocks[-1]
            elif op == 0x0B:  # end
                if not blocks:
                    break
                base, results, unreachable = blocks.pop()
                height = base + results
            elif op in (0x0C, 0x0D):  # br, br_if
                r.leb()
                if op == 0x0C:
                    unreachable = True
                else:
                    height -= 1
            elif op == 0x0E:  # br_table
                for _ in range(r.leb() + 1):
                    r.leb()
                unreachable = True
            elif op in (0x00, 0x0F):  # unreachable, return
                unreachable = True
            elif op == 0x01:  # nop
                pass
            elif op == 0x10:  # call
                params, results = funcs[r.leb()]
                height += results - params
            elif op == 0x11:  # call_indirect
                params, results = types[r.leb()]
                r.leb()
                height += results - params - 1
            elif op in (0x20, 0x23):  # local.get, global.get
                r.leb()
                height += 1
            elif op in (0x21, 0x24):  # local.set, global.set
                r.leb()
                height -= 1
            elif op == 0x22:  # local.tee
                r.leb()
            elif 0x28 <= op <= 0x3E:  # loads and stores: align, offset
                r.leb()
                r.leb()
                pops, pushes = EFFECTS[op]
                height += pushes - pops
            elif op == 0x3F:  # memory.size
                r.pos += 1
                height += 1
            elif op == 0x40:  # memory.grow
                r.pos += 1
            elif op in (0x41, 0x42):
                r.leb(signed=True)
                height += 1
            elif op in (0x43, 0x44):
                r.pos += 4 if op == 0x43 else 8
                height += 1
            elif op in EFFECTS:
                pops, pushes = EFFECTS[op]
                height += pushes - pops
            elif op == 0xFC:
                sub = r.leb()
                if sub <= 7:  # saturating truncation: one in, one out
                    pass
                elif sub == 8:  # memory.init
                    r.leb()
                    r.pos += 1
                    height -= 3
                elif sub == 9:  # data.drop
                    r.leb()
                elif sub in (10, 11):  # memory.copy, memory.fill
                    r.pos += 2 if sub == 10 else 1
                    height -= 3
                else:
                    raise SystemExit(f"function {index}: unsupported opcode 0xFC {sub}")
            else:
                raise SystemExit(f"function {index}: unsupported opcode {op:#x}")
            if unreachable:
                height = max(height, 0)
        r.pos = end
    return loops, found


def main():
    loops, found = stacked_loops(open(sys.argv[1], "rb").read())
    for index, offset, below in found:
        print(f"function {index} (defined): loop at body offset {offset} entered with {below} value(s) on the stack")
    print(f"{loops} loops, {len(found)} entered with values on the stack")


if __name__ == "__main__":
    main()
