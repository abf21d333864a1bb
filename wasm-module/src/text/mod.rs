//! Text operations built on segmentation: boundaries, counts, tokens and truncation.

use crate::buf::Buf;
use crate::data::norm::NormData;
use crate::normalize;
use crate::segment::{self, props::*, SegData, Words};
use crate::utf8;

pub use crate::Error;

const LOSSY: u32 = 1 << 6;

/// Token kinds as the ABI reports them (ABI.md, "Tokens").
pub const TOKEN_WORD: u32 = 0;
pub const TOKEN_NUMBER: u32 = 1;
pub const TOKEN_IDEOGRAPHIC: u32 = 2;
pub const TOKEN_KANA: u32 = 3;
pub const TOKEN_EMOJI: u32 = 4;
pub const TOKEN_PUNCTUATION: u32 = 5;
pub const TOKEN_WHITESPACE: u32 = 6;
pub const TOKEN_OTHER: u32 = 7;

/// A word segment's kind from the kinds of its code points, most specific first: a segment
/// with any ideograph is ideographic, else with kana it is kana, else with a letter a word,
/// else with a digit a number, and so on.
pub fn segment_kind(kinds: u32) -> u32 {
    let has = |k: u32| kinds >> k & 1 != 0;
    if has(KIND_IDEOGRAPHIC) {
        TOKEN_IDEOGRAPHIC
    } else if has(KIND_KANA) {
        TOKEN_KANA
    } else if has(KIND_LETTER) {
        TOKEN_WORD
    } else if has(KIND_NUMBER) {
        TOKEN_NUMBER
    } else if has(KIND_EMOJI) {
        TOKEN_EMOJI
    } else if has(KIND_PUNCTUATION) {
        TOKEN_PUNCTUATION
    } else if has(KIND_SPACE) {
        TOKEN_WHITESPACE
    } else {
        TOKEN_OTHER
    }
}

/// What word count counts: segments with a letter, a number, an ideograph or kana.
#[inline]
pub fn counts_as_word(kind: u32) -> bool {
    kind <= TOKEN_KANA
}

/// Unpacks a `next_grapheme` result into (end, UTF-16 units).
#[inline]
fn cluster(r: u64) -> Result<(usize, u32), Error> {
    match segment::grapheme_error(r) {
        Some(e) => Err(e),
        None => Ok((r as u32 as usize, (r >> 32) as u32)),
    }
}

/// The end of a word walk: Ok at the end of the text, else the walker's error.
#[inline]
fn finished(w: &Words) -> Result<(), Error> {
    match w.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// How many single-byte grapheme clusters start at `i`: ASCII characters followed by another
/// ASCII character that is not a CR LF pair's LF. Zero means the general rules must decide.
#[inline]
fn ascii_clusters(s: &[u8], i: usize) -> usize {
    let mut k = i;
    while let (Some(&a), Some(&b)) = (s.get(k), s.get(k + 1)) {
        if a >= 0x80 || b >= 0x80 || (a == b'\r' && b == b'\n') {
            break;
        }
        k += 1;
    }
    k - i
}

/// Boundary offsets, starting with 0 and ending with the text's length.
#[inline(never)]
pub fn boundaries(d: &SegData, s: &[u8], o: &segment::Opts, out: &mut Buf<u32>) -> Result<(), Error> {
    let oom = Error::OutOfMemory;
    if !out.push(0) {
        return Err(oom);
    }
    if o.words {
        let mut w = Words::new(d, s, o.lossy, false);
        while w.next() {
            if !out.push(if o.utf16 { w.pos16 } else { w.pos as u32 }) {
                return Err(oom);
            }
        }
        finished(&w)?;
    } else {
        let (mut i, mut u16s) = (0usize, 0u32);
        while i < s.len() {
            // Fast path: an ASCII character followed by another is a cluster of its own, except
            // CR LF (GB3, GB4, GB999). The last ASCII character before anything else goes through
            // the full rules, since a combining mark may follow it.
            let n = ascii_clusters(s, i);
            if n > 0 {
                let first = u16s;
                let mut k = 0;
                while k < n && out.push(if o.utf16 { first + k as u32 + 1 } else { (i + k + 1) as u32 }) {
                    k += 1;
                }
                if k < n {
                    return Err(oom);
                }
                i += n;
                u16s += n as u32;
                continue;
            }
            let (end, units) = cluster(segment::next_grapheme(d, s, i, o.lossy, false, usize::MAX))?;
            i = end;
            u16s += units;
            if !out.push(if o.utf16 { u16s } else { i as u32 }) {
                return Err(oom);
            }
        }
    }
    Ok(())
}

pub const COUNT_CODE_POINTS: u32 = 0;
pub const COUNT_GRAPHEMES: u32 = 1;
pub const COUNT_WORDS: u32 = 2;

#[inline(never)]
pub fn count(d: &SegData, s: &[u8], flags: u32) -> Result<u32, Error> {
    if flags & !(3 | LOSSY) != 0 {
        return Err(Error::BadArgument);
    }
    let lossy = flags & LOSSY != 0;
    let mut n = 0u32;
    match flags & 3 {
        COUNT_CODE_POINTS => return utf8::count(s, lossy).map(|x| x.0).map_err(Error::InvalidUtf8),
        COUNT_GRAPHEMES => {
            let mut i = 0;
            while i < s.len() {
                let a = ascii_clusters(s, i);
                if a > 0 {
                    i += a;
                    n += a as u32;
                    continue;
                }
                i = cluster(segment::next_grapheme(d, s, i, lossy, false, usize::MAX))?.0;
                n += 1;
            }
        }
        COUNT_WORDS => n = segment::word_count::count_words(d, s, lossy)?,
        _ => return Err(Error::BadArgument),
    }
    Ok(n)
}

pub const TOK_UTF16: u32 = 2;
pub const TOK_DROP_WHITESPACE: u32 = 4;
pub const TOK_DROP_PUNCTUATION: u32 = 8;
pub const TOK_CASEFOLD: u32 = 16;
/// u32 words per token record: start, end, kind, folded-text offset, folded-text length.
pub const TOKEN_WORDS: usize = 5;

/// Every word segment with its kind and offsets; optionally without whitespace or punctuation
/// tokens, and with each token's text case-folded (NFC with full case folding) into `text`.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
pub fn tokenize(
    d: &SegData,
    nd: &NormData,
    s: &[u8],
    flags: u32,
    out: &mut Buf<u32>,
    text: &mut Buf<u8>,
    sc: &mut normalize::Scratch,
) -> Result<(), Error> {
    if flags & !(TOK_UTF16 | TOK_DROP_WHITESPACE | TOK_DROP_PUNCTUATION | TOK_CASEFOLD | LOSSY) != 0 {
        return Err(Error::BadArgument);
    }
    let lossy = flags & LOSSY != 0;
    let utf16 = flags & TOK_UTF16 != 0;
    let fold = if flags & TOK_CASEFOLD != 0 {
        normalize::Opts::from_flags(normalize::OPT_CASEFOLD | if lossy { normalize::OPT_LOSSY } else { 0 })
    } else {
        None
    };
    let mut w = Words::new(d, s, lossy, false);
    let (mut start, mut start16) = (0usize, 0u32);
    while w.next() {
        let kind = segment_kind(w.kinds);
        w.kinds = 0;
        let keep = !(kind == TOKEN_WHITESPACE && flags & TOK_DROP_WHITESPACE != 0)
            && !(kind == TOKEN_PUNCTUATION && flags & TOK_DROP_PUNCTUATION != 0);
        if keep {
            let (a, b) = if utf16 { (start16, w.pos16) } else { (start as u32, w.pos as u32) };
            let (mut off, mut len) = (0u32, 0u32);
            if let Some(o) = &fold {
                let piece = s.get(start..w.pos).unwrap_or(&[]);
                let before = text.len();
                match normalize::normalize(nd, piece, o, 0, text, sc) {
                    Ok(r) if !r.changed => {
                        if !text.extend(piece) {
                            return Err(Error::OutOfMemory);
                        }
                    }
                    Ok(_) => {}
                    Err(Error::InvalidUtf8(at)) => return Err(Error::InvalidUtf8(start + at)),
                    Err(e) => return Err(e),
                }
                off = before as u32;
                len = (text.len() - before) as u32;
            }
            if !out.extend(&[a, b, kind, off, len]) {
                return Err(Error::OutOfMemory);
            }
        }
        start = w.pos;
        start16 = w.pos16;
    }
    finished(&w)
}

pub const UNIT_BYTES: u32 = 0;
pub const UNIT_UTF16: u32 = 1;
pub const UNIT_CODE_POINTS: u32 = 2;
pub const UNIT_GRAPHEMES: u32 = 3;
pub const TRUNC_AT_WORD: u32 = 4;
/// The text continues after the bytes given (the host sends a prefix of a long text).
pub const TRUNC_PARTIAL: u32 = 1 << 7;

pub struct Cut {
    pub cut_bytes: u32,
    pub cut_utf16: u32,
    pub truncated: bool,
}

/// Where to cut `s` so that it fits `limit` units, keeping `reserve` units for an ellipsis when
/// it has to be cut. The cut is the longest prefix that ends on a grapheme boundary and fits;
/// with `TRUNC_AT_WORD` it then backs off to the last end of a word segment, if there is one.
/// The work is proportional to the prefix examined, never to the whole text: the host sends
/// only a prefix (with `TRUNC_PARTIAL`) and is told `NeedMore` if that was too short.
#[inline(never)]
pub fn truncate(d: &SegData, s: &[u8], flags: u32, limit: u32, reserve: u32) -> Result<Cut, Error> {
    if flags & !(3 | TRUNC_AT_WORD | TRUNC_PARTIAL | LOSSY) != 0 || reserve > limit {
        return Err(Error::BadArgument);
    }
    let unit = flags & 3;
    let lossy = flags & LOSSY != 0;
    let partial = flags & TRUNC_PARTIAL != 0;
    // Pass 1: the size of each cluster in the unit; stop once past the budget.
    let budget = limit - reserve;
    let (mut i, mut i16, mut size) = (0usize, 0u32, 0u64);
    let (mut cut, mut cut16) = (0usize, 0u32);
    let mut fits_whole = !partial;
    while i < s.len() {
        // A cluster longer than what is left of the limit cannot fit; stop reading it there, so
        // one enormous cluster (a letter with millions of marks) costs no more than the budget.
        // Every unit takes at most four bytes.
        let left = (limit as u64).saturating_sub(size);
        let stop_after = if unit == UNIT_GRAPHEMES { usize::MAX } else { i.saturating_add((left * 4 + 4).min(usize::MAX as u64 / 2) as usize) };
        let r = segment::next_grapheme(d, s, i, lossy, partial, stop_after);
        if r & segment::G_TOO_LONG != 0 {
            fits_whole = false;
            break;
        }
        let (end, units) = cluster(r)?;
        size += match unit {
            UNIT_BYTES => (end - i) as u64,
            UNIT_UTF16 => units as u64,
            UNIT_CODE_POINTS => utf8::count(s.get(i..end).unwrap_or(&[]), lossy).map_err(Error::InvalidUtf8)?.0 as u64,
            _ => 1,
        };
        if size <= budget as u64 {
            cut = end;
            cut16 = i16 + units;
        }
        if size > limit as u64 {
            fits_whole = false;
            break;
        }
        i = end;
        i16 += units;
    }
    if i >= s.len() && fits_whole {
        return Ok(Cut { cut_bytes: s.len() as u32, cut_utf16: i16, truncated: false });
    }
    if i >= s.len() && partial {
        // The prefix fit entirely: the host must send more to find where the budget runs out.
        return Err(Error::NeedMore);
    }
    if flags & TRUNC_AT_WORD != 0 && cut > 0 {
        // Pass 2: the last boundary at or before `cut` that ends a word segment and is also a
        // grapheme boundary (a word boundary can fall inside a cluster, after a Prepend).
        let mut w = Words::new(d, s, lossy, partial);
        let mut best: Option<(usize, u32)> = None;
        let mut g = 0usize; // grapheme boundaries are walked alongside

        loop {
            if !w.next() {
                match w.error {
                    None => break,
                    // Running out of (partial) text after `cut` is fine: those boundaries do not matter.
                    Some(Error::NeedMore) if w.pos > cut => break,
                    Some(e) => return Err(e),
                }
            }
            if w.pos > cut {
                break;
            }
            while g < w.pos {
                g = cluster(segment::next_grapheme(d, s, g, lossy, false, usize::MAX))?.0;
            }
            if counts_as_word(segment_kind(w.kinds)) && g == w.pos {
                best = Some((w.pos, w.pos16));
            }
            w.kinds = 0;
        }
        if let Some((b, b16)) = best {
            cut = b;
            cut16 = b16;
        }
    }
    Ok(Cut { cut_bytes: cut as u32, cut_utf16: cut16, truncated: true })
}

#[cfg(test)]
mod edge_cases;
