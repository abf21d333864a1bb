//! Loads the vendored UCD JSON files into flat per-code-point arrays.

use crate::json::{self, Json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub const N: usize = 0x11_0000;

pub struct Ucd {
    /// General_Category, two ASCII letters ("Lu", "Cn", …).
    pub gc: Vec<[u8; 2]>,
    pub ccc: Vec<u8>,
    /// Single-level Decomposition_Mapping: (is compatibility, mapping).
    pub decomp: BTreeMap<u32, (bool, Vec<u32>)>,
    /// CompositionExclusions.txt (script-specific and post-composition-version exclusions).
    pub excl: BTreeSet<u32>,
    /// Case_Folding, statuses C and F (full folding).
    pub fold: BTreeMap<u32, Vec<u32>>,
    /// Case_Folding status C only (simple folding).
    pub fold_simple: BTreeMap<u32, u32>,
    pub di: Vec<bool>,
    pub white_space: Vec<bool>,
    pub ideographic: Vec<bool>,
    pub hiragana: Vec<bool>,
    pub ext_pict: Vec<bool>,
    pub gcb: Vec<String>,
    pub wb: Vec<String>,
    pub incb: Vec<String>,
    /// From DerivedNormalizationProps, used only to cross-check what we derive.
    pub dnp_nfkc_cf: BTreeMap<u32, Vec<u32>>,
    pub dnp_qc: BTreeMap<&'static str, Vec<u8>>, // property -> per cp 'Y' | 'N' | 'M'
    pub dir: PathBuf,
}

fn hex(s: &str) -> Result<u32, String> {
    u32::from_str_radix(s.trim(), 16).map_err(|_| format!("bad code point '{}'", s))
}

fn seq(s: &str) -> Result<Vec<u32>, String> {
    s.split_whitespace().map(hex).collect()
}

fn range(e: &Json) -> Result<(u32, u32), String> {
    let r = e.get("range").ok_or("entry without range")?.arr();
    let a = hex(r.first().and_then(|x| x.as_str()).ok_or("empty range")?)?;
    let b = match r.get(1) {
        Some(x) => hex(x.as_str().ok_or("bad range")?)?,
        None => a,
    };
    Ok((a, b))
}

pub fn load_json(dir: &Path, rel: &str) -> Result<Json, String> {
    let p = dir.join(rel);
    let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {}", p.display(), e))?;
    json::parse(&text).map_err(|e| format!("{}: {}", p.display(), e))
}

/// The array under the file's single top-level key.
fn entries(j: &Json) -> Result<&[Json], String> {
    match j {
        Json::Obj(m) if m.len() == 1 => Ok(m.values().next().map(|v| v.arr()).unwrap_or(&[])),
        _ => Err("expected one top-level key".into()),
    }
}

/// Checks every vendored file against ucd/SHA256SUMS, so a stray edit cannot change tables silently.
pub fn verify_checksums(ucd_root: &Path, dir: &Path) -> Result<(), String> {
    let sums = std::fs::read_to_string(ucd_root.join("SHA256SUMS")).map_err(|e| format!("SHA256SUMS: {}", e))?;
    for line in sums.lines().filter(|l| !l.trim().is_empty()) {
        let (want, name) = line.split_once("  ").ok_or("malformed SHA256SUMS line")?;
        let data = std::fs::read(dir.join(name.trim_start_matches("./"))).map_err(|e| format!("{}: {}", name, e))?;
        let got = crate::sha256::hex(&data);
        if got != want {
            return Err(format!("{}: SHA-256 {} does not match SHA256SUMS ({}); the vendored UCD was modified", name, got, want));
        }
    }
    Ok(())
}

pub fn load(dir: &Path) -> Result<Ucd, String> {
    let mut u = Ucd {
        gc: vec![*b"Cn"; N],
        ccc: vec![0; N],
        decomp: BTreeMap::new(),
        excl: BTreeSet::new(),
        fold: BTreeMap::new(),
        fold_simple: BTreeMap::new(),
        di: vec![false; N],
        white_space: vec![false; N],
        ideographic: vec![false; N],
        hiragana: vec![false; N],
        ext_pict: vec![false; N],
        gcb: vec![String::new(); N],
        wb: vec![String::new(); N],
        incb: vec![String::new(); N],
        dnp_nfkc_cf: BTreeMap::new(),
        dnp_qc: BTreeMap::new(),
        dir: dir.to_path_buf(),
    };

    let ud = load_json(dir, "UnicodeData.json")?;
    let rows = entries(&ud)?;
    let mut i = 0;
    while i < rows.len() {
        let e = &rows[i];
        let cp = hex(e.str("codepoint").ok_or("UnicodeData row without codepoint")?)?;
        let name = e.str("name").unwrap_or("");
        let gc = e.str("category").unwrap_or("Cn").as_bytes();
        let gc = [gc[0], gc[1]];
        let ccc: u8 = e.str("canonicalCombiningClass").unwrap_or("0").parse().map_err(|_| "bad ccc")?;
        if name.ends_with(", First>") {
            let last = hex(rows.get(i + 1).and_then(|r| r.str("codepoint")).ok_or("range without Last")?)?;
            for c in cp..=last {
                u.gc[c as usize] = gc;
            }
            i += 2;
            continue;
        }
        u.gc[cp as usize] = gc;
        u.ccc[cp as usize] = ccc;
        if let Some(d) = e.str("characterDecompositionMapping") {
            let compat = d.starts_with('<');
            let body = if compat { d.split_once('>').map(|x| x.1).unwrap_or("") } else { d };
            u.decomp.insert(cp, (compat, seq(body)?));
        }
        i += 1;
    }

    for e in entries(&load_json(dir, "CompositionExclusions.json")?)? {
        u.excl.insert(hex(e.as_str().ok_or("bad exclusion")?)?);
    }

    for e in entries(&load_json(dir, "CaseFolding.json")?)? {
        let cp = hex(e.str("codepoint").ok_or("fold without codepoint")?)?;
        let m = seq(e.str("mapping").ok_or("fold without mapping")?)?;
        match e.str("status") {
            Some("C") => {
                u.fold_simple.insert(cp, m[0]);
                u.fold.insert(cp, m);
            }
            Some("F") => {
                u.fold.insert(cp, m);
            }
            _ => {}
        }
    }

    let set = |file: &str, prop: &str, key: &str, target: &mut Vec<bool>| -> Result<(), String> {
        for e in entries(&load_json(dir, file)?)? {
            if e.str(key) == Some(prop) {
                let (a, b) = range(e)?;
                for c in a..=b {
                    target[c as usize] = true;
                }
            }
        }
        Ok(())
    };
    set("DerivedCoreProperties.json", "Default_Ignorable_Code_Point", "property", &mut u.di)?;
    set("PropList.json", "White_Space", "property", &mut u.white_space)?;
    set("PropList.json", "Ideographic", "property", &mut u.ideographic)?;
    set("Scripts.json", "Hiragana", "script", &mut u.hiragana)?;
    set("emoji/emoji-data.json", "Extended_Pictographic", "property", &mut u.ext_pict)?;

    let prop = |file: &str, filter: Option<&str>, field: &str, target: &mut Vec<String>| -> Result<(), String> {
        for e in entries(&load_json(dir, file)?)? {
            if let Some(f) = filter {
                if e.str("property") != Some(f) {
                    continue;
                }
            }
            let v = e.str(field).ok_or_else(|| format!("{}: entry without {}", file, field))?;
            let (a, b) = range(e)?;
            for c in a..=b {
                target[c as usize] = v.to_string();
            }
        }
        Ok(())
    };
    prop("auxiliary/GraphemeBreakProperty.json", None, "property", &mut u.gcb)?;
    prop("auxiliary/WordBreakProperty.json", None, "property", &mut u.wb)?;
    prop("DerivedCoreProperties.json", Some("InCB"), "syllabicCategory", &mut u.incb)?;

    for e in entries(&load_json(dir, "DerivedNormalizationProps.json")?)? {
        let p = e.str("property").unwrap_or("");
        let (a, b) = range(e)?;
        match p {
            "NFKC_CF" => {
                let m = seq(e.str("normalized").unwrap_or(""))?;
                for c in a..=b {
                    u.dnp_nfkc_cf.insert(c, m.clone());
                }
            }
            "NFC_QC" | "NFKC_QC" | "NFD_QC" | "NFKD_QC" => {
                let key: &'static str = match p {
                    "NFC_QC" => "NFC_QC",
                    "NFKC_QC" => "NFKC_QC",
                    "NFD_QC" => "NFD_QC",
                    _ => "NFKD_QC",
                };
                let v = e.str("normalized").unwrap_or("N").as_bytes()[0];
                let col = u.dnp_qc.entry(key).or_insert_with(|| vec![b'Y'; N]);
                for c in a..=b {
                    col[c as usize] = v;
                }
            }
            _ => {}
        }
    }
    Ok(u)
}
