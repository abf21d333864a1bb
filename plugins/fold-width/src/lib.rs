//! Example plugin `fold-width`: folds Japanese half-width katakana to full-width
//! (`ｶﾞｰﾃﾞﾝ` → `ガーデン`) and full-width ASCII to ASCII (`ＡＢＣ１２３` → `ABC123`), leaving
//! everything else untouched. One transform, `fold`.
//!
//! # Implementation notes
//!
//! * **The engine does the mapping.** Each run of width characters goes to the host's NFKC
//!   (`textwasm.normalize`), so the tables are the core's Unicode 16.0.0 ones and this module
//!   carries none. Only the runs go: NFKC of the whole text would also fold `①`, `ﬁ`, `²` and
//!   more, which is not what "fold width" means.
//! * **The set** is U+3000 IDEOGRAPHIC SPACE and the Halfwidth and Fullwidth Forms block
//!   except where NFKC is not a width fold: half-width Hangul (U+FFA0..U+FFDC, NFKC gives
//!   conjoining jamo rather than the compatibility jamo) and U+FFE3 FULLWIDTH MACRON (NFKC
//!   gives a space and a combining macron, not U+00AF).
//! * **Voiced sound marks compose across a run's edge.** A half-width ﾞ or ﾟ after a
//!   full-width kana is folded together with that kana (`カﾞ` → `ガ`), and combining marks
//!   U+3099/U+309A right after a run join it, so the result equals NFKC's within each run.
#![cfg_attr(target_arch = "wasm32", no_std)]

use textwasm_plugin::host::{self, Form};
use textwasm_plugin::{Buf, Failure};

textwasm_plugin::plugin! {
    metadata: br#"{"name":"fold-width","version":"0.1.0","abi":1,"default":"fold","description":"Folds half-width katakana to full-width and full-width ASCII to ASCII, through the engine's NFKC."}"#,
    transforms: {
        tw_transform_fold => fold_with_host,
    },
}

/// Whether `c` is folded (see the notes for what is left out and why).
pub fn is_width(c: char) -> bool {
    matches!(c as u32, 0x3000 | 0xFF01..=0xFF9F | 0xFFE0..=0xFFE2 | 0xFFE4..=0xFFE6 | 0xFFE8..=0xFFEE)
}

fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x30FF)
}

fn is_voicing_mark(c: char) -> bool {
    matches!(c as u32, 0x3099 | 0x309A | 0xFF9E | 0xFF9F)
}

fn fold_with_host(text: &str, out: &mut Buf) -> Result<(), Failure> {
    fold(text, out, &mut |run| host::normalize(run, Form::Nfkc, 0).map_err(Failure::from))
}

/// Folds `text` into `out`, handing each run of width characters to `nfkc`.
pub fn fold(text: &str, out: &mut Buf, nfkc: &mut dyn FnMut(&str) -> Result<Buf, Failure>) -> Result<(), Failure> {
    if !text.chars().any(is_width) {
        // Most text has nothing to fold: one scan, one copy, no host call.
        out.push_str(text)?;
        return Ok(());
    }
    out.reserve(text.len())?;
    let mut copied = 0; // text[..copied] is already in `out`
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_width(c) {
            continue;
        }
        let mut start = i;
        if matches!(c, '\u{FF9E}' | '\u{FF9F}') {
            if let Some(prev) = text.get(copied..i).and_then(|t| t.chars().next_back()) {
                if is_kana(prev) {
                    start = i - prev.len_utf8();
                }
            }
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if !(is_width(d) || is_voicing_mark(d)) {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        out.push_str(text.get(copied..start).unwrap_or(""))?;
        let folded = nfkc(text.get(start..end).unwrap_or(""))?;
        out.extend(folded.as_bytes())?;
        copied = end;
    }
    out.push_str(text.get(copied..).unwrap_or(""))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// NFKC for the characters these tests use, and a record of what was asked.
    fn fake_nfkc(run: &str, asked: &mut Vec<String>) -> Result<Buf, Failure> {
        asked.push(run.to_string());
        let mut s = String::new();
        for c in run.chars() {
            let m = match c as u32 {
                0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap(),
                0x3000 => ' ',
                0xFF76 => 'カ',
                0xFF83 => 'テ',
                0xFF9D => 'ン',
                0xFF70 => 'ー',
                0xFF9E => '\u{3099}',
                _ => c,
            };
            match (s.chars().last(), m) {
                (Some('カ'), '\u{3099}') => { s.pop(); s.push('ガ'); }
                (Some('テ'), '\u{3099}') => { s.pop(); s.push('デ'); }
                _ => s.push(m),
            }
        }
        let mut b = Buf::new();
        b.push_str(&s).unwrap();
        Ok(b)
    }

    fn run(text: &str) -> (String, Vec<String>) {
        let mut asked = Vec::new();
        let mut out = Buf::new();
        fold(text, &mut out, &mut |r| fake_nfkc(r, &mut asked)).unwrap();
        (String::from_utf8(out.as_bytes().to_vec()).unwrap(), asked)
    }

    #[test]
    fn folds_runs_and_keeps_the_rest() {
        let (got, asked) = run("ｶﾞｰﾃﾞﾝで ＡＢＣ１２３　と①");
        assert_eq!(got, "ガーデンで ABC123 と①");
        assert_eq!(asked, vec!["ｶﾞｰﾃﾞﾝ", "ＡＢＣ１２３　"]);
    }

    #[test]
    fn text_without_width_characters_never_calls_the_host() {
        let (got, asked) = run("plain text, 漢字, カタカナ, ①²ﬁ");
        assert_eq!(got, "plain text, 漢字, カタカナ, ①²ﬁ");
        assert!(asked.is_empty());
        assert_eq!(run("").0, "");
    }

    #[test]
    fn a_voiced_mark_joins_the_full_width_kana_before_it() {
        let (got, asked) = run("xカﾞy");
        assert_eq!(got, "xガy");
        assert_eq!(asked, vec!["カﾞ"]);
        // Not after something that is not kana.
        assert_eq!(run("xﾞ").1, vec!["ﾞ"]);
    }

    #[test]
    fn combining_marks_after_a_run_join_it() {
        let (got, asked) = run("ｶ\u{3099}!");
        assert_eq!(got, "ガ!");
        assert_eq!(asked, vec!["ｶ\u{3099}"]);
    }

    #[test]
    fn the_set_leaves_out_hangul_and_the_macron() {
        assert!(is_width('Ａ') && is_width('ｶ') && is_width('\u{3000}') && is_width('￥'));
        assert!(!is_width('\u{FFA1}') && !is_width('\u{FFE3}') && !is_width('A') && !is_width('カ'));
        assert_eq!(run("\u{FFA1}\u{FFE3}").1.len(), 0);
    }

    #[test]
    fn host_failures_are_reported() {
        let mut out = Buf::new();
        let err = fold("Ａ", &mut out, &mut |_| Err(Failure::OUT_OF_MEMORY)).unwrap_err();
        assert_eq!(err, Failure::OUT_OF_MEMORY);
    }
}
