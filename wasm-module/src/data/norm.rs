//! Normalization data as the normalizer uses it, built from the compact tables at start-up.
//!
//! What is derived here rather than stored (ucdgen proves each derivation against the UCD):
//! * full decompositions, by expanding single-level mappings (and Hangul arithmetically);
//! * the lower-case letters whose mapping is their upper-case partner's, case-folded;
//! * the composition pairs: every canonical pair minus Full_Composition_Exclusion;
//! * quick-check flags, by composing each decomposition and comparing;
//! * the case-folding closures (NFKC_Casefold is the compatibility one plus ignorable removal).
//!
//! Each mapping is stored once in `pool` as *packed* code points: bits 0-20 the code point,
//! bit 21 "combines backward", bits 24-31 its ccc, so reordering and composing never look
//! anything up again.

use super::formats;
use super::trie::Trie;
use crate::buf::Buf;
use crate::tables;

/// Hangul syllable arithmetic (Unicode §3.12).
pub const S_BASE: u32 = 0xAC00;
pub const L_BASE: u32 = 0x1100;
pub const V_BASE: u32 = 0x1161;
pub const T_BASE: u32 = 0x11A7;
pub const L_COUNT: u32 = 19;
pub const V_COUNT: u32 = 21;
pub const T_COUNT: u32 = 28;
pub const N_COUNT: u32 = V_COUNT * T_COUNT;
pub const S_COUNT: u32 = L_COUNT * N_COUNT;

/// Mapping modes: which decomposition a normalization form applies per code point.
pub const MODE_CANONICAL: usize = 0;
pub const MODE_COMPAT: usize = 1;
pub const MODE_CANONICAL_FOLD: usize = 2;
pub const MODE_COMPAT_FOLD: usize = 3;

// Record flags.
pub const F_DEFAULT_IGNORABLE: u16 = 1 << 0;
/// NFC_QC/NFKC_QC = Maybe: the decomposition starts with a code point that combines backward.
pub const F_MAYBE: u16 = 1 << 1;
/// Changed by NFC / NFKC / NFC with case folding / NFKC with case folding when alone.
pub const F_UNSTABLE_C: u16 = 1 << 2;
pub const F_UNSTABLE_K: u16 = 1 << 3;
pub const F_UNSTABLE_C_FOLD: u16 = 1 << 4;
pub const F_UNSTABLE_K_FOLD: u16 = 1 << 5;
/// Has a non-identity mapping in mode 0..3 (`F_MAPPED << mode`).
pub const F_MAPPED: u16 = 1 << 6;
/// Second code point of some composition pair.
pub const F_BACK: u16 = 1 << 11;

pub const PACK_CP: u32 = 0x1F_FFFF;
pub const PACK_BACK: u32 = 1 << 21;

#[derive(Clone, Copy, Default, PartialEq)]
#[repr(C)]
pub struct Rec {
    pub ccc: u8,
    _pad: u8,
    pub flags: u16,
    /// Per mode: `offset << 5 | length` into the pool; 0 means the code point maps to itself.
    pub map: [u32; 4],
}

const EMPTY: Rec = Rec { ccc: 0, _pad: 0, flags: 0, map: [0; 4] };

pub struct NormData {
    trie: Trie,
    recs: Buf<Rec>,
    pool: Buf<u32>,
    /// Open-addressing table of composition pairs: [first, second, result] per slot.
    comp: Buf<[u32; 3]>,
}

const COMP_BITS: u32 = 11;
const COMP_SLOTS: usize = 1 << COMP_BITS;

#[inline(always)]
fn comp_hash(a: u32, b: u32) -> usize {
    // Multiplicative hashing: the pairs' code points are dense and small, the constants spread them.
    ((a.wrapping_mul(0x9E37_79B1) ^ b.wrapping_mul(0x85EB_CA77)) >> (32 - COMP_BITS)) as usize
}

#[inline(always)]
pub fn is_hangul_syllable(c: u32) -> bool {
    c.wrapping_sub(S_BASE) < S_COUNT
}

/// The compact tables a `NormData` is built from: the generated ones, or (in ucdgen) freshly
/// encoded streams, which is how ucdgen measures `sizes` for the next build.
pub struct Source<'a> {
    pub ccc: &'a [u8],
    pub fold: &'a [u8],
    pub keys: &'a [u8],
    pub vals: &'a [u8],
    pub marks: &'a [u8],
    pub excl: &'a [u8],
    pub ignorable: &'a [u8],
    /// Final lengths of the records, the pool and the trie leaves, reserved up front so the
    /// start-up build allocates each once instead of doubling (see `buf`).
    pub sizes: [u32; 3],
}

pub static GENERATED: Source<'static> = Source {
    ccc: &tables::CCC,
    fold: &tables::FOLD,
    keys: &tables::DECOMP_KEYS,
    vals: &tables::DECOMP_VALS,
    marks: &tables::DECOMP_MARKS,
    excl: &tables::COMP_EXCL,
    ignorable: &tables::DEFAULT_IGNORABLE,
    sizes: tables::NORM_SIZES,
};

/// Per-record scratch used only while building.
#[derive(Clone, Copy, Default)]
struct Tmp {
    /// The code point that owns the record.
    cp: u32,
    /// Single-level decomposition: `pool offset << 8 | compat << 7 | excluded << 6 | length`
    /// (`D_COMPAT`, `D_EXCLUDED`; a length is at most `formats::MAX_MAPPING`, 24).
    d: u32,
    /// Case folding: `pool offset << 8 | length`.
    f: u32,
}

/// True when packed code points `seg` are `c` alone.
fn is_just(seg: &[u32], c: u32) -> bool {
    matches!(seg, [v] if v & PACK_CP == c)
}

const NO_TMP: Tmp = Tmp { cp: 0, d: 0, f: 0 };

const D_COMPAT: u32 = 0x80;
/// Full_Composition_Exclusion, set by `build_compositions` (only there: no pair is made).
const D_EXCLUDED: u32 = 0x40;

#[inline]
fn slice_of(pool: &Buf<u32>, packed: u32) -> &[u32] {
    let (off, len) = ((packed >> 8) as usize, (packed & 0x3F) as usize);
    pool.as_slice().get(off..off + len).unwrap_or(&[])
}

impl NormData {
    pub const fn new() -> Self {
        NormData { trie: Trie::new(), recs: Buf::new(), pool: Buf::new(), comp: Buf::new() }
    }

    #[inline(always)]
    pub fn rec(&self, c: u32) -> &Rec {
        let id = self.trie.get(c) as usize;
        if id < self.recs.len() {
            // Safe because id < len; the check is kept (one comparison) because the trie can
            // point at records not yet created while the tables are being built.
            unsafe { &*self.recs.as_ptr().add(id) }
        } else {
            &EMPTY
        }
    }

    /// True when `c`'s block of 64 code points has no data: all share one record.
    pub fn empty_block(&self, c: u32) -> bool {
        self.trie.empty_block(c)
    }

    #[inline(always)]
    pub fn ccc(&self, c: u32) -> u32 {
        self.rec(c).ccc as u32
    }

    /// The pool slice for `entry` (a `Rec::map` value).
    #[inline(always)]
    pub fn mapping(&self, entry: u32) -> &[u32] {
        let (off, len) = ((entry >> 5) as usize, (entry & 31) as usize);
        self.pool.as_slice().get(off..off + len).unwrap_or(&[])
    }

    /// Packs `c` with its ccc and backward-combining bit (see the module notes).
    #[inline]
    pub fn pack(&self, c: u32) -> u32 {
        let r = self.rec(c);
        let back = if r.flags & F_BACK != 0 { PACK_BACK } else { 0 };
        c | back | (r.ccc as u32) << 24
    }

    /// The canonical composition of `a` and `b`, if any. Not inlined: inlined into `compose`,
    /// Binaryen nests its probe loop inside the expression that stores the result, a loop
    /// entered with a value on the stack (see build.sh and LoopHeaderStackTest). As a call it
    /// costs nothing measurable: HotSpot inlines the small method Chicory makes of it.
    #[inline(never)]
    pub fn compose_pair(&self, a: u32, b: u32) -> Option<u32> {
        // Hangul LV and LVT syllables are composed arithmetically.
        if b.wrapping_sub(V_BASE) < V_COUNT && a.wrapping_sub(L_BASE) < L_COUNT {
            return Some(S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT);
        }
        if b.wrapping_sub(T_BASE + 1) < T_COUNT - 1 && is_hangul_syllable(a) && (a - S_BASE) % T_COUNT == 0 {
            return Some(a + (b - T_BASE));
        }
        let t = self.comp.as_slice();
        let mut h = comp_hash(a, b);
        for _ in 0..COMP_SLOTS {
            let s = t.get(h)?;
            if s[0] == 0 {
                return None;
            }
            if s[0] == a && s[1] == b {
                return Some(s[2]);
            }
            h = (h + 1) & (COMP_SLOTS - 1);
        }
        None
    }

    pub fn bytes(&self) -> usize {
        self.trie.bytes() + self.recs.capacity() * core::mem::size_of::<Rec>() + self.pool.capacity() * 4 + self.comp.capacity() * 12
    }

    /// Expands the compact tables. False when memory is exhausted (the caller reports it).
    #[inline(never)]
    pub fn build(&mut self) -> bool {
        self.build_from(&GENERATED)
    }

    pub fn build_from(&mut self, t: &Source) -> bool {
        let mut tmp: Buf<Tmp> = Buf::new();
        let [recs, pool, leaves] = t.sizes;
        let ok = self.recs.reserve(recs as usize)
            && tmp.reserve(recs as usize)
            && self.pool.reserve(pool as usize)
            && self.trie.reserve_leaves(leaves as usize)
            && self.build_with(&mut tmp, t);
        tmp.shrink_if_over(0);
        ok
    }

    /// Lengths to reserve next time: records, pool, trie leaves.
    pub fn sizes(&self) -> [u32; 3] {
        [self.recs.len() as u32, self.pool.len() as u32, self.trie.leaves_len() as u32]
    }

    /// The record of `c`, created on first use; None when memory is exhausted.
    fn rec_id(&mut self, c: u32, tmp: &mut Buf<Tmp>) -> Option<usize> {
        let id = self.id(c);
        if id != 0 {
            return Some(id);
        }
        let new = self.recs.len();
        if new > u16::MAX as usize || !self.recs.push(EMPTY) || !tmp.push(Tmp { cp: c, d: 0, f: 0 }) || !self.trie.set(c, new as u16) {
            return None;
        }
        Some(new)
    }

    /// ORs `flags` into the record of `c` (creating it) and sets its ccc when `ccc` is Some.
    fn mark(&mut self, c: u32, flags: u16, ccc: Option<u8>, tmp: &mut Buf<Tmp>) -> bool {
        match self.rec_id(c, tmp).and_then(|i| self.recs.as_mut_slice().get_mut(i)) {
            Some(r) => {
                r.flags |= flags;
                if let Some(v) = ccc {
                    r.ccc = v;
                }
                true
            }
            None => false,
        }
    }

    /// Stores `m` in the pool and records it as decomposition (`fold == false`) or folding.
    fn store(&mut self, c: u32, m: &[u32], tag: u32, fold: bool, tmp: &mut Buf<Tmp>) -> bool {
        let off = self.pool.len() as u32;
        let packed = off << 8 | tag | m.len() as u32;
        match self.rec_id(c, tmp) {
            Some(i) if self.pool.extend(m) => match tmp.as_mut_slice().get_mut(i) {
                Some(t) => {
                    if fold {
                        t.f = packed;
                    } else {
                        t.d = packed;
                    }
                    true
                }
                None => false,
            },
            _ => false,
        }
    }

    fn build_with(&mut self, tmp: &mut Buf<Tmp>, t: &Source) -> bool {
        if !(self.trie.init() && self.recs.push(EMPTY) && tmp.push(Tmp::default()) && self.pool.push(0)) {
            return false;
        }
        let mut ok = true;
        formats::runs(t.ccc, true, &mut |a: u32, b: u32, v: u32| {
            for c in a..b.wrapping_add(1) {
                ok &= self.mark(c, 0, Some(v as u8), tmp);
            }
        });
        formats::folds(t.fold, &mut |c: u32, m: &[u32]| ok &= self.store(c, m, 0, true, tmp));
        let (keys, vals, marks) = (t.keys, t.vals, t.marks);
        formats::decompositions(keys, vals, marks, &mut |c: u32, compat: bool, m: &[u32]| {
            ok &= self.store(c, m, if compat { D_COMPAT } else { 0 }, false, tmp)
        });
        // Lower-case letters left out of the table take their upper-case partner's mapping,
        // case-folded (see ucdgen/src/norm.rs, case_derived).
        formats::decompositions(keys, vals, marks, &mut |upper: u32, compat: bool, m: &[u32]| {
            if let (Some(lower), Some(&first)) = (self.simple_fold(upper, tmp), m.first()) {
                let has = self.scratch(lower, tmp).d != 0;
                if let (false, Some(base), true) = (has, self.simple_fold(first, tmp), m.len() >= 2) {
                    // The upper-case mapping is stored as it is, then its first code point is
                    // replaced in the pool: no copy of the mapping on the stack.
                    let at = self.pool.len();
                    ok &= self.store(lower, m, if compat { D_COMPAT } else { 0 }, false, tmp);
                    if let Some(p) = self.pool.as_mut_slice().get_mut(at) {
                        *p = base;
                    }
                }
            }
        });
        ok &= self.build_compositions(tmp, t.excl);
        // Hangul syllables: one record for the whole block; their mappings are computed.
        let hangul = self.recs.len() as u16;
        ok &= self.recs.push(Rec { flags: F_MAPPED | F_MAPPED << 1 | F_MAPPED << 2 | F_MAPPED << 3, ..EMPTY })
            && tmp.push(Tmp::default())
            && self.trie.set_range(S_BASE, S_BASE + S_COUNT - 1, hangul);
        ok && self.expand_all(tmp) && self.apply_default_ignorables(t.ignorable)
    }

    /// The record number of `c`, 0 when it has none. Out of line for start-up, which looks it
    /// up in many places: `Trie::get` is always inlined because the hot paths need it so, and
    /// each inlined copy costs some 60 bytes of code.
    #[inline(never)]
    fn id(&self, c: u32) -> usize {
        self.trie.get(c) as usize
    }

    /// The scratch record of `c` (an empty one when it has none).
    #[inline(never)]
    fn scratch<'t>(&self, c: u32, tmp: &'t Buf<Tmp>) -> &'t Tmp {
        tmp.as_slice().get(self.id(c)).unwrap_or(&NO_TMP)
    }

    fn simple_fold(&self, c: u32, tmp: &Buf<Tmp>) -> Option<u32> {
        match slice_of(&self.pool, self.scratch(c, tmp).f) {
            [one] => Some(*one),
            _ => None,
        }
    }

    fn single(&self, c: u32, tmp: &Buf<Tmp>) -> (bool, &[u32]) {
        let d = self.scratch(c, tmp).d;
        (d & D_COMPAT != 0, slice_of(&self.pool, d))
    }

    /// Composition pairs: canonical two-code-point mappings, minus Full_Composition_Exclusion
    /// (CompositionExclusions.txt, singletons and non-starter decompositions).
    fn build_compositions(&mut self, tmp: &mut Buf<Tmp>, excl: &[u8]) -> bool {
        // The exclusions are marked in the scratch records (every excluded code point has a
        // decomposition, hence a record) rather than collected in a list to search.
        formats::runs(excl, false, &mut |a: u32, b: u32, _: u32| {
            for c in a..b.wrapping_add(1) {
                let id = self.id(c);
                if let (true, Some(t)) = (id != 0, tmp.as_mut_slice().get_mut(id)) {
                    t.d |= D_EXCLUDED;
                }
            }
        });
        let mut ok = self.comp.fill_zero(COMP_SLOTS);
        for i in 1..tmp.len() {
            // Record i is the record of t.cp: no lookup is needed to find its mapping.
            let t = tmp.get(i).unwrap_or_default();
            let (a, b) = match slice_of(&self.pool, t.d) {
                &[a, b] if t.d & (D_COMPAT | D_EXCLUDED) == 0 => (a, b),
                _ => continue,
            };
            let c = t.cp;
            // The ccc read through `pack`, which is out of line (rec is not).
            if self.pack(c) >> 24 != 0 || self.pack(a) >> 24 != 0 {
                continue;
            }
            let mut h = comp_hash(a, b);
            while let Some(s) = self.comp.as_mut_slice().get_mut(h) {
                if s[0] == 0 {
                    *s = [a, b, c];
                    break;
                }
                h = (h + 1) & (COMP_SLOTS - 1);
            }
            ok &= self.mark(b, F_BACK, None, tmp);
        }
        // Conjoining vowels and trailing consonants combine backward too.
        for j in V_BASE..T_BASE + T_COUNT {
            if j < V_BASE + V_COUNT || j > T_BASE {
                ok &= self.mark(j, F_BACK, None, tmp);
            }
        }
        ok
    }

    /// Appends the full decomposition of `c` in `mode` to `out` (packed later).
    fn expand(&self, c: u32, mode: usize, tmp: &Buf<Tmp>, out: &mut Buf<u32>, depth: u32) -> bool {
        if is_hangul_syllable(c) {
            let s = c - S_BASE;
            let t = s % T_COUNT;
            return out.push(L_BASE + s / N_COUNT)
                && out.push(V_BASE + (s % N_COUNT) / T_COUNT)
                && (t == 0 || out.push(T_BASE + t));
        }
        let compat_ok = mode == MODE_COMPAT || mode == MODE_COMPAT_FOLD;
        let (compat, m) = self.single(c, tmp);
        if !m.is_empty() && (compat_ok || !compat) && depth < 8 {
            // `m` borrows the pool, which only `expand_all` appends to: the recursion writes to
            // `out` alone, so no copy is needed.
            for &x in m {
                if !self.expand(x, mode, tmp, out, depth + 1) {
                    return false;
                }
            }
            return true;
        }
        out.push(c)
    }

    /// Applies full case folding to every code point of `a` (a decomposition) and decomposes the
    /// result again, until nothing changes (ucdgen proves two rounds always suffice; eight is a
    /// safe bound).
    fn fold_closure(&self, mode: usize, tmp: &Buf<Tmp>, a: &mut Buf<u32>, b: &mut Buf<u32>) -> bool {
        for _ in 0..8 {
            b.clear();
            let mut changed = false;
            for &x in a.as_slice() {
                let f = self.scratch(x, tmp).f;
                if f != 0 {
                    changed = true;
                    for &y in slice_of(&self.pool, f) {
                        if !self.expand(y, mode, tmp, b, 0) {
                            return false;
                        }
                    }
                } else if !b.push(x) {
                    return false;
                }
            }
            core::mem::swap(a, b);
            if !changed {
                break;
            }
        }
        true
    }

    /// Computes every record's four mappings (packed, canonically ordered) and its quick-check
    /// flags.
    fn expand_all(&mut self, tmp: &Buf<Tmp>) -> bool {
        let mut a: Buf<u32> = Buf::new();
        let mut b: Buf<u32> = Buf::new();
        let mut seg: Buf<u32> = Buf::new();
        let mut sort: Buf<u32> = Buf::new();
        let mut ok = true;
        for i in 1..tmp.len() {
            let c = tmp.get(i).map(|t| t.cp).unwrap_or(0);
            let id = self.id(c);
            if c == 0 || id != i || !ok {
                continue;
            }
            // Only the flags are read: nothing sets a record's mappings before this pass.
            let mut flags = self.recs.as_slice().get(id).map_or(0, |r| r.flags);
            let mut map = [0u32; 4];
            // A while loop, not `for mode in 0..4`: with the for loop Binaryen kept `mode + 1` on
            // the stack across the inner loops (two loops entered with a value on the stack, which
            // LoopHeaderStackTest rejects; experiments/loop_stack.py finds them).
            let mut mode = 0;
            while mode < 4 {
                a.clear();
                ok &= self.expand(c, mode, tmp, &mut a, 0) && (mode < MODE_CANONICAL_FOLD || self.fold_closure(mode, tmp, &mut a, &mut b));
                // Pack and order canonically, as the normalizer would.
                seg.clear();
                for &x in a.as_slice() {
                    ok &= seg.push(self.pack(x));
                }
                ok &= crate::normalize::reorder(seg.as_mut_slice(), &mut sort);
                if mode == MODE_CANONICAL && seg.get(0).map_or(false, |v| v & PACK_BACK != 0) {
                    // Maybe: the decomposition (or the code point itself) combines backward.
                    flags |= F_MAYBE;
                }
                if !is_just(seg.as_slice(), c) {
                    // Reuse an earlier mode's pool entry when the mapping is the same (a plain
                    // loop: the iterator chain it replaced compiled to a 246-byte function).
                    let mut entry = 0;
                    for &e in &map[..mode] {
                        if e != 0 && self.mapping(e) == seg.as_slice() {
                            entry = e;
                            break;
                        }
                    }
                    if entry == 0 {
                        entry = (self.pool.len() as u32) << 5 | seg.len() as u32;
                        ok &= self.pool.extend(seg.as_slice()) && seg.len() < 32;
                    }
                    map[mode & 3] = entry;
                    flags |= F_MAPPED << mode;
                }
                // Quick check for the composing form of this mode: does the mapping compose
                // back to the code point itself?
                let n = crate::normalize::compose(self, seg.as_mut_slice());
                if !is_just(seg.as_slice().get(..n).unwrap_or(&[]), c) {
                    flags |= F_UNSTABLE_C << mode;
                }
                mode += 1;
            }
            if let Some(r) = self.recs.as_mut_slice().get_mut(id) {
                r.flags = flags;
                r.map = map;
            }
        }
        a.shrink_if_over(0);
        b.shrink_if_over(0);
        seg.shrink_if_over(0);
        ok
    }

    /// Default_Ignorable_Code_Point: a flag on records that exist, one shared record otherwise
    /// (nothing is written to the trie after this, so sharing is safe).
    fn apply_default_ignorables(&mut self, ranges: &[u8]) -> bool {
        let shared = self.recs.len() as u16;
        let mut ok = self.recs.push(Rec { flags: F_DEFAULT_IGNORABLE, ..EMPTY });
        formats::runs(ranges, false, &mut |a: u32, b: u32, _: u32| {
            for c in a..b.wrapping_add(1) {
                let id = self.id(c);
                if id == 0 {
                    ok &= self.trie.set(c, shared);
                } else if let Some(r) = self.recs.as_mut_slice().get_mut(id) {
                    r.flags |= F_DEFAULT_IGNORABLE;
                }
            }
        });
        ok
    }
}

