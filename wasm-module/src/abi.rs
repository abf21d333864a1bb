//! The module's exports. This is the only file that turns host-supplied integers into memory
//! references; every pointer and length is checked here first. The contract is written up for
//! host authors in wasm-module/ABI.md; the status codes below are its single source.

use crate::buf::{self, Buf};
use crate::data::norm::NormData;
use crate::normalize::{self, Opts, Scratch};
use crate::segment::{self, SegData};
use crate::text;

pub const OK: i32 = 0;
/// `tw_normalize`: the input is already normalized; nothing was written.
pub const UNCHANGED: i32 = 1;
/// Ill-formed UTF-8; word 6 of the result block holds the byte offset.
pub const INVALID_UTF8: i32 = -1;
/// Linear memory could not grow (the host's cap or the 4 GiB limit).
pub const OUT_OF_MEMORY: i32 = -2;
/// A pointer/length pair lies outside linear memory or overlaps the module's own buffers.
pub const BAD_POINTER: i32 = -3;
/// Unknown flag bits or an out-of-range argument.
pub const BAD_ARGUMENT: i32 = -4;
/// `tw_truncate`: the text given ends before the answer is known; call again with more.
pub const NEED_MORE_INPUT: i32 = -5;

/// ABI version: major in the high half (incompatible changes), minor in the low half.
pub const ABI_VERSION: i32 = 1 << 16;

/// Result words read by the host after each call: out_ptr, out_len, a0..a3, error offset, spare.
pub const RESULT_WORDS: usize = 8;

struct Engine {
    ready: bool,
    failed: bool,
    norm: NormData,
    seg: SegData,
    scratch: Scratch,
    out: Buf<u8>,
    words: Buf<u32>,
    result: [u32; RESULT_WORDS],
}

// Safe because a wasm instance is single-threaded and hosts never share one between threads;
// native callers (tests, the native benchmark) go through `with_engine`, which they serialise.
static mut ENGINE: Engine = Engine {
    ready: false,
    failed: false,
    norm: NormData::new(),
    seg: SegData::new(),
    scratch: Scratch::new(),
    out: Buf::new(),
    words: Buf::new(),
    result: [0; RESULT_WORDS],
};

/// Buffers above this size are released at the start of the next call, so one large call does
/// not pin its peak (the host also discards instances whose memory grew past its threshold).
const KEEP_BYTES: usize = 1 << 20;

fn engine() -> &'static mut Engine {
    // Safe: see the comment on ENGINE.
    unsafe { &mut *core::ptr::addr_of_mut!(ENGINE) }
}

fn init(e: &mut Engine) -> bool {
    if !e.ready && !e.failed {
        e.ready = e.norm.build() && e.seg.build();
        e.failed = !e.ready;
    }
    e.ready
}

#[cfg(target_arch = "wasm32")]
fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) << 16
}

#[cfg(not(target_arch = "wasm32"))]
fn memory_bytes() -> usize {
    usize::MAX
}

fn overlaps(a: usize, alen: usize, b: *const u8, blen: usize) -> bool {
    let b = b as usize;
    blen != 0 && alen != 0 && a < b + blen && b < a + alen
}

/// Turns (ptr, len) into a slice after checking it lies in memory and cannot alias anything
/// the operation writes.
fn input<'a>(e: &Engine, ptr: i32, len: i32) -> Result<&'a [u8], i32> {
    let (p, n) = (ptr as u32 as usize, len as u32 as usize);
    if len < 0 || p.checked_add(n).map_or(true, |end| end > memory_bytes()) || (p == 0 && n != 0) {
        return Err(BAD_POINTER);
    }
    if overlaps(p, n, e.out.as_ptr(), e.out.capacity())
        || overlaps(p, n, e.words.as_ptr() as *const u8, e.words.capacity() * 4)
        || overlaps(p, n, e.scratch.seg.as_ptr() as *const u8, e.scratch.seg.capacity() * 4)
    {
        return Err(BAD_POINTER);
    }
    if n == 0 {
        return Ok(&[]);
    }
    // Safe because the range was checked to lie inside linear memory and to not overlap any
    // buffer written during the call.
    Ok(unsafe { core::slice::from_raw_parts(p as *const u8, n) })
}

/// Common prologue: reset the result block, release oversized buffers, initialise, check input.
fn begin<'a>(e: &mut Engine, ptr: i32, len: i32) -> Result<&'a [u8], i32> {
    e.result = [0; RESULT_WORDS];
    e.out.shrink_if_over(KEEP_BYTES);
    e.words.shrink_if_over(KEEP_BYTES / 4);
    e.scratch.seg.shrink_if_over(KEEP_BYTES / 4);
    e.scratch.sort.shrink_if_over(KEEP_BYTES / 4);
    if !init(e) {
        return Err(OUT_OF_MEMORY);
    }
    input(e, ptr, len)
}

fn finish(f: impl FnOnce(&mut Engine, &[u8]) -> Result<i32, i32>, ptr: i32, len: i32) -> i32 {
    let e = engine();
    let s = match begin(e, ptr, len) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match f(e, s) {
        Ok(code) | Err(code) => code,
    }
}

fn set_out_bytes(e: &mut Engine) {
    e.result[0] = e.out.as_ptr() as usize as u32;
    e.result[1] = e.out.len() as u32;
}

fn set_out_words(e: &mut Engine) {
    e.result[0] = e.words.as_ptr() as usize as u32;
    e.result[1] = e.words.len() as u32;
}

fn utf8_error(e: &mut Engine, at: usize) -> i32 {
    e.result[6] = at as u32;
    INVALID_UTF8
}

fn norm_error(e: &mut Engine, err: normalize::Error) -> i32 {
    match err {
        normalize::Error::InvalidUtf8(at) => utf8_error(e, at),
        normalize::Error::OutOfMemory => OUT_OF_MEMORY,
    }
}

fn text_error(e: &mut Engine, err: text::Error) -> i32 {
    match err {
        text::Error::InvalidUtf8(at) => utf8_error(e, at),
        text::Error::OutOfMemory => OUT_OF_MEMORY,
        text::Error::NeedMore => NEED_MORE_INPUT,
        text::Error::BadArgument => BAD_ARGUMENT,
    }
}

#[no_mangle]
pub extern "C" fn tw_abi_version() -> i32 {
    ABI_VERSION
}

#[no_mangle]
pub extern "C" fn tw_unicode_version() -> i32 {
    let (a, b, c) = crate::UNICODE_VERSION;
    (a as i32) << 16 | (b as i32) << 8 | c as i32
}

/// Address of the result block (RESULT_WORDS little-endian u32 words).
#[no_mangle]
pub extern "C" fn tw_result() -> i32 {
    engine().result.as_ptr() as usize as i32
}

/// Allocates `size` bytes for the host to write input into; 0 when memory is exhausted.
#[no_mangle]
pub extern "C" fn tw_alloc(size: i32) -> i32 {
    if size < 0 {
        return 0;
    }
    buf::alloc(size as usize) as usize as i32
}

/// Frees a block from `tw_alloc`. Pointers that did not come from `tw_alloc` must not be passed;
/// 0 is ignored.
#[no_mangle]
pub extern "C" fn tw_free(ptr: i32) {
    if ptr != 0 && (ptr as u32 as usize) < memory_bytes() {
        // Safe under the documented contract: ptr came from tw_alloc.
        unsafe { buf::free(ptr as u32 as usize as *mut u8) }
    }
}

/// Expands the tables now rather than on the first call. Word 2: bytes of table memory.
#[no_mangle]
pub extern "C" fn tw_init() -> i32 {
    let e = engine();
    if !init(e) {
        return OUT_OF_MEMORY;
    }
    e.result[2] = (e.norm.bytes() + e.seg.bytes()) as u32;
    OK
}

/// Validates UTF-8 (or counts it lossily with flag bit 6). Words 2, 3: code points, UTF-16 units.
#[no_mangle]
pub extern "C" fn tw_utf8_info(ptr: i32, len: i32, flags: i32) -> i32 {
    finish(
        |e, s| {
            if flags as u32 & !normalize::OPT_LOSSY != 0 {
                return Err(BAD_ARGUMENT);
            }
            match crate::utf8::count(s, flags as u32 & normalize::OPT_LOSSY != 0) {
                Ok((cps, units)) => {
                    e.result[2] = cps;
                    e.result[3] = units;
                    Ok(OK)
                }
                Err(at) => Err(utf8_error(e, at)),
            }
        },
        ptr,
        len,
    )
}

/// Normalizes. Flags: see `normalize::Opts`. Returns UNCHANGED when the input is already
/// normalized, else OK with the output in words 0-1. Word 2: input bytes consumed (partial
/// mode), word 3: whitespace state to pass to the next chunk.
#[no_mangle]
pub extern "C" fn tw_normalize(ptr: i32, len: i32, flags: i32) -> i32 {
    finish(
        |e, s| {
            let o = Opts::from_flags(flags as u32).ok_or(BAD_ARGUMENT)?;
            let ws_in = flags as u32 & (normalize::WS_EMITTED | normalize::WS_PENDING);
            e.out.clear();
            match normalize::normalize(&e.norm, s, &o, ws_in, &mut e.out, &mut e.scratch) {
                Ok(r) => {
                    e.result[2] = r.consumed as u32;
                    e.result[3] = r.ws;
                    if r.changed {
                        set_out_bytes(e);
                        Ok(OK)
                    } else {
                        Ok(UNCHANGED)
                    }
                }
                Err(err) => Err(norm_error(e, err)),
            }
        },
        ptr,
        len,
    )
}

/// Word 2: 1 when the input is already in the requested form, else 0.
#[no_mangle]
pub extern "C" fn tw_is_normalized(ptr: i32, len: i32, flags: i32) -> i32 {
    finish(
        |e, s| {
            let o = Opts::from_flags(flags as u32 & !normalize::OPT_PARTIAL).ok_or(BAD_ARGUMENT)?;
            e.out.clear();
            match normalize::is_normalized(&e.norm, s, &o, &mut e.out, &mut e.scratch) {
                Ok(yes) => {
                    e.result[2] = yes as u32;
                    Ok(OK)
                }
                Err(err) => Err(norm_error(e, err)),
            }
        },
        ptr,
        len,
    )
}

/// Boundaries (u32 words) in words 0-1. Flags: see `segment::Opts`.
#[no_mangle]
pub extern "C" fn tw_segment(ptr: i32, len: i32, flags: i32) -> i32 {
    finish(
        |e, s| {
            let o = segment::Opts::from_flags(flags as u32).ok_or(BAD_ARGUMENT)?;
            e.words.clear();
            match text::boundaries(&e.seg, s, &o, &mut e.words) {
                Ok(()) => {
                    set_out_words(e);
                    Ok(OK)
                }
                Err(err) => Err(text_error(e, err)),
            }
        },
        ptr,
        len,
    )
}

/// Counts graphemes, words or code points (flags). Word 2: the count.
#[no_mangle]
pub extern "C" fn tw_count(ptr: i32, len: i32, flags: i32) -> i32 {
    finish(
        |e, s| match text::count(&e.seg, s, flags as u32) {
            Ok(n) => {
                e.result[2] = n;
                Ok(OK)
            }
            Err(err) => Err(text_error(e, err)),
        },
        ptr,
        len,
    )
}

/// Tokens in words 0-1 as records of `text::TOKEN_WORDS` u32 words; case-folded text, when
/// asked for, in words 2-3 (pointer, length).
#[no_mangle]
pub extern "C" fn tw_tokenize(ptr: i32, len: i32, flags: i32) -> i32 {
    finish(
        |e, s| {
            e.words.clear();
            e.out.clear();
            match text::tokenize(&e.seg, &e.norm, s, flags as u32, &mut e.words, &mut e.out, &mut e.scratch) {
                Ok(()) => {
                    set_out_words(e);
                    e.result[2] = e.out.as_ptr() as usize as u32;
                    e.result[3] = e.out.len() as u32;
                    Ok(OK)
                }
                Err(err) => Err(text_error(e, err)),
            }
        },
        ptr,
        len,
    )
}

/// Finds where to cut the text to fit `limit` units with `reserve` units kept for an ellipsis.
/// Words 2-4: cut offset in bytes, cut offset in UTF-16 units, 1 if the text had to be cut.
#[no_mangle]
pub extern "C" fn tw_truncate(ptr: i32, len: i32, flags: i32, limit: i32, reserve: i32) -> i32 {
    finish(
        |e, s| {
            if limit < 0 || reserve < 0 {
                return Err(BAD_ARGUMENT);
            }
            match text::truncate(&e.seg, s, flags as u32, limit as u32, reserve as u32) {
                Ok(t) => {
                    e.result[2] = t.cut_bytes;
                    e.result[3] = t.cut_utf16;
                    e.result[4] = t.truncated as u32;
                    Ok(OK)
                }
                Err(err) => Err(text_error(e, err)),
            }
        },
        ptr,
        len,
    )
}
