//! Normalization tables: what is stored, what is derived, and the proofs that the derivation
//! reproduces the UCD.
//!
//! Stored: Canonical_Combining_Class runs, single-level decomposition mappings (minus the
//! lower-case letters whose mapping follows from their upper-case partner), CompositionExclusions,
//! case folding C+F, and Default_Ignorable_Code_Point ranges.
//! Derived at start-up by the core: full decompositions, composition pairs, quick-check flags
//! and the NFKC_Casefold mapping. This file proves those derivations against
//! DerivedNormalizationProps before any table is written.

use crate::bytes::{self, Bytes};
use crate::ucd::{Ucd, N};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use textwasm_core::data::formats;

pub const S_BASE: u32 = 0xAC00;
pub const L_BASE: u32 = 0x1100;
pub const V_BASE: u32 = 0x1161;
pub const T_BASE: u32 = 0x11A7;
pub const L_COUNT: u32 = 19;
pub const V_COUNT: u32 = 21;
pub const T_COUNT: u32 = 28;
pub const S_COUNT: u32 = L_COUNT * V_COUNT * T_COUNT;

/// A straightforward reference normalizer over the UCD, used only to check derivations.
pub struct Ref<'a> {
    pub u: &'a Ucd,
    pub comp: HashMap<(u32, u32), u32>,
    pub second: BTreeSet<u32>,
}

impl<'a> Ref<'a> {
    pub fn new(u: &'a Ucd) -> Self {
        let mut comp = HashMap::new();
        let mut second = BTreeSet::new();
        for (&c, (compat, m)) in &u.decomp {
            if *compat || m.len() != 2 || u.excl.contains(&c) {
                continue;
            }
            // Full_Composition_Exclusion also covers non-starter decompositions.
            if u.ccc[c as usize] != 0 || u.ccc[m[0] as usize] != 0 {
                continue;
            }
            comp.insert((m[0], m[1]), c);
            second.insert(m[1]);
        }
        for v in V_BASE..V_BASE + V_COUNT {
            second.insert(v);
        }
        for t in T_BASE + 1..T_BASE + T_COUNT {
            second.insert(t);
        }
        Ref { u, comp, second }
    }

    pub fn decompose_into(&self, c: u32, compat: bool, out: &mut Vec<u32>) {
        if (S_BASE..S_BASE + S_COUNT).contains(&c) {
            let s = c - S_BASE;
            out.push(L_BASE + s / (V_COUNT * T_COUNT));
            out.push(V_BASE + (s % (V_COUNT * T_COUNT)) / T_COUNT);
            if s % T_COUNT != 0 {
                out.push(T_BASE + s % T_COUNT);
            }
            return;
        }
        match self.u.decomp.get(&c) {
            Some((k, m)) if compat || !*k => {
                for &x in m {
                    self.decompose_into(x, compat, out);
                }
            }
            _ => out.push(c),
        }
    }

    pub fn ccc(&self, c: u32) -> u8 {
        self.u.ccc.get(c as usize).copied().unwrap_or(0)
    }

    pub fn reorder(&self, v: &mut [u32]) {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && self.ccc(v[j]) != 0 && self.ccc(v[j - 1]) > self.ccc(v[j]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
    }

    pub fn decompose(&self, s: &[u32], compat: bool) -> Vec<u32> {
        let mut out = Vec::new();
        for &c in s {
            self.decompose_into(c, compat, &mut out);
        }
        self.reorder(&mut out);
        out
    }

    pub fn compose(&self, s: &[u32]) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        let mut starter: Option<usize> = None;
        let mut last_ccc: i32 = -1; // ccc of the last char appended after the starter
        for &c in s {
            let cc = self.ccc(c) as i32;
            if let Some(si) = starter {
                let blocked = last_ccc != -1 && (last_ccc == 0 || last_ccc >= cc);
                if !blocked {
                    let a = out[si];
                    let composed = if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&c) {
                        Some(S_BASE + ((a - L_BASE) * V_COUNT + (c - V_BASE)) * T_COUNT)
                    } else if (S_BASE..S_BASE + S_COUNT).contains(&a)
                        && (a - S_BASE) % T_COUNT == 0
                        && (T_BASE + 1..T_BASE + T_COUNT).contains(&c)
                    {
                        Some(a + (c - T_BASE))
                    } else {
                        self.comp.get(&(a, c)).copied()
                    };
                    if let Some(x) = composed {
                        out[si] = x;
                        continue;
                    }
                }
            }
            if cc == 0 {
                starter = Some(out.len());
                last_ccc = -1;
            } else {
                last_ccc = cc;
            }
            out.push(c);
        }
        out
    }

    pub fn fold(&self, s: &[u32]) -> Vec<u32> {
        let mut out = Vec::new();
        for &c in s {
            match self.u.fold.get(&c) {
                Some(m) => out.extend_from_slice(m),
                None => out.push(c),
            }
        }
        out
    }

    /// The per-code-point closure the core computes at start-up for the case-folding modes:
    /// decompose, fold, decompose again, until nothing changes.
    pub fn fold_closure(&self, c: u32, compat: bool) -> Vec<u32> {
        let mut x = self.decompose(&[c], compat);
        for _ in 0..8 {
            let y = self.decompose(&self.fold(&x), compat);
            if y == x {
                return x;
            }
            x = y;
        }
        panic!("fold closure of U+{:04X} does not converge", c);
    }

    /// NFKC_Casefold(c) from its definition in UAX #44 / DerivedNormalizationProps.txt.
    pub fn nfkc_cf_definition(&self, c: u32) -> Vec<u32> {
        let mut x = vec![c];
        for _ in 0..8 {
            let y: Vec<u32> = self
                .compose(&self.decompose(&self.fold(&self.compose(&self.decompose(&x, true))), true))
                .into_iter()
                .filter(|&z| !self.u.di[z as usize])
                .collect();
            if y == x {
                break;
            }
            x = y;
        }
        x
    }
}

pub struct NormTables {
    pub tables: Vec<(&'static str, Vec<u8>, &'static str)>,
    pub notes: Vec<String>,
}

fn is_hangul_syllable(c: u32) -> bool {
    (S_BASE..S_BASE + S_COUNT).contains(&c)
}

/// Proves the facts the core relies on, then encodes the stored tables.
pub fn build(u: &Ucd) -> Result<NormTables, String> {
    let r = Ref::new(u);
    let mut notes = Vec::new();

    // 0. The core's trie covers U+0000..U+3FFFF and U+E0000..U+E0FFF only.
    let covered = |c: u32| c < 0x40000 || (0xE0000..0xE1000).contains(&c);
    for c in 0..N as u32 {
        let has = u.ccc[c as usize] != 0 || u.decomp.contains_key(&c) || u.fold.contains_key(&c) || u.di[c as usize];
        if has && !covered(c) {
            return Err(format!("U+{:04X} has normalization data outside the ranges the trie covers", c));
        }
    }

    // 1. Quick-check flags derived the way the core derives them equal the UCD's.
    for c in 0..N as u32 {
        if (0xD800..0xE000).contains(&c) {
            continue;
        }
        for (prop, compat) in [("NFC_QC", false), ("NFKC_QC", true)] {
            let d = r.decompose(&[c], compat);
            let n = r.compose(&d) != vec![c];
            // Maybe: the decomposition starts with a code point that combines with what precedes
            // it. Since Unicode 16 this includes composites such as U+113C5 = U+113C2 U+113C2.
            let m = r.second.contains(&d[0]);
            let derived = if n { b'N' } else if m { b'M' } else { b'Y' };
            let want = u.dnp_qc.get(prop).map(|v| v[c as usize]).unwrap_or(b'Y');
            if derived != want {
                return Err(format!("{} of U+{:04X}: derived {} but the UCD says {}", prop, c, derived as char, want as char));
            }
        }
        for (prop, compat) in [("NFD_QC", false), ("NFKD_QC", true)] {
            let derived = if r.decompose(&[c], compat) != vec![c] { b'N' } else { b'Y' };
            let want = u.dnp_qc.get(prop).map(|v| v[c as usize]).unwrap_or(b'Y');
            if derived != want {
                return Err(format!("{} of U+{:04X}: derived {} but the UCD says {}", prop, c, derived as char, want as char));
            }
        }
    }
    notes.push("quick-check flags (NFC/NFKC/NFD/NFKD) derived from decompositions equal DerivedNormalizationProps".into());

    // 2. NFKC_Casefold as the core computes it (DI removed, else NFC of the compatibility fold
    //    closure) equals both its definition and DerivedNormalizationProps.
    for c in 0..N as u32 {
        if (0xD800..0xE000).contains(&c) {
            continue;
        }
        let core = if u.di[c as usize] { vec![] } else { r.compose(&r.fold_closure(c, true)) };
        let want = u.dnp_nfkc_cf.get(&c).cloned().unwrap_or_else(|| vec![c]);
        if core != want {
            return Err(format!("NFKC_CF(U+{:04X}): core derivation {:04X?} != UCD {:04X?}", c, core, want));
        }
        if r.nfkc_cf_definition(c) != want {
            return Err(format!("NFKC_CF(U+{:04X}): definition disagrees with the UCD", c));
        }
        // The closure never yields a default-ignorable code point, so removing DI only at the
        // top level (what the core does) is enough.
        if !u.di[c as usize] && r.fold_closure(c, true).iter().any(|&z| u.di[z as usize]) {
            return Err(format!("NFKC_CF(U+{:04X}): closure contains a default-ignorable", c));
        }
    }
    notes.push("NFKC_Casefold = NFC(fold closure of NFKD) minus Default_Ignorable, for all 1,112,064 scalar values".into());

    // 3. Canonical decompositions of length 2 never start with a code point that has a
    //    compatibility-only mapping, so one pool of single-level mappings serves every form.
    let mut tables = Vec::new();
    tables.push(("CCC", encode_ccc(u), "Canonical_Combining_Class runs (formats::valued_ranges)"));
    let (keys, vals, marks, derived) = encode_decomp(u)?;
    notes.push(format!("{} lower-case decompositions derived from their upper-case partner", derived));
    tables.push(("DECOMP_KEYS", keys, "decomposition record shapes (formats::decompositions)"));
    tables.push(("DECOMP_VALS", vals, "decomposition code point deltas (formats::decompositions)"));
    tables.push(("DECOMP_MARKS", marks, "the 31 most frequent second code points of pairs"));
    tables.push(("COMP_EXCL", bytes::ranges(&bytes::to_ranges(u.excl.iter().copied())), "CompositionExclusions.txt (formats::ranges)"));
    tables.push(("FOLD", encode_fold(u), "Case_Folding C+F (formats::folds)"));
    let di: Vec<u32> = (0..N as u32).filter(|&c| u.di[c as usize]).collect();
    tables.push(("DEFAULT_IGNORABLE", bytes::ranges(&bytes::to_ranges(di)), "Default_Ignorable_Code_Point (formats::ranges)"));

    verify_roundtrip(u, &tables)?;
    Ok(NormTables { tables, notes })
}

fn encode_ccc(u: &Ucd) -> Vec<u8> {
    let mut o = Bytes::default();
    let mut next = 0u32;
    let mut c = 0u32;
    while (c as usize) < N {
        let v = u.ccc[c as usize];
        if v == 0 {
            c += 1;
            continue;
        }
        let start = c;
        while (c as usize) < N && u.ccc[c as usize] == v {
            c += 1;
        }
        o.u(start - next);
        o.u(c - 1 - start);
        o.b(v as u32);
        next = c;
    }
    o.0
}

/// The case folding the core needs: every simple (C) folding, and full (F) foldings only of
/// code points without a canonical decomposition. The core folds after decomposing, so a
/// decomposable code point's full folding is never looked up (ucdgen proves the resulting
/// NFKC_Casefold equal to the UCD's, which covers this).
pub fn stored_folds(u: &Ucd) -> BTreeMap<u32, Vec<u32>> {
    u.fold
        .iter()
        .filter(|(c, m)| m.len() == 1 || !matches!(u.decomp.get(c), Some((false, _))))
        .map(|(&c, m)| (c, m.clone()))
        .collect()
}

fn encode_fold(u: &Ucd) -> Vec<u8> {
    let stored = stored_folds(u);
    let items: Vec<(u32, &Vec<u32>)> = stored.iter().map(|(&c, m)| (c, m)).collect();
    let mut o = Bytes::default();
    let mut next = 0u32;
    let mut i = 0;
    while i < items.len() {
        let (c, m) = items[i];
        if m.len() == 1 {
            let delta = m[0] as i64 - c as i64;
            // Longest run with step 1 or 2 and a constant delta.
            let mut best = (1usize, 0u32);
            for step in [1u32, 2] {
                let mut j = i + 1;
                while j < items.len()
                    && items[j].1.len() == 1
                    && items[j].0 == items[j - 1].0 + step
                    && items[j].1[0] as i64 - items[j].0 as i64 == delta
                {
                    j += 1;
                }
                if j - i > best.0 {
                    best = (j - i, step - 1);
                }
            }
            o.u(c - next);
            o.b(best.1);
            o.u(best.0 as u32 - 1);
            o.z(delta);
            let last = c + (best.0 as u32 - 1) * (best.1 + 1);
            next = last + 1;
            i += best.0;
        } else {
            o.u(c - next);
            o.b(2 + m.len() as u32);
            let mut prev = c as i64;
            for &x in m {
                o.z(x as i64 - prev);
                prev = x as i64;
            }
            next = c + 1;
            i += 1;
        }
    }
    o.0
}

/// The case rule the core applies after decoding: an upper-case letter C with mapping
/// [B, rest…] (two or more code points) whose simple case folding is c gives c the mapping
/// [fold(B), rest…] unless c has a record of its own.
fn case_derived(u: &Ucd) -> Result<BTreeSet<u32>, String> {
    // lower -> whether every upper-case partner predicts its mapping correctly
    let mut verdict: BTreeMap<u32, bool> = BTreeMap::new();
    for (&upper, (compat, m)) in &u.decomp {
        if m.len() < 2 {
            continue;
        }
        let (lower, base) = match (u.fold_simple.get(&upper), u.fold_simple.get(&m[0])) {
            (Some(&l), Some(&b)) => (l, b),
            _ => continue,
        };
        let mut want = vec![base];
        want.extend_from_slice(&m[1..]);
        match u.decomp.get(&lower) {
            Some((k, lm)) => {
                let ok = *k == *compat && *lm == want;
                let e = verdict.entry(lower).or_insert(true);
                *e = *e && ok;
            }
            None => {
                return Err(format!(
                    "case rule would give U+{:04X} (lower of U+{:04X}) a mapping it does not have; extend the format",
                    lower, upper
                ))
            }
        }
    }
    // Several upper-case forms can fold to one lower-case letter (DŽ and Dž both fold to dž);
    // only a letter that every partner predicts correctly is left out.
    Ok(verdict.into_iter().filter(|x| x.1).map(|x| x.0).collect())
}

fn encode_decomp(u: &Ucd) -> Result<(Vec<u8>, Vec<u8>, Vec<u8>, usize), String> {
    let derived = case_derived(u)?;
    let items: Vec<(u32, bool, &Vec<u32>)> =
        u.decomp.iter().filter(|(c, _)| !derived.contains(c)).map(|(&c, (k, m))| (c, *k, m)).collect();
    for (c, _, m) in &items {
        if m.len() > formats::MAX_MAPPING {
            return Err(format!("U+{:04X} maps to {} code points, more than MAX_MAPPING", c, m.len()));
        }
    }
    // Marks table: the most frequent second code points of two-code-point mappings.
    let mut freq: BTreeMap<u32, usize> = BTreeMap::new();
    for (_, _, m) in &items {
        if m.len() == 2 {
            *freq.entry(m[1]).or_insert(0) += 1;
        }
    }
    let mut by_freq: Vec<(usize, u32)> = freq.iter().map(|(&m, &n)| (n, m)).collect();
    by_freq.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let marks: Vec<u32> = by_freq.iter().take(31).map(|x| x.1).collect();
    let mut mk = Bytes::default();
    let mut prev = 0i64;
    for &m in &marks {
        mk.z(m as i64 - prev);
        prev = m as i64;
    }

    let mut keys = Bytes::default();
    let mut vals = Bytes::default();
    let mut next = 0u32;
    let mut cursor = 0u32;
    let mut last: Vec<u32> = Vec::new();
    let mut last_compat = false;
    let mut i = 0;
    let inc_pos = |a: &[u32], b: &[u32]| -> Option<usize> {
        if a.len() != b.len() || a.is_empty() {
            return None;
        }
        let diffs: Vec<usize> = (0..a.len()).filter(|&k| a[k] != b[k]).collect();
        if diffs.len() == 1 && b[diffs[0]] == a[diffs[0]].wrapping_add(1) && diffs[0] < 32 {
            Some(diffs[0])
        } else {
            None
        }
    };
    while i < items.len() {
        let (c, compat, m) = items[i];
        let flag = if compat { formats::DECOMP_COMPAT } else { 0 };
        // INC: continues the previous mapping with one element counting up.
        if compat == last_compat {
            if let Some(p) = inc_pos(&last, m) {
                let mut j = i + 1;
                let mut cur = m.clone();
                while j < items.len() && items[j].0 == items[j - 1].0 + 1 && items[j].1 == compat {
                    match inc_pos(&cur, items[j].2) {
                        Some(q) if q == p => {
                            cur = items[j].2.clone();
                            j += 1;
                        }
                        _ => break,
                    }
                }
                keys.u(c - next);
                keys.b(formats::DECOMP_INC | flag | (p as u32) << 3);
                vals.u((j - i) as u32 - 1);
                next = items[j - 1].0 + 1;
                last = cur;
                cursor = last[0];
                i = j;
                continue;
            }
        }
        // RUN: consecutive code points mapping to consecutive single code points.
        if m.len() == 1 {
            let mut j = i + 1;
            while j < items.len()
                && items[j].0 == items[j - 1].0 + 1
                && items[j].1 == compat
                && items[j].2.len() == 1
                && items[j].2[0] == items[j - 1].2[0] + 1
            {
                j += 1;
            }
            if j - i >= 2 {
                keys.u(c - next);
                keys.b(formats::DECOMP_RUN | flag);
                vals.u((j - i) as u32 - 2);
                vals.z(m[0] as i64 - cursor as i64);
                cursor = items[j - 1].2[0];
                last = items[j - 1].2.clone();
                last_compat = compat;
                next = items[j - 1].0 + 1;
                i = j;
                continue;
            }
        }
        keys.u(c - next);
        if m.len() == 2 {
            let p = marks.iter().position(|&x| x == m[1]).unwrap_or(31);
            keys.b(formats::DECOMP_PAIR | flag | (p as u32) << 3);
            vals.z(m[0] as i64 - cursor as i64);
            if p == 31 {
                vals.z(m[1] as i64 - m[0] as i64);
            }
        } else {
            let p = if m.len() < 32 { m.len() as u32 } else { 0 };
            keys.b(formats::DECOMP_SEQ | flag | p << 3);
            if p == 0 {
                vals.u(m.len() as u32);
            }
            let mut pr = cursor as i64;
            for &x in m.iter() {
                vals.z(x as i64 - pr);
                pr = x as i64;
            }
        }
        cursor = m[0];
        last = m.clone();
        last_compat = compat;
        next = c + 1;
        i += 1;
    }
    Ok((keys.0, vals.0, mk.0, derived.len()))
}

fn table<'t>(tables: &'t [(&'static str, Vec<u8>, &'static str)], name: &str) -> &'t [u8] {
    tables.iter().find(|t| t.0 == name).map(|t| &t.1[..]).unwrap_or(&[])
}

/// Decodes every stream with the core's own decoders and compares with the UCD.
fn verify_roundtrip(u: &Ucd, tables: &[(&'static str, Vec<u8>, &'static str)]) -> Result<(), String> {
    let mut ccc = vec![0u8; N];
    formats::valued_ranges(table(tables, "CCC"), &mut |a, b, v| {
        for c in a..=b {
            ccc[c as usize] = v as u8;
        }
    });
    if ccc != u.ccc {
        return Err("CCC stream does not round-trip".into());
    }
    let mut fold: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    formats::folds(table(tables, "FOLD"), &mut |c: u32, m: &[u32]| {
        fold.insert(c, m.to_vec());
    });
    if fold != stored_folds(u) {
        return Err("FOLD stream does not round-trip".into());
    }
    let mut dec: BTreeMap<u32, (bool, Vec<u32>)> = BTreeMap::new();
    formats::decompositions(table(tables, "DECOMP_KEYS"), table(tables, "DECOMP_VALS"), table(tables, "DECOMP_MARKS"), &mut |c: u32, k: bool, m: &[u32]| {
        dec.insert(c, (k, m.to_vec()));
    });
    // Apply the case rule exactly as the core does.
    let explicit: Vec<(u32, bool, Vec<u32>)> = dec.iter().map(|(&c, (k, m))| (c, *k, m.clone())).collect();
    for (upper, k, m) in explicit {
        if m.len() < 2 {
            continue;
        }
        let simple = |x: u32| fold.get(&x).filter(|f| f.len() == 1).map(|f| f[0]);
        if let (Some(lower), Some(base)) = (simple(upper), simple(m[0])) {
            dec.entry(lower).or_insert_with(|| {
                let mut v = vec![base];
                v.extend_from_slice(&m[1..]);
                (k, v)
            });
        }
    }
    if dec != u.decomp {
        let diff = u.decomp.iter().find(|(c, v)| dec.get(c) != Some(v)).map(|(c, _)| *c);
        return Err(format!("decomposition streams do not round-trip (first difference U+{:04X?})", diff));
    }
    let mut excl = BTreeSet::new();
    formats::ranges(table(tables, "COMP_EXCL"), &mut |a, b| excl.extend(a..=b));
    if excl != u.excl {
        return Err("COMP_EXCL does not round-trip".into());
    }
    let mut di = vec![false; N];
    formats::ranges(table(tables, "DEFAULT_IGNORABLE"), &mut |a, b| {
        for c in a..=b {
            di[c as usize] = true;
        }
    });
    if di != u.di {
        return Err("DEFAULT_IGNORABLE does not round-trip".into());
    }
    let _ = is_hangul_syllable;
    Ok(())
}
