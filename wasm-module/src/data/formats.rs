//! The stream formats of the generated tables. These decoders *are* the format specification:
//! `ucdgen` writes the streams and, before it saves them, decodes them again with these very
//! functions and compares the result with the UCD, so encoder and decoder cannot drift apart.
//!
//! Notation: `u` is an unsigned LEB128, `z` a zigzag-coded signed LEB128, `b` one byte.

use super::stream::Reader;

/// Longest decomposition mapping in Unicode 16.0 is 18 code points (U+FDFA).
pub const MAX_MAPPING: usize = 24;

/// What the decoders hand each record to. Traits of our own rather than `dyn FnMut`: a `dyn
/// FnMut` vtable also holds an `FnOnce::call_once` shim per closure type, which nothing calls
/// (seven of them in the module, 157 bytes). Any closure of the right shape implements them.
pub trait Run {
    fn run(&mut self, start: u32, end: u32, value: u32);
}
impl<F: FnMut(u32, u32, u32)> Run for F {
    fn run(&mut self, start: u32, end: u32, value: u32) {
        self(start, end, value)
    }
}
pub trait Fold {
    fn fold(&mut self, c: u32, m: &[u32]);
}
impl<F: FnMut(u32, &[u32])> Fold for F {
    fn fold(&mut self, c: u32, m: &[u32]) {
        self(c, m)
    }
}
pub trait Decomp {
    fn decomp(&mut self, c: u32, compat: bool, m: &[u32]);
}
impl<F: FnMut(u32, bool, &[u32])> Decomp for F {
    fn decomp(&mut self, c: u32, compat: bool, m: &[u32]) {
        self(c, compat, m)
    }
}

/// `(start, end)` ranges, inclusive: repeated `u(start - previous_end_plus_one) u(length - 1)`.
/// Used for composition exclusions and Default_Ignorable_Code_Point.
pub fn ranges(s: &[u8], f: &mut dyn FnMut(u32, u32)) {
    runs(s, false, &mut |a: u32, b: u32, _: u32| f(a, b))
}

/// Runs of one value: repeated `u(start - previous_end_plus_one) u(length - 1) b(value)`.
/// Used for Canonical_Combining_Class.
pub fn valued_ranges(s: &[u8], f: &mut dyn FnMut(u32, u32, u32)) {
    runs(s, true, &mut |a: u32, b: u32, v: u32| f(a, b, v))
}

/// Both formats above in one decoder (the start-up code calls this one: one copy of the loop):
/// `f(start, end, value)`, the value 0 when there is none.
pub fn runs(s: &[u8], valued: bool, f: &mut dyn Run) {
    let mut r = Reader::new(s);
    let mut next = 0u32;
    while !r.at_end() {
        let start = next.wrapping_add(r.u());
        let end = start.wrapping_add(r.u());
        let v = if valued { r.byte() } else { 0 };
        f.run(start, end, v);
        next = end.wrapping_add(1);
    }
}

/// A partition of all code points into runs, starting at U+0000, in two columns: `lengths`
/// holds `u(length)` per run, `classes` one byte per run. Columns compress better than
/// interleaved records (measured: 2,429 against 2,804 Brotli bytes for the segmentation table).
pub fn partition(lengths: &[u8], classes: &[u8], f: &mut dyn Run) {
    let mut r = Reader::new(lengths);
    let mut start = 0u32;
    for &class in classes {
        let len = r.u();
        if len == 0 || start >= 0x11_0000 {
            break;
        }
        f.run(start, start.wrapping_add(len - 1), class as u32);
        start = start.wrapping_add(len);
    }
}

/// Case folding (statuses C and F). Repeated records, each `u(gap) b(header)` where gap is the
/// distance from the end of the previous record:
///
/// * header 0, 1: a run `u(count - 1) z(delta)`: `count` code points, `1 + header` apart, each
///   folding to itself plus `delta`.
/// * header `2 + n`: one code point folding to `n` code points (`n` ≥ 2), each `z` from the
///   previous one (the first from the key).
pub fn folds(s: &[u8], f: &mut dyn Fold) {
    let mut r = Reader::new(s);
    let mut next = 0u32;
    let mut tmp = [0u32; 4];
    while !r.at_end() {
        let cp = next.wrapping_add(r.u());
        let h = r.byte();
        if h < 2 {
            let count = r.u() + 1;
            let delta = r.z();
            let step = h + 1;
            let mut c = cp;
            for _ in 0..count {
                let one = [(c as i32).wrapping_add(delta) as u32];
                f.fold(c, &one);
                c = c.wrapping_add(step);
            }
            next = c.wrapping_sub(step).wrapping_add(1);
        } else {
            let n = ((h - 2) as usize).min(4);
            let mut prev = cp;
            let mut j = 0;
            while j < n {
                prev = (prev as i32).wrapping_add(r.z()) as u32;
                tmp[j & 3] = prev;
                j += 1;
            }
            f.fold(cp, tmp.get(..n).unwrap_or(&[]));
            next = cp.wrapping_add(1);
        }
    }
}

/// Record kinds in the decomposition key stream.
pub const DECOMP_RUN: u32 = 0;
pub const DECOMP_SEQ: u32 = 1;
pub const DECOMP_PAIR: u32 = 2;
pub const DECOMP_INC: u32 = 3;
/// Header bit: a compatibility (not canonical) mapping.
pub const DECOMP_COMPAT: u32 = 4;

/// Single-level Decomposition_Mapping, in two parallel streams so that Brotli models the
/// record shapes (`keys`) apart from the code point deltas (`vals`).
///
/// `keys`: repeated `u(gap) b(header)`; the header's low two bits give the kind, bit 2 marks a
/// compatibility mapping, bits 3..8 are a small parameter `p`. `vals` per kind, where `cursor`
/// is the first code point of the previous record's mapping:
///
/// * RUN: `u(count - 2) z(first - cursor)`: `count` consecutive code points each mapping to
///   one code point, `first`, `first + 1`, …
/// * SEQ: `[u(len) if p == 0] z(m0 - cursor) z(m1 - m0) …`: one code point, `len = p` (or the
///   explicit length) code points.
/// * PAIR: `z(base - cursor) [z(mark - base) if p == 31]`: one code point mapping to a base and
///   the combining mark `marks[p]`.
/// * INC: `u(count - 1)`: `count` consecutive code points, each mapping to the previous record's
///   mapping with element `p` incremented (①②③…, ⒜⒝⒞…).
///
/// Lower-case letters whose mapping follows from their upper-case partner are left out; see
/// `data::norm` for that rule.
pub fn decompositions(keys: &[u8], vals: &[u8], marks: &[u8], f: &mut dyn Decomp) {
    let mut mark_tab = [0u32; 32]; // indexed by a 5-bit field: never out of bounds
    let mut r = Reader::new(marks);
    let mut prev = 0u32;
    let mut n_marks = 0;
    // Plain loops here and below: `iter_mut().take(n)` compiled to more code.
    while n_marks < 31 && !r.at_end() {
        prev = (prev as i32).wrapping_add(r.z()) as u32;
        mark_tab[n_marks & 31] = prev;
        n_marks += 1;
    }
    let mut k = Reader::new(keys);
    let mut v = Reader::new(vals);
    let mut next = 0u32;
    let mut cursor = 0u32;
    let mut m = [0u32; MAX_MAPPING];
    let mut len = 0usize; // always <= MAX_MAPPING
    while !k.at_end() {
        let cp = next.wrapping_add(k.u());
        let h = k.byte();
        let compat = h & DECOMP_COMPAT != 0;
        let p = (h >> 3 & 31) as usize;
        // Every kind comes down to `count` consecutive code points mapping to `m`, with element
        // `inc` incremented before each: one loop for all four kinds. `inc` out of range (SEQ,
        // PAIR) increments nothing.
        let mut count = 1;
        let mut inc = MAX_MAPPING;
        match h & 3 {
            DECOMP_RUN => {
                // first, first + 1, ...: one element, counting up from first - 1.
                count = v.u() + 2;
                m[0] = (cursor as i32).wrapping_add(v.z()).wrapping_sub(1) as u32;
                len = 1;
                inc = 0;
            }
            DECOMP_SEQ => {
                len = if p == 0 { v.u() as usize } else { p }.min(MAX_MAPPING);
                let mut c = cursor;
                let mut j = 0;
                while j < len {
                    c = (c as i32).wrapping_add(v.z()) as u32;
                    if let Some(slot) = m.get_mut(j) {
                        *slot = c;
                    }
                    j += 1;
                }
            }
            DECOMP_PAIR => {
                let base = (cursor as i32).wrapping_add(v.z()) as u32;
                m[0] = base;
                m[1] = if p < n_marks { mark_tab[p] } else { (base as i32).wrapping_add(v.z()) as u32 };
                len = 2;
            }
            _ => {
                count = v.u() + 1;
                inc = p;
            }
        }
        for i in 0..count {
            if let Some(slot) = m.get_mut(inc) {
                *slot = slot.wrapping_add(1);
            }
            f.decomp(cp.wrapping_add(i), compat, m.get(..len).unwrap_or(&[]));
        }
        cursor = m[0];
        next = cp.wrapping_add(count);
    }
}
