//! Edge cases of truncate, tokenize, count and UTF-16 offsets that the conformance files and
//! random tests do not reach: each pins one boundary (a mutation study found them unchecked).
use super::*;
use crate::segment::SegData;

fn seg() -> &'static SegData {
    let mut d = Box::new(SegData::new());
    assert!(d.build() && d.host_table_ready(false));
    Box::leak(d)
}

fn nd() -> &'static NormData {
    let mut d = Box::new(NormData::new());
    assert!(d.build());
    Box::leak(d)
}

fn cut(s: &str, flags: u32, limit: u32, reserve: u32) -> Result<(u32, u32, bool), Error> {
    truncate(seg(), s.as_bytes(), flags, limit, reserve).map(|c| (c.cut_bytes, c.cut_utf16, c.truncated))
}

/// (start, end, kind, folded text) per token.
fn tokens(s: &str, flags: u32) -> Vec<(u32, u32, u32, String)> {
    let (mut out, mut text, mut sc) = (Buf::new(), Buf::new(), normalize::Scratch::new());
    tokenize(seg(), nd(), s.as_bytes(), flags, &mut out, &mut text, &mut sc).unwrap();
    out.as_slice()
        .chunks(TOKEN_WORDS)
        .map(|r| (r[0], r[1], r[2], String::from_utf8(text.as_slice()[r[3] as usize..(r[3] + r[4]) as usize].to_vec()).unwrap()))
        .collect()
}

#[test]
fn truncate_budget_and_limit_are_inclusive() {
    // a prefix of exactly limit - reserve units is kept.
    assert_eq!(cut("abcdef", UNIT_BYTES, 4, 1), Ok((3, 3, true)));
    // a text of exactly `limit` units is not cut.
    assert_eq!(cut("abcd", UNIT_BYTES, 4, 1), Ok((4, 4, false)));
    // reserve == limit is allowed (room for the ellipsis only).
    assert_eq!(cut("abc", UNIT_BYTES, 2, 2), Ok((0, 0, true)));
}

#[test]
fn truncate_at_word_keeps_word_ending_at_cut() {
    // the cut itself ends a word, so no back-off.
    assert_eq!(cut("hi you x", UNIT_BYTES | TRUNC_AT_WORD, 6, 0), Ok((6, 6, true)));
}

#[test]
fn truncate_at_word_never_inside_a_cluster() {
    // U+0D4E (Prepend, ALetter) and the space after it are one grapheme cluster but two
    // word segments; the word end between them is not a place to cut.
    assert_eq!(cut("ab \u{D4E} cd", UNIT_BYTES | TRUNC_AT_WORD, 7, 0), Ok((2, 2, true)));
}

#[test]
fn truncate_partial_answers_when_budget_runs_out_inside_prefix() {
    // with a partial prefix that already overflows, the answer is known: no NeedMore.
    assert_eq!(cut("abcdef", UNIT_BYTES | TRUNC_PARTIAL, 3, 0), Ok((3, 3, true)));
    assert_eq!(cut("abc", UNIT_BYTES | TRUNC_PARTIAL, 5, 0), Err(Error::NeedMore));
}

#[test]
fn tokenize_kinds_and_drop_flags() {
    // each token's kind is its own; drop flags drop only their kind.
    let k = |s: &str, f: u32| tokens(s, f).iter().map(|t| (t.0, t.1, t.2)).collect::<Vec<_>>();
    assert_eq!(k("a 1.", 0), vec![(0, 1, TOKEN_WORD), (1, 2, TOKEN_WHITESPACE), (2, 3, TOKEN_NUMBER), (3, 4, TOKEN_PUNCTUATION)]);
    assert_eq!(k("a 1.", TOK_DROP_WHITESPACE), vec![(0, 1, TOKEN_WORD), (2, 3, TOKEN_NUMBER), (3, 4, TOKEN_PUNCTUATION)]);
    assert_eq!(k("a 1.", TOK_DROP_PUNCTUATION), vec![(0, 1, TOKEN_WORD), (1, 2, TOKEN_WHITESPACE), (2, 3, TOKEN_NUMBER)]);
}

#[test]
fn tokenize_casefold_text_for_unchanged_tokens() {
    // a token the fold leaves unchanged still gets its text.
    let t: Vec<String> = tokens("ab CD", TOK_CASEFOLD).into_iter().map(|t| t.3).collect();
    assert_eq!(t, vec!["ab", " ", "cd"]);
}

#[test]
fn count_code_points_not_utf16_units() {
    // A count of code points, not of UTF-16 units; U+10000 is the first code point that takes two.
    assert_eq!(count(seg(), "a\u{1F600}\u{10000}".as_bytes(), COUNT_CODE_POINTS), Ok(3));
    assert_eq!(utf8::count("\u{10000}".as_bytes(), false), Ok((1, 2)));
}

#[test]
fn word_boundaries_utf16_at_u10000() {
    // U+10000 is the first code point with two UTF-16 units.
    let o = segment::Opts { words: true, utf16: true, lossy: false };
    let mut out = Buf::new();
    boundaries(seg(), "\u{10000} x".as_bytes(), &o, &mut out).unwrap();
    assert_eq!(out.as_slice(), &[0, 2, 3, 4]);
}

#[test]
fn truncate_units() {
    // code points, not UTF-16 units; the UTF-16 cut is reported too.
    assert_eq!(cut("a\u{1F600}bc", UNIT_CODE_POINTS, 3, 0), Ok((6, 4, true)));
    assert_eq!(cut("a\u{1F600}bc", UNIT_UTF16, 3, 0), Ok((5, 3, true)));
    assert_eq!(cut("e\u{301}xy", UNIT_GRAPHEMES, 2, 0), Ok((4, 3, true)));
}
