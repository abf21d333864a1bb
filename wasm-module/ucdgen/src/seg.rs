//! Segmentation tables: one class per code point (see `textwasm_core::segment::props`), stored
//! as a partition of U+0000..U+10FFFF into runs plus a small table of class words.

use crate::bytes::Bytes;
use crate::norm::{S_BASE, S_COUNT};
use crate::ucd::{Ucd, N};
use std::collections::BTreeMap;
use textwasm_core::data::formats;
use textwasm_core::segment::props::*;

fn gcb_value(s: &str) -> Result<u32, String> {
    Ok(match s {
        "" => GCB_OTHER,
        "CR" => GCB_CR,
        "LF" => GCB_LF,
        "Control" => GCB_CONTROL,
        "Extend" => GCB_EXTEND,
        "ZWJ" => GCB_ZWJ,
        "Regional_Indicator" => GCB_RI,
        "Prepend" => GCB_PREPEND,
        "SpacingMark" => GCB_SPACING_MARK,
        "L" => GCB_L,
        "V" => GCB_V,
        "T" => GCB_T,
        "LV" => GCB_LV,
        "LVT" => GCB_LVT,
        _ => return Err(format!("unknown Grapheme_Cluster_Break value {}", s)),
    })
}

fn wb_value(s: &str) -> Result<u32, String> {
    Ok(match s {
        "" => WB_OTHER,
        "CR" => WB_CR,
        "LF" => WB_LF,
        "Newline" => WB_NEWLINE,
        "Extend" => WB_EXTEND,
        "ZWJ" => WB_ZWJ,
        "Regional_Indicator" => WB_RI,
        "Format" => WB_FORMAT,
        "Katakana" => WB_KATAKANA,
        "Hebrew_Letter" => WB_HEBREW_LETTER,
        "ALetter" => WB_ALETTER,
        "Single_Quote" => WB_SINGLE_QUOTE,
        "Double_Quote" => WB_DOUBLE_QUOTE,
        "MidNumLet" => WB_MID_NUM_LET,
        "MidLetter" => WB_MID_LETTER,
        "MidNum" => WB_MID_NUM,
        "Numeric" => WB_NUMERIC,
        "ExtendNumLet" => WB_EXTEND_NUM_LET,
        "WSegSpace" => WB_WSEG_SPACE,
        _ => return Err(format!("unknown Word_Break value {}", s)),
    })
}

fn incb_value(s: &str) -> Result<u32, String> {
    Ok(match s {
        "" => INCB_NONE,
        "Linker" => INCB_LINKER,
        "Consonant" => INCB_CONSONANT,
        "Extend" => INCB_EXTEND,
        _ => return Err(format!("unknown InCB value {}", s)),
    })
}

/// The token kind of one code point. Documented for users in wasm-module/ABI.md.
pub fn kind_of(u: &Ucd, c: u32) -> u32 {
    let i = c as usize;
    let gc = &u.gc[i];
    let wb = u.wb[i].as_str();
    if u.white_space[i] {
        KIND_SPACE
    } else if u.ideographic[i] {
        KIND_IDEOGRAPHIC
    } else if u.hiragana[i] || wb == "Katakana" {
        KIND_KANA
    } else if u.ext_pict[i] || wb == "Regional_Indicator" {
        KIND_EMOJI
    } else if gc[0] == b'L' || wb == "ALetter" || wb == "Hebrew_Letter" {
        KIND_LETTER
    } else if gc[0] == b'N' || wb == "Numeric" {
        KIND_NUMBER
    } else if gc[0] == b'P' {
        KIND_PUNCTUATION
    } else {
        KIND_OTHER
    }
}

pub fn class_words(u: &Ucd) -> Result<Vec<u32>, String> {
    let mut out = Vec::with_capacity(N);
    for c in 0..N as u32 {
        let i = c as usize;
        let mut g = gcb_value(&u.gcb[i])?;
        if (S_BASE..S_BASE + S_COUNT).contains(&c) {
            // Stored as LV; the segmenter derives LVT arithmetically (saves ~800 runs).
            if g != GCB_LV && g != GCB_LVT {
                return Err(format!("U+{:04X}: Hangul syllable without LV/LVT", c));
            }
            g = GCB_LV;
        }
        out.push(pack(g, wb_value(&u.wb[i])?, incb_value(&u.incb[i])?, u.ext_pict[i], kind_of(u, c)));
    }
    Ok(out)
}

pub struct SegTables {
    pub tables: Vec<(&'static str, Vec<u8>, &'static str)>,
    pub notes: Vec<String>,
}

pub fn build(u: &Ucd) -> Result<SegTables, String> {
    let words = class_words(u)?;
    // The core's trie covers U+0000..U+3FFFF and U+E0000..U+E0FFF and reads everything else as
    // class 0, so class 0 must be the class of that remainder (unassigned and private use).
    let rest = words[0x50000];
    for c in (0x40000..N).filter(|c| !(0xE0000..0xE1000).contains(c)) {
        if words[c] != rest {
            return Err(format!("U+{:04X} has segmentation data outside the ranges the trie covers", c));
        }
    }
    // Class ids in order of first appearance keep the table deterministic and small ids common.
    let mut ids: BTreeMap<u32, u32> = BTreeMap::new();
    let mut order: Vec<u32> = vec![rest];
    ids.insert(rest, 0);
    for &w in &words {
        if !ids.contains_key(&w) {
            ids.insert(w, order.len() as u32);
            order.push(w);
        }
    }
    if order.len() > 64 {
        return Err(format!("{} segmentation classes; the core's class table holds 64", order.len()));
    }
    let mut runs = Bytes::default();
    let mut run_classes = Vec::new();
    let mut c = 0usize;
    let mut n_runs = 0;
    while c < N {
        let w = words[c];
        let start = c;
        while c < N && words[c] == w {
            c += 1;
        }
        runs.u((c - start) as u32);
        run_classes.push(ids[&w] as u8);
        n_runs += 1;
    }
    let mut classes = Vec::new();
    for &w in &order {
        classes.extend_from_slice(&(w as u16).to_le_bytes());
    }
    // Round trip through the core's decoder.
    let mut back = vec![u32::MAX; N];
    formats::partition(&runs.0, &run_classes, &mut |a: u32, b: u32, id: u32| {
        for x in a..=b {
            back[x as usize] = order.get(id as usize).copied().unwrap_or(u32::MAX);
        }
    });
    if back != words {
        return Err("SEG_RUNS does not round-trip".into());
    }
    Ok(SegTables {
        tables: vec![
            ("SEG_CLASSES", classes, "class words, u16 little-endian (segment::props::pack)"),
            ("SEG_RUN_LENGTHS", runs.0, "run lengths of the class partition (formats::partition)"),
            ("SEG_RUN_CLASSES", run_classes, "class id of each run (formats::partition)"),
        ],
        notes: vec![format!("{} segmentation classes in {} runs", order.len(), n_runs)],
    })
}
