//! GraphemeBreakTest.txt and WordBreakTest.txt for Unicode 16.0.0, through the same boundary
//! function the ABI exports, in UTF-8 and UTF-16 offsets. Failures print the code points and
//! the expected and actual boundaries.

#[path = "../../ucdgen/src/json.rs"]
#[allow(dead_code)]
mod json;

use super::*;
use crate::buf::Buf;
use crate::text;

pub fn data() -> &'static SegData {
    static INIT: std::sync::Once = std::sync::Once::new();
    static mut D: Option<&'static SegData> = None;
    // Safe because Once serialises the single write and every read happens after it.
    unsafe {
        INIT.call_once(|| {
            let mut d = Box::new(SegData::new());
            assert!(d.build() && d.host_table_ready(false), "tables failed to expand");
            D = Some(Box::leak(d));
        });
        D.expect("initialised")
    }
}

/// Parses "÷ 0020 × 0308 ÷" into the text and its boundary offsets (UTF-8 and UTF-16).
fn parse(line: &str) -> (String, Vec<u32>, Vec<u32>, String) {
    let mut s = String::new();
    let (mut b8, mut b16) = (vec![], vec![]);
    let mut u16s = 0u32;
    for tok in line.split_whitespace() {
        match tok {
            "÷" => {
                b8.push(s.len() as u32);
                b16.push(u16s);
            }
            "×" => {}
            hex => {
                let c = char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap();
                s.push(c);
                u16s += c.len_utf16() as u32;
            }
        }
    }
    (s, b8, b16, line.to_string())
}

fn run_file(file: &str, key: &str, words: bool) {
    let path = format!("{}/ucd/16.0.0/auxiliary/{}", env!("CARGO_MANIFEST_DIR"), file);
    let j = json::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut n = 0;
    for line in j.get(key).unwrap().arr() {
        let (s, want8, want16, text) = parse(line.as_str().unwrap());
        for (utf16, want) in [(false, &want8), (true, &want16)] {
            let o = Opts { words, utf16, lossy: false };
            let mut out = Buf::new();
            assert!(text::boundaries(data(), s.as_bytes(), &o, &mut out).is_ok());
            assert_eq!(out.as_slice(), &want[..], "{} (utf16 offsets: {})", text, utf16);
        }
        n += 1;
    }
    assert!(n > 400, "only {} lines", n);
}

#[test]
fn grapheme_break_test() {
    run_file("GraphemeBreakTest.json", "GraphemeBreakTest", false);
}

#[test]
fn word_break_test() {
    run_file("WordBreakTest.json", "WordBreakTest", true);
}
