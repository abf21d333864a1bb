//! UAX #29 text segmentation for Unicode 16.0: extended grapheme clusters (with Indic conjunct
//! breaks and emoji ZWJ sequences) and word boundaries.
//!
//! Both are explicit state machines over one class per code point (`props`). Grapheme state
//! never reaches across a boundary, so a cluster can be found from any boundary with fresh state
//! (`next_grapheme`), which is what lets truncation stop after N clusters. Word boundaries need
//! the last two non-ignored code points and, for WB6, WB7b and WB12, one code point of lookahead.

pub mod props;
pub mod word_count;

use crate::buf::Buf;
use crate::data::formats;
use crate::data::trie::Trie;
use crate::tables;
use crate::utf8;
use props::*;

pub const OPT_WORDS: u32 = 1;
pub const OPT_UTF16: u32 = 2;
pub const OPT_LOSSY: u32 = 1 << 6;

#[derive(Clone, Copy)]
pub struct Opts {
    pub words: bool,
    pub utf16: bool,
    pub lossy: bool,
}

impl Opts {
    pub fn from_flags(f: u32) -> Option<Opts> {
        if f & !(OPT_WORDS | OPT_UTF16 | OPT_LOSSY) != 0 {
            return None;
        }
        Some(Opts { words: f & OPT_WORDS != 0, utf16: f & OPT_UTF16 != 0, lossy: f & OPT_LOSSY != 0 })
    }
}

pub struct SegData {
    trie: Trie,
    /// Class words by class id (ucdgen keeps the count under 64).
    classes: [u16; 64],
    /// Class words of U+0000..U+007F, so ASCII never touches the trie.
    ascii: [u16; 128],
    /// `host_classes`, built on request (`host_table_ready`); on the heap, since a static array
    /// would travel in the module's data section.
    host_classes: Buf<u8>,
    /// `word_class` per code point, built on request (`host_table_ready`).
    word_classes: Buf<u8>,
}

impl SegData {
    pub const fn new() -> Self {
        SegData { trie: Trie::new(), classes: [0; 64], ascii: [0; 128], host_classes: Buf::new(), word_classes: Buf::new() }
    }

    #[inline(never)]
    pub fn build(&mut self) -> bool {
        self.build_from(&tables::SEG_CLASSES, &tables::SEG_RUN_LENGTHS, &tables::SEG_RUN_CLASSES, tables::SEG_LEAVES)
    }

    /// Builds from class words, run lengths and run classes (ucdgen passes fresh streams to
    /// measure `leaves`, the trie size reserved up front).
    pub fn build_from(&mut self, classes: &[u8], lengths: &[u8], runs: &[u8], leaves: u32) -> bool {
        let mut ok = self.trie.init() && self.trie.reserve_leaves(leaves as usize);
        for (k, slot) in self.classes.iter_mut().enumerate() {
            let byte = |i: usize| classes.get(i).copied().unwrap_or(0) as u16;
            *slot = byte(2 * k) | byte(2 * k + 1) << 8;
        }
        formats::partition(lengths, runs, &mut |a: u32, b: u32, id: u32| ok &= self.trie.set_range(a, b, id as u16));
        for c in 0..128u32 {
            self.ascii[c as usize] = self.class_slow(c) as u16;
        }
        ok
    }

    /// Builds `host_classes` (`words` false) or `word_classes` (true) on first use: word counts
    /// and HOST_TABLES need the first, WORD_TABLE the second, and the other operations neither,
    /// so an instance that only normalizes neither spends the start-up time nor holds the 68 KiB
    /// each takes. False when memory is exhausted.
    #[inline(never)]
    pub fn host_table_ready(&mut self, words: bool) -> bool {
        // The table is filled in place (not moved out and back, which copied it through the
        // shadow stack); `table` re-borrows it after each read of the other fields.
        if self.table(words).len() == HOST_CLASSES_LEN {
            return true;
        }
        if !self.table(words).reserve(HOST_CLASSES_LEN) {
            return false;
        }
        let mut k = 0;
        while k < HOST_CLASSES_LEN as u32 {
            let c = if k < 0x10000 { k } else { k - 0x10000 + PLANE1_WINDOW };
            // A block of 64 code points with no data has the class of its first one.
            let w = self.class(c);
            let v = if words { word_class(w) } else { word_count::class_of(w) | grapheme_shortcut(w) << 4 };
            let n = if self.trie.empty_block(c) { 64 } else { 1 };
            let t = self.table(words);
            for _ in 0..n {
                t.push_reserved(v);
            }
            k += n;
        }
        true
    }

    fn table(&mut self, words: bool) -> &mut Buf<u8> {
        if words {
            &mut self.word_classes
        } else {
            &mut self.host_classes
        }
    }

    /// One byte per code point, in `host_index` order, for hosts that segment words themselves
    /// (WORD_TABLE): `word_class`. Empty until `host_table_ready(true)`.
    pub fn word_classes(&self) -> &[u8] {
        self.word_classes.as_slice()
    }

    pub fn bytes(&self) -> usize {
        self.trie.bytes() + 256 + self.host_classes.len() + self.word_classes.len()
    }

    /// One byte per code point of the BMP and of the window U+1F000..U+1FFFF (emoji, regional
    /// indicators, skin tones; see `host_index`): the `word_count` automaton class in bits 0-3
    /// and the `grapheme_shortcut` value in bits 4-6. The word count reads it, and hosts fetch it
    /// (HOST_TABLES) to run the same shortcuts over their own strings. Empty until
    /// `host_table_ready(false)`; readers treat a missing entry as "not modelled".
    #[inline(always)]
    pub fn host_classes(&self) -> &[u8] {
        self.host_classes.as_slice()
    }

    pub fn leaves(&self) -> u32 {
        self.trie.leaves_len() as u32
    }

    fn class_slow(&self, c: u32) -> u32 {
        let w = self.classes[(self.trie.get(c) & 63) as usize] as u32;
        // Hangul syllables are stored as LV; every 28th one from U+AC00 is LV, the rest LVT.
        if gcb(w) == GCB_LV && (c.wrapping_sub(0xAC00)) % 28 != 0 {
            return (w & !15) | GCB_LVT;
        }
        w
    }

    /// The class word of `c` (see `props::pack`).
    #[inline(always)]
    pub fn class(&self, c: u32) -> u32 {
        match self.ascii.get(c as usize) {
            Some(&w) => w as u32,
            None => self.class_slow(c),
        }
    }
}

pub use crate::Error;

/// The supplementary code points with a byte in `SegData::host_classes`: U+1F000..U+1FFFF, where
/// the emoji, their skin tones and the regional indicators are, so emoji text gets the same fast
/// paths as the BMP for 4 KiB more.
pub const PLANE1_WINDOW: u32 = 0x1F000;
/// Entries of `SegData::host_classes`.
pub const HOST_CLASSES_LEN: usize = 0x11000;

/// Where `c` is in `SegData::host_classes`, if it has an entry.
#[inline(always)]
pub fn host_index(c: u32) -> Option<usize> {
    if c < 0x10000 {
        Some(c as usize)
    } else if c.wrapping_sub(PLANE1_WINDOW) < 0x1000 {
        Some((c - PLANE1_WINDOW + 0x10000) as usize)
    } else {
        None
    }
}

/// `word_class`: the code point needs rules a host does not run (see there).
pub const WC_CORE: u8 = 31;
/// `word_class`: Word_Break Other and Extended_Pictographic (WB3c joins it to a ZWJ before).
pub const WC_OTHER_PICTO: u8 = 19;

/// A code point's word-segmentation class for hosts (WORD_TABLE): its Word_Break value (bits
/// 0-4, `props::WB_*`), or `WC_OTHER_PICTO`, or `WC_CORE` for an Extended_Pictographic code
/// point with another Word_Break value (Ⓜ, ℹ: rare, and left to the core); its token kind
/// (`props::KIND_*`) in bits 5-7.
pub fn word_class(w: u32) -> u8 {
    let v = match (wb(w), ext_pict(w)) {
        (v, false) => v as u8,
        (WB_OTHER, true) => WC_OTHER_PICTO,
        _ => WC_CORE,
    };
    v | (kind(w) as u8) << 5
}

// Grapheme shortcuts (`grapheme_shortcut`). 1-4 start a cluster after any of the ones a host
// tracks; 5-7 continue one.
pub const GS_OTHER: u8 = 0;
pub const GS_SIMPLE: u8 = 1;
pub const GS_BASE: u8 = 2;
pub const GS_PICTO: u8 = 3;
pub const GS_RI: u8 = 4;
pub const GS_EXTEND: u8 = 5;
pub const GS_SPACING: u8 = 6;
pub const GS_ZWJ: u8 = 7;

/// What a host may conclude about grapheme boundaries from a code point's class alone, as a
/// value 0-7 (`SegData::host_classes`, bits 4-6):
///
/// * `GS_SIMPLE`: Grapheme_Cluster_Break Control, LF, or an Indic_Conjunct_Break Consonant
///   (Other). Nothing but the rules decide what follows it.
/// * `GS_BASE`: Other, LV or LVT, not a Consonant, not Extended_Pictographic.
/// * `GS_PICTO`: Other and Extended_Pictographic (not a Consonant).
/// * `GS_RI`: Regional_Indicator.
/// * `GS_EXTEND`: Extend (GB9). `GS_SPACING`: SpacingMark (GB9a). `GS_ZWJ`: ZWJ (GB9).
/// * `GS_OTHER`: anything else (CR, Prepend, L, V, T, unassigned Extended_Pictographic with
///   another break value): only the core decides.
///
/// What a host may conclude (`grapheme_shortcut_contract` checks each claim for every pair and
/// triple of segmentation classes against the rules themselves):
///
/// 1. Between two code points of values 1-4 there is a boundary, except RI RI (GB12, GB13):
///    GB3 needs CR, GB6-GB8 L, V or T, GB9-GB9b Extend, ZWJ, SpacingMark or Prepend, GB9c and
///    GB11 a Linker, Extend or ZWJ just before.
/// 2. A *base* and the marks (5-7) after it are one cluster (GB9, GB9a), and a boundary
///    follows before any of 1-4: without a Consonant no GB9c state builds up, and without
///    Extended_Pictographic no GB11 state.
/// 3. A *picto* followed by Extend and then ZWJ is joined to a *picto* after them (GB11); any
///    other mark after it turns it into (2), and any of 1-4 after it or its Extends starts a
///    cluster.
/// 4. Two regional indicators are one cluster, and so is one with marks after it; a third
///    regional indicator, or anything of 1-4 after the pair or the marks, starts a cluster.
///
/// Cluster state never crosses a boundary, so a host can find every boundary in text made of
/// these cases, and hand the core only the rest, in pieces that start and end on boundaries.
pub fn grapheme_shortcut(w: u32) -> u8 {
    // By Grapheme_Cluster_Break (props::GCB_* order).
    const BY_GCB: [u8; 14] = [
        GS_BASE, GS_OTHER, GS_SIMPLE, GS_SIMPLE, // Other, CR, LF, Control
        GS_EXTEND, GS_ZWJ, GS_RI, GS_OTHER, // Extend, ZWJ, RI, Prepend
        GS_SPACING, GS_OTHER, GS_OTHER, GS_OTHER, // SpacingMark, L, V, T
        GS_BASE, GS_BASE, // LV, LVT
    ];
    let v = BY_GCB.get(gcb(w) as usize).copied().unwrap_or(GS_OTHER);
    let special = if incb(w) == INCB_CONSONANT {
        GS_SIMPLE
    } else if ext_pict(w) {
        GS_PICTO
    } else {
        return v;
    };
    if v == GS_BASE {
        special
    } else {
        GS_OTHER
    }
}

/// Decodes at `i` (see `utf8::Packed`); ASCII without a call.
#[inline(always)]
fn decode(s: &[u8], i: usize) -> utf8::Packed {
    match s.get(i) {
        Some(&b) if b < 0x80 => b as u32 | 1 << 21,
        _ => utf8::decode_packed(s, i),
    }
}

/// Scalar results of `next_grapheme`: end | units << 32, or one of these flags with an offset.
pub const G_ERROR: u64 = 1 << 63;
pub const G_NEED_MORE: u64 = 1 << 62;
/// The cluster runs past the `stop_after` byte offset the caller gave (its end is not needed).
pub const G_TOO_LONG: u64 = 1 << 61;

/// The error a `next_grapheme` result carries, if any.
#[inline]
pub fn grapheme_error(r: u64) -> Option<Error> {
    if r & G_TOO_LONG != 0 {
        Some(Error::BadArgument)
    } else if r & G_NEED_MORE != 0 {
        Some(Error::NeedMore)
    } else if r & G_ERROR != 0 {
        Some(Error::InvalidUtf8(r as u32 as usize))
    } else {
        None
    }
}

/// Grapheme-cluster state between two code points of one cluster.
#[derive(Clone, Copy)]
struct Gb {
    prev: u32,
    ri_odd: bool,
    /// GB9c: 1 after an InCB Consonant (+ Extend), 2 once a Linker followed.
    incb: u8,
    /// GB11: 1 after Extended_Pictographic (+ Extend), 2 once a ZWJ followed.
    emoji: u8,
}

impl Gb {
    #[inline(always)]
    fn start(w: u32) -> Gb {
        let mut g = Gb { prev: GCB_CONTROL, ri_odd: false, incb: 0, emoji: 0 };
        g.update(w, true);
        g
    }

    /// Is there a boundary before a code point of class `w`? (UAX #29, GB3-GB999.)
    #[inline(always)]
    fn breaks(&self, w: u32) -> bool {
        let (p, g) = (self.prev, gcb(w));
        let ctl = |x: u32| x == GCB_CR || x == GCB_LF || x == GCB_CONTROL;
        if p == GCB_CR && g == GCB_LF {
            return false; // GB3
        }
        if ctl(p) || ctl(g) {
            return true; // GB4, GB5
        }
        match (p, g) {
            (GCB_L, GCB_L | GCB_V | GCB_LV | GCB_LVT) => return false,   // GB6
            (GCB_LV | GCB_V, GCB_V | GCB_T) => return false,             // GB7
            (GCB_LVT | GCB_T, GCB_T) => return false,                    // GB8
            (_, GCB_EXTEND | GCB_ZWJ | GCB_SPACING_MARK) => return false, // GB9, GB9a
            (GCB_PREPEND, _) => return false,                            // GB9b
            _ => {}
        }
        if incb(w) == INCB_CONSONANT && self.incb == 2 {
            return false; // GB9c
        }
        if ext_pict(w) && self.emoji == 2 {
            return false; // GB11
        }
        !(p == GCB_RI && g == GCB_RI && self.ri_odd) // GB12, GB13, GB999
    }

    #[inline(always)]
    fn update(&mut self, w: u32, broke: bool) {
        let g = gcb(w);
        self.ri_odd = g == GCB_RI && (broke || !self.ri_odd);
        self.incb = match incb(w) {
            INCB_CONSONANT => 1,
            INCB_LINKER if self.incb != 0 => 2,
            INCB_EXTEND => self.incb,
            _ => 0,
        };
        self.emoji = if ext_pict(w) {
            1
        } else if self.emoji == 1 && g == GCB_EXTEND {
            1
        } else if self.emoji == 1 && g == GCB_ZWJ {
            2
        } else {
            0
        };
        self.prev = g;
    }
}

/// The grapheme cluster that starts at `start` (< s.len()): returns its end (byte offset) and, in
/// bits 32-61, the UTF-16 units it spans; or `G_ERROR | offset` for ill-formed input (unless
/// `lossy`); or, with `partial`, `G_NEED_MORE` when the cluster reaches the end of `s` and may go
/// on; or `G_TOO_LONG` once the cluster runs past byte `stop_after`, for a caller that only needs
/// to know it is too long (truncation must not read a huge cluster to its end). A scalar result
/// keeps this hot function off the shadow stack (see `utf8::Packed`).
#[inline(never)]
pub fn next_grapheme(d: &SegData, s: &[u8], start: usize, lossy: bool, partial: bool, stop_after: usize) -> u64 {
    let p = decode(s, start);
    if p & utf8::BAD != 0 && !lossy {
        return G_ERROR | start as u64;
    }
    let mut units: u64 = if utf8::cp(p) >= 0x10000 { 2 } else { 1 };
    let mut st = Gb::start(d.class(utf8::cp(p)));
    let mut i = start + utf8::width(p);
    // Fast path: two ASCII characters never join unless they are CR LF (GB3; every other ASCII
    // character is Other or Control).
    if let (Some(&a), Some(&b)) = (s.get(start), s.get(i)) {
        if a < 0x80 && b < 0x80 && !(a == b'\r' && b == b'\n') {
            return i as u64 | units << 32;
        }
    }
    while i < s.len() {
        if i > stop_after {
            return G_TOO_LONG;
        }
        let p = decode(s, i);
        if p & utf8::BAD != 0 && !lossy {
            return G_ERROR | i as u64;
        }
        let w = d.class(utf8::cp(p));
        if st.breaks(w) {
            return i as u64 | units << 32;
        }
        st.update(w, false);
        units += if utf8::cp(p) >= 0x10000 { 2 } else { 1 };
        i += utf8::width(p);
    }
    if partial {
        return G_NEED_MORE;
    }
    i as u64 | units << 32
}

const AH: u32 = 1 << WB_ALETTER | 1 << WB_HEBREW_LETTER;
const MID_LETTER_Q: u32 = 1 << WB_MID_LETTER | 1 << WB_MID_NUM_LET | 1 << WB_SINGLE_QUOTE;
const MID_NUM_Q: u32 = 1 << WB_MID_NUM | 1 << WB_MID_NUM_LET | 1 << WB_SINGLE_QUOTE;
const IGNORED: u32 = 1 << WB_EXTEND | 1 << WB_FORMAT | 1 << WB_ZWJ;
const NEWLINES: u32 = 1 << WB_NEWLINE | 1 << WB_CR | 1 << WB_LF;
const NONE: u32 = 31; // "no code point": matches no set above
const PEEK_FAILED: u32 = 30;

#[inline(always)]
fn is(set: u32, wb: u32) -> bool {
    wb < 31 && set >> wb & 1 != 0
}

/// Word-boundary state machine over a whole text (UAX #29, WB1-WB999).
pub struct Words<'a> {
    d: &'a SegData,
    s: &'a [u8],
    lossy: bool,
    partial: bool,
    /// Byte offset of the next code point to examine.
    pub pos: usize,
    /// UTF-16 offset of `pos`.
    pub pos16: u32,
    raw_prev: u32,
    prev: u32,
    prev2: u32,
    ri_odd: bool,
    /// Token kinds of the code points since the last boundary (bit per `props::KIND_*`).
    pub kinds: u32,
    /// Why `next` last returned false, when it was not the end of the text.
    pub error: Option<Error>,
}

impl<'a> Words<'a> {
    /// Out of line: four callers, each once per walk (count_words once per hand-over), and each
    /// inlined copy was a dozen stores.
    #[inline(never)]
    pub fn new(d: &'a SegData, s: &'a [u8], lossy: bool, partial: bool) -> Self {
        Words { d, s, lossy, partial, pos: 0, pos16: 0, raw_prev: NONE, prev: NONE, prev2: NONE, ri_odd: false, kinds: 0, error: None }
    }

    /// WB of the next code point after `i` that WB4 does not ignore; `PEEK_FAILED` (with the
    /// reason in `error`) when the text is ill-formed or ends while more follows.
    fn peek(&mut self, mut i: usize) -> u32 {
        while i < self.s.len() {
            let p = decode(self.s, i);
            if p & utf8::BAD != 0 && !self.lossy {
                self.error = Some(Error::InvalidUtf8(i));
                return PEEK_FAILED;
            }
            let wb = wb(self.d.class(utf8::cp(p)));
            if !is(IGNORED, wb) {
                return wb;
            }
            i += utf8::width(p);
        }
        if self.partial {
            self.error = Some(Error::NeedMore);
            return PEEK_FAILED;
        }
        NONE
    }

    /// Advances to the next boundary. True: `pos` is the boundary and `kinds` describes the
    /// segment that ends there (reset it after reading). False: the end of the text, or an
    /// error, which is then in `error`.
    #[inline(never)]
    pub fn next(&mut self) -> bool {
        let s = self.s;
        if self.pos >= s.len() || self.error.is_some() {
            return false;
        }
        let mut inside = false; // a boundary needs at least one code point before it
        loop {
            if self.pos >= s.len() {
                // WB2: a break at the end of the text, unless more text follows.
                if self.partial {
                    self.error = Some(Error::NeedMore);
                    return false;
                }
                return true;
            }
            let p = decode(s, self.pos);
            if p & utf8::BAD != 0 && !self.lossy {
                self.error = Some(Error::InvalidUtf8(self.pos));
                return false;
            }
            let c = utf8::cp(p);
            let class = self.d.class(c);
            let cur = wb(class);
            if inside {
                match self.breaks(cur, class, self.pos + utf8::width(p)) {
                    0 => {}
                    1 => return true,
                    _ => return false,
                }
            }
            inside = true;
            self.kinds |= 1 << kind(class);
            self.advance(cur, c, utf8::width(p));
            // Fast path: inside a run of ASCII letters, or of ASCII digits, there is no boundary
            // (WB5, WB8), and the state after the run is the state after its first character.
            if c < 0x80 && is(AH | 1 << WB_NUMERIC, cur) {
                let digit = cur == WB_NUMERIC;
                let start = self.pos;
                let mut k = start;
                while let Some(&b) = s.get(k) {
                    if !b.is_ascii_alphanumeric() || b.is_ascii_digit() != digit {
                        break;
                    }
                    k += 1;
                }
                if k > start {
                    self.pos = k;
                    self.pos16 += (k - start) as u32;
                    self.prev2 = cur;
                }
            }
        }
    }

    #[inline]
    fn advance(&mut self, cur: u32, c: u32, n: usize) {
        // WB4: Extend, Format and ZWJ attach to what precedes them and are otherwise invisible,
        // except after a newline or at the start of text.
        let ignored = is(IGNORED, cur) && !is(NEWLINES, self.raw_prev) && self.raw_prev != NONE;
        if !ignored {
            self.ri_odd = cur == WB_RI && !(self.prev == WB_RI && self.ri_odd);
            self.prev2 = self.prev;
            self.prev = cur;
        }
        self.raw_prev = cur;
        self.pos += n;
        self.pos16 += if c >= 0x10000 { 2 } else { 1 };
    }

    /// Is there a boundary before a code point whose WB is `cur`? 1 yes, 0 no, 2 the lookahead
    /// failed (see `error`). `after` is the byte offset just past it, for WB6, WB7b and WB12.
    fn breaks(&mut self, cur: u32, class: u32, after: usize) -> u32 {
        let (raw, prev, prev2) = (self.raw_prev, self.prev, self.prev2);
        if raw == WB_CR && cur == WB_LF {
            return 0; // WB3
        }
        if is(NEWLINES, raw) || is(NEWLINES, cur) {
            return 1; // WB3a, WB3b
        }
        if raw == WB_ZWJ && ext_pict(class) {
            return 0; // WB3c
        }
        if raw == WB_WSEG_SPACE && cur == WB_WSEG_SPACE {
            return 0; // WB3d
        }
        if is(IGNORED, cur) {
            return 0; // WB4
        }
        let ah = |x| is(AH, x);
        let num = |x| x == WB_NUMERIC;
        // The lookahead rules need the next code point WB4 does not ignore; peek only when a rule
        // could apply.
        let needs_next = (ah(prev) && is(MID_LETTER_Q, cur))
            || (prev == WB_HEBREW_LETTER && cur == WB_DOUBLE_QUOTE)
            || (num(prev) && is(MID_NUM_Q, cur));
        let next = if needs_next { self.peek(after) } else { NONE };
        if next == PEEK_FAILED {
            return 2;
        }
        let join = (ah(prev) && ah(cur))                                        // WB5
            || (ah(prev) && is(MID_LETTER_Q, cur) && ah(next))                  // WB6
            || (ah(prev2) && is(MID_LETTER_Q, prev) && ah(cur))                 // WB7
            || (prev == WB_HEBREW_LETTER && cur == WB_SINGLE_QUOTE)             // WB7a
            || (prev == WB_HEBREW_LETTER && cur == WB_DOUBLE_QUOTE && next == WB_HEBREW_LETTER) // WB7b
            || (prev2 == WB_HEBREW_LETTER && prev == WB_DOUBLE_QUOTE && cur == WB_HEBREW_LETTER) // WB7c
            || ((num(prev) || ah(prev)) && num(cur))                            // WB8, WB9
            || (num(prev) && ah(cur))                                           // WB10
            || (num(prev2) && is(MID_NUM_Q, prev) && num(cur))                  // WB11
            || (num(prev) && is(MID_NUM_Q, cur) && num(next))                   // WB12
            || (prev == WB_KATAKANA && cur == WB_KATAKANA)                      // WB13
            || (cur == WB_EXTEND_NUM_LET && (ah(prev) || num(prev) || prev == WB_KATAKANA || prev == WB_EXTEND_NUM_LET)) // WB13a
            || (prev == WB_EXTEND_NUM_LET && (ah(cur) || num(cur) || cur == WB_KATAKANA)) // WB13b
            || (prev == WB_RI && cur == WB_RI && self.ri_odd); // WB15, WB16
        !join as u32
    }
}

#[cfg(test)]
mod conformance;

#[cfg(test)]
mod grapheme_shortcut_tests {
    use super::*;

    /// What a host knows about the boundary before each code point, walking the shortcuts as
    /// `grapheme_shortcut` documents (io.textwasm.internal.SimpleClusters is this walk in Java):
    /// Some(true) a boundary, Some(false) none, None the core must decide.
    fn host_walk(values: &[u8]) -> Vec<Option<bool>> {
        #[derive(Clone, Copy, PartialEq)]
        enum St {
            Unknown,
            Simple,
            One,
            Pic,
            PicZwj,
            Ri,
        }
        let fresh = |v: u8| match v {
            GS_SIMPLE => St::Simple,
            GS_BASE => St::One,
            GS_PICTO => St::Pic,
            GS_RI => St::Ri,
            _ => St::Unknown,
        };
        let starter = |v: u8| (GS_SIMPLE..=GS_RI).contains(&v);
        let mark = |v: u8| v >= GS_EXTEND;
        let mut out = vec![];
        let mut st = St::Unknown;
        for (i, &v) in values.iter().enumerate() {
            if i == 0 {
                st = fresh(v);
                continue;
            }
            let prev = values[i - 1];
            let (known, next) = match st {
                _ if v == GS_OTHER => (None, St::Unknown),
                St::Unknown if starter(prev) && starter(v) && !(prev == GS_RI && v == GS_RI) => (Some(true), fresh(v)),
                St::Unknown => (None, St::Unknown),
                St::Pic if v == GS_EXTEND => (Some(false), St::Pic),
                St::Pic if v == GS_ZWJ => (Some(false), St::PicZwj),
                St::PicZwj if v == GS_PICTO => (Some(false), St::Pic),
                St::Ri if v == GS_RI => (Some(false), St::One),
                St::Simple if !starter(v) => (None, St::Unknown),
                _ if mark(v) => (Some(false), St::One),
                _ => (Some(true), fresh(v)),
            };
            out.push(known);
            st = next;
        }
        out
    }

    /// The table holds what `grapheme_shortcut` documents for every code point it covers (the
    /// uniform-block shortcut included), and what a host concludes from the shortcuts agrees
    /// with the rules on every sequence of up to three segmentation classes and on random longer
    /// ones.
    #[test]
    fn grapheme_shortcut_contract() {
        let d = conformance::data();
        let mut reps: Vec<(u32, u32)> = vec![]; // (class word, first code point with it)
        for c in 0..0x110000 {
            if (0xD800..0xE000).contains(&c) {
                continue;
            }
            let w = d.class(c);
            let consonant = incb(w) == INCB_CONSONANT;
            let want = match gcb(w) {
                GCB_CONTROL | GCB_LF => GS_SIMPLE,
                GCB_OTHER if consonant => GS_SIMPLE,
                GCB_OTHER if ext_pict(w) => GS_PICTO,
                GCB_OTHER | GCB_LV | GCB_LVT if !consonant && !ext_pict(w) => GS_BASE,
                GCB_RI if !ext_pict(w) && !consonant => GS_RI,
                GCB_EXTEND if !ext_pict(w) && !consonant => GS_EXTEND,
                GCB_SPACING_MARK if !ext_pict(w) && !consonant => GS_SPACING,
                GCB_ZWJ if !ext_pict(w) && !consonant => GS_ZWJ,
                _ => GS_OTHER,
            };
            assert_eq!(grapheme_shortcut(w), want, "U+{:04X}", c);
            if let Some(k) = host_index(c) {
                assert_eq!(d.host_classes()[k] >> 4, want, "U+{:04X}", c);
            }
            if !reps.iter().any(|r| r.0 == w) {
                reps.push((w, c));
            }
        }
        assert_eq!(d.host_classes().len(), HOST_CLASSES_LEN);
        assert!(reps.len() > 30, "{} classes", reps.len());
        let boundaries = |cps: &[u32]| {
            let s = cps.iter().map(|&c| char::from_u32(c).unwrap()).collect::<String>();
            let starts = cps.iter().scan(0, |at, &c| {
                let here = *at;
                *at += char::from_u32(c).unwrap().len_utf8();
                Some(here)
            });
            let starts: Vec<usize> = starts.collect();
            let mut found = vec![false; cps.len()];
            let mut at = 0;
            while at < s.len() {
                at = next_grapheme(d, s.as_bytes(), at, false, false, usize::MAX) as u32 as usize;
                if let Some(i) = starts.iter().position(|&x| x == at) {
                    found[i] = true;
                }
            }
            found[1..].to_vec()
        };
        let check = |cps: &[u32]| {
            let values: Vec<u8> = cps.iter().map(|&c| grapheme_shortcut(d.class(c))).collect();
            let real = boundaries(cps);
            for (i, known) in host_walk(&values).iter().enumerate() {
                if let Some(b) = known {
                    assert_eq!(*b, real[i], "before #{} in {:X?} (shortcuts {:?})", i + 1, cps, values);
                }
            }
        };
        let cps: Vec<u32> = reps.iter().map(|r| r.1).collect();
        for &a in &cps {
            for &b in &cps {
                for &c in &cps {
                    check(&[a, b, c]);
                }
            }
        }
        // Half the random draws come from the code points the walk tracks, so that long emoji
        // sequences and flag runs occur.
        let focus = [0x61, 0x1F469, 0x2764, 0x200D, 0xFE0F, 0x1F3FD, 0x1F1EB, 0x903, 0x915, 0x94D, 0x0A, 0x1];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for round in 0..100_000 {
            let mut seq = vec![];
            for _ in 0..4 + round % 9 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let pool = if seed >> 40 & 1 == 0 { &cps[..] } else { &focus[..] };
                seq.push(pool[(seed % pool.len() as u64) as usize]);
            }
            check(&seq);
        }
        // The walk settles the common cases: a ZWJ sequence, a flag and a skin tone among
        // letters and marks.
        let known = |cps: &[u32]| host_walk(&cps.iter().map(|&c| grapheme_shortcut(d.class(c))).collect::<Vec<_>>()).iter().all(|k| k.is_some());
        assert!(known(&[0x61, 0x1F469, 0x1F3FD, 0x200D, 0x1F4BB, 0x1F1EB, 0x1F1F7, 0x1F1EB, 0x65, 0x301, 0x20, 0x2764, 0xFE0F]));
        // The other side: what is left out does join (CR LF, a consonant's conjunct) or does not
        // take marks (a control).
        assert!(!known(&[0x0D, 0x0A]));
        assert!(!known(&[0x915, 0x94D, 0x915]));
        assert!(!known(&[0x1, 0x301]));
    }
}
