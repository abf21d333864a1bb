//! Property values used by segmentation, and how they pack into one class word.
//!
//! Every code point belongs to one *segmentation class*: a distinct combination of
//! Grapheme_Cluster_Break, Word_Break, Indic_Conjunct_Break, Extended_Pictographic and the token
//! kind. The generator (`ucdgen`) imports these constants, so the table and the code that reads it
//! share one definition.

// Grapheme_Cluster_Break (UAX #29 table 2).
pub const GCB_OTHER: u32 = 0;
pub const GCB_CR: u32 = 1;
pub const GCB_LF: u32 = 2;
pub const GCB_CONTROL: u32 = 3;
pub const GCB_EXTEND: u32 = 4;
pub const GCB_ZWJ: u32 = 5;
pub const GCB_RI: u32 = 6;
pub const GCB_PREPEND: u32 = 7;
pub const GCB_SPACING_MARK: u32 = 8;
pub const GCB_L: u32 = 9;
pub const GCB_V: u32 = 10;
pub const GCB_T: u32 = 11;
/// Hangul syllables are stored as LV; LVT is derived from the code point (U+AC00 + 28k is LV).
pub const GCB_LV: u32 = 12;
pub const GCB_LVT: u32 = 13;

// Word_Break (UAX #29 table 3).
pub const WB_OTHER: u32 = 0;
pub const WB_CR: u32 = 1;
pub const WB_LF: u32 = 2;
pub const WB_NEWLINE: u32 = 3;
pub const WB_EXTEND: u32 = 4;
pub const WB_ZWJ: u32 = 5;
pub const WB_RI: u32 = 6;
pub const WB_FORMAT: u32 = 7;
pub const WB_KATAKANA: u32 = 8;
pub const WB_HEBREW_LETTER: u32 = 9;
pub const WB_ALETTER: u32 = 10;
pub const WB_SINGLE_QUOTE: u32 = 11;
pub const WB_DOUBLE_QUOTE: u32 = 12;
pub const WB_MID_NUM_LET: u32 = 13;
pub const WB_MID_LETTER: u32 = 14;
pub const WB_MID_NUM: u32 = 15;
pub const WB_NUMERIC: u32 = 16;
pub const WB_EXTEND_NUM_LET: u32 = 17;
pub const WB_WSEG_SPACE: u32 = 18;

// Indic_Conjunct_Break.
pub const INCB_NONE: u32 = 0;
pub const INCB_LINKER: u32 = 1;
pub const INCB_CONSONANT: u32 = 2;
pub const INCB_EXTEND: u32 = 3;

// Token kinds of a single code point; a segment's kind is derived from its code points
// (see `text::tokenize`).
pub const KIND_OTHER: u32 = 0;
pub const KIND_LETTER: u32 = 1;
pub const KIND_NUMBER: u32 = 2;
pub const KIND_IDEOGRAPHIC: u32 = 3;
pub const KIND_KANA: u32 = 4;
pub const KIND_EMOJI: u32 = 5;
pub const KIND_PUNCTUATION: u32 = 6;
pub const KIND_SPACE: u32 = 7;

/// Packs one class word: gcb 4 bits, wb 5 bits, incb 2 bits, extended-pictographic 1 bit, kind 3 bits.
pub const fn pack(gcb: u32, wb: u32, incb: u32, ext_pict: bool, kind: u32) -> u32 {
    gcb | wb << 4 | incb << 9 | (ext_pict as u32) << 11 | kind << 12
}

#[inline]
pub const fn gcb(class: u32) -> u32 {
    class & 15
}
#[inline]
pub const fn wb(class: u32) -> u32 {
    (class >> 4) & 31
}
#[inline]
pub const fn incb(class: u32) -> u32 {
    (class >> 9) & 3
}
#[inline]
pub const fn ext_pict(class: u32) -> bool {
    (class >> 11) & 1 != 0
}
#[inline]
pub const fn kind(class: u32) -> u32 {
    (class >> 12) & 7
}
