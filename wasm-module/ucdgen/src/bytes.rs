//! Writers for the stream primitives read by `textwasm_core::data::stream::Reader`.

#[derive(Default, Clone)]
pub struct Bytes(pub Vec<u8>);

impl Bytes {
    pub fn u(&mut self, mut v: u32) {
        loop {
            let b = (v & 0x7F) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(b);
                return;
            }
            self.0.push(b | 0x80);
        }
    }
    pub fn z(&mut self, v: i64) {
        assert!(v >= i32::MIN as i64 && v <= i32::MAX as i64);
        let v = v as i32;
        self.u(((v << 1) ^ (v >> 31)) as u32);
    }
    pub fn b(&mut self, v: u32) {
        assert!(v < 256, "byte field overflow: {}", v);
        self.0.push(v as u8);
    }
}

/// Encodes inclusive ranges in the `formats::ranges` layout.
pub fn ranges(items: &[(u32, u32)]) -> Vec<u8> {
    let mut o = Bytes::default();
    let mut next = 0;
    for &(a, b) in items {
        assert!(a >= next && b >= a);
        o.u(a - next);
        o.u(b - a);
        next = b + 1;
    }
    o.0
}

/// Collapses a sorted set of code points into inclusive ranges.
pub fn to_ranges(cps: impl IntoIterator<Item = u32>) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for c in cps {
        match out.last_mut() {
            Some(last) if last.1 + 1 == c => last.1 = c,
            _ => out.push((c, c)),
        }
    }
    out
}
