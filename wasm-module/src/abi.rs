//! The module's exports. This is the only file that turns host-supplied integers into memory
//! references; every pointer and length is checked here first. The contract is written up for
//! host authors in wasm-module/ABI.md; the status codes below are its single source.

use crate::buf::{self, Buf};
use crate::data::norm::NormData;
use crate::normalize::{self, Opts, Scratch};
use crate::segment::{self, SegData};
use crate::text;
use crate::Error;

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
pub const ABI_VERSION: i32 = 2 << 16;

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
// native callers (tests, the native benchmark) build engines or tables of their own instead.
static mut ENGINE: Engine = Engine::new();

impl Engine {
    const fn new() -> Engine {
        Engine {
            ready: false,
            failed: false,
            norm: NormData::new(),
            seg: SegData::new(),
            scratch: Scratch::new(),
            out: Buf::new(),
            words: Buf::new(),
            result: [0; RESULT_WORDS],
        }
    }
}

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

/// The size of linear memory, in 64 bits: at 65,536 pages it does not fit a wasm32 `usize`.
#[cfg(target_arch = "wasm32")]
fn memory_bytes() -> u64 {
    (core::arch::wasm32::memory_size(0) as u64) << 16
}

#[cfg(not(target_arch = "wasm32"))]
fn memory_bytes() -> u64 {
    u64::MAX
}

fn overlaps(a: usize, alen: usize, b: *const u8, blen: usize) -> bool {
    let b = b as usize;
    blen != 0 && alen != 0 && a < b + blen && b < a + alen
}

/// Turns (ptr, len) into a slice after checking it lies in memory and cannot alias anything
/// the operation writes.
fn input<'a>(e: &Engine, ptr: i32, len: i32) -> Result<&'a [u8], i32> {
    let (p, n) = (ptr as u32 as usize, len as u32 as usize);
    if len < 0 || p.checked_add(n).map_or(true, |end| end as u64 > memory_bytes()) || (p == 0 && n != 0) {
        return Err(BAD_POINTER);
    }
    if overlaps(p, n, e.out.as_ptr(), e.out.capacity())
        || overlaps(p, n, e.words.as_ptr() as *const u8, e.words.capacity() * 4)
        || overlaps(p, n, e.scratch.seg.as_ptr() as *const u8, e.scratch.seg.capacity() * 4)
        || overlaps(p, n, e.scratch.sort.as_ptr() as *const u8, e.scratch.sort.capacity() * 4)
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

/// Common prologue: reset the result block, check the input, release oversized buffers,
/// initialise. The input is checked against the buffers before any is released: a released
/// buffer is reused by the next large allocation, so input left in one (the previous call's
/// output, passed back) would be overwritten while it is read.
fn begin<'a>(e: &mut Engine, ptr: i32, len: i32) -> Result<&'a [u8], i32> {
    e.result = [0; RESULT_WORDS];
    let s = input(e, ptr, len)?;
    e.out.shrink_if_over(KEEP_BYTES);
    e.words.shrink_if_over(KEEP_BYTES / 4);
    e.scratch.seg.shrink_if_over(KEEP_BYTES / 4);
    e.scratch.sort.shrink_if_over(KEEP_BYTES / 4);
    if !init(e) {
        return Err(OUT_OF_MEMORY);
    }
    Ok(s)
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

/// Frees a block from `tw_alloc`. Anything else (0, a block already freed, an address that is
/// not a live block) is ignored: `buf::free` checks the block's header.
#[no_mangle]
pub extern "C" fn tw_free(ptr: i32) {
    // Safe because `free` validates the pointer before it touches memory (wasm32).
    unsafe { buf::free(ptr as u32 as usize as *mut u8) }
}

/// Operation numbers for `tw_call`.
pub const OP_INIT: i32 = 0;
pub const OP_UTF8_INFO: i32 = 1;
pub const OP_NORMALIZE: i32 = 2;
pub const OP_IS_NORMALIZED: i32 = 3;
pub const OP_SEGMENT: i32 = 4;
pub const OP_COUNT: i32 = 5;
pub const OP_TOKENIZE: i32 = 6;
pub const OP_TRUNCATE: i32 = 7;
pub const OP_STABLE_SET: i32 = 8;
pub const OP_HOST_TABLES: i32 = 9;
pub const OP_WORD_TABLE: i32 = 10;

/// The one entry point for text operations: `op` selects the operation, `ptr`/`len` the UTF-8
/// input, `flags` its options, `a` and `b` two operation-specific numbers. Returns a status;
/// results are in the result block (`tw_result`). One export instead of eight keeps the
/// module small: the argument checks and buffer management exist once.
///
/// | op | operation | result block |
/// |----|-----------|--------------|
/// | 0 INIT | expand the tables now (otherwise the first call does) | w2: table bytes |
/// | 1 UTF8_INFO | validate, or count lossily (flag bit 6) | w2: code points, w3: UTF-16 units |
/// | 2 NORMALIZE | flags: `normalize::Opts` | w0/w1: output, or status UNCHANGED; w2: bytes consumed; w3: whitespace state |
/// | 3 IS_NORMALIZED | flags as NORMALIZE | w2: 1 if normalized |
/// | 4 SEGMENT | flags: `segment::Opts` | w0/w1: u32 boundaries |
/// | 5 COUNT | flags: `text::COUNT_*`, lossy | w2: count |
/// | 6 TOKENIZE | flags: `text::TOK_*` | w0/w1: records of TOKEN_WORDS u32; w2/w3: folded text |
/// | 7 TRUNCATE | flags: `text::UNIT_*`/`TRUNC_*`; a: limit, b: reserve | w2: cut (bytes), w3: cut (UTF-16), w4: 1 if cut |
/// | 8 STABLE_SET | flags as NORMALIZE; no input | w0/w1: u32 bitmap of U+0000..U+1FFFF (`normalize::stable_set`) |
/// | 9 HOST_TABLES | flags 0; no input | w0/w1: a byte per code point of the BMP and U+1F000..U+1FFFF (`SegData::host_classes`); w2/w3: the word-count automaton's steps |
/// | 10 WORD_TABLE | flags 0; no input | w0/w1: a byte per code point of the BMP and U+1F000..U+1FFFF (`segment::word_class`) |
#[no_mangle]
pub extern "C" fn tw_call(op: i32, ptr: i32, len: i32, flags: i32, a: i32, b: i32) -> i32 {
    let e = engine();
    let s = match begin(e, ptr, len) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match dispatch(e, op, s, flags as u32, a, b) {
        Ok(code) | Err(code) => code,
    }
}

fn dispatch(e: &mut Engine, op: i32, s: &[u8], flags: u32, a: i32, b: i32) -> Result<i32, i32> {
    run(e, op, s, flags, a, b).map_err(|x| fail(e, x))
}

/// The operations proper. Errors travel as `Error` up to here and become a status in one place
/// (`fail`), not at each operation's call.
fn run(e: &mut Engine, op: i32, s: &[u8], flags: u32, a: i32, b: i32) -> Result<i32, Error> {
    e.out.clear();
    e.words.clear();
    match op {
        OP_INIT if flags == 0 => {
            e.result[2] = (e.norm.bytes() + e.seg.bytes()) as u32;
        }
        OP_UTF8_INFO => {
            if flags & !normalize::OPT_LOSSY != 0 {
                return Err(Error::BadArgument);
            }
            let (cps, units) = crate::utf8::count(s, flags != 0).map_err(Error::InvalidUtf8)?;
            e.result[2] = cps;
            e.result[3] = units;
        }
        OP_NORMALIZE | OP_IS_NORMALIZED | OP_STABLE_SET => {
            // One options parse for the three (IS_NORMALIZED ignores the partial bit).
            let partial = if op == OP_IS_NORMALIZED { normalize::OPT_PARTIAL } else { 0 };
            let o = Opts::from_flags(flags & !partial).ok_or(Error::BadArgument)?;
            if op == OP_STABLE_SET {
                let (ptr, len) = normalize::stable_set(&e.norm, &o, &mut e.scratch).map(|b| (b.as_ptr(), b.len())).ok_or(Error::OutOfMemory)?;
                set_out(e, ptr as *const u8, len * 4);
                return Ok(OK);
            }
            if op == OP_IS_NORMALIZED {
                let yes = normalize::is_normalized(&e.norm, s, &o, &mut e.out, &mut e.scratch)?;
                e.result[2] = yes as u32;
                return Ok(OK);
            }
            let ws_in = flags & (normalize::WS_EMITTED | normalize::WS_PENDING);
            let r = normalize::normalize(&e.norm, s, &o, ws_in, &mut e.out, &mut e.scratch)?;
            e.result[2] = r.consumed as u32;
            e.result[3] = r.ws;
            if !r.changed {
                return Ok(UNCHANGED);
            }
            set_out(e, e.out.as_ptr(), e.out.len());
        }
        OP_SEGMENT => {
            let o = segment::Opts::from_flags(flags).ok_or(Error::BadArgument)?;
            text::boundaries(&e.seg, s, &o, &mut e.words)?;
            set_out(e, e.words.as_ptr() as *const u8, e.words.len());
        }
        OP_COUNT => {
            if flags & 3 == text::COUNT_WORDS && !e.seg.host_table_ready(false) {
                return Err(Error::OutOfMemory);
            }
            e.result[2] = text::count(&e.seg, s, flags)?;
        }
        OP_TOKENIZE => {
            text::tokenize(&e.seg, &e.norm, s, flags, &mut e.words, &mut e.out, &mut e.scratch)?;
            set_out(e, e.words.as_ptr() as *const u8, e.words.len());
            e.result[2] = e.out.as_ptr() as usize as u32;
            e.result[3] = e.out.len() as u32;
        }
        OP_TRUNCATE => {
            if a < 0 || b < 0 {
                return Err(Error::BadArgument);
            }
            let t = text::truncate(&e.seg, s, flags, a as u32, b as u32)?;
            e.result[2] = t.cut_bytes;
            e.result[3] = t.cut_utf16;
            e.result[4] = t.truncated as u32;
        }
        OP_HOST_TABLES if flags == 0 => {
            if !e.seg.host_table_ready(false) {
                return Err(Error::OutOfMemory);
            }
            let classes = e.seg.host_classes();
            set_out(e, classes.as_ptr(), classes.len());
            e.result[2] = segment::word_count::STEPS.as_ptr() as usize as u32;
            e.result[3] = segment::word_count::STEPS.len() as u32;
        }
        OP_WORD_TABLE if flags == 0 => {
            if !e.seg.host_table_ready(true) {
                return Err(Error::OutOfMemory);
            }
            let classes = e.seg.word_classes();
            set_out(e, classes.as_ptr(), classes.len());
        }
        _ => return Err(Error::BadArgument),
    }
    Ok(OK)
}

/// Records an error's details in the result block and returns its status code.
fn fail(e: &mut Engine, err: crate::Error) -> i32 {
    match err {
        crate::Error::InvalidUtf8(at) => {
            e.result[6] = at as u32;
            INVALID_UTF8
        }
        crate::Error::OutOfMemory => OUT_OF_MEMORY,
        crate::Error::NeedMore => NEED_MORE_INPUT,
        crate::Error::BadArgument => BAD_ARGUMENT,
    }
}

fn set_out(e: &mut Engine, ptr: *const u8, len: usize) {
    e.result[0] = ptr as usize as u32;
    e.result[1] = len as u32;
}


/// Random calls through `dispatch` (what `tw_call` runs after checking the pointer): every
/// operation, with flags, limits and text at random. Nothing may panic (a panic is a trap in the
/// module), every call must end with a documented status, and a successful call's output must lie
/// in the engine's own buffers. `TEXTWASM_FUZZ_CALLS` sets the number of calls (default 200,000).
#[cfg(test)]
mod random_calls {
    use super::*;

    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u32 {
            // xorshift64*: fast, and reproducible from the seed printed on failure.
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) as u32
        }

        fn below(&mut self, n: u32) -> u32 {
            self.next() % n
        }
    }

    /// Code points that exercise the tables' edges, as UTF-8; sometimes broken bytes instead.
    fn text(r: &mut Rng, out: &mut Vec<u8>) {
        const POOL: &[u32] = &[
            0x41, 0x61, 0x20, 0x09, 0x0A, 0x0D, 0x2E, 0x27, 0x3A, 0x5F, 0x31, 0xA0, 0xC5, 0xDF, 0x300, 0x301, 0x327, 0x345,
            0x5D0, 0x5F3, 0x915, 0x94D, 0x93C, 0xE01, 0x1100, 0x1161, 0x11A8, 0xAC00, 0xD7A3, 0x200D, 0x200B, 0x2028, 0x3000,
            0x3042, 0x30A2, 0x30FC, 0x4E00, 0xF900, 0xFB01, 0xFDFA, 0xFE0F, 0xFF21, 0xFF76, 0xFFFD, 0x1F1E6, 0x1F1EB,
            0x1F3FB, 0x1F468, 0x1F469, 0x1F600, 0x1D400, 0x2F800, 0xE0041, 0xE007F, 0x10FFFF, 0x1E900, 0x16FF0,
        ];
        // Mostly short texts; one in 50 long, where buffers grow and long runs form.
        let n = if r.below(50) == 0 { r.below(3_000) } else { r.below(40) };
        for _ in 0..n {
            match r.below(13) {
                12 => {
                    // a run of one pool code point: marks past any segment limit, flags, ZWJs
                    let c = POOL[r.below(POOL.len() as u32) as usize];
                    for _ in 0..r.below(300) {
                        push(out, c);
                    }
                }
                0 => out.push(r.next() as u8), // any byte: often ill-formed
                1 => {
                    // any scalar value
                    let c = loop {
                        let c = r.below(0x11_0000);
                        if !(0xD800..0xE000).contains(&c) {
                            break c;
                        }
                    };
                    push(out, c);
                }
                _ => {
                    let c = POOL[r.below(POOL.len() as u32) as usize];
                    push(out, c);
                }
            }
        }
    }

    fn push(out: &mut Vec<u8>, c: u32) {
        let mut b = [0u8; 4];
        if let Some(ch) = char::from_u32(c) {
            out.extend_from_slice(ch.encode_utf8(&mut b).as_bytes());
        }
    }

    fn within(ptr: u32, len: u32, bufs: &[(usize, usize)]) -> bool {
        // Compared as the 32-bit addresses the result block holds (natively, the low half).
        len == 0 || bufs.iter().any(|&(p, l)| (p as u32) <= ptr && ptr as u64 + len as u64 <= (p as u32) as u64 + l as u64)
    }

    #[test]
    fn random_calls_end_with_a_documented_status() {
        let calls: u32 = std::env::var("TEXTWASM_FUZZ_CALLS").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000);
        let seed = std::env::var("TEXTWASM_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x7E57_AB1E_u64);
        let mut e = Engine::new();
        assert!(init(&mut e));
        let mut r = Rng(seed | 1);
        let mut input = Vec::new();
        let mut seen = [0u32; 8];
        for i in 0..calls {
            input.clear();
            text(&mut r, &mut input);
            let op = r.below(12) as i32;
            // Mostly the documented bits, sometimes anything.
            let flags = if r.below(8) == 0 { r.next() } else { r.below(1 << 10) };
            let a = if r.below(8) == 0 { r.next() as i32 } else { r.below(64) as i32 };
            let b = if r.below(8) == 0 { r.next() as i32 } else { r.below(8) as i32 };
            e.result = [0; RESULT_WORDS];
            let status = match dispatch(&mut e, op, &input, flags, a, b) {
                Ok(code) | Err(code) => code,
            };
            let context = || format!("call {} (seed {}): op {} flags {:#x} a {} b {} input {:?}", i, seed, op, flags, a, b, input);
            let known = [OK, UNCHANGED, INVALID_UTF8, OUT_OF_MEMORY, BAD_ARGUMENT, NEED_MORE_INPUT];
            assert!(known.contains(&status), "status {} after {}", status, context());
            seen[(status - NEED_MORE_INPUT) as usize] += 1;
            assert!(status != OUT_OF_MEMORY, "out of memory natively after {}", context());
            if status == INVALID_UTF8 {
                assert!((e.result[6] as usize) < input.len().max(1), "error offset {} outside the input after {}", e.result[6], context());
            }
            if status == OK && [OP_NORMALIZE, OP_SEGMENT, OP_TOKENIZE].contains(&op) {
                let bufs = [(e.out.as_ptr() as usize, e.out.len()), (e.words.as_ptr() as usize, e.words.len() * 4)];
                assert!(within(e.result[0], e.result[1], &bufs), "output outside the engine's buffers after {}", context());
            }
        }
        // Each outcome must have come up, or the generator is not reaching the paths it should.
        for status in [OK, UNCHANGED, INVALID_UTF8, BAD_ARGUMENT, NEED_MORE_INPUT] {
            assert!(seen[(status - NEED_MORE_INPUT) as usize] > 0, "no call ended with status {} ({:?})", status, seen);
        }
    }
}

#[cfg(test)]
mod edge_cases {
    use super::*;

    #[test]
    fn input_rejects_null_and_negative_lengths() {
        let e = Engine::new();
        // address 0 with a non-empty length; a negative length.
        assert_eq!(input(&e, 0, 1).map(|s| s.len()), Err(BAD_POINTER));
        assert_eq!(input(&e, 16, -1).map(|s| s.len()), Err(BAD_POINTER));
        assert_eq!(input(&e, 0, 0).map(|s| s.len()), Ok(0));
    }

    #[test]
    fn overlap_is_strict() {
        // a range that ends where a buffer starts, or starts where it ends, does not overlap.
        let b = 100 as *const u8;
        assert!(!overlaps(90, 10, b, 10));
        assert!(!overlaps(110, 10, b, 10));
        assert!(overlaps(109, 10, b, 10) && overlaps(91, 10, b, 10));
    }

    #[test]
    fn normalize_partial_reports_consumed() {
        // NORMALIZE keeps bit 7 and reports how much it consumed.
        let mut e = Engine::new();
        assert!(init(&mut e));
        let status = match dispatch(&mut e, OP_NORMALIZE, b"abc", normalize::OPT_PARTIAL, 0, 0) {
            Ok(c) | Err(c) => c,
        };
        assert_eq!(status, UNCHANGED);
        assert_eq!(e.result[2], 2);
    }

    /// A flag bit no operation defines is refused by every operation, INIT included (it used to
    /// ignore its flags), so a host built for a later ABI cannot have an option silently dropped.
    #[test]
    fn undefined_flag_bits_are_refused_by_every_operation() {
        let mut e = Engine::new();
        for op in OP_INIT..=OP_WORD_TABLE {
            let status = match dispatch(&mut e, op, b"", 1 << 31, 1, 0) {
                Ok(code) | Err(code) => code,
            };
            assert_eq!(status, BAD_ARGUMENT, "op {} took flag bit 31", op);
        }
    }
}
