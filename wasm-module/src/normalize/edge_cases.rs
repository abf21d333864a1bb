//! Edge cases of the fast paths, options and argument checks that the conformance files and
//! random tests do not reach: each pins one boundary (a mutation study found them unchecked).
use super::conformance::{data, run};
use super::*;

fn norm(s: &[u8], flags: u32, ws_in: u32, sc: &mut Scratch) -> Result<(Outcome, Vec<u8>), Error> {
    let o = Opts::from_flags(flags).unwrap();
    let mut out = Buf::new();
    let r = normalize(data(), s, &o, ws_in, &mut out, sc)?;
    let v = if r.changed { out.as_slice().to_vec() } else { s[..r.consumed].to_vec() };
    Ok((r, v))
}

#[test]
fn casefold_z_in_eight_byte_word() {
    // 'Z' (0x5A) inside an 8-byte word of the ASCII fast path must be folded.
    assert_eq!(run("abcdefgZabcdefgh", OPT_CASEFOLD), "abcdefgzabcdefgh");
}

#[test]
fn lone_space_before_del_is_trailing() {
    // a space before DEL is not "between printable ASCII"; with DEL stripped it is trailing.
    assert_eq!(run("a \u{7f}", 1 | OPT_COLLAPSE_WS | OPT_STRIP_CONTROLS), "a");
}

#[test]
fn c0_c1_are_ill_formed_in_nfc_fast_path() {
    // C0/C1 lead bytes are never well-formed, also in the "below U+0300" NFC shortcut.
    let mut sc = Scratch::new();
    assert!(matches!(norm(b"ok\xC0\xAF", 0, 0, &mut sc), Err(Error::InvalidUtf8(2))));
    let (_, v) = norm(b"ok\xC1\xBF", OPT_LOSSY, 0, &mut sc).unwrap();
    assert_eq!(v, "ok\u{FFFD}\u{FFFD}".as_bytes());
}

#[test]
fn final_call_reports_no_pending_space() {
    // a non-partial call trims trailing whitespace, so it must not report a space owed.
    let mut sc = Scratch::new();
    let (r, v) = norm(b"a  ", OPT_COLLAPSE_WS, 0, &mut sc).unwrap();
    assert_eq!(v, b"a");
    assert_eq!(r.ws, WS_EMITTED);
}

#[test]
fn partial_cut_before_last_code_point() {
    // the last code point of a chunk is a valid cut point; partial NFC of "abc" consumes "ab".
    let mut sc = Scratch::new();
    let (r, _) = norm(b"abc", OPT_PARTIAL, 0, &mut sc).unwrap();
    assert_eq!(r.consumed, 2);
}

#[test]
fn partial_strict_reports_error_before_marks() {
    // an ill-formed byte followed only by non-starters is reported in the partial call
    // (cut just after it), not carried forward to the next chunk.
    let mut sc = Scratch::new();
    let r = norm(b"a\xFF\xCC\x81", OPT_PARTIAL, 0, &mut sc);
    assert!(matches!(r, Err(Error::InvalidUtf8(1))), "{:?}", r.map(|x| x.0.consumed));
}

#[test]
fn owed_space_and_supplementary_segment_fit_reservation() {
    // 8 bytes copied (capacity 16), then a segment of two 4-byte code points with an owed
    // space needs 9 bytes; the reservation must cover the space.
    assert_eq!(run("abcdefgh \u{1D15E}", OPT_COLLAPSE_WS), "abcdefgh \u{1D157}\u{1D165}");
}

#[test]
fn unknown_form_rejected() {
    // forms are 0-4.
    for f in 5..8 {
        assert!(Opts::from_flags(f).is_none(), "form {}", f);
    }
}

#[test]
fn bitmaps_are_per_option_combination() {
    // the collapse-only bitmap (U+0080 stable) must not be reused for collapse+strip.
    let mut sc = Scratch::new();
    let (_, v) = norm("a\u{80}b".as_bytes(), OPT_COLLAPSE_WS, 0, &mut sc).unwrap();
    assert_eq!(v, "a\u{80}b".as_bytes());
    let (_, v) = norm("a\u{80}b".as_bytes(), OPT_COLLAPSE_WS | OPT_STRIP_CONTROLS, 0, &mut sc).unwrap();
    assert_eq!(v, b"ab");
    let (_, v) = norm("a\u{80}b".as_bytes(), OPT_STRIP_CONTROLS, 0, &mut sc).unwrap();
    assert_eq!(v, b"ab");
}

#[test]
fn control_and_whitespace_range_ends() {
    // U+009F is the last C1 control; U+200A (hair space) is White_Space.
    assert_eq!(run("a\u{9F}b\u{80}c", OPT_STRIP_CONTROLS), "abc");
    assert_eq!(run("a\u{200A}\u{200A}b\u{2000}c", OPT_COLLAPSE_WS), "a b c");
}

#[test]
fn is_normalized_when_segment_rewrites_same_text() {
    // "q" + U+0301 goes through a segment (the mark is unstable) but nothing composes.
    let o = Opts::from_flags(0).unwrap();
    let mut sc = Scratch::new();
    let mut out = Buf::new();
    assert_eq!(is_normalized(data(), "q\u{301}".as_bytes(), &o, &mut out, &mut sc), Ok(true));
    assert_eq!(is_normalized(data(), "e\u{301}".as_bytes(), &o, &mut out, &mut sc), Ok(false));
}

#[test]
fn stable_set_strip_only_matches_rule() {
    // the bitmap for strip_controls alone must equal the per-code-point rule (DEL, U+0080..).
    for flags in [OPT_STRIP_CONTROLS, 1 | OPT_STRIP_CONTROLS, OPT_COLLAPSE_WS, 2 | OPT_STRIP_CONTROLS] {
        let o = Opts::from_flags(flags).unwrap();
        let mut sc = Scratch::new();
        let bits = stable_set(data(), &o, &mut sc).unwrap().to_vec();
        for c in 0..STABLE_SET_END {
            let bit = bits[(c >> 5) as usize] >> (c & 31) & 1 != 0;
            assert_eq!(bit, o.stable(c, data().rec(c)), "flags {:#x}: U+{:04X}", flags, c);
        }
    }
}

#[test]
fn long_mark_run_is_sorted_stably() {
    // runs longer than 32 non-starters take the counting sort; it must order by ccc and
    // keep equal classes (U+0300, U+0301: 230) in input order.
    let s = format!("a{}", "\u{300}\u{316}\u{301}".repeat(12));
    let want = format!("a{}{}", "\u{316}".repeat(12), "\u{300}\u{301}".repeat(12));
    assert_eq!(run(&s, 1), want);
}
