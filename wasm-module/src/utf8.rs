//! UTF-8 decoding and validation (Unicode 16.0 §3.9, Table 3-7).
//!
//! Invalid input has two treatments, chosen by the caller: an error that names the byte offset
//! of the first ill-formed sequence, or U+FFFD for each *maximal subpart* of an ill-formed
//! sequence (§3.9 "U+FFFD Substitution of Maximal Subparts"), which is also what Java's and
//! WHATWG's decoders do, so lossy results agree with the JVM's own decoder.

/// Marker returned by [`decode`] for an ill-formed sequence. Not a scalar value.
pub const INVALID: u32 = 0xFFFF_FFFF;
pub const REPLACEMENT: u32 = 0xFFFD;

const HI: u64 = 0x8080_8080_8080_8080;

/// Reads eight bytes at `i`; the caller guarantees `i + 8 <= s.len()`.
#[inline(always)]
pub fn word(s: &[u8], i: usize) -> u64 {
    debug_assert!(i + 8 <= s.len());
    // Safe because the caller guarantees eight readable bytes at i. Chicory runs an 8-byte load
    // about ten times faster than eight 1-byte loads, which is why every scan below uses this.
    unsafe { core::ptr::read_unaligned(s.as_ptr().add(i) as *const u64) }
}

/// Length of the ASCII prefix of `s[i..]`, measured eight bytes at a time.
#[inline]
pub fn ascii_run(s: &[u8], mut i: usize) -> usize {
    let start = i;
    while i + 8 <= s.len() {
        let w = word(s, i);
        if w & HI != 0 {
            return i - start + (w & HI).trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while i < s.len() {
        // Safe index: i < len checked by the loop condition.
        if s[i] >= 0x80 {
            break;
        }
        i += 1;
    }
    i - start
}

/// A decoded code point packed into one `u32`: bits 0-20 the scalar value (U+FFFD for an
/// ill-formed sequence), bits 21-23 the number of bytes it took, bit 24 set when ill-formed.
///
/// Why packed: on wasm32 a returned tuple travels through memory via the shadow stack, and
/// under Chicory every shadow-stack adjustment is a call into the runtime's global accessors.
/// A scalar return stays in a JVM local. Hot loops use this form.
pub type Packed = u32;
pub const BAD: u32 = 1 << 24;

#[inline(always)]
pub fn cp(p: Packed) -> u32 {
    p & 0x1F_FFFF
}

#[inline(always)]
pub fn width(p: Packed) -> usize {
    ((p >> 21) & 7) as usize
}

#[inline(always)]
const fn bad(len: u32) -> Packed {
    BAD | len << 21 | REPLACEMENT
}

/// The payload of the continuation byte at `k`, or 0x100 when there is none.
#[inline(always)]
fn continuation(s: &[u8], k: usize) -> u32 {
    match s.get(k) {
        Some(&b) if b & 0xC0 == 0x80 => (b & 0x3F) as u32,
        _ => 0x100,
    }
}

/// Decodes the scalar value starting at `s[i]`; an ill-formed sequence reads as U+FFFD with
/// `BAD` set and the length of its *maximal subpart* (at least 1), so a lossy caller emits one
/// U+FFFD and skips that many bytes.
#[inline]
pub fn decode_packed(s: &[u8], i: usize) -> Packed {
    let b0 = match s.get(i) {
        Some(&b) => b as u32,
        None => return bad(1),
    };
    if b0 < 0x80 {
        return b0 | 1 << 21;
    }
    if b0 < 0xC2 {
        return bad(1);
    }
    if b0 < 0xE0 {
        let c1 = continuation(s, i + 1);
        if c1 > 0x3F {
            return bad(1);
        }
        return ((b0 & 0x1F) << 6) | c1 | 2 << 21;
    }
    // Second-byte ranges from Table 3-7 exclude overlongs (E0 80..9F, F0 80..8F), surrogates
    // (ED A0..BF) and values past U+10FFFF (F4 90..).
    let b1 = s.get(i + 1).copied().unwrap_or(0) as u32;
    let lo = if b0 == 0xE0 { 0xA0 } else if b0 == 0xF0 { 0x90 } else { 0x80 };
    let hi = if b0 == 0xED { 0x9F } else if b0 == 0xF4 { 0x8F } else { 0xBF };
    if b0 >= 0xF5 || b1 < lo || b1 > hi {
        return bad(1);
    }
    let c2 = continuation(s, i + 2);
    if c2 > 0x3F {
        return bad(2);
    }
    if b0 < 0xF0 {
        return ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | c2 | 3 << 21;
    }
    let c3 = continuation(s, i + 3);
    if c3 > 0x3F {
        return bad(3);
    }
    ((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | (c2 << 6) | c3 | 4 << 21
}

/// Decodes the scalar value starting at `s[i]` (`i < s.len()`).
///
/// Returns `(scalar, length)`, or `(INVALID, n)` where `n` is the length of the maximal subpart
/// of the ill-formed sequence (at least 1).
#[inline]
pub fn decode(s: &[u8], i: usize) -> (u32, usize) {
    let p = decode_packed(s, i);
    (if p & BAD != 0 { INVALID } else { cp(p) }, width(p))
}

/// Decodes at `i`, applying the caller's policy for ill-formed input: `Err(i)` names the
/// offset, or with `lossy` the maximal subpart becomes U+FFFD.
#[inline]
pub fn next(s: &[u8], i: usize, lossy: bool) -> Result<(u32, usize), usize> {
    let (c, n) = decode(s, i);
    if c == INVALID {
        if lossy {
            Ok((REPLACEMENT, n))
        } else {
            Err(i)
        }
    } else {
        Ok((c, n))
    }
}

/// Returns the offset of the first ill-formed sequence, if any.
pub fn validate(s: &[u8]) -> Result<(), usize> {
    let mut i = 0;
    while i < s.len() {
        i += ascii_run(s, i);
        if i >= s.len() {
            break;
        }
        let (c, n) = decode(s, i);
        if c == INVALID {
            return Err(i);
        }
        i += n;
    }
    Ok(())
}

/// Number of bytes at the end of `s` that form an incomplete but so-far valid sequence, for
/// streaming callers that must not report a sequence cut by a chunk boundary as an error.
pub fn incomplete_tail(s: &[u8]) -> usize {
    let n = s.len();
    let mut k = 1;
    while k <= 3 && k <= n {
        let b = s[n - k];
        if b & 0xC0 != 0x80 {
            let need = if b >= 0xF0 {
                4
            } else if b >= 0xE0 {
                3
            } else if b >= 0xC0 {
                2
            } else {
                1
            };
            if need > k {
                // Only a truncated *valid* prefix counts; decode reports a maximal subpart of
                // exactly k bytes for those.
                let (c, m) = decode(s, n - k);
                if c == INVALID && m == k {
                    return k;
                }
            }
            return 0;
        }
        k += 1;
    }
    0
}

/// Code points and UTF-16 units in `s`.
pub fn count(s: &[u8], lossy: bool) -> Result<(u32, u32), usize> {
    let (mut cps, mut units) = (0u32, 0u32);
    let mut i = 0;
    while i < s.len() {
        let a = ascii_run(s, i);
        cps += a as u32;
        units += a as u32;
        i += a;
        if i >= s.len() {
            break;
        }
        let (c, n) = next(s, i, lossy)?;
        cps += 1;
        units += if c >= 0x10000 { 2 } else { 1 };
        i += n;
    }
    Ok((cps, units))
}

/// Appends the UTF-8 encoding of scalar value `c` to `out`; false when memory is exhausted.
#[inline]
pub fn push(out: &mut crate::buf::Buf<u8>, c: u32) -> bool {
    // Byte by byte rather than through a [u8; 4], which would live on the shadow stack.
    if c < 0x80 {
        out.push(c as u8)
    } else if c < 0x800 {
        out.push(0xC0 | (c >> 6) as u8) && out.push(0x80 | (c & 0x3F) as u8)
    } else if c < 0x10000 {
        out.push(0xE0 | (c >> 12) as u8) && out.push(0x80 | ((c >> 6) & 0x3F) as u8) && out.push(0x80 | (c & 0x3F) as u8)
    } else {
        out.push(0xF0 | ((c >> 18) & 0x07) as u8)
            && out.push(0x80 | ((c >> 12) & 0x3F) as u8)
            && out.push(0x80 | ((c >> 6) & 0x3F) as u8)
            && out.push(0x80 | (c & 0x3F) as u8)
    }
}

/// Appends the UTF-8 encoding of `c` into capacity the caller reserved (4 bytes).
#[inline(always)]
pub fn push_reserved(out: &mut crate::buf::Buf<u8>, c: u32) {
    if c < 0x80 {
        out.push_reserved(c as u8);
    } else if c < 0x800 {
        out.push_reserved(0xC0 | (c >> 6) as u8);
        out.push_reserved(0x80 | (c & 0x3F) as u8);
    } else if c < 0x10000 {
        out.push_reserved(0xE0 | (c >> 12) as u8);
        out.push_reserved(0x80 | ((c >> 6) & 0x3F) as u8);
        out.push_reserved(0x80 | (c & 0x3F) as u8);
    } else {
        out.push_reserved(0xF0 | ((c >> 18) & 0x07) as u8);
        out.push_reserved(0x80 | ((c >> 12) & 0x3F) as u8);
        out.push_reserved(0x80 | ((c >> 6) & 0x3F) as u8);
        out.push_reserved(0x80 | (c & 0x3F) as u8);
    }
}

/// Encodes scalar value `c` into `dst`, returning the length.
#[inline]
pub fn encode(c: u32, dst: &mut [u8; 4]) -> usize {
    if c < 0x80 {
        dst[0] = c as u8;
        1
    } else if c < 0x800 {
        dst[0] = 0xC0 | (c >> 6) as u8;
        dst[1] = 0x80 | (c & 0x3F) as u8;
        2
    } else if c < 0x10000 {
        dst[0] = 0xE0 | (c >> 12) as u8;
        dst[1] = 0x80 | ((c >> 6) & 0x3F) as u8;
        dst[2] = 0x80 | (c & 0x3F) as u8;
        3
    } else {
        dst[0] = 0xF0 | ((c >> 18) & 0x07) as u8;
        dst[1] = 0x80 | ((c >> 12) & 0x3F) as u8;
        dst[2] = 0x80 | ((c >> 6) & 0x3F) as u8;
        dst[3] = 0x80 | (c & 0x3F) as u8;
        4
    }
}

/// UTF-8 length of scalar value `c`.
#[inline]
pub fn len_of(c: u32) -> usize {
    if c < 0x80 {
        1
    } else if c < 0x800 {
        2
    } else if c < 0x10000 {
        3
    } else {
        4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lossy(s: &[u8]) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < s.len() {
            let (c, n) = next(s, i, true).unwrap();
            out.push(char::from_u32(c).unwrap());
            i += n;
        }
        out
    }

    #[test]
    fn decodes_every_scalar_value() {
        for c in (0..0x11_0000u32).filter(|c| !(0xD800..0xE000).contains(c)) {
            let ch = char::from_u32(c).unwrap();
            let mut b = [0u8; 4];
            let s = ch.encode_utf8(&mut b).as_bytes().to_vec();
            assert_eq!(decode(&s, 0), (c, s.len()), "U+{:04X}", c);
            let mut mine = [0u8; 4];
            let n = encode(c, &mut mine);
            assert_eq!(&mine[..n], &s[..]);
        }
    }

    #[test]
    fn lossy_matches_std_maximal_subparts() {
        // std's from_utf8_lossy also substitutes maximal subparts; agreeing with it on hostile
        // input is the specification test.
        let cases: &[&[u8]] = &[
            b"\x80", b"\xC0\xAF", b"\xE0\x80\xAF", b"\xED\xA0\x80", b"\xF4\x90\x80\x80",
            b"\xF0\x9F\x98", b"a\xE2\x82", b"\xE2\x82a", b"\xFF\xFE", b"\xF0\x90\x80\x80x",
            b"\xC2", b"\xE1\x80\xE1\x80\x80",
        ];
        for &c in cases {
            assert_eq!(lossy(c), String::from_utf8_lossy(c), "{:02X?}", c);
        }
        let mut seed = 0x9E37_79B9u32;
        for _ in 0..20_000 {
            let len = (seed % 12) as usize;
            let mut v = Vec::with_capacity(len);
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                v.push(if seed & 3 == 0 { (seed >> 8) as u8 & 0x7F } else { 0x80 | (seed >> 8) as u8 });
            }
            assert_eq!(lossy(&v), String::from_utf8_lossy(&v), "{:02X?}", v);
            assert_eq!(validate(&v).is_ok(), core::str::from_utf8(&v).is_ok(), "{:02X?}", v);
            if let Err(e) = core::str::from_utf8(&v) {
                assert_eq!(validate(&v), Err(e.valid_up_to()));
            }
        }
    }

    #[test]
    fn ascii_run_on_both_sides_of_the_word_loop() {
        assert_eq!(ascii_run(b"", 0), 0);
        assert_eq!(ascii_run(b"abc", 0), 3);
        assert_eq!(ascii_run(b"abcdefghijk\xC3\xA9", 0), 11);
        assert_eq!(ascii_run(b"abcdefg\xC3\xA9", 0), 7);
        assert_eq!(ascii_run(b"abcdefgh\xC3\xA9abcdefgh", 10), 8);
    }

    #[test]
    fn incomplete_tail_only_for_valid_prefixes() {
        assert_eq!(incomplete_tail(b"abc"), 0);
        assert_eq!(incomplete_tail(b"ab\xE2\x82"), 2);
        assert_eq!(incomplete_tail(b"ab\xF0\x9F\x98"), 3);
        assert_eq!(incomplete_tail(b"ab\xF0"), 1);
        assert_eq!(incomplete_tail(b"ab\xE2\x82\xAC"), 0);
        assert_eq!(incomplete_tail(b"ab\xED\xA0"), 0); // a surrogate prefix is already invalid
        assert_eq!(incomplete_tail(b"ab\x80"), 0);
    }

    #[test]
    fn counts_code_points_and_utf16_units() {
        assert_eq!(count("aé€😀".as_bytes(), false), Ok((4, 5)));
        assert_eq!(count(b"ab\xFFc", false), Err(2));
        assert_eq!(count(b"ab\xFFc", true), Ok((4, 4)));
    }
}

#[cfg(test)]
mod edge_cases {
    use super::*;

    #[test]
    fn overlong_and_out_of_range_four_byte_leads() {
        // F0 80..8F is an overlong four-byte form; F5 is never a lead byte.
        for bad in [&b"\xF0\x80\x80\x80"[..], b"\xF0\x8F\xBF\xBF", b"\xF5\x80\x80\x80"] {
            assert_eq!(decode(bad, 0), (INVALID, 1), "{:02X?}", bad);
            assert_eq!(validate(bad), Err(0), "{:02X?}", bad);
            assert_eq!(count(bad, true), Ok((4, 4)), "{:02X?}", bad);
        }
    }
}
