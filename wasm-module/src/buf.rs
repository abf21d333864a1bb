//! Memory: a tiny size-class allocator over `memory.grow`, and a growable buffer whose every
//! growth is fallible.
//!
//! Why not `alloc::vec::Vec`: `Vec` aborts (traps) when memory runs out, and the core must
//! answer a host-imposed memory cap with a status code instead. This file is the only
//! allocator the wasm build has; native builds (tests, the native benchmark) use the system
//! allocator through the same two functions.

use core::ptr::null_mut;

/// Largest single allocation. Keeps every size computation below far from `u32` overflow.
pub const MAX_ALLOC: usize = 1 << 30;

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::MAX_ALLOC;
    use core::ptr::null_mut;

    // Blocks carry an 8-byte header: the size class for small blocks, the byte size (a multiple
    // of LARGE) for large ones, so `free` needs only the pointer.
    const HEADER: usize = 8;
    const MIN_CLASS: u32 = 4; // 16-byte blocks
    const CLASSES: usize = 32; // class & 31 indexes FREE without a bounds check
    // Blocks from 64 KiB up are sized in 16 KiB steps rather than powers of two, and a freed one
    // is reused first-fit: the tables built at start-up are large and their exact sizes vary,
    // so power-of-two rounding would cost up to half of the instance's memory.
    const LARGE: usize = 16 << 10;
    const LARGE_FROM: usize = 64 << 10;
    // The header's second word while a block is allocated; cleared (small) or replaced by the
    // free-list link, an even address (large), when it is freed. `free` ignores a pointer
    // without it, so a host's double free or stray pointer cannot corrupt the free lists (a
    // block on a list twice made the first-fit loop cycle forever).
    const LIVE: usize = 0x7477_a11d;

    extern "C" {
        // Defined by wasm-ld: the first byte after static data and the stack.
        static __heap_base: u8;
    }

    // Safe because the module is single-threaded: wasm32-unknown-unknown has no threads and
    // the host never enters an instance from two threads (it pools instances).
    static mut FREE: [usize; CLASSES] = [0; CLASSES];
    static mut FREE_LARGE: usize = 0;
    static mut BUMP: usize = 0;
    static mut LIMIT: usize = 0;

    fn class_of(total: usize) -> u32 {
        let c = usize::BITS - (total - 1).leading_zeros();
        if c < MIN_CLASS {
            MIN_CLASS
        } else {
            c
        }
    }

    /// `need` bytes from the top of the heap, growing memory; 0 when it cannot grow.
    unsafe fn bump(need: usize) -> usize {
        // Safe by the single-threaded argument above.
        unsafe {
            if BUMP == 0 {
                BUMP = (&__heap_base as *const u8 as usize + 15) & !15;
                LIMIT = core::arch::wasm32::memory_size(0) << 16;
            }
            // Near 4 GiB the sum would wrap and pass the test below.
            let end = match BUMP.checked_add(need) {
                Some(end) => end,
                None => return 0,
            };
            if end > LIMIT {
                let pages = (end - LIMIT + 0xFFFF) >> 16;
                if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
                    return 0;
                }
                LIMIT += pages << 16;
            }
            let b = BUMP;
            BUMP += need;
            b
        }
    }

    pub fn alloc(size: usize) -> *mut u8 {
        if size > MAX_ALLOC {
            return null_mut();
        }
        let total = size + HEADER;
        // Safe because of the single-threaded argument above; every pointer written here lies
        // inside memory this allocator obtained from memory.grow.
        unsafe {
            let block = if total >= LARGE_FROM {
                let need = (total + LARGE - 1) & !(LARGE - 1);
                // First fit among freed large blocks (each links to the next in its second word).
                let mut link: *mut usize = core::ptr::addr_of_mut!(FREE_LARGE);
                let mut found = 0;
                while *link != 0 {
                    let b = *link;
                    if *(b as *const usize) >= need {
                        *link = *((b + 4) as *const usize);
                        found = b;
                        break;
                    }
                    link = (b + 4) as *mut usize;
                }
                if found == 0 {
                    found = bump(need);
                    if found == 0 {
                        return null_mut();
                    }
                    *(found as *mut usize) = need;
                }
                found
            } else {
                let class = class_of(total);
                let head = FREE[(class & 31) as usize];
                let b = if head != 0 {
                    FREE[(class & 31) as usize] = *(head as *const usize);
                    head
                } else {
                    bump(1usize << class)
                };
                if b == 0 {
                    return null_mut();
                }
                *(b as *mut u32) = class;
                b
            };
            *((block + 4) as *mut usize) = LIVE;
            (block + HEADER) as *mut u8
        }
    }

    /// # Safety
    /// `p` should come from [`alloc`]; anything else (null, a freed block, an address outside
    /// the heap or not at a block) is ignored.
    pub unsafe fn free(p: *mut u8) {
        // Safe because the block is checked to lie below the top of the heap before its header
        // is read (a pointer below 8 wraps above it); blocks start 16-aligned.
        unsafe {
            let block = (p as usize).wrapping_sub(HEADER);
            if block & 15 != 0 || block >= BUMP || *((block + 4) as *const usize) != LIVE {
                return;
            }
            *((block + 4) as *mut usize) = 0;
            let word = *(block as *const u32) as usize;
            if word >= LARGE_FROM {
                // Large: the size stays in the first word, the link goes in the second.
                *((block + 4) as *mut usize) = FREE_LARGE;
                FREE_LARGE = block;
            } else {
                let class = word & 31;
                *(block as *mut usize) = FREE[class];
                FREE[class] = block;
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    extern crate alloc;
    use super::MAX_ALLOC;
    use alloc::alloc::{alloc as sys_alloc, dealloc, Layout};
    use core::ptr::null_mut;

    // Native builds keep the size in a header too, so the API matches the wasm allocator.
    const HEADER: usize = 16;

    pub fn alloc(size: usize) -> *mut u8 {
        if size > MAX_ALLOC {
            return null_mut();
        }
        match Layout::from_size_align(size + HEADER, 16) {
            // Safe because the layout has a non-zero size.
            Ok(layout) => unsafe {
                let p = sys_alloc(layout);
                if p.is_null() {
                    return p;
                }
                *(p as *mut usize) = size;
                p.add(HEADER)
            },
            Err(_) => null_mut(),
        }
    }

    /// # Safety
    /// `p` must come from [`alloc`] and not have been freed.
    pub unsafe fn free(p: *mut u8) {
        if p.is_null() {
            return;
        }
        // Safe by the caller's contract.
        unsafe {
            let base = p.sub(HEADER);
            let size = *(base as *const usize);
            dealloc(base, Layout::from_size_align_unchecked(size + HEADER, 16));
        }
    }
}

pub use imp::{alloc, free};

/// A growable array of `Copy` values whose growth can fail without trapping.
///
/// The growth logic lives in one non-generic function (`grow_raw`), so the six element types
/// the crate uses share a single copy of it in the module instead of six.
#[repr(C)] // the same layout for every T, so `grow_raw` can work on any of them
pub struct Buf<T: Copy> {
    ptr: *mut T,
    len: usize,
    cap: usize,
}

/// Grows `b`, a `Buf` of `size`-byte elements seen through its untyped layout, to hold `extra`
/// more. Working on the buffer in place (not on copies of its fields) keeps the callers free of
/// shadow-stack frames, which Chicory pays for on every call.
#[inline(never)]
fn grow_raw(b: &mut Buf<u8>, size: usize, extra: usize) -> bool {
    let size = size.max(1); // no element type is zero-sized; this spares a divide-by-zero check
    let want = match b.len.checked_add(extra) {
        Some(w) if w <= MAX_ALLOC / size => w,
        _ => return false,
    };
    if b.cap >= want {
        return true;
    }
    let mut new_cap = if b.cap < 16 { 16 } else { b.cap };
    while new_cap < want {
        new_cap *= 2;
    }
    if new_cap > MAX_ALLOC / size {
        new_cap = want;
    }
    let p = alloc(new_cap * size);
    if p.is_null() {
        return false;
    }
    // Safe because both regions are valid for len elements of `size` bytes and do not overlap.
    unsafe {
        if !b.ptr.is_null() {
            core::ptr::copy_nonoverlapping(b.ptr, p, b.len * size);
            free(b.ptr);
        }
    }
    b.ptr = p;
    b.cap = new_cap;
    true
}

/// Element types for which all-zero bytes are a valid value (`Buf::fill_zero`).
pub trait Zeroable: Copy {}
impl Zeroable for u16 {}
impl Zeroable for u32 {}
impl Zeroable for [u32; 3] {}

/// Appends `n` zeroed `size`-byte elements to `b` (seen untyped, as in `grow_raw`).
#[inline(never)]
fn zero_raw(b: &mut Buf<u8>, size: usize, n: usize) -> bool {
    if b.cap - b.len < n && !grow_raw(b, size, n) {
        return false;
    }
    // Safe because the buffer has room for n more elements of `size` bytes after len (so the
    // byte counts cannot overflow: capacity never exceeds MAX_ALLOC bytes).
    unsafe { core::ptr::write_bytes(b.ptr.add(b.len * size), 0, n * size) };
    b.len += n;
    true
}

impl<T: Copy> Buf<T> {
    pub const fn new() -> Self {
        Buf { ptr: null_mut(), len: 0, cap: 0 }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    pub fn clear(&mut self) {
        self.len = 0;
    }

    #[inline]
    pub fn as_ptr(&self) -> *const T {
        self.ptr
    }

    pub fn capacity(&self) -> usize {
        self.cap
    }

    #[inline]
    pub fn as_slice(&self) -> &[T] {
        if self.ptr.is_null() {
            return &[];
        }
        // Safe because ptr..ptr+len is initialised memory owned by this buffer.
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }

    #[inline]
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        if self.ptr.is_null() {
            return &mut [];
        }
        // Safe because ptr..ptr+len is initialised memory owned exclusively by this buffer.
        unsafe { core::slice::from_raw_parts_mut(self.ptr, self.len) }
    }

    /// Makes room for `extra` more values; false when memory is exhausted.
    #[inline]
    pub fn reserve(&mut self, extra: usize) -> bool {
        if self.cap - self.len >= extra {
            return true;
        }
        // Safe because Buf is repr(C) and its layout does not depend on T (a pointer and two
        // usizes); grow_raw reads and writes only those fields.
        grow_raw(unsafe { &mut *(self as *mut Buf<T> as *mut Buf<u8>) }, core::mem::size_of::<T>(), extra)
    }

    /// Appends one value; false when memory is exhausted.
    #[inline]
    pub fn push(&mut self, v: T) -> bool {
        if !self.reserve(1) {
            return false;
        }
        // Safe because len < cap after reserve.
        unsafe { self.ptr.add(self.len).write(v) };
        self.len += 1;
        true
    }

    /// Appends one value into capacity already reserved (ignored if there is none): no growth
    /// check on the hot path.
    #[inline(always)]
    pub fn push_reserved(&mut self, v: T) {
        if self.len < self.cap {
            // Safe because len < cap.
            unsafe { self.ptr.add(self.len).write(v) };
            self.len += 1;
        }
    }

    /// Appends a slice; false when memory is exhausted.
    pub fn extend(&mut self, vals: &[T]) -> bool {
        if !self.reserve(vals.len()) {
            return false;
        }
        // Safe because reserve made room and `vals` cannot alias our spare capacity.
        unsafe { core::ptr::copy_nonoverlapping(vals.as_ptr(), self.ptr.add(self.len), vals.len()) };
        self.len += vals.len();
        true
    }

    /// Appends `n` zeroed values; false when memory is exhausted. Every caller fills with zero,
    /// so one untyped `memory.fill` (`zero_raw`) serves all element types instead of a store
    /// loop compiled once per type.
    #[inline]
    pub fn fill_zero(&mut self, n: usize) -> bool
    where
        T: Zeroable,
    {
        // Safe because Buf is repr(C) with a layout independent of T (see `reserve`), and
        // all-zero bytes are a valid T (`Zeroable`).
        zero_raw(unsafe { &mut *(self as *mut Buf<T> as *mut Buf<u8>) }, core::mem::size_of::<T>(), n)
    }

    /// Shortens the buffer; a no-op when `len` is not shorter.
    #[inline]
    pub fn truncate(&mut self, len: usize) {
        if len < self.len {
            self.len = len;
        }
    }

    /// Releases the memory when the buffer holds more than `keep` values' worth, so one large
    /// call does not pin its peak for the life of the instance.
    pub fn shrink_if_over(&mut self, keep: usize) {
        if self.cap > keep {
            // Safe because ptr came from alloc and is not used after this.
            unsafe { free(self.ptr as *mut u8) };
            self.ptr = null_mut();
            self.cap = 0;
            self.len = 0;
        }
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<T> {
        self.as_slice().get(i).copied()
    }

    #[inline]
    pub fn last(&self) -> Option<T> {
        self.as_slice().last().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_grow_and_read_back() {
        let mut b: Buf<u32> = Buf::new();
        for i in 0..1000 {
            assert!(b.push(i));
        }
        assert_eq!(b.len(), 1000);
        assert_eq!(b.get(999), Some(999));
        assert_eq!(b.get(1000), None);
        assert!(b.extend(&[7, 8, 9]));
        assert_eq!(&b.as_slice()[1000..], &[7, 8, 9]);
        b.truncate(2);
        assert_eq!(b.as_slice(), &[0, 1]);
    }

    #[test]
    fn refuses_absurd_sizes_instead_of_aborting() {
        let mut b: Buf<u64> = Buf::new();
        assert!(!b.reserve(usize::MAX / 2));
        assert!(!b.reserve(MAX_ALLOC));
        assert!(b.push(1));
    }

    #[test]
    fn shrink_releases_large_buffers_only() {
        let mut b: Buf<u8> = Buf::new();
        assert!(b.extend(&[1; 100]));
        b.shrink_if_over(1 << 20);
        assert_eq!(b.len(), 100);
        b.shrink_if_over(10);
        assert_eq!(b.len(), 0);
        assert_eq!(b.capacity(), 0);
    }
}
