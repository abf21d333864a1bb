//! The host functions a plugin may import, all from the module `textwasm`
//! (docs/plugin-abi.md, "Host functions"). Results that carry text come back in memory the
//! host obtained from this module's `tw_plugin_alloc`, owned by the returned [`Buf`].
//!
//! Natively (unit tests) there is no host: every call answers [`HostError::Unavailable`] and
//! [`log`] does nothing.

use crate::buf::Buf;

/// Why a host function failed; the codes are the negative results of the ABI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostError {
    /// -1: the text handed to the host was not UTF-8.
    InvalidUtf8,
    /// -2: the host could not allocate the result in this module's memory.
    OutOfMemory,
    /// -3: a pointer or length was outside this module's memory.
    BadPointer,
    /// -4: an argument (a form, unit or flag) is not defined by the ABI.
    BadArgument,
    /// -5: the engine failed (for example a limit of its own); the host logs why.
    Failed,
    /// There is no host (native builds).
    Unavailable,
}

impl HostError {
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    fn from_code(code: i64) -> HostError {
        match code {
            -1 => HostError::InvalidUtf8,
            -2 => HostError::OutOfMemory,
            -3 => HostError::BadPointer,
            -4 => HostError::BadArgument,
            _ => HostError::Failed,
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            HostError::InvalidUtf8 => "the host was given text that is not UTF-8",
            HostError::OutOfMemory => "out of memory for the host's result",
            HostError::BadPointer => "the host was given a pointer outside memory",
            HostError::BadArgument => "the host was given an argument it does not know",
            HostError::Failed => "the host's engine failed",
            HostError::Unavailable => "no host (native build)",
        }
    }
}

/// Normalization forms, numbered as in the ABI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum Form {
    Nfc = 0,
    Nfd = 1,
    Nfkc = 2,
    Nfkd = 3,
    NfkcCasefold = 4,
}

/// Option bits for [`normalize`].
pub mod options {
    pub const CASE_FOLD: u32 = 1;
    pub const COLLAPSE_WHITESPACE: u32 = 2;
    pub const STRIP_CONTROLS: u32 = 4;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum Level {
    Debug = 0,
    Info = 1,
    Warn = 2,
    Error = 3,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum Granularity {
    Grapheme = 0,
    Word = 1,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum CountOf {
    CodePoints = 0,
    Graphemes = 1,
    Words = 2,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum Unit {
    Utf8Bytes = 0,
    Utf16Units = 1,
    CodePoints = 2,
    Graphemes = 3,
}

/// Flag for [`truncate`]: back off to the end of a word.
pub const AT_WORD_BOUNDARY: u32 = 1;

#[cfg(target_arch = "wasm32")]
mod imports {
    #[link(wasm_import_module = "textwasm")]
    extern "C" {
        pub fn log(level: u32, ptr: *const u8, len: usize);
        pub fn normalize(ptr: *const u8, len: usize, form: u32, options: u32) -> i64;
        pub fn segment(ptr: *const u8, len: usize, granularity: u32) -> i64;
        pub fn count(ptr: *const u8, len: usize, what: u32) -> i64;
        pub fn truncate(ptr: *const u8, len: usize, unit: u32, limit: u32, flags: u32) -> i64;
    }
}

/// A (ptr, len) result: the high 32 bits are the address, the low 32 the length.
#[cfg(target_arch = "wasm32")]
fn owned(r: i64) -> Result<Buf, HostError> {
    if r < 0 {
        return Err(HostError::from_code(r));
    }
    let ptr = (r >> 32) as u32 as usize as *mut u8;
    let len = r as u32 as usize;
    if len == 0 {
        return Ok(Buf::new());
    }
    // Safe because the ABI promises the host allocated ptr with tw_plugin_alloc(len) and wrote
    // len bytes to it, and hands ownership to us.
    Ok(unsafe { Buf::from_raw(ptr, len) })
}

/// Writes a message to the host's log (the host may truncate or drop it; see the ABI).
pub fn log(level: Level, message: &str) {
    #[cfg(target_arch = "wasm32")]
    // Safe because the pointer and length describe a live &str.
    unsafe {
        imports::log(level as u32, message.as_ptr(), message.len())
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (level, message);
}

/// The engine's normalization of `text` (Unicode 16.0.0) with [`options`] bits.
pub fn normalize(text: &str, form: Form, options: u32) -> Result<Buf, HostError> {
    #[cfg(target_arch = "wasm32")]
    {
        // Safe because the pointer and length describe a live &str.
        owned(unsafe { imports::normalize(text.as_ptr(), text.len(), form as u32, options) })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (text, form, options);
        Err(HostError::Unavailable)
    }
}

/// UAX #29 boundaries of `text` as little-endian u32 byte offsets, 0 first and the length last.
pub fn segment(text: &str, granularity: Granularity) -> Result<Buf, HostError> {
    #[cfg(target_arch = "wasm32")]
    {
        // Safe because the pointer and length describe a live &str.
        owned(unsafe { imports::segment(text.as_ptr(), text.len(), granularity as u32) })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (text, granularity);
        Err(HostError::Unavailable)
    }
}

/// The `i`th offset in a [`segment`] result.
pub fn boundary(boundaries: &Buf, i: usize) -> Option<usize> {
    let at = i.checked_mul(4)?;
    let b = boundaries.as_bytes().get(at..at.checked_add(4)?)?;
    let mut w = [0u8; 4];
    w.copy_from_slice(b);
    Some(u32::from_le_bytes(w) as usize)
}

/// Code points, grapheme clusters or words (segments with a letter, number, ideograph or kana).
pub fn count(text: &str, what: CountOf) -> Result<u32, HostError> {
    #[cfg(target_arch = "wasm32")]
    {
        // Safe because the pointer and length describe a live &str.
        let r = unsafe { imports::count(text.as_ptr(), text.len(), what as u32) };
        if r < 0 {
            Err(HostError::from_code(r))
        } else {
            Ok(r as u32)
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (text, what);
        Err(HostError::Unavailable)
    }
}

/// The byte length of the longest prefix of `text` that fits `limit` units and ends on a
/// grapheme cluster boundary (with [`AT_WORD_BOUNDARY`], at the end of a word when possible).
pub fn truncate(text: &str, unit: Unit, limit: u32, flags: u32) -> Result<usize, HostError> {
    #[cfg(target_arch = "wasm32")]
    {
        // Safe because the pointer and length describe a live &str.
        let r = unsafe { imports::truncate(text.as_ptr(), text.len(), unit as u32, limit, flags) };
        if r < 0 {
            Err(HostError::from_code(r))
        } else {
            Ok(r as usize)
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (text, unit, limit, flags);
        Err(HostError::Unavailable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_builds_have_no_host() {
        assert_eq!(normalize("x", Form::Nfc, 0).err(), Some(HostError::Unavailable));
        assert_eq!(count("x", CountOf::Words), Err(HostError::Unavailable));
        log(Level::Info, "ignored");
    }

    #[test]
    fn boundaries_decode_little_endian() {
        let mut b = Buf::new();
        b.extend(&[0, 0, 0, 0, 3, 0, 0, 0, 0, 1, 0, 0]).unwrap();
        assert_eq!(boundary(&b, 0), Some(0));
        assert_eq!(boundary(&b, 1), Some(3));
        assert_eq!(boundary(&b, 2), Some(256));
        assert_eq!(boundary(&b, 3), None);
        assert_eq!(boundary(&b, usize::MAX), None);
    }

    #[test]
    fn error_codes_map_to_their_kinds() {
        assert_eq!(HostError::from_code(-1), HostError::InvalidUtf8);
        assert_eq!(HostError::from_code(-2), HostError::OutOfMemory);
        assert_eq!(HostError::from_code(-3), HostError::BadPointer);
        assert_eq!(HostError::from_code(-4), HostError::BadArgument);
        assert_eq!(HostError::from_code(-99), HostError::Failed);
    }
}
