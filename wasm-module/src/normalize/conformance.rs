//! NormalizationTest.txt for Unicode 16.0.0 (vendored as JSON), every part, every column, and
//! the invariants of its header:
//!
//!   c2 == toNFC(c1) == toNFC(c2) == toNFC(c3);   c4 == toNFC(c4) == toNFC(c5)
//!   c3 == toNFD(c1) == toNFD(c2) == toNFD(c3);   c5 == toNFD(c4) == toNFD(c5)
//!   c4 == toNFKC(c1..c5);                        c5 == toNFKD(c1..c5)
//!
//! plus Part 1's rule: every code point not listed there is unchanged by all four forms.
//! Inputs also run through the partial (streaming) path, split at every byte position of a
//! sample, to prove that chunking never changes a result.

#[path = "../../ucdgen/src/json.rs"]
#[allow(dead_code)]
mod json;

use super::*;
use crate::data::norm::NormData;
use std::collections::BTreeSet;

pub fn data() -> &'static NormData {
    // OnceLock needs Rust 1.70; the crate promises 1.63.
    static INIT: std::sync::Once = std::sync::Once::new();
    static mut D: Option<&'static NormData> = None;
    // Safe because Once serialises the single write and every read happens after it.
    unsafe {
        INIT.call_once(|| {
            let mut d = Box::new(NormData::new());
            assert!(d.build(), "tables failed to expand");
            D = Some(Box::leak(d));
        });
        D.expect("initialised")
    }
}

thread_local! {
    // One scratch per thread, as the engine keeps one: it caches the stability bitmaps.
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::new());
}

pub fn run(s: &str, flags: u32) -> String {
    let o = Opts::from_flags(flags).expect("flags");
    let mut out = Buf::new();
    let r = SCRATCH.with(|sc| normalize(data(), s.as_bytes(), &o, 0, &mut out, &mut sc.borrow_mut()));
    match r {
        Ok(r) if r.changed => String::from_utf8(out.as_slice().to_vec()).expect("valid UTF-8 out"),
        Ok(_) => s.to_string(),
        Err(_) => panic!("normalize failed"),
    }
}

/// Streams `s` in chunks split at `cut`, as a host would: partial calls, carrying the unconsumed
/// tail and the whitespace state.
pub fn run_chunked(s: &str, flags: u32, cut: usize) -> String {
    let o = Opts::from_flags(flags | OPT_PARTIAL).unwrap();
    let last = Opts::from_flags(flags).unwrap();
    let mut out = Buf::new();
    let bytes = s.as_bytes();
    let mut result = Vec::new();
    let mut pending: Vec<u8> = bytes[..cut].to_vec();
    let mut ws = 0;
    let r = SCRATCH.with(|sc| normalize(data(), &pending, &o, ws, &mut out, &mut sc.borrow_mut())).ok().unwrap();
    result.extend_from_slice(if r.changed { out.as_slice() } else { &pending[..r.consumed] });
    out.clear();
    ws = r.ws;
    pending.drain(..r.consumed);
    pending.extend_from_slice(&bytes[cut..]);
    let r = SCRATCH.with(|sc| normalize(data(), &pending, &last, ws, &mut out, &mut sc.borrow_mut())).ok().unwrap();
    result.extend_from_slice(if r.changed { out.as_slice() } else { &pending[..] });
    String::from_utf8(result).unwrap()
}

fn cps(v: &crate::normalize::conformance::json::Json, key: &str) -> String {
    v.get(key)
        .map(|a| a.arr().iter().filter_map(|x| x.as_str()).map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap()).collect())
        .unwrap_or_default()
}

pub fn escaped(s: &str) -> String {
    s.chars().map(|c| format!("{:04X}", c as u32)).collect::<Vec<_>>().join(" ")
}

fn check(given: &str, form: &str, flags: u32, want: &str) {
    let got = run(given, flags);
    assert!(got == want, "{}: given [{}]\n expected [{}]\n      got [{}]", form, escaped(given), escaped(want), escaped(&got));
}

#[test]
fn normalization_test_all_parts_all_columns() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ucd/16.0.0/NormalizationTest.json");
    let j = json::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    let rows = j.get("NormalizationTest").unwrap().arr();
    let mut part = String::new();
    let mut part1 = BTreeSet::new();
    let mut lines = 0;
    for row in rows {
        let src = row.get("sourceSequence").unwrap().arr();
        if let Some(p) = src.first().and_then(|x| x.as_str()).filter(|x| x.starts_with('@')) {
            part = p.to_string();
            continue;
        }
        let c: Vec<String> = ["sourceSequence", "NFCSequence", "NFDSequence", "NFKCSequence", "NFKDSequence"].iter().map(|k| cps(row, k)).collect();
        if part == "@Part1" {
            part1.insert(c[0].chars().next().unwrap() as u32);
        }
        for x in 0..3 {
            check(&c[x], "NFC", 0, &c[1]);
            check(&c[x], "NFD", 1, &c[2]);
        }
        for x in 3..5 {
            check(&c[x], "NFC", 0, &c[3]);
            check(&c[x], "NFD", 1, &c[4]);
        }
        for x in 0..5 {
            check(&c[x], "NFKC", 2, &c[3]);
            check(&c[x], "NFKD", 3, &c[4]);
        }
        lines += 1;
    }
    assert!(lines > 19_000, "only {} test lines read", lines);
    // Part 1 rule: everything not listed is unchanged by all four forms.
    let mut checked = 0;
    for c in (0..0x11_0000u32).filter(|c| !(0xD800..0xE000).contains(c) && !part1.contains(c)) {
        let s = char::from_u32(c).unwrap().to_string();
        for f in 0..4 {
            check(&s, "Part1-unlisted", f, &s);
        }
        checked += 1;
    }
    assert!(checked > 1_000_000);
}

#[test]
fn chunking_never_changes_results() {
    let samples = [
        "Ça va? e\u{301}\u{323}\u{302} ＡＢＣ ﾃﾞｰﾀ ｶﾞ 가각 \u{1100}\u{1161}\u{11A8} ﬁ x\u{113C2}\u{113C2} 𝐀",
        "  leading  and\t\ttrailing \u{3000} ",
        "\u{1E9B}\u{323} İstanbul ß ẞ ΐ ᾳ\u{301} \u{E0001}tag\u{200B}x",
        // Whitespace runs, marks on whitespace, and compatibility mappings that start with a space.
        "\u{3000}\u{3000}a \u{301}  \u{B4}\u{B4} \u{A0}\u{2000}\n\n\t\u{85}b\u{200B} \u{1680}\u{2028}\u{7}\r  ",
        // Stable at the start under every option, so the first chunk comes back unchanged and
        // the whitespace state alone tells the next chunk that text was written ("ab " + " cd").
        "ab  cd e\u{301}  fin",
        "plain words only",
    ];
    for s in samples {
        for flags in [0, 1, 2, 3, 4, OPT_CASEFOLD, 2 | OPT_CASEFOLD | OPT_COLLAPSE_WS, 4 | OPT_COLLAPSE_WS | OPT_STRIP_CONTROLS] {
            let whole = run(s, flags);
            for cut in (0..=s.len()).filter(|&k| s.is_char_boundary(k)) {
                let got = run_chunked(s, flags, cut);
                assert_eq!(got, whole, "flags {:#x} cut {} of [{}]", flags, cut, escaped(s));
            }
        }
    }
}

/// Normalizes `bytes` as a stream does, in calls over `chunk` new bytes each with the unconsumed
/// rest carried; the output, or the first error's offset in the stream.
fn stream_bytes(bytes: &[u8], flags: u32, chunk: usize) -> Result<Vec<u8>, usize> {
    let mut out = Vec::new();
    let (mut base, mut carried, mut ws) = (0, Vec::new(), 0);
    for piece in bytes.chunks(chunk) {
        carried.extend_from_slice(piece);
        let last = base + carried.len() == bytes.len();
        let o = Opts::from_flags(flags | if last { 0 } else { OPT_PARTIAL }).unwrap();
        let mut buf = Buf::new();
        let r = SCRATCH.with(|sc| normalize(data(), &carried, &o, ws, &mut buf, &mut sc.borrow_mut()));
        let r = match r {
            Ok(r) => r,
            Err(Error::InvalidUtf8(at)) => return Err(base + at),
            Err(e) => panic!("{:?}", e),
        };
        out.extend_from_slice(if r.changed { buf.as_slice() } else { &carried[..r.consumed] });
        ws = r.ws;
        carried.drain(..r.consumed);
        base += r.consumed;
    }
    assert!(carried.is_empty());
    Ok(out)
}

#[test]
fn runs_of_ill_formed_bytes_leave_cut_points() {
    // A long run of bytes that are never well-formed had no cut point: a stream buffered it all
    // and failed with "no place to cut" instead of naming the error or replacing the bytes.
    let mut bytes = b"ok ".to_vec();
    bytes.extend(std::iter::repeat(0x80).take(5_000));
    bytes.extend_from_slice(b"\xE2(\xFF\xC3 e\xCC\x81 end");
    let whole = Opts::from_flags(OPT_LOSSY).unwrap();
    let mut expected = Buf::new();
    let r = SCRATCH.with(|sc| normalize(data(), &bytes, &whole, 0, &mut expected, &mut sc.borrow_mut())).unwrap();
    assert!(r.changed);
    for chunk in [1, 2, 3, 7, 64, 1000] {
        // Each call must consume nearly all it is given, never carry the run.
        assert_eq!(stream_bytes(&bytes, OPT_LOSSY, chunk).as_deref(), Ok(expected.as_slice()), "chunk {}", chunk);
        assert_eq!(stream_bytes(&bytes, 0, chunk), Err(3), "chunk {}", chunk);
    }
    let o = Opts::from_flags(OPT_PARTIAL | OPT_LOSSY).unwrap();
    let run = vec![0x80u8; 4096];
    let r = SCRATCH.with(|sc| normalize(data(), &run, &o, 0, &mut Buf::new(), &mut sc.borrow_mut())).unwrap();
    assert_eq!(r.consumed, 4095);
    let strict = Opts::from_flags(OPT_PARTIAL).unwrap();
    let r = SCRATCH.with(|sc| normalize(data(), &run, &strict, 0, &mut Buf::new(), &mut sc.borrow_mut()));
    assert!(matches!(r, Err(Error::InvalidUtf8(0))), "{:?}", r.map(|r| r.consumed));
    // A sequence cut by the end of the chunk is not an error yet, and not a cut point either.
    let r = SCRATCH.with(|sc| normalize(data(), "e\u{301}".as_bytes().get(..2).unwrap(), &strict, 0, &mut Buf::new(), &mut sc.borrow_mut())).unwrap();
    assert_eq!(r.consumed, 0);
}

#[test]
fn fast_path_both_sides() {
    // Stable ASCII is recognised without change; the byte after the fast path must still be seen.
    assert_eq!(run("plain ascii text, long enough for words", 0), "plain ascii text, long enough for words");
    assert_eq!(run("plain ascii text, long enough e\u{301}", 0), "plain ascii text, long enough \u{e9}");
    assert_eq!(run("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4), "abcdefghijklmnopqrstuvwxyz");
    assert_eq!(run("abcdefghijklmnopqrstuvwxyZ", OPT_CASEFOLD), "abcdefghijklmnopqrstuvwxyz");
    assert_eq!(run("below U+0300: \u{e9}\u{2c6}", 0), "below U+0300: \u{e9}\u{2c6}");
    // After a long run of three-byte code points the voicing mark still composes with the kana
    // before it, and NFD still decomposes syllables the NFC bitmap calls stable.
    assert_eq!(run("日本語のテキストです。か\u{3099}", 0), "日本語のテキストです。が");
    assert_eq!(run("日本語のテキストです。か\u{3099}", 1), "日本語のテキストて\u{3099}す。か\u{3099}");
    assert_eq!(run("가가가가가가", 0), "가가가가가가");
    assert_eq!(run("가가가가가가", 1), "\u{1100}\u{1161}".repeat(6));
    // Under whitespace collapsing a lone space between printable ASCII is kept without a segment;
    // next to other whitespace, a mark, a removed control or the ends, the rules still apply.
    let ws = OPT_COLLAPSE_WS;
    assert_eq!(run("one two three", ws), "one two three");
    assert_eq!(run(" one two ", ws), "one two");
    assert_eq!(run("one  two\t\tthree\u{3000} four", ws), "one two three four");
    assert_eq!(run("one \u{3000}two", 2 | ws), "one two");
    assert_eq!(run("a \u{301}b c\u{301}", ws), "a \u{301}b \u{107}");
    assert_eq!(run("ONE TWO", ws | OPT_CASEFOLD), "one two");
    assert_eq!(run("\u{7} a b", ws | OPT_STRIP_CONTROLS), "a b");
    assert_eq!(run("a b\u{7}", ws | OPT_STRIP_CONTROLS), "a b");
    assert_eq!(run("a \u{7}b", ws | OPT_STRIP_CONTROLS), "a b");
    // ... and ill-formed three-byte shapes inside a long buffer are reported where they start.
    let o = Opts::from_flags(0).unwrap();
    for bad in [[0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF]] {
        let mut b = "日".as_bytes().to_vec();
        b.extend_from_slice(&bad);
        b.extend_from_slice(b"AAAAAAAA");
        let r = SCRATCH.with(|sc| normalize(data(), &b, &o, 0, &mut Buf::new(), &mut sc.borrow_mut()));
        assert!(matches!(r, Err(Error::InvalidUtf8(3))), "{:02X?} not reported at 3", bad);
    }
}

/// The contract hosts rely on (ABI.md, "Stable code points"): text made only of stable code
/// points is unchanged (checked after starters that compose with a following character), and
/// text before a stable code point is untouched by whatever follows it, including marks, jamo
/// and kana voicing marks that compose backward and characters the options remove. `normalize`
/// consults the same bitmap, so this checks the set against the segment logic; the independent
/// oracles are NormalizationTest above and, for the host's use of the set, the ICU4J
/// differential tests in host-java.
#[test]
fn stable_set_contract() {
    let heads = ['e', '\u{1100}', '\u{AC00}', '\u{304B}', '\u{0B47}', '\u{0DD9}'];
    let tails = ["e\u{301}\u{200D}\u{323}", "\u{1100}\u{1161}\u{11A8} \u{304B}\u{3099}Ａ"];
    for flags in [0, 1, 2, 3, 4, OPT_CASEFOLD | OPT_COLLAPSE_WS | OPT_STRIP_CONTROLS] {
        let o = Opts::from_flags(flags).unwrap();
        let bits = SCRATCH.with(|sc| stable_set(data(), &o, &mut sc.borrow_mut()).unwrap().to_vec());
        assert_eq!(bits.len() * 32, STABLE_SET_END as usize);
        // The bitmap is built block by block with shared leaves memoised: it must equal the
        // per-code-point rule everywhere.
        for c in 0..STABLE_SET_END {
            let bit = bits[(c >> 5) as usize] >> (c & 31) & 1 != 0;
            assert_eq!(bit, o.stable(c, data().rec(c)), "flags {:#x}: bitmap wrong at U+{:04X}", flags, c);
        }
        let mut stable = 0;
        for c in (0..STABLE_SET_END).filter_map(char::from_u32) {
            if bits[(c as u32 >> 5) as usize] >> (c as u32 & 31) & 1 == 0 {
                continue;
            }
            stable += 1;
            let alone = c.to_string();
            assert_eq!(run(&alone, flags), alone, "flags {:#x}: stable U+{:04X} changed alone", flags, c as u32);
            for h in heads.iter().filter(|&&h| bits[(h as u32 >> 5) as usize] >> (h as u32 & 31) & 1 != 0) {
                let pair = format!("{}{}", h, c);
                assert_eq!(run(&pair, flags), pair, "flags {:#x}: stable U+{:04X} changed after U+{:04X}", flags, c as u32, *h as u32);
            }
            for t in tails {
                let want = format!("{}{}", c, run(t, flags));
                assert_eq!(run(&format!("{}{}", c, t), flags), want, "flags {:#x}: stable U+{:04X} before [{}]", flags, c as u32, escaped(t));
            }
        }
        // Most of the two planes is unassigned or plain letters: a set this small means a broken build.
        assert!(stable > 100_000, "flags {:#x}: only {} stable code points", flags, stable);
    }
    // Both sides: a combining mark, a voicing mark, a V jamo and (NFD) a precomposed letter are not stable.
    let nfc = SCRATCH.with(|sc| stable_set(data(), &Opts::from_flags(0).unwrap(), &mut sc.borrow_mut()).unwrap().to_vec());
    let nfd = SCRATCH.with(|sc| stable_set(data(), &Opts::from_flags(1).unwrap(), &mut sc.borrow_mut()).unwrap().to_vec());
    let bit = |b: &[u32], c: u32| b[(c >> 5) as usize] >> (c & 31) & 1 != 0;
    for c in [0x301, 0x3099, 0x1161, 0x11A8, 0xFB1F] {
        assert!(!bit(&nfc, c), "U+{:04X} must not be stable under NFC", c);
    }
    assert!(bit(&nfc, 0xE9) && !bit(&nfd, 0xE9) && bit(&nfc, 0xAC00) && !bit(&nfd, 0xAC00) && bit(&nfc, 0x1F600));
}

#[test]
fn options() {
    assert_eq!(run("  a \t\n b\u{3000}c  ", OPT_COLLAPSE_WS), "a b c");
    assert_eq!(run("a\u{0}b\u{7f}c\td\re\nf\u{85}", OPT_STRIP_CONTROLS), "abc\td\re\nf");
    assert_eq!(run("Straße ＡＢＣ", 2 | OPT_CASEFOLD), "strasse abc");
    assert_eq!(run("e\u{200B}\u{301}", 4), "\u{e9}");
    assert_eq!(run("\u{1E9E}", 4), "ss");
    assert_eq!(run("", 0), "");
}
