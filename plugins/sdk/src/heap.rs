//! The plugin's allocator: power-of-two size classes with free lists, carved from memory the
//! module obtains with `memory.grow`. Every block carries an 8-byte header holding its class,
//! so `free` needs only the pointer. Allocation fails (null) instead of trapping, which is
//! what lets a plugin at the host's memory cap report "out of memory" as a status.
//!
//! Why size classes and not a bump allocator: the host may reuse an instance for many calls,
//! and each call frees its input and the previous output; freed blocks must be found again or
//! the instance would grow until the cap on every long run.

use core::ptr::null_mut;

/// Largest single allocation; keeps every size computation below far from `u32` overflow.
pub const MAX_ALLOC: usize = 1 << 30;

const HEADER: usize = 8;

/// `size` bytes, 8-aligned; null when `size` exceeds [`MAX_ALLOC`] or memory cannot grow.
pub fn alloc(size: usize) -> *mut u8 {
    if size > MAX_ALLOC {
        return null_mut();
    }
    imp::alloc(size)
}

/// Releases a block from [`alloc`]; null is ignored.
///
/// # Safety
/// `ptr` is null or came from [`alloc`] and has not been freed since.
pub unsafe fn free(ptr: *mut u8) {
    if !ptr.is_null() {
        // Safe because of this function's contract.
        unsafe { imp::free(ptr) }
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::HEADER;
    use core::ptr::null_mut;

    const MIN_CLASS: u32 = 4; // 16-byte blocks
    const CLASSES: usize = 32; // `class & 31` indexes FREE with no bounds check to fail

    extern "C" {
        // Defined by wasm-ld: the first byte after static data and the shadow stack.
        static __heap_base: u8;
    }

    // Safe to use as plain statics because wasm32-unknown-unknown has no threads and the host
    // never enters one instance from two threads at once (docs/plugin-abi.md, "Instances").
    static mut FREE: [usize; CLASSES] = [0; CLASSES];
    static mut BUMP: usize = 0;
    static mut LIMIT: usize = 0;

    fn class_of(size: usize) -> u32 {
        let total = size + HEADER; // size <= MAX_ALLOC, so no overflow
        let c = usize::BITS - (total - 1).leading_zeros();
        if c < MIN_CLASS {
            MIN_CLASS
        } else {
            c
        }
    }

    pub fn alloc(size: usize) -> *mut u8 {
        let class = class_of(size);
        let block_size = 1usize << class;
        // Safe because of the single-threaded argument above; every address written lies in
        // memory this allocator obtained from memory.grow (or the free list it built).
        unsafe {
            let slot = (class as usize) & (CLASSES - 1);
            let head = FREE[slot];
            let block = if head != 0 {
                FREE[slot] = *(head as *const usize);
                head
            } else {
                if BUMP == 0 {
                    BUMP = (&__heap_base as *const u8 as usize + 15) & !15;
                    LIMIT = core::arch::wasm32::memory_size(0) << 16;
                }
                let end = match BUMP.checked_add(block_size) {
                    Some(e) => e,
                    None => return null_mut(),
                };
                if end > LIMIT {
                    let pages = (end - LIMIT + 0xFFFF) >> 16;
                    if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
                        return null_mut();
                    }
                    LIMIT = match LIMIT.checked_add(pages << 16) {
                        Some(l) => l,
                        None => return null_mut(),
                    };
                }
                let b = BUMP;
                BUMP = end;
                b
            };
            *(block as *mut usize) = class as usize;
            (block + HEADER) as *mut u8
        }
    }

    pub unsafe fn free(ptr: *mut u8) {
        // Safe because `ptr` came from `alloc`, which put the class HEADER bytes before it.
        unsafe {
            let block = ptr as usize - HEADER;
            let slot = *(block as *const usize) & (CLASSES - 1);
            *(block as *mut usize) = FREE[slot];
            FREE[slot] = block;
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    //! Native builds (tests): the system allocator behind the same header, so `free` works
    //! from the pointer alone exactly as on wasm.
    use super::HEADER;
    use std::alloc::Layout;

    pub fn alloc(size: usize) -> *mut u8 {
        match Layout::from_size_align(size + HEADER, 8) {
            // Safe because the layout is non-zero in size (HEADER > 0).
            Ok(layout) => unsafe {
                let block = std::alloc::alloc(layout);
                if block.is_null() {
                    return block;
                }
                *(block as *mut usize) = size;
                block.add(HEADER)
            },
            Err(_) => core::ptr::null_mut(),
        }
    }

    pub unsafe fn free(ptr: *mut u8) {
        // Safe because `ptr` came from `alloc`: the size is in the header, and the layout is
        // rebuilt exactly as it was allocated.
        unsafe {
            let block = ptr.sub(HEADER);
            let size = *(block as *const usize);
            std::alloc::dealloc(block, Layout::from_size_align_unchecked(size + HEADER, 8));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_more_than_max_alloc() {
        assert!(alloc(MAX_ALLOC + 1).is_null());
    }

    #[test]
    fn blocks_are_aligned_and_writable() {
        for size in [0usize, 1, 7, 8, 9, 100, 4096, 70_000] {
            let p = alloc(size);
            assert!(!p.is_null());
            assert_eq!(p as usize % 8, 0);
            // Safe because p points at `size` writable bytes.
            unsafe {
                core::ptr::write_bytes(p, 0xAB, size);
                free(p);
            }
        }
    }
}
