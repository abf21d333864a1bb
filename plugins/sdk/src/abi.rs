//! The exports' side of the ABI (docs/plugin-abi.md): the allocator pair and the transform
//! calling convention. [`crate::plugin!`] wires a plugin's functions to these.
//!
//! A transform export takes the input's (ptr, len) and returns the address of a result
//! descriptor, three little-endian u32 words: status, ptr, len. Status 0 means (ptr, len) is
//! the UTF-8 output; 1 or more is the plugin's error code and (ptr, len) a UTF-8 message. Both
//! stay valid until the next call into the instance, which is when this module frees them.

use crate::buf::{Buf, OutOfMemory};
use crate::heap;
use crate::host::HostError;

/// Why a transform failed: a code of 1 or more and a short message, both shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failure {
    pub code: u32,
    pub message: &'static str,
}

impl Failure {
    /// Code 1: an allocation failed (the host's memory limit, usually).
    pub const OUT_OF_MEMORY: Failure = Failure { code: 1, message: "out of memory" };
    /// Code 2: a host function failed; the message says how.
    pub const HOST_CODE: u32 = 2;
    /// Code 3: the input was not UTF-8 (the host promises it is, so this means a broken host).
    pub const NOT_UTF8: Failure = Failure { code: 3, message: "input is not UTF-8" };

    /// A plugin-specific failure. Codes below 16 are reserved for the SDK's own (above) and
    /// become 16.
    pub const fn new(code: u32, message: &'static str) -> Failure {
        Failure { code: if code < 16 { 16 } else { code }, message }
    }
}

impl From<OutOfMemory> for Failure {
    fn from(_: OutOfMemory) -> Failure {
        Failure::OUT_OF_MEMORY
    }
}

impl From<HostError> for Failure {
    fn from(e: HostError) -> Failure {
        match e {
            HostError::OutOfMemory => Failure::OUT_OF_MEMORY,
            _ => Failure { code: Failure::HOST_CODE, message: e.message() },
        }
    }
}

/// What a plugin's transforms look like.
pub type Transform = fn(&str, &mut Buf) -> Result<(), Failure>;

// Safe to use as plain statics: one thread per instance at a time (see heap.rs).
static mut RESULT: [u32; 3] = [0; 3];
static mut LAST_OUTPUT: Buf = Buf::new();

/// `tw_plugin_alloc`: 0 when memory is exhausted (including `size` past [`heap::MAX_ALLOC`]).
pub fn alloc(size: u32) -> u32 {
    heap::alloc(size as usize) as usize as u32
}

/// `tw_plugin_free`: the size is not needed (blocks know their class) but is part of the ABI.
pub fn free(ptr: u32, _size: u32) {
    // Safe because the ABI lets the host free only what tw_plugin_alloc gave it, once.
    unsafe { heap::free(ptr as usize as *mut u8) }
}

/// `tw_transform_<name>`: runs `f` on the input and returns the descriptor's address.
pub fn run(ptr: u32, len: u32, f: Transform) -> u32 {
    // Safe because of the single-thread argument; the assignment frees the previous output,
    // which the host has copied by now (the ABI keeps it valid only until this call).
    unsafe { LAST_OUTPUT = Buf::new() };
    let input: &[u8] = if len == 0 {
        &[]
    } else {
        // Safe because the host wrote len bytes at ptr, in a block it got from tw_plugin_alloc
        // and keeps until this call returns.
        unsafe { core::slice::from_raw_parts(ptr as usize as *const u8, len as usize) }
    };
    let result = match core::str::from_utf8(input) {
        Ok(text) => {
            let mut out = Buf::new();
            f(text, &mut out).map(|()| out)
        }
        Err(_) => Err(Failure::NOT_UTF8),
    };
    // Safe because of the single-thread argument above.
    unsafe {
        RESULT = match result {
            Ok(out) => {
                let words = [0, out.as_bytes().as_ptr() as usize as u32, out.len() as u32];
                LAST_OUTPUT = out;
                words
            }
            Err(e) => [e.code, e.message.as_ptr() as usize as u32, e.message.len() as u32],
        };
        core::ptr::addr_of!(RESULT) as usize as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plugin_codes_start_at_16() {
        assert_eq!(Failure::new(0, "x").code, 16);
        assert_eq!(Failure::new(3, "x").code, 16);
        assert_eq!(Failure::new(42, "x").code, 42);
    }

    #[test]
    fn host_errors_become_failures() {
        assert_eq!(Failure::from(HostError::OutOfMemory), Failure::OUT_OF_MEMORY);
        let f = Failure::from(HostError::InvalidUtf8);
        assert_eq!(f.code, Failure::HOST_CODE);
        assert_eq!(f.message, HostError::InvalidUtf8.message());
    }
}
