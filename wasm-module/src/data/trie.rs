//! A two-level code point trie built at start-up.
//!
//! `index[cp >> 6]` names a 64-entry leaf; leaf 0 is all zeros and shared by every block with
//! no data. The index covers U+0000..U+3FFFF (everything assigned outside plane 14) plus the
//! 4,096 code points of U+E0000..U+E0FFF (tags, variation selectors, default ignorables); the
//! rest of the code space (unassigned planes 4-13 and the private-use planes) reads as zero.
//! Two loads per lookup, about 8 KiB of index.

use crate::buf::Buf;

const MAIN_BLOCKS: usize = 0x40000 >> 6;
const TAG_BLOCKS: usize = 0x1000 >> 6;

/// Values are u16: a record index for normalization, a class id for segmentation. One value
/// type means one copy of this code in the module.
pub struct Trie {
    index: Buf<u16>,
    leaves: Buf<u16>,
    /// Leaves filled entirely with one small value (< 64), shared by every whole block of that
    /// value across all `set_range` calls: the segmentation classes need ~570 leaves instead of
    /// ~2,100.
    uniform: [u16; 64],
}

impl Trie {
    pub const fn new() -> Self {
        Trie { index: Buf::new(), leaves: Buf::new(), uniform: [0; 64] }
    }

    /// Allocates the index and the zero leaf; false when memory is exhausted.
    pub fn init(&mut self) -> bool {
        self.index.clear();
        self.leaves.clear();
        self.uniform = [0; 64];
        self.index.fill_zero(MAIN_BLOCKS + TAG_BLOCKS) && self.leaves.fill_zero(64)
    }

    #[inline(always)]
    fn block(c: u32) -> Option<usize> {
        if c < 0x40000 {
            Some((c >> 6) as usize)
        } else if c >= 0xE0000 && c < 0xE1000 {
            Some(MAIN_BLOCKS + ((c - 0xE0000) >> 6) as usize)
        } else {
            None
        }
    }

    /// The value for `c`. Reads without bounds checks: every lookup costs two memory loads plus
    /// the two buffer addresses, which matters under Chicory, where each wasm load is a call into
    /// the JVM's memory object.
    #[inline(always)]
    pub fn get(&self, c: u32) -> u16 {
        let b = match Self::block(c) {
            Some(b) => b,
            None => return 0,
        };
        if self.index.len() != MAIN_BLOCKS + TAG_BLOCKS {
            return 0; // not initialised (or initialisation failed): everything reads as zero
        }
        // Safe because: the index has exactly MAIN_BLOCKS + TAG_BLOCKS entries (checked above)
        // and `block` returns less than that; every index entry is a leaf number that `set`
        // allocated, and leaves hold 64 entries per leaf number, so leaf * 64 + (c & 63) is in
        // bounds. Leaves are only ever appended, never removed.
        unsafe {
            let leaf = *self.index.as_ptr().add(b) as usize;
            *self.leaves.as_ptr().add(leaf * 64 + (c & 63) as usize)
        }
    }

    /// Stores `v` for `c`, giving the block its own leaf on first write. Code points outside the
    /// covered ranges are ignored (the generator checks that none carries data). False when
    /// memory is exhausted.
    pub fn set(&mut self, c: u32, v: u16) -> bool {
        let b = match Self::block(c) {
            Some(b) => b,
            None => return true,
        };
        let mut leaf = self.index.get(b).unwrap_or(0) as usize;
        if leaf == 0 && v == 0 {
            return true; // an unallocated block already reads as zero
        }
        if leaf == 0 {
            leaf = self.leaves.len() / 64;
            if leaf > u16::MAX as usize || !self.leaves.fill_zero(64) {
                return false;
            }
            if let Some(slot) = self.index.as_mut_slice().get_mut(b) {
                *slot = leaf as u16;
            }
        }
        if let Some(slot) = self.leaves.as_mut_slice().get_mut(leaf * 64 + (c & 63) as usize) {
            *slot = v;
        }
        true
    }

    /// Sets every code point in `a..=b`. Whole blocks of one value share a single leaf, so the
    /// 42,720 ideographs of CJK Extension B cost one leaf, not 668.
    pub fn set_range(&mut self, a: u32, b: u32, v: u16) -> bool {
        let mut c = a;
        let mut shared: u16 = if v < 64 { self.uniform[(v & 63) as usize] } else { 0 };
        while c <= b && c < 0xE1000 {
            let whole = c & 63 == 0 && b - c >= 63;
            if whole && v != 0 {
                if let Some(blk) = Self::block(c) {
                    if self.index.get(blk) == Some(0) {
                        if shared == 0 {
                            if !self.set(c, v) {
                                return false;
                            }
                            shared = self.index.get(blk).unwrap_or(0);
                            for k in 1..64 {
                                if !self.set(c + k, v) {
                                    return false;
                                }
                            }
                            if v < 64 {
                                self.uniform[(v & 63) as usize] = shared;
                            }
                        } else if let Some(slot) = self.index.as_mut_slice().get_mut(blk) {
                            *slot = shared;
                        }
                        c += 64;
                        continue;
                    }
                }
            }
            if !self.set(c, v) {
                return false;
            }
            c += 1;
        }
        true
    }

    /// True when `c`'s block of 64 code points has no data (reads as zero throughout).
    pub fn empty_block(&self, c: u32) -> bool {
        c < 0x40000 && self.index.get((c >> 6) as usize) == Some(0)
    }

    /// Makes room for `n` leaf entries (64 per leaf) up front.
    pub fn reserve_leaves(&mut self, n: usize) -> bool {
        self.leaves.reserve(n)
    }

    pub fn leaves_len(&self) -> usize {
        self.leaves.len()
    }

    /// Bytes held, for the memory report.
    pub fn bytes(&self) -> usize {
        self.index.capacity() * 2 + self.leaves.capacity() * 2
    }
}
