//! Unicode normalization (UAX #15): NFC, NFD, NFKC, NFKD and NFKC_Casefold, with optional full
//! case folding, whitespace collapsing and control-character removal.
//!
//! The text is scanned for the first code point that could change. Everything before it is
//! left alone; if nothing can change, the caller is told so and no output is written at all.
//! From there on the text is cut into *segments* that start at a code point whose mapping
//! begins with a starter that cannot combine backward; each segment is decomposed, put in
//! canonical order and, for the composing forms, recomposed. Stable runs between segments are
//! copied with one `memory.copy`.
//!
//! Options, in the order they apply (documented for users in ABI.md):
//! 1. per code point: removal of default-ignorables (NFKC_Casefold) and of controls other than
//!    TAB, LF and CR (`strip_controls`), then the form's mapping (with case folding, the
//!    fold-closure mapping; see `data::norm`);
//! 2. canonical reordering and, for NFC/NFKC/NFKC_Casefold, canonical composition;
//! 3. `collapse_ws`: each run of White_Space becomes one U+0020, and leading and trailing runs
//!    are dropped. Whitespace code points are starters that compose with nothing, so this last
//!    step keeps the text normalized.

use crate::buf::Buf;
use crate::data::norm::{self, NormData, Rec, PACK_BACK, PACK_CP};
use crate::utf8;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Form {
    Nfc = 0,
    Nfd = 1,
    Nfkc = 2,
    Nfkd = 3,
    NfkcCasefold = 4,
}

pub const OPT_CASEFOLD: u32 = 1 << 3;
pub const OPT_COLLAPSE_WS: u32 = 1 << 4;
pub const OPT_STRIP_CONTROLS: u32 = 1 << 5;
pub const OPT_LOSSY: u32 = 1 << 6;
pub const OPT_PARTIAL: u32 = 1 << 7;
pub const WS_EMITTED: u32 = 1 << 8;
pub const WS_PENDING: u32 = 1 << 9;
const KNOWN: u32 = 7 | OPT_CASEFOLD | OPT_COLLAPSE_WS | OPT_STRIP_CONTROLS | OPT_LOSSY | OPT_PARTIAL | WS_EMITTED | WS_PENDING;

#[derive(Clone, Copy)]
pub struct Opts {
    mode: usize,
    composing: bool,
    strip_di: bool,
    strip_controls: bool,
    collapse_ws: bool,
    pub lossy: bool,
    pub partial: bool,
    /// Flags that make a code point unstable in this form.
    mask: u16,
    /// ASCII bytes that need the slow path (case folding, whitespace, controls).
    ascii_upper: bool,
    ascii_low: bool,
    /// Which BMP stability bitmap this combination of form and options uses (`Scratch::stable`).
    key: usize,
}

impl Opts {
    /// Parses the ABI flags word; None for unknown bits or form numbers.
    pub fn from_flags(f: u32) -> Option<Opts> {
        if f & !KNOWN != 0 {
            return None;
        }
        let form = f & 7;
        if form > 4 {
            return None;
        }
        let fold = f & OPT_CASEFOLD != 0 || form == 4;
        let compat = form >= 2;
        let mode = (compat as usize) | (fold as usize) << 1;
        let composing = form == 0 || form == 2 || form == 4;
        let strip_di = form == 4;
        let mask = if composing {
            norm::F_MAYBE | norm::F_UNSTABLE_C << mode
        } else {
            norm::F_MAPPED << mode
        } | if strip_di { norm::F_DEFAULT_IGNORABLE } else { 0 };
        let collapse_ws = f & OPT_COLLAPSE_WS != 0;
        let strip_controls = f & OPT_STRIP_CONTROLS != 0;
        Some(Opts {
            mode,
            composing,
            strip_di,
            strip_controls,
            collapse_ws,
            lossy: f & OPT_LOSSY != 0,
            partial: f & OPT_PARTIAL != 0,
            mask,
            ascii_upper: fold,
            ascii_low: collapse_ws || strip_controls,
            key: (f & (7 | OPT_CASEFOLD | OPT_COLLAPSE_WS | OPT_STRIP_CONTROLS)) as usize & 63,
        })
    }
}

/// White_Space (PropList.txt): 25 code points, cheaper to test than to store.
#[inline]
pub fn is_white_space(c: u32) -> bool {
    matches!(c, 0x09..=0x0D | 0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
}

/// Controls removed by `strip_controls`: General_Category Cc except TAB, LF and CR.
#[inline]
fn is_removed_control(c: u32) -> bool {
    (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) || (c >= 0x7F && c <= 0x9F)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Length of the run at `s[i..]` of ASCII bytes that are stable under `o`, eight at a time.
/// Correct because every ASCII character is a starter that no composition involves, so only
/// the options (folding A-Z, whitespace, controls) can change one.
#[inline]
fn ascii_stable_run(s: &[u8], start: usize, o: &Opts) -> usize {
    let mut i = start;
    while i + 8 <= s.len() {
        let w = utf8::word(s, i);
        let mut bad = w & HIGHS;
        if o.ascii_upper {
            // Bytes strictly between '@' and '[' (Bit Twiddling Hacks, "hasbetween").
            let x = w & !HIGHS;
            bad |= (ONES * (127 + 0x5B) - x) & !w & (x + ONES * (127 - 0x40)) & HIGHS;
        }
        if o.ascii_low {
            // Bytes below 0x21 ("hasless"), and DEL.
            bad |= w.wrapping_sub(ONES * 0x21) & !w & HIGHS;
            let d = w ^ (ONES * 0x7F);
            bad |= d.wrapping_sub(ONES) & !d & HIGHS;
        }
        if bad != 0 {
            return i - start + (bad.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = s.get(i) {
        if b >= 0x80 || (o.ascii_upper && b.is_ascii_uppercase()) || (o.ascii_low && (b <= 0x20 || b == 0x7F)) {
            break;
        }
        i += 1;
    }
    i - start
}

/// Whether `s[i]` is a space between two printable ASCII characters. Whitespace collapsing leaves
/// such a space as it is: it is a run of one, neither leading (printable ASCII is never removed,
/// so the character before it is written) nor trailing. English text has one every few bytes,
/// and taking each through `segment` made collapsing five times slower than plain NFC.
#[inline]
fn lone_space(s: &[u8], i: usize) -> bool {
    let printable = |k: usize| s.get(k).map_or(false, |&b| b > 0x20 && b < 0x7F);
    s.get(i) == Some(&b' ') && i > 0 && printable(i - 1) && printable(i + 1)
}

pub use crate::Error;

pub struct Outcome {
    /// False: the input is already normalized and `out` was not written.
    pub changed: bool,
    /// Input bytes accounted for (less than the input only with `OPT_PARTIAL`).
    pub consumed: usize,
    /// Whitespace-collapsing state to pass to the next chunk (`WS_EMITTED | WS_PENDING`).
    pub ws: u32,
}

/// Reusable buffers, kept by the engine so calls do not allocate.
pub struct Scratch {
    pub seg: Buf<u32>,
    pub sort: Buf<u32>,
    /// Whitespace-collapsing state; here rather than on the stack (see `utf8::Packed`).
    ws: Ws,
    /// Per combination of form and options (`Opts::key`), one bit per code point below
    /// `STABLE_SET_END` (the BMP and plane 1, where emoji live): stable. Built on first use
    /// (131,072 lookups, 16 KiB); afterwards such a code point costs one load instead of a trie
    /// walk and a record read. Hosts fetch the same bits (`stable_set`) to skip text the core
    /// would leave alone without copying it in.
    stable: [Buf<u32>; 64],
}

const NO_BITMAP: Buf<u32> = Buf::new();

/// The stability bitmaps cover U+0000..U+1FFFF. Surrogate code points read as stable there; no
/// decoder ever produces one, and hosts must pair or reject surrogates before looking up.
pub const STABLE_SET_END: u32 = 0x20000;
const STABLE_WORDS: usize = (STABLE_SET_END / 32) as usize;

/// The set of code points that `o` leaves unchanged wherever they stand (starters whose mapping
/// is themselves and that never combine with a character before them), one bit per code point below `STABLE_SET_END`, bit `c & 31` of word
/// `c >> 5`. Text made only of these is already normalized, which is the rule `scan_stable`
/// applies; None when memory is exhausted.
pub fn stable_set<'a>(d: &NormData, o: &Opts, sc: &'a mut Scratch) -> Option<&'a [u32]> {
    if sc.bitmap(d, o) {
        Some(sc.stable[o.key & 63].as_slice())
    } else {
        None
    }
}

impl Scratch {
    pub const fn new() -> Self {
        Scratch { seg: Buf::new(), sort: Buf::new(), ws: Ws { collapse: false, emitted: false, pending: false }, stable: [NO_BITMAP; 64] }
    }

    /// The stability bitmap for `o`, building it on first use; false when memory is exhausted.
    fn bitmap(&mut self, d: &NormData, o: &Opts) -> bool {
        let b = &mut self.stable[o.key & 63];
        if b.len() == STABLE_WORDS {
            return true;
        }
        b.clear();
        if !b.fill_zero(STABLE_WORDS) {
            return false;
        }
        let words = b.as_mut_slice();
        // Without the whitespace and control options stability depends on the record alone, so
        // a block of 64 code points with no data (most of the two planes) takes one lookup, not
        // 64 (c stays block-aligned there: it only steps by 1 inside blocks with data). This keeps
        // the first call's start-up cost down; the interpreter feels it most.
        let by_record = !o.collapse_ws && !o.strip_controls;
        let mut c = 0;
        while c < STABLE_SET_END {
            let whole = by_record && d.empty_block(c);
            if o.stable(c, d.rec(c)) {
                let i = (c >> 5) as usize;
                if whole {
                    words.get_mut(i..i + 2).map(|w| w.fill(!0));
                } else if let Some(w) = words.get_mut(i) {
                    *w |= 1 << (c & 31);
                }
            }
            c += if whole { 64 } else { 1 };
        }
        true
    }
}

/// Canonical ordering of packed code points (ccc in bits 24-31): a stable sort of every run of
/// non-starters. Runs are short in real text (insertion sort); a long run, which only
/// adversarial input has, is counting-sorted so the cost stays linear.
pub fn reorder(seg: &mut [u32], sort: &mut Buf<u32>) -> bool {
    let mut i = 0;
    while let Some(&v) = seg.get(i) {
        if v >> 24 == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while seg.get(i).map_or(false, |&v| v >> 24 != 0) {
            i += 1;
        }
        let run = match seg.get_mut(start..i) {
            Some(r) => r,
            None => return true,
        };
        if run.len() <= 32 {
            for a in 1..run.len() {
                // Safe because 0 <= b - 1 < b <= a < run.len(): insertion sort on indices in range.
                unsafe {
                    let v = *run.get_unchecked(a);
                    let mut b = a;
                    while b > 0 && *run.get_unchecked(b - 1) >> 24 > v >> 24 {
                        *run.get_unchecked_mut(b) = *run.get_unchecked(b - 1);
                        b -= 1;
                    }
                    *run.get_unchecked_mut(b) = v;
                }
            }
        } else if !counting_sort(run, sort) {
            return false;
        }
    }
    true
}

/// Stable counting sort of a run of non-starters by ccc: linear, for the long runs only
/// adversarial input has. Separate so its 1 KiB count table is not on every `reorder` frame.
#[inline(never)]
fn counting_sort(run: &mut [u32], sort: &mut Buf<u32>) -> bool {
    let mut count = [0u32; 257];
    for &v in run.iter() {
        count[(v >> 24) as usize + 1] += 1;
    }
    for k in 1..257 {
        count[k] += count[k - 1];
    }
    sort.clear();
    if !sort.fill_zero(run.len()) {
        return false;
    }
    let out = sort.as_mut_slice();
    for &v in run.iter() {
        let slot = &mut count[(v >> 24) as usize];
        if let Some(o) = out.get_mut(*slot as usize) {
            *o = v;
        }
        *slot += 1;
    }
    for (d, &x) in run.iter_mut().zip(out.iter()) {
        *d = x;
    }
    true
}

/// Canonical composition (UAX #15 §1.3) of packed code points in place; returns the new length.
pub fn compose(d: &NormData, seg: &mut [u32]) -> usize {
    const NONE: u32 = 256;
    let mut w = 0;
    let mut starter = usize::MAX;
    let mut last_cc = NONE;
    for r in 0..seg.len() {
        // Safe because w <= r < seg.len() throughout, and starter < w whenever it is not MAX.
        unsafe {
            let v = *seg.get_unchecked(r);
            let cc = v >> 24;
            // A candidate must combine backward and not be blocked: nothing between it and the
            // starter may have a ccc of zero or at least its own.
            if v & PACK_BACK != 0 && (last_cc == NONE || last_cc < cc) && starter != usize::MAX {
                let s = *seg.get_unchecked(starter);
                if let Some(x) = d.compose_pair(s & PACK_CP, v & PACK_CP) {
                    *seg.get_unchecked_mut(starter) = d.pack(x);
                    continue;
                }
            }
            if cc == 0 {
                starter = w;
                last_cc = NONE;
            } else {
                last_cc = cc;
            }
            *seg.get_unchecked_mut(w) = v;
        }
        w += 1;
    }
    w
}

struct Ws {
    collapse: bool,
    emitted: bool,
    pending: bool,
}

impl Ws {
    #[inline]
    fn flush(&mut self, out: &mut Buf<u8>) -> bool {
        if self.pending {
            self.pending = false;
            return out.push(b' ');
        }
        true
    }
}


impl Opts {
    #[inline]
    fn removed(&self, c: u32, r: &Rec) -> bool {
        (self.strip_di && r.flags & norm::F_DEFAULT_IGNORABLE != 0) || (self.strip_controls && is_removed_control(c))
    }

    #[inline]
    fn stable(&self, c: u32, r: &Rec) -> bool {
        r.ccc == 0
            && r.flags & self.mask == 0
            && !(self.collapse_ws && is_white_space(c))
            && !(self.strip_controls && is_removed_control(c))
    }

    /// True when a segment may end before `c`: its mapping starts with a starter that cannot
    /// combine with anything before it (and it is not removed, which would make it transparent).
    #[inline]
    fn boundary(&self, d: &NormData, c: u32, r: &Rec) -> bool {
        if self.removed(c, r) {
            return false;
        }
        // The mapping's first code point is packed with its ccc and backward-combining bit; an
        // unmapped code point's own record already says the same, with no second lookup.
        let lead = match d.mapping(r.map[self.mode & 3]).first() {
            Some(&v) if !norm::is_hangul_syllable(c) => v,
            _ if norm::is_hangul_syllable(c) => norm::L_BASE,
            _ => (r.ccc as u32) << 24 | if r.flags & norm::F_BACK != 0 { PACK_BACK } else { 0 },
        };
        lead >> 24 == 0 && !(self.composing && lead & PACK_BACK != 0)
    }
}

/// Appends the mapping of `c` in the form's mode, packed, to `seg`.
#[inline]
fn push_mapping(d: &NormData, o: &Opts, c: u32, r: &Rec, seg: &mut Buf<u32>) -> bool {
    if o.removed(c, r) {
        return true;
    }
    if norm::is_hangul_syllable(c) {
        let s = c - norm::S_BASE;
        let t = s % norm::T_COUNT;
        return seg.push(norm::L_BASE + s / norm::N_COUNT)
            && seg.push(d.pack(norm::V_BASE + (s % norm::N_COUNT) / norm::T_COUNT))
            && (t == 0 || seg.push(d.pack(norm::T_BASE + t)));
    }
    let e = r.map[o.mode & 3];
    if e != 0 {
        seg.extend(d.mapping(e))
    } else {
        let back = if r.flags & norm::F_BACK != 0 { PACK_BACK } else { 0 };
        seg.push(c | back | (r.ccc as u32) << 24)
    }
}

/// Start of the last position in `s` before which the text can be cut without changing the
/// result, for streaming; 0 when there is none.
///
/// Ill-formed bytes that no later byte can make well-formed (a sequence broken before the end of
/// `s`, or a continuation byte with three more before it, which no lead byte reaches) count too,
/// or a long run of them would leave no cut at all: where the caller stops at an error, the cut
/// is just after them, so the call reports it; where it replaces them, U+FFFD combines with
/// nothing before it, so the cut is before them, as before any starter.
fn last_boundary(d: &NormData, s: &[u8], o: &Opts) -> usize {
    let mut k = s.len();
    let mut run = 0; // continuation bytes in a row from `k` on
    while k > 0 {
        k -= 1;
        let b = s.get(k).copied().unwrap_or(0x80);
        if b & 0xC0 == 0x80 {
            run += 1;
            if run == 4 {
                // The one at k + 3 has three before it: a lone continuation byte.
                return k + 3 + !o.lossy as usize;
            }
            continue;
        }
        run = 0;
        let (c, n) = utf8::decode(s, k);
        if c == utf8::INVALID {
            if k + n < s.len() {
                return k + !o.lossy as usize;
            }
        } else if k + n <= s.len() && o.boundary(d, c, &d.rec(c)) {
            return k;
        }
    }
    0
}

/// Scans stable text from `i`. Returns `stop | (prev + 1) << 32`: `stop` is where the first code
/// point that may change (or is ill-formed) starts, or the end; `prev` the start of the code point
/// before it when that one is stable and uncopied (0 for none).
///
/// Out of line and with scalar arguments and result on purpose, for Chicory: the JVM compiles a
/// small, often-called method reliably, while a loop buried in one large method invoked once per
/// call may never be compiled (over 8 KB of bytecode it is not; some loops cannot be compiled on
/// stack replacement). And nothing here touches the shadow stack, each adjustment of which is a
/// call into the runtime.
#[inline(never)]
fn scan_stable(d: &NormData, s: &[u8], mut i: usize, o: &Opts, bits: &[u32]) -> u64 {
    let mut prev = 0u64;
    while i < s.len() {
        if s.get(i).map_or(false, |&b| b < 0x80) {
            let a = ascii_stable_run(s, i, o);
            if a == 0 && !(o.collapse_ws && lone_space(s, i)) {
                break;
            }
            i += a.max(1);
            prev = i as u64; // (i - 1) + 1
            continue;
        }
        // Two-byte code points below U+0300 (lead bytes C2..CB) are starters with no composition
        // partner before them and, under NFC, no change at all: decided without a table lookup.
        if let (Some(&b0), Some(&b1)) = (s.get(i), s.get(i + 1)) {
            if o.mode == 0 && o.composing && b0 >= 0xC2 && b0 < 0xCC && b1 & 0xC0 == 0x80 && !o.ascii_low {
                prev = i as u64 + 1;
                i += 2;
                continue;
            }
        }
        let p = utf8::decode_packed(s, i);
        let c = utf8::cp(p);
        if p & utf8::BAD != 0 {
            break;
        }
        let stable = match bits.get((c >> 5) as usize) {
            Some(w) => w >> (c & 31) & 1 != 0,
            None => o.stable(c, d.rec(c)), // planes 2 and up
        };
        if !stable {
            break;
        }
        prev = i as u64 + 1;
        i += utf8::width(p);
    }
    i as u64 | prev << 32
}

/// Marker returned by `segment` when memory ran out.
const SEGMENT_OOM: usize = usize::MAX;

/// Decomposes the segment that starts at `start` (and includes the code point at `must`), puts it
/// in canonical order, composes it if the form composes, and writes it to `out`. Returns where
/// the segment ends: before the next code point that starts with a starter combining with
/// nothing before it, or before an ill-formed sequence when that is an error (the caller's scan
/// stops there and reports it). Out of line for the same reasons as `scan_stable`.
#[inline(never)]
fn segment(d: &NormData, s: &[u8], start: usize, must: usize, o: &Opts, out: &mut Buf<u8>, sc: &mut Scratch) -> usize {
    sc.seg.clear();
    let mut k = start;
    while k < s.len() {
        let p = utf8::decode_packed(s, k);
        let c = utf8::cp(p);
        if p & utf8::BAD != 0 && !o.lossy {
            break;
        }
        let r = d.rec(c);
        if k > must && o.boundary(d, c, r) {
            break;
        }
        if !push_mapping(d, o, c, r, &mut sc.seg) {
            return SEGMENT_OOM;
        }
        k += utf8::width(p);
    }
    if !reorder(sc.seg.as_mut_slice(), &mut sc.sort) {
        return SEGMENT_OOM;
    }
    let len = if o.composing { compose(d, sc.seg.as_mut_slice()) } else { sc.seg.len() };
    sc.seg.truncate(len);
    // At most 4 bytes per code point plus one owed space: one reservation, then plain stores.
    if !out.reserve(len * 5 + 1) {
        return SEGMENT_OOM;
    }
    let ws = &mut sc.ws;
    for &v in sc.seg.as_slice() {
        let c = v & PACK_CP;
        if ws.collapse && is_white_space(c) {
            ws.pending = ws.emitted;
            continue;
        }
        if ws.pending {
            ws.pending = false;
            out.push_reserved(b' ');
        }
        utf8::push_reserved(out, c);
        ws.emitted = true;
    }
    k
}

/// Normalizes `s`, appending the result to `out` (see the module notes); when nothing changes,
/// `out` is left as it was. With `OPT_PARTIAL`, stops at the last point where a cut is safe and
/// reports how much it consumed.
#[inline(never)]
pub fn normalize(d: &NormData, s: &[u8], o: &Opts, ws_in: u32, out: &mut Buf<u8>, sc: &mut Scratch) -> Result<Outcome, Error> {
    let end = if o.partial { last_boundary(d, s, o) } else { s.len() };
    let s = s.get(..end).unwrap_or(s);
    sc.ws = Ws { collapse: o.collapse_ws, emitted: ws_in & WS_EMITTED != 0, pending: ws_in & WS_PENDING != 0 };
    // A space owed from the previous chunk must be written before this chunk's text.
    let mut changed = sc.ws.pending && !s.is_empty();
    let mut run_start = 0; // start of the stable text not yet copied to `out`
    let mut i = 0;
    if !sc.bitmap(d, o) {
        return Err(Error::OutOfMemory);
    }
    loop {
        let scan = scan_stable(d, s, i, o, sc.stable[o.key & 63].as_slice());
        let stop = scan as u32 as usize;
        if stop >= s.len() {
            break;
        }
        let p = utf8::decode_packed(s, stop);
        let c = utf8::cp(p);
        if p & utf8::BAD != 0 && !o.lossy {
            return Err(Error::InvalidUtf8(stop));
        }
        // The code point at `stop` may change. Its segment starts there, or at the previous code
        // point when that one may combine with it.
        let prev = (scan >> 32) as usize;
        let seg_start = if prev > 0 && o.composing && !o.boundary(d, c, d.rec(c)) { prev - 1 } else { stop };
        changed = true;
        if seg_start > run_start {
            if !(sc.ws.flush(out) && out.extend(s.get(run_start..seg_start).unwrap_or(&[]))) {
                return Err(Error::OutOfMemory);
            }
            sc.ws.emitted = true;
        }
        i = segment(d, s, seg_start, stop, o, out, sc);
        if i == SEGMENT_OOM {
            return Err(Error::OutOfMemory);
        }
        run_start = i;
    }
    if changed && s.len() > run_start {
        if !(sc.ws.flush(out) && out.extend(s.get(run_start..).unwrap_or(&[]))) {
            return Err(Error::OutOfMemory);
        }
        sc.ws.emitted = true;
    }
    if !changed && !s.is_empty() {
        // Unchanged text was not copied, but it is output all the same: under collapsing it
        // cannot be whitespace alone unless text was emitted before (leading whitespace is
        // trimmed, which is a change), so text has now been emitted. Without this, the next
        // chunk's leading space was trimmed as if it began the text ("ab " + " cd" gave "abcd").
        sc.ws.emitted = true;
    }
    if !o.partial {
        sc.ws.pending = false; // trailing whitespace is trimmed
    }
    let mut state = if sc.ws.emitted { WS_EMITTED } else { 0 };
    if sc.ws.pending {
        state |= WS_PENDING;
    }
    Ok(Outcome { changed, consumed: end, ws: state })
}

/// Whether `s` is already in the requested form (with the options applied).
pub fn is_normalized(d: &NormData, s: &[u8], o: &Opts, out: &mut Buf<u8>, sc: &mut Scratch) -> Result<bool, Error> {
    let whole = Opts { partial: false, ..*o };
    let base = out.len();
    let r = normalize(d, s, &whole, 0, out, sc)?;
    Ok(!r.changed || out.as_slice().get(base..) == Some(s))
}

#[cfg(test)]
mod conformance;

#[cfg(test)]
mod edge_cases;
