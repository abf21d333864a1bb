//! Reading the compact table streams: LEB128 varints and zigzag deltas.
//!
//! Every generated table is a byte stream of small numbers. Varints keep the raw module small;
//! small, repeating deltas are what Brotli compresses best. A truncated or corrupt stream reads
//! as zeros and ends the decoding loop (`at_end`), so bad data can never make us trap.

pub struct Reader<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    pub const fn new(s: &'a [u8]) -> Self {
        Reader { s, i: 0 }
    }

    #[inline]
    pub fn at_end(&self) -> bool {
        self.i >= self.s.len()
    }

    #[inline]
    pub fn byte(&mut self) -> u32 {
        let b = self.s.get(self.i).copied().unwrap_or(0);
        self.i += 1;
        b as u32
    }

    /// Unsigned LEB128, at most 5 bytes.
    #[inline]
    pub fn u(&mut self) -> u32 {
        let mut v = 0u32;
        let mut shift = 0;
        while shift < 35 {
            let b = self.byte();
            v |= (b & 0x7F) << shift;
            if b & 0x80 == 0 {
                break;
            }
            shift += 7;
        }
        v
    }

    /// Zigzag-coded signed LEB128.
    #[inline]
    pub fn z(&mut self) -> i32 {
        let v = self.u();
        ((v >> 1) as i32) ^ -((v & 1) as i32)
    }
}
