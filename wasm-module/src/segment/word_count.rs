//! Word count as a table-driven automaton over the BMP and the emoji window U+1F000..U+1FFFF.
//!
//! Counting needs less than the full word machine (`Words`): only whether each segment holds a
//! letter, a number, an ideograph or kana. For the classes that make up most prose (letters,
//! digits, the MidLetter/MidNum/MidNumLet punctuation, underscore, Katakana, ideographs and other
//! Word_Break=Other code points, combining marks, spaces, emoji and their joiners) the rules of UAX
//! #29 collapse to eight states and one table step per code point, with no lookahead: a pending
//! "letter then MidLetter" state stands for WB6/WB7's look past the punctuation. Everything else
//! (code points beyond the BMP outside U+1F000..U+1FFFF, Hebrew letters, ill-formed bytes) hands
//! the text over to `Words` at the last boundary the automaton is sure of, and `Words` hands it
//! back at the next boundary.
//!
//! Why restarting at a boundary is exact: the only rules that look further back than the code point
//! before a boundary are WB7, WB7c and WB11 (two code points back), WB4 (through ignored ones) and
//! WB15/WB16 (the parity of a regional-indicator run). A boundary at `p` means that WB6, WB7b and
//! WB12, the forward halves of WB7, WB7c and WB11, did not join the code points around `p`, so
//! those never fire just after it; WB4 cannot hide a boundary; and a regional indicator run that
//! breaks at `p` has closed its pair there. Fresh state at `p` therefore decides every later
//! boundary the same way. (The automaton never marks a start before a code point that WB3c or
//! WB15/WB16 may join to the segment before it; see `class_of`.) The test below
//! checks the automaton against `Words` on random text built from every class.
//!
//! Hosts run the same automaton over their own strings (`HOST_TABLES` exports the classes and
//! the steps), so a count never depends on a second implementation of the rules.

use super::props::*;
use super::{host_index, SegData, Words};
use crate::utf8;
use crate::Error;

// Automaton classes of a code point (bits 0-3 of `SegData::host_classes`).
const X: u8 = 0; // not handled here: hand over to `Words`
const O: u8 = 1; // breaks on both sides, no letter or number (space, newline, most punctuation)
const C: u8 = 2; // breaks on both sides, counted (a symbol-like letter or digit with WB=Other)
const L: u8 = 3; // ALetter
const N: u8 = 4; // Numeric
const U: u8 = 5; // ExtendNumLet
const ML: u8 = 6; // MidLetter
const MN: u8 = 7; // MidNum
const MB: u8 = 8; // MidNumLet or Single_Quote: joins letters and numbers alike
const E: u8 = 9; // Extend or Format: invisible (WB4)
const K: u8 = 10; // Katakana
const EC: u8 = 11; // Extend or Format that counts (a halfwidth sound mark is a letter): invisible, but
                   // it makes the segment it joins count
const P: u8 = 12; // Extended_Pictographic or Regional_Indicator that does not count: like O, but the
                  // segment it starts is not marked (WB3c and WB15/WB16 may join it to the one before)
pub const CLASSES: usize = 16;

// States after a code point.
const OUT: u8 = 0; // the next code point starts a segment
const IN_L: u8 = 1; // in a counted segment, last visible code point a letter
const IN_N: u8 = 2; // ... a digit
const IN_U0: u8 = 3; // in a segment of underscores only (not counted yet)
const IN_U1: u8 = 4; // in a counted segment, last visible code point an underscore
const L_MID: u8 = 5; // a letter, then MidLetter or MidNumLet: joins only if a letter follows (WB6, WB7)
const N_MID: u8 = 6; // a digit, then MidNum or MidNumLet: joins only if a digit follows (WB11, WB12)
const IN_K: u8 = 7; // in a Katakana run (counted)
pub const STATES: usize = 8;

// A table entry: the next state, plus whether a counted segment starts here and whether the code
// point starts a segment (a boundary the automaton is sure of, where `Words` may take over).
const COUNT: u8 = 8;
const MARK: u8 = 16;
const EXIT: u8 = 255;

/// The step for a code point of class `c` that starts a segment (or is invisible after `OUT`).
const fn fresh(c: u8) -> u8 {
    match c {
        C => OUT | COUNT | MARK,
        L => IN_L | COUNT | MARK,
        N => IN_N | COUNT | MARK,
        K => IN_K | COUNT | MARK,
        U => IN_U0 | MARK,
        E => OUT, // attaches to the segment before it (WB4), or stands alone after a newline
        P => OUT, // see `class_of`
        _ => OUT | MARK,
    }
}

const fn step(s: u8, c: u8) -> u8 {
    if c == X {
        return EXIT;
    }
    if c == E && s != OUT {
        return s; // WB4: the state is the one before the ignored code point
    }
    if c == EC {
        // WB4 too; a counted segment stays counted, underscores become counted, and where the
        // automaton does not know whether the segment counts (after OUT, or with a MidLetter
        // that may stand alone) Words decides.
        return match s {
            IN_U0 => IN_U1 | COUNT,
            OUT | L_MID | N_MID => EXIT,
            _ => s,
        };
    }
    match (s, c) {
        (IN_L, L) | (IN_N, L) | (L_MID, L) => IN_L,     // WB5, WB10, WB7
        (IN_L, N) | (IN_N, N) | (N_MID, N) => IN_N,     // WB9, WB8, WB11
        (IN_U1, L) | (IN_U0, L) => IN_L | (if s == IN_U0 { COUNT } else { 0 }), // WB13b
        (IN_U1, N) | (IN_U0, N) => IN_N | (if s == IN_U0 { COUNT } else { 0 }), // WB13b
        (IN_K, K) => IN_K,                              // WB13
        (IN_U1, K) | (IN_U0, K) => IN_K | (if s == IN_U0 { COUNT } else { 0 }), // WB13b
        (IN_L, U) | (IN_N, U) | (IN_K, U) | (IN_U1, U) => IN_U1, // WB13a
        (IN_U0, U) => IN_U0,                            // WB13a
        (IN_L, ML) | (IN_L, MB) => L_MID,               // WB6 pending
        (IN_N, MN) | (IN_N, MB) => N_MID,               // WB12 pending
        _ => fresh(c),                                  // WB999 (a pending MidLetter stands alone)
    }
}

const fn steps() -> [u8; STATES * CLASSES] {
    let mut t = [EXIT; STATES * CLASSES];
    let mut s = 0;
    while s < STATES {
        let mut c = 0;
        while c <= P as usize {
            t[s * CLASSES + c] = step(s as u8, c as u8);
            c += 1;
        }
        s += 1;
    }
    t
}

/// The automaton, computed at compile time: the entry for state `s` and class `c` is at
/// `s * CLASSES + c`.
pub static STEPS: [u8; STATES * CLASSES] = steps();

/// Automaton class by Word_Break value (`props::WB_*` order), before the token kind is applied.
const BY_WB: [u8; 19] = [
    O, O, O, O, // Other, CR, LF, Newline
    E, E, P, E, // Extend, ZWJ, Regional_Indicator, Format
    K, X, L, MB, // Katakana, Hebrew_Letter, ALetter, Single_Quote
    O, MB, ML, MN, // Double_Quote, MidNumLet, MidLetter, MidNum
    N, U, O, // Numeric, ExtendNumLet, WSegSpace
];

/// `BY_WB` for code points that count (`true`) or not: a counted "other" or mark is `C` or `EC`,
/// and a letter, digit or Katakana whose kind disagrees is `X`, like any counted code point in
/// another class.
const fn by_wb_and_count(counted: bool) -> [u8; 19] {
    let mut t = BY_WB;
    let mut i = 0;
    while i < t.len() {
        let letter_like = t[i] == L || t[i] == N || t[i] == K;
        t[i] = match t[i] {
            O if counted => C,
            E if counted => EC,
            c if counted == letter_like => c,
            _ => X,
        };
        i += 1;
    }
    t
}

static BY_WB_AND_COUNT: [[u8; 19]; 2] = [by_wb_and_count(false), by_wb_and_count(true)];

/// The automaton class of a segmentation class word. Anything the seven states do not model, or
/// whose token kind does not fit the class (a letter that does not count, a mark that does), is `X`.
///
/// ZWJ is modelled as Extend, and regional indicators and Extended_Pictographic code points that
/// do not count as `P`. WB3c (ZWJ × Extended_Pictographic) and WB15/WB16 (pairs of regional
/// indicators) are the only rules that join a `P` to the segment before it, and nothing joins
/// what follows a `P` to it except WB4's invisible code points and another `P` by those rules
/// (no rule looks back through one). So the automaton goes on after a `P` as after any "other",
/// which is exact for counting as long as a segment with a `P` in it is counted from its real
/// start: `P` never marks a start, so a hand-over to `Words` (a counted mark after it, say)
/// restarts before it. Any other Extended_Pictographic (one that counts, like Ⓜ or ℹ) is `X`.
pub fn class_of(w: u32) -> u8 {
    let counted = kind(w).wrapping_sub(KIND_LETTER) <= KIND_KANA - KIND_LETTER;
    let c = BY_WB_AND_COUNT[counted as usize].get(wb(w) as usize).copied().unwrap_or(X);
    match c {
        _ if !ext_pict(w) => c,
        O => P,
        E => E,
        _ => X,
    }
}

/// Counts the word segments of `s` that hold a letter, a number, an ideograph or kana.
pub fn count_words(d: &SegData, s: &[u8], lossy: bool) -> Result<u32, Error> {
    let classes = d.host_classes();
    let (mut i, mut n) = (0usize, 0u32);
    loop {
        // The automaton, from a boundary at `i` with nothing pending.
        let (mut state, mut mark, mut n_at_mark) = (OUT, i, n);
        loop {
            let (c, width) = match s.get(i) {
                None => return Ok(n),
                Some(&b) if b < 0x80 => (classes.get(b as usize).map_or(X, |k| k & 15), 1),
                Some(_) => {
                    // Ill-formed bytes and code points past the table are X (Words reports or
                    // replaces the former).
                    let p = utf8::decode_packed(s, i);
                    let c = match host_index(utf8::cp(p)) {
                        Some(k) if p & utf8::BAD == 0 => classes.get(k).map_or(X, |k| k & 15),
                        _ => X,
                    };
                    (c, utf8::width(p))
                }
            };
            let e = STEPS.get(state as usize * CLASSES + c as usize).copied().unwrap_or(EXIT);
            if e == EXIT {
                break;
            }
            if e & MARK != 0 {
                mark = i;
                n_at_mark = n;
            }
            n += (e & COUNT != 0) as u32;
            state = e & 7;
            i += width;
        }
        // `Words` from the last sure boundary to the first boundary past the code point the
        // automaton stopped at (or the end). Not just the first boundary: code points that never
        // mark a start (`P`) may lie between the mark and the stop, and restarting the automaton
        // before the stop would read them again each round (quadratic on a run of emoji).
        n = n_at_mark;
        let stop = i;
        #[cfg(test)]
        tests::HANDOVERS.with(|h| h.set(h.get() + 1));
        let mut w = Words::new(d, s, lossy, false);
        w.pos = mark;
        loop {
            if !w.next() {
                return match w.error {
                    Some(e) => Err(e),
                    None => Ok(n),
                };
            }
            if crate::text::counts_as_word(crate::text::segment_kind(w.kinds)) {
                n += 1;
            }
            w.kinds = 0;
            if w.pos > stop && w.pos < s.len() {
                break;
            }
        }
        i = w.pos;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::conformance::data;
    use crate::text::{counts_as_word, segment_kind};

    thread_local! {
        /// How many times `count_words` handed the text over to `Words` (this thread).
        pub static HANDOVERS: core::cell::Cell<usize> = core::cell::Cell::new(0);
    }

    /// The count `Words` alone gives: the definition the automaton must match.
    fn reference(d: &SegData, s: &[u8], lossy: bool) -> Result<u32, Error> {
        let mut w = Words::new(d, s, lossy, false);
        let mut n = 0;
        while w.next() {
            n += counts_as_word(segment_kind(w.kinds)) as u32;
            w.kinds = 0;
        }
        match w.error {
            Some(e) => Err(e),
            None => Ok(n),
        }
    }

    /// Code points from every automaton class and from the classes that hand over.
    const POOL: &[&str] = &[
        "a", "Z", "é", "ß", "Ω", "ж", "7", "٣", "_", ":", "·", ",", ";", ".", "'", "\"", " ", "  ", "\n", "\r\n",
        "\u{0301}", "\u{00AD}", "\u{0600}", "ª", "²", "!", "«", "\u{2019}", "\u{200D}", "\u{1F600}", "\u{1F1E6}", "\u{1F1E7}", "\u{1F3FB}", "\u{FE0F}", "\u{24C2}", "\u{2139}", "\u{2764}", "\u{1F468}", "\u{10400}", "\u{20000}",
        "א", "\u{05F3}", "カ", "ー", "ｶ", "\u{FF9E}", "\u{FF9F}", "ﾌ", "漢", "の", "한", "。", "\u{3099}", "\u{FEFF}", "\u{20DD}", "\u{3000}", "\u{2060}", "€", "\u{0085}", "\u{00A0}", "\t", "\u{000B}",
    ];

    #[test]
    fn matches_words_on_random_text() {
        let d = data();
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for round in 0..60_000 {
            let mut s = String::new();
            let len = 1 + round % 14;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(POOL[(seed % POOL.len() as u64) as usize]);
            }
            assert_eq!(count_words(d, s.as_bytes(), false), reference(d, s.as_bytes(), false), "{:?}", s);
        }
    }

    #[test]
    fn runs_that_never_mark_a_start_are_read_once() {
        // Emoji and regional indicators (`P`) never mark a start, so the hand-over for the
        // letter after them begins at the run's start. It used to stop at the first boundary
        // in the run, and the automaton read the rest again: one hand-over per emoji.
        let d = data();
        for unit in ["\u{1F600}", "\u{1F1E6}", "\u{1F600} ", "\u{1F1E6}\u{1F1E7}"] {
            let s = unit.repeat(5_000) + "\u{05D0} ok";
            HANDOVERS.with(|h| h.set(0));
            assert_eq!(count_words(d, s.as_bytes(), false), reference(d, s.as_bytes(), false), "{:?}", unit);
            assert!(HANDOVERS.with(|h| h.get()) <= 2, "{:?}: {} hand-overs", unit, HANDOVERS.with(|h| h.get()));
        }
    }

    #[test]
    fn ill_formed_text_reports_the_same_offset() {
        let d = data();
        for bad in [&b"ab \xC3"[..], b"a\xC0\x80b", b"don't \xFF", b"x.\xC3(", b"12,\xE2\x80"] {
            assert!(matches!(count_words(d, bad, false), Err(Error::InvalidUtf8(_))));
            assert_eq!(count_words(d, bad, false), reference(d, bad, false), "{:?}", bad);
            assert_eq!(count_words(d, bad, true), reference(d, bad, true), "lossy {:?}", bad);
            assert!(count_words(d, bad, true).is_ok());
        }
    }

    #[test]
    fn classes_are_modelled_or_handed_over() {
        // Hebrew letters and pictographs that count must hand over; the rest must not.
        let d = data();
        assert_eq!(class_of(d.class('א' as u32)), X);
        assert_eq!(class_of(d.class(0x24C2)), X);
        assert_eq!(class_of(d.class(0x200D)), E);
        assert_eq!(class_of(d.class(0x1F1E6)), P);
        assert_eq!(class_of(d.class(0x1F600)), P);
        assert_eq!(class_of(d.class('é' as u32)), L);
        assert_eq!(class_of(d.class('\'' as u32)), MB);
        assert_eq!(class_of(d.class(0x0301)), E);
        assert_eq!(class_of(d.class(0xFF9F)), EC);
        assert_eq!(class_of(d.class('カ' as u32)), K);
        assert_eq!(class_of(d.class('漢' as u32)), C);
    }
}
