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
/// Set on records shared by many code points during start-up (copy on write).
const F_SHARED: u16 = 1 << 15;

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
    trie: Trie<u16>,
    recs: Buf<Rec>,
    pool: Buf<u32>,
    /// Open-addressing table of composition pairs, three words per slot: first, second, result.
    comp: Buf<u32>,
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

/// Per-record scratch used only while building.
#[derive(Clone, Copy, Default)]
struct Tmp {
    /// The code point that owns the record (0 for shared records).
    cp: u32,
    /// Single-level decomposition: pool offset and length (bit 7: compatibility).
    d_off: u32,
    d_len: u8,
    f_len: u8,
    f_off: u32,
}

impl NormData {
    pub const fn new() -> Self {
        NormData { trie: Trie::new(), recs: Buf::new(), pool: Buf::new(), comp: Buf::new() }
    }

    #[inline(always)]
    pub fn rec(&self, c: u32) -> Rec {
        self.recs.get(self.trie.get(c) as usize).unwrap_or(EMPTY)
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

    /// The canonical composition of `a` and `b`, if any.
    #[inline]
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
            let s = t.get(h * 3..h * 3 + 3)?;
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
        self.trie.bytes() + self.recs.capacity() * core::mem::size_of::<Rec>() + self.pool.capacity() * 4 + self.comp.capacity() * 4
    }

    /// Expands the compact tables. False when memory is exhausted (the caller reports it).
    pub fn build(&mut self) -> bool {
        let mut tmp: Buf<Tmp> = Buf::new();
        let ok = self.build_with(&mut tmp);
        tmp.shrink_if_over(0);
        ok
    }

    fn build_with(&mut self, tmp: &mut Buf<Tmp>) -> bool {
        if !(self.trie.init() && self.recs.push(EMPTY) && tmp.push(Tmp::default()) && self.pool.push(0)) {
            return false;
        }
        let mut ok = true;
        // Records of code points that only carry a ccc are shared per ccc value.
        let mut by_ccc = [0u16; 256];
        formats::valued_ranges(&tables::CCC, |a, b, v| {
            let v = (v & 255) as usize;
            if by_ccc[v] == 0 {
                by_ccc[v] = self.recs.len() as u16;
                ok &= self.recs.push(Rec { ccc: v as u8, flags: F_SHARED, ..EMPTY }) && tmp.push(Tmp::default());
            }
            for c in a..=b {
                ok &= self.trie.set(c, by_ccc[v]);
            }
        });
        formats::folds(&tables::FOLD, |c, m| {
            if let Some(i) = self.own(c, tmp) {
                let off = self.pool.len() as u32;
                ok &= self.pool.extend(m);
                if let Some(t) = tmp.as_mut_slice().get_mut(i) {
                    t.f_off = off;
                    t.f_len = m.len() as u8;
                }
            } else {
                ok = false;
            }
        });
        let (keys, vals, marks) = (&tables::DECOMP_KEYS[..], &tables::DECOMP_VALS[..], &tables::DECOMP_MARKS[..]);
        formats::decompositions(keys, vals, marks, |c, compat, m| ok &= self.set_decomp(c, compat, m, tmp));
        // Lower-case letters left out of the table take their upper-case partner's mapping,
        // case-folded (see ucdgen/src/norm.rs, case_derived).
        let mut lead = [0u32; formats::MAX_MAPPING];
        formats::decompositions(keys, vals, marks, |upper, compat, m| {
            if m.len() < 2 {
                return;
            }
            if let (Some(lower), Some(base)) = (self.simple_fold(upper, tmp), self.simple_fold(m[0], tmp)) {
                let has = tmp.get(self.trie.get(lower) as usize).map(|t| t.d_len != 0).unwrap_or(false);
                if !has && m.len() <= lead.len() {
                    lead[0] = base;
                    lead[1..m.len()].copy_from_slice(&m[1..]);
                    ok &= self.set_decomp(lower, compat, &lead[..m.len()], tmp);
                }
            }
        });
        ok &= self.build_compositions(tmp);
        if !ok {
            return false;
        }
        // Hangul syllables: one shared record; their mappings are computed, not stored.
        let hangul = self.recs.len() as u16;
        let mapped = F_MAPPED | F_MAPPED << 1 | F_MAPPED << 2 | F_MAPPED << 3;
        ok &= self.recs.push(Rec { flags: mapped | F_SHARED, ..EMPTY }) && tmp.push(Tmp::default());
        ok &= self.trie.set_range(S_BASE, S_BASE + S_COUNT - 1, hangul);
        ok &= self.expand_all(tmp);
        ok &= self.apply_default_ignorables(tmp);
        ok
    }

    /// The record index for `c`, made private to `c` (copied if shared). None: out of memory.
    fn own(&mut self, c: u32, tmp: &mut Buf<Tmp>) -> Option<usize> {
        let id = self.trie.get(c) as usize;
        let cur = self.recs.get(id).unwrap_or(EMPTY);
        if id != 0 && cur.flags & F_SHARED == 0 {
            return Some(id);
        }
        let new = self.recs.len();
        if new > u16::MAX as usize
            || !self.recs.push(Rec { flags: cur.flags & !F_SHARED, ..cur })
            || !tmp.push(Tmp { cp: c, ..Tmp::default() })
            || !self.trie.set(c, new as u16)
        {
            return None;
        }
        Some(new)
    }

    fn simple_fold(&self, c: u32, tmp: &Buf<Tmp>) -> Option<u32> {
        let t = tmp.get(self.trie.get(c) as usize)?;
        if t.f_len == 1 {
            self.pool.get(t.f_off as usize)
        } else {
            None
        }
    }

    fn set_decomp(&mut self, c: u32, compat: bool, m: &[u32], tmp: &mut Buf<Tmp>) -> bool {
        let i = match self.own(c, tmp) {
            Some(i) => i,
            None => return false,
        };
        let off = self.pool.len() as u32;
        if !self.pool.extend(m) {
            return false;
        }
        if let Some(t) = tmp.as_mut_slice().get_mut(i) {
            t.d_off = off;
            t.d_len = m.len() as u8 | if compat { 0x80 } else { 0 };
        }
        true
    }

    fn single(&self, c: u32, tmp: &Buf<Tmp>) -> (bool, &[u32]) {
        let t = tmp.get(self.trie.get(c) as usize).unwrap_or_default();
        let len = (t.d_len & 0x7F) as usize;
        let off = t.d_off as usize;
        (t.d_len & 0x80 != 0, self.pool.as_slice().get(off..off + len).unwrap_or(&[]))
    }

    /// Composition pairs: canonical two-code-point mappings, minus Full_Composition_Exclusion
    /// (CompositionExclusions.txt, singletons and non-starter decompositions).
    fn build_compositions(&mut self, tmp: &mut Buf<Tmp>) -> bool {
        let mut excluded: Buf<u32> = Buf::new();
        let mut ok = true;
        formats::ranges(&tables::COMP_EXCL, |a, b| {
            for c in a..=b {
                ok &= excluded.push(c);
            }
        });
        ok &= self.comp.fill(0, COMP_SLOTS * 3);
        let mut pairs: Buf<u32> = Buf::new();
        for i in 1..tmp.len() {
            let c = tmp.get(i).map(|t| t.cp).unwrap_or(0);
            if c == 0 {
                continue;
            }
            let (compat, m) = self.single(c, tmp);
            if !compat && m.len() == 2 && !excluded.as_slice().contains(&c) {
                let (a, b) = (m[0], m[1]);
                if self.ccc(c) == 0 && self.ccc(a) == 0 {
                    ok &= pairs.extend(&[c, a, b]);
                }
            }
        }
        let p = pairs.as_slice();
        let mut k = 0;
        while k + 3 <= p.len() {
            let (c, a, b) = (p[k], p[k + 1], p[k + 2]);
            let mut h = comp_hash(a, b);
            loop {
                let slot = h * 3;
                match self.comp.as_mut_slice().get_mut(slot..slot + 3) {
                    Some(s) if s[0] == 0 => {
                        s[0] = a;
                        s[1] = b;
                        s[2] = c;
                        break;
                    }
                    Some(_) => h = (h + 1) & (COMP_SLOTS - 1),
                    None => return false,
                }
            }
            if let Some(i) = self.own(b, tmp) {
                if let Some(r) = self.recs.as_mut_slice().get_mut(i) {
                    r.flags |= F_BACK;
                }
            } else {
                return false;
            }
            k += 3;
        }
        // Conjoining vowels and trailing consonants combine backward too.
        let mut j = V_BASE;
        while ok && j < T_BASE + T_COUNT {
            if j < V_BASE + V_COUNT || j > T_BASE {
                match self.own(j, tmp) {
                    Some(i) => {
                        if let Some(r) = self.recs.as_mut_slice().get_mut(i) {
                            r.flags |= F_BACK;
                        }
                    }
                    None => return false,
                }
            }
            j += 1;
        }
        pairs.shrink_if_over(0);
        excluded.shrink_if_over(0);
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
            let mut buf = [0u32; formats::MAX_MAPPING];
            let n = m.len().min(buf.len());
            buf[..n].copy_from_slice(&m[..n]);
            for &x in &buf[..n] {
                if !self.expand(x, mode, tmp, out, depth + 1) {
                    return false;
                }
            }
            return true;
        }
        out.push(c)
    }

    /// Applies full case folding to every code point of `src` and decomposes the result again,
    /// until nothing changes (ucdgen proves two rounds always suffice; eight is a safe bound).
    fn fold_closure(&self, c: u32, mode: usize, tmp: &Buf<Tmp>, a: &mut Buf<u32>, b: &mut Buf<u32>) -> bool {
        a.clear();
        if !self.expand(c, mode, tmp, a, 0) {
            return false;
        }
        for _ in 0..8 {
            b.clear();
            let mut changed = false;
            for &x in a.as_slice() {
                let t = tmp.get(self.trie.get(x) as usize).unwrap_or_default();
                if t.f_len != 0 {
                    changed = true;
                    let off = t.f_off as usize;
                    let mut f = [0u32; 4];
                    let n = (t.f_len as usize).min(4);
                    if let Some(src) = self.pool.as_slice().get(off..off + n) {
                        f[..n].copy_from_slice(src);
                    }
                    for &y in &f[..n] {
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
            let id = self.trie.get(c) as usize;
            if c == 0 || id != i || !ok {
                continue;
            }
            let mut rec = self.recs.get(id).unwrap_or(EMPTY);
            let mut flags = rec.flags;
            for mode in 0..4 {
                ok &= if mode >= MODE_CANONICAL_FOLD {
                    self.fold_closure(c, mode, tmp, &mut a, &mut b)
                } else {
                    a.clear();
                    self.expand(c, mode, tmp, &mut a, 0)
                };
                // Pack and order canonically, as the normalizer would.
                seg.clear();
                for &x in a.as_slice() {
                    ok &= seg.push(self.pack(x));
                }
                ok &= crate::normalize::reorder(seg.as_mut_slice(), &mut sort);
                let identity = seg.len() == 1 && seg.get(0).map(|v| v & PACK_CP) == Some(c);
                if !identity {
                    // Reuse the previous mode's pool entry when the mapping is the same.
                    let same = (0..mode).map(|m| rec.map[m]).find(|&e| e != 0 && self.mapping(e) == seg.as_slice());
                    rec.map[mode] = match same {
                        Some(e) => e,
                        None => {
                            let off = self.pool.len() as u32;
                            ok &= self.pool.extend(seg.as_slice()) && seg.len() < 32;
                            off << 5 | seg.len() as u32
                        }
                    };
                    flags |= F_MAPPED << mode;
                }
                // Quick check for the composing form of this mode: does the mapping compose
                // back to the code point itself?
                let n = crate::normalize::compose(self, seg.as_mut_slice());
                let back_to_self = n == 1 && seg.get(0).map(|v| v & PACK_CP) == Some(c);
                if !back_to_self {
                    flags |= F_UNSTABLE_C << mode;
                }
                if mode == MODE_CANONICAL {
                    // Maybe: the decomposition starts with a code point that combines backward.
                    let first = self.mapping(rec.map[0]).first().copied().unwrap_or(self.pack(c));
                    if first & PACK_BACK != 0 {
                        flags |= F_MAYBE;
                    }
                }
            }
            rec.flags = flags;
            if let Some(r) = self.recs.as_mut_slice().get_mut(id) {
                *r = rec;
            }
        }
        a.shrink_if_over(0);
        b.shrink_if_over(0);
        seg.shrink_if_over(0);
        ok
    }

    /// Default_Ignorable_Code_Point: a flag on records that exist, one shared record otherwise.
    fn apply_default_ignorables(&mut self, tmp: &mut Buf<Tmp>) -> bool {
        let shared = self.recs.len() as u16;
        let mut ok = self.recs.push(Rec { flags: F_DEFAULT_IGNORABLE | F_SHARED, ..EMPTY }) && tmp.push(Tmp::default());
        formats::ranges(&tables::DEFAULT_IGNORABLE, |a, b| {
            let mut c = a;
            while ok && c <= b {
                if self.trie.get(c) == 0 {
                    ok &= self.trie.set(c, shared);
                } else {
                    match self.own(c, tmp) {
                        Some(i) => {
                            if let Some(r) = self.recs.as_mut_slice().get_mut(i) {
                                r.flags |= F_DEFAULT_IGNORABLE;
                            }
                        }
                        None => ok = false,
                    }
                }
                c += 1;
            }
        });
        ok
    }
}
