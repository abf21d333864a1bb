//! The textwasm core built natively: the ceiling every WebAssembly runtime is compared with.
//!
//! It calls the library functions the wasm exports wrap (`normalize::normalize`, `text::count`,
//! `text::tokenize`, `text::truncate`, `text::boundaries`) on UTF-8 read from the corpus files
//! the JVM harness writes, so it sees exactly the bytes the other contenders see. What a host
//! adds on top (UTF-16 conversion, copying into linear memory, Java objects) is absent here by
//! design: the difference is what a runtime and its host cost.
//!
//! ```text
//! textwasm-native-bench bench CORPORA_DIR OPS CORPORA SIZES WARMUP_MS ITERATIONS ITERATION_MS
//! textwasm-native-bench fidelity CASES_FILE OUT_FILE
//! ```
//! `bench` prints one JSON document on stdout. Rust 1.63 compatible (no `black_box`, no let-else).

use std::env;
use std::fs;
use std::io::Write;
use std::process;
use std::time::Instant;

use textwasm_core::buf::Buf;
use textwasm_core::data::norm::NormData;
use textwasm_core::normalize::{self, Opts, Scratch};
use textwasm_core::segment::{self, SegData};
use textwasm_core::text;

const TRUNCATE_BYTES: u32 = 280;

struct Core {
    norm: NormData,
    seg: SegData,
    scratch: Scratch,
    out: Buf<u8>,
    words: Buf<u32>,
}

impl Core {
    fn new() -> Core {
        let mut c = Core { norm: NormData::new(), seg: SegData::new(), scratch: Scratch::new(), out: Buf::new(), words: Buf::new() };
        if !(c.norm.build() && c.seg.build() && c.seg.host_table_ready(false)) {
            fail("the core could not build its tables (out of memory)");
        }
        c
    }

    /// Output length; 0-cost "unchanged" answers return the input length, as the hosts return
    /// the input itself.
    fn normalize(&mut self, s: &[u8], flags: u32) -> usize {
        let o = match Opts::from_flags(flags) {
            Some(o) => o,
            None => fail("bad normalization flags"),
        };
        self.out.clear();
        match normalize::normalize(&self.norm, s, &o, 0, &mut self.out, &mut self.scratch) {
            Ok(r) if r.changed => self.out.len(),
            Ok(_) => s.len(),
            Err(_) => fail("normalize failed"),
        }
    }

    fn normalized_bytes<'a>(&'a mut self, s: &'a [u8], flags: u32) -> &'a [u8] {
        let o = match Opts::from_flags(flags) {
            Some(o) => o,
            None => fail("bad normalization flags"),
        };
        self.out.clear();
        match normalize::normalize(&self.norm, s, &o, 0, &mut self.out, &mut self.scratch) {
            Ok(r) if r.changed => self.out.as_slice(),
            Ok(_) => s,
            Err(_) => fail("normalize failed"),
        }
    }

    fn is_normalized(&mut self, s: &[u8], flags: u32) -> bool {
        let o = match Opts::from_flags(flags) {
            Some(o) => o,
            None => fail("bad normalization flags"),
        };
        self.out.clear();
        match normalize::is_normalized(&self.norm, s, &o, &mut self.out, &mut self.scratch) {
            Ok(b) => b,
            Err(_) => fail("is_normalized failed"),
        }
    }

    fn count(&mut self, s: &[u8], what: u32) -> u32 {
        match text::count(&self.seg, s, what) {
            Ok(n) => n,
            Err(_) => fail("count failed"),
        }
    }

    /// Token records (start, end, kind, folded offset, folded length), offsets in `flags`' unit.
    fn tokenize(&mut self, s: &[u8], flags: u32) -> &[u32] {
        self.words.clear();
        self.out.clear();
        match text::tokenize(&self.seg, &self.norm, s, flags, &mut self.words, &mut self.out, &mut self.scratch) {
            Ok(()) => self.words.as_slice(),
            Err(_) => fail("tokenize failed"),
        }
    }

    fn boundaries(&mut self, s: &[u8], flags: u32) -> &[u32] {
        self.words.clear();
        let o = match segment::Opts::from_flags(flags) {
            Some(o) => o,
            None => fail("bad segment flags"),
        };
        match text::boundaries(&self.seg, s, &o, &mut self.words) {
            Ok(()) => self.words.as_slice(),
            Err(_) => fail("segment failed"),
        }
    }

    /// As the Java and JS hosts do it: hand the core a prefix a little over the budget, marked
    /// partial, and a longer one only if it asks. Returns the cut in bytes.
    fn truncate(&mut self, s: &[u8], limit: u32) -> usize {
        if s.len() <= limit as usize {
            return s.len();
        }
        let mut want = limit as usize + 64;
        loop {
            let mut len = want.min(s.len());
            while len < s.len() && (s.get(len).copied().unwrap_or(0) & 0xC0) == 0x80 {
                len += 1; // never end the prefix inside a UTF-8 sequence
            }
            let partial = if len < s.len() { text::TRUNC_PARTIAL } else { 0 };
            let prefix = s.get(..len).unwrap_or(s);
            match text::truncate(&self.seg, prefix, text::UNIT_BYTES | partial, limit, 0) {
                Ok(cut) => return if cut.truncated { cut.cut_bytes as usize } else { s.len() },
                Err(text::Error::NeedMore) if len < s.len() => want *= 2,
                Err(_) => fail("truncate failed"),
            }
        }
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("textwasm-native-bench: {}", msg);
    process::exit(1)
}

/// Keeps a value observable so the optimiser cannot drop the work that made it (what
/// `std::hint::black_box` does from Rust 1.66; this crate builds with 1.63).
fn sink(v: usize) {
    static mut SINK: usize = 0;
    // Safe because this program is single-threaded.
    unsafe {
        std::ptr::write_volatile(std::ptr::addr_of_mut!(SINK), v);
    }
}

fn hide<T>(v: &T) -> &T {
    // Safe: reading a reference through a volatile load yields the same reference, but the
    // optimiser can no longer see where it came from (no constant folding of the input).
    unsafe { std::ptr::read_volatile(&v as *const &T) }
}

fn run_op(core: &mut Core, op: &str, s: &[u8]) -> usize {
    let s = hide(&s);
    match op {
        "normalize-nfc" => core.normalize(s, 0),
        "normalize-nfkc" => core.normalize(s, 2),
        "normalize-nfkc-cf" => core.normalize(s, 4),
        "is-normalized-nfc" => core.is_normalized(s, 0) as usize,
        "count-words" => core.count(s, text::COUNT_WORDS) as usize,
        "count-graphemes" => core.count(s, text::COUNT_GRAPHEMES) as usize,
        // Byte offsets: a Rust caller slices &str with them; no UTF-16 to compute.
        "tokenize" => core.tokenize(s, 0).len(),
        "truncate" => core.truncate(s, TRUNCATE_BYTES),
        _ => fail(&format!("unknown operation '{}'", op)),
    }
}

struct Stats {
    mean: f64,
    stdev: f64,
    iterations: Vec<f64>,
}

fn measure(core: &mut Core, op: &str, s: &[u8], warmup_ms: u64, iterations: usize, iteration_ms: u64) -> Stats {
    let start = Instant::now();
    loop {
        sink(run_op(core, op, s));
        if start.elapsed().as_millis() as u64 >= warmup_ms {
            break;
        }
    }
    let mut rates = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let t = Instant::now();
        let mut n = 0u64;
        loop {
            sink(run_op(core, op, s));
            n += 1;
            if t.elapsed().as_millis() as u64 >= iteration_ms {
                break;
            }
        }
        rates.push(n as f64 / t.elapsed().as_secs_f64());
    }
    let mean = rates.iter().sum::<f64>() / rates.len().max(1) as f64;
    let var = rates.iter().map(|r| (r - mean) * (r - mean)).sum::<f64>() / (rates.len().max(2) - 1) as f64;
    Stats { mean, stdev: var.sqrt(), iterations: rates }
}

fn bench(args: &[String]) {
    if args.len() != 7 {
        fail("usage: bench CORPORA_DIR OPS CORPORA SIZES WARMUP_MS ITERATIONS ITERATION_MS");
    }
    let dir = &args[0];
    let num = |i: usize| -> u64 { args[i].parse().unwrap_or_else(|_| fail("not a number")) };
    let (warmup, iterations, iteration_ms) = (num(4), num(5) as usize, num(6));
    let mut core = Core::new();
    let mut out = String::from("{\"runtime\":\"native\",\"results\":[");
    let mut first = true;
    for op in args[1].split(',') {
        for corpus in args[2].split(',') {
            for size in args[3].split(',') {
                let file = if corpus.starts_with("seed-") { format!("{}/{}.txt", dir, corpus) } else { format!("{}/{}-{}.txt", dir, corpus, size) };
                let s = fs::read(&file).unwrap_or_else(|e| fail(&format!("cannot read {}: {}", file, e)));
                let st = measure(&mut core, op, &s, warmup, iterations, iteration_ms);
                let its: Vec<String> = st.iterations.iter().map(|r| format!("{:.3}", r)).collect();
                out.push_str(&format!(
                    "{}{{\"op\":\"{}\",\"corpus\":\"{}\",\"size\":\"{}\",\"bytes\":{},\"opsPerSec\":{:.3},\"stdev\":{:.3},\"iterations\":[{}]}}",
                    if first { "" } else { "," },
                    op,
                    corpus,
                    size,
                    s.len(),
                    st.mean,
                    st.stdev,
                    its.join(",")
                ));
                first = false;
            }
        }
    }
    out.push_str("]}");
    println!("{}", out);
}

fn hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        s.push_str(&format!("{:02X}", x));
    }
    s
}

fn join(v: &[u32]) -> String {
    let parts: Vec<String> = v.iter().map(|x| x.to_string()).collect();
    parts.join(",")
}

/// One line per case, in the format `Fidelity.java` writes for the JVM backends.
fn fidelity(args: &[String]) {
    if args.len() != 2 {
        fail("usage: fidelity CASES_FILE OUT_FILE");
    }
    let cases = fs::read_to_string(&args[0]).unwrap_or_else(|e| fail(&format!("cannot read {}: {}", args[0], e)));
    let mut core = Core::new();
    let mut w = std::io::BufWriter::new(fs::File::create(&args[1]).unwrap_or_else(|e| fail(&format!("cannot write {}: {}", args[1], e))));
    for (i, line) in cases.lines().enumerate() {
        let mut s = String::new();
        for h in line.split(' ').filter(|h| !h.is_empty()) {
            let cp = u32::from_str_radix(h, 16).unwrap_or_else(|_| fail("bad hex in cases file"));
            // Surrogate code points cannot be encoded: every host turns them into U+FFFD.
            s.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
        }
        let b = s.as_bytes();
        let mut fields = vec![i.to_string()];
        for form in 0..5u32 {
            let n = core.normalized_bytes(b, form);
            fields.push(hex(n));
        }
        fields.push(join(core.boundaries(b, segment::OPT_UTF16)));
        fields.push(join(core.boundaries(b, segment::OPT_UTF16 | segment::OPT_WORDS)));
        let rec = core.tokenize(b, text::TOK_UTF16).to_vec();
        let toks: Vec<String> = rec.chunks(text::TOKEN_WORDS).map(|r| format!("{}:{}:{}", r[0], r[1], r[2])).collect();
        fields.push(toks.join(","));
        if writeln!(w, "{}", fields.join("\t")).is_err() {
            fail("write failed");
        }
    }
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.first().map(|s| s.as_str()) {
        Some("bench") => bench(&args[1..]),
        Some("fidelity") => fidelity(&args[1..]),
        _ => fail("usage: textwasm-native-bench bench ... | fidelity CASES_FILE OUT_FILE"),
    }
}
