//! A growable byte buffer whose every growth is fallible, standing in for `Vec<u8>` (which
//! would trap when memory runs out, and needs the `alloc` crate; see the crate notes).

use crate::heap;
use core::ptr::null_mut;

/// Allocation failed: the module is at its memory limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfMemory;

/// Owned bytes in plugin memory. Dropping it frees them.
pub struct Buf {
    ptr: *mut u8,
    len: usize,
    cap: usize,
}

impl Buf {
    pub const fn new() -> Buf {
        Buf { ptr: null_mut(), len: 0, cap: 0 }
    }

    pub fn with_capacity(cap: usize) -> Result<Buf, OutOfMemory> {
        let mut b = Buf::new();
        b.reserve(cap)?;
        Ok(b)
    }

    /// Takes ownership of `len` bytes the host wrote into a block from [`heap::alloc`].
    ///
    /// # Safety
    /// `ptr` came from [`heap::alloc`] with room for at least `len` bytes, all initialised,
    /// and nothing else owns it (or `ptr` is null and `len` is 0).
    pub unsafe fn from_raw(ptr: *mut u8, len: usize) -> Buf {
        Buf { ptr, len, cap: len }
    }

    /// Gives up ownership: the caller frees the pointer with [`heap::free`].
    pub fn into_raw(self) -> (*mut u8, usize) {
        let r = (self.ptr, self.len);
        core::mem::forget(self);
        r
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn clear(&mut self) {
        self.len = 0;
    }

    pub fn as_bytes(&self) -> &[u8] {
        if self.ptr.is_null() {
            return &[];
        }
        // Safe because ptr holds len initialised bytes that this Buf owns.
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }

    /// Makes room for `extra` more bytes, at least doubling, so pushes are amortised O(1).
    pub fn reserve(&mut self, extra: usize) -> Result<(), OutOfMemory> {
        let need = self.len.checked_add(extra).ok_or(OutOfMemory)?;
        if need <= self.cap {
            return Ok(());
        }
        let cap = core::cmp::max(need, core::cmp::max(16, self.cap.saturating_mul(2)));
        let cap = if cap > heap::MAX_ALLOC { need } else { cap };
        let p = heap::alloc(cap);
        if p.is_null() {
            return Err(OutOfMemory);
        }
        if self.len > 0 {
            // Safe because both blocks hold at least len bytes and are distinct allocations.
            unsafe { core::ptr::copy_nonoverlapping(self.ptr, p, self.len) };
        }
        // Safe because self.ptr is null or our own block from heap::alloc.
        unsafe { heap::free(self.ptr) };
        self.ptr = p;
        self.cap = cap;
        Ok(())
    }

    pub fn extend(&mut self, bytes: &[u8]) -> Result<(), OutOfMemory> {
        if bytes.is_empty() {
            return Ok(());
        }
        self.reserve(bytes.len())?;
        // Safe because reserve made room for bytes.len() more bytes after len.
        unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), self.ptr.add(self.len), bytes.len()) };
        self.len += bytes.len();
        Ok(())
    }

    pub fn push_str(&mut self, s: &str) -> Result<(), OutOfMemory> {
        self.extend(s.as_bytes())
    }

    pub fn push_char(&mut self, c: char) -> Result<(), OutOfMemory> {
        let mut tmp = [0u8; 4];
        self.extend(c.encode_utf8(&mut tmp).as_bytes())
    }
}

impl Default for Buf {
    fn default() -> Buf {
        Buf::new()
    }
}

impl Drop for Buf {
    fn drop(&mut self) {
        // Safe because ptr is null or our own block from heap::alloc.
        unsafe { heap::free(self.ptr) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_and_keeps_contents() {
        let mut b = Buf::new();
        for i in 0..10_000u32 {
            b.push_char(char::from_u32(0x41 + i % 26).unwrap()).unwrap();
        }
        assert_eq!(b.len(), 10_000);
        assert_eq!(&b.as_bytes()[..3], b"ABC");
        assert_eq!(b.as_bytes()[9_999], b'A' + (9_999 % 26) as u8);
    }

    #[test]
    fn multibyte_chars_encode_as_utf8() {
        let mut b = Buf::new();
        b.push_char('ガ').unwrap();
        b.push_str("é!").unwrap();
        assert_eq!(core::str::from_utf8(b.as_bytes()).unwrap(), "ガé!");
    }

    #[test]
    fn impossible_reservations_fail_cleanly() {
        let mut b = Buf::new();
        b.push_str("x").unwrap();
        assert_eq!(b.reserve(usize::MAX), Err(OutOfMemory));
        assert_eq!(b.reserve(heap::MAX_ALLOC + 1), Err(OutOfMemory));
        assert_eq!(b.as_bytes(), b"x");
    }

    #[test]
    fn raw_round_trip_transfers_ownership() {
        let mut b = Buf::new();
        b.push_str("hello").unwrap();
        let (p, n) = b.into_raw();
        // Safe because p and n came from into_raw just above.
        let back = unsafe { Buf::from_raw(p, n) };
        assert_eq!(back.as_bytes(), b"hello");
    }
}
