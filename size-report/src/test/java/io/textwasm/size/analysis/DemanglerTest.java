package io.textwasm.size.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemanglerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // Rust legacy: hash dropped, escapes decoded
        "_ZN4core3fmt5write17h0123456789abcdefE | core::fmt::write",
        "_ZN13textwasm_core9normalize3nfc17h0123456789abcdefE | textwasm_core::normalize::nfc",
        "_ZN70_$LT$alloc..vec..Vec$LT$T$C$A$GT$$u20$as$u20$core..ops..drop..Drop$GT$4drop17h5a2b3c4d5e6f7081E"
                + " | <alloc::vec::Vec<T,A> as core::ops::drop::Drop>::drop",
        "_ZN4testE | test",
        "_ZN3foo3barE | foo::bar",
        "__ZN4core3fmt5Write10write_char17hcc5144a9a84f2b15E | core::fmt::Write::write_char",
        "_ZN4$RP$E | )",
        "_ZN3foo17h05af221e174051e9E.llvm.1234 | foo",
        // LLVM's other suffixes name another function (the cold part of one): kept, as for v0
        "_ZN4core3str16slice_error_fail17h0123456789abcdefE.cold.1 | core::str::slice_error_fail.cold.1",
        // Already demangled by wasm-ld: only the hash and the escapes remain to handle
        "core::fmt::write::h0123456789abcdef | core::fmt::write",
        "_$LT$T$u20$as$u20$core..fmt..Debug$GT$::fmt::h0123456789abcdef | <T as core::fmt::Debug>::fmt",
        "std::rt::lang_start::h0123456789abcdef.llvm.42 | std::rt::lang_start",
        // Rust v0: examples from rustc-demangle's test suite ({:#} form)
        "_RNvC6_123foo3bar | 123foo::bar",
        "_RC4f128 | f128",
        "_RNCNCNgCs6DXkGYLi8lr_2cc5spawn00B5_ | cc::spawn::{closure#0}::{closure#0}",
        "_RNCINkXs25_NgCsbmNqQUJIY6D_4core5sliceINyB9_4IterhENuNgNoBb_4iter8iterator8Iterator9rpositionNCNgNpB9_6memchr7memrchrs_0E0Bb_"
                + " | <core::slice::Iter<u8> as core::iter::iterator::Iterator>::rposition::<core::slice::memchr::memrchr::{closure#1}>::{closure#0}",
        "_RINbNbCskIICzLVDPPb_5alloc5alloc8box_freeDINbNiB4_5boxed5FnBoxuEp6OutputuEL_ECs1iopQbuBiw2_3std"
                + " | alloc::alloc::box_free::<dyn alloc::boxed::FnBox<(), Output = ()>>",
        "_RNqCs4fqI2P2rA04_11utf8_identsu30____7hkackfecea1cbdathfdh9hlq6y"
                + " | utf8_idents::საჭმელად_გემრიელი_სადილი",
        "_RC3foo.llvm.9D1C9369 | foo",
        "_RNvNtNtNtNtCs92dm3009vxr_4rand4rngs7adapter9reseeding4fork23FORK_HANDLER_REGISTERED.0.0"
                + " | rand::rngs::adapter::reseeding::fork::FORK_HANDLER_REGISTERED.0.0",
        "_RINvNtC3std3mem8align_ofdE | std::mem::align_of::<f64>",
        // char constants as Rust's Debug writes them (a raw newline would split the report's line)
        "_RINvC3foo3barKc61_E | foo::bar::<'a'>",
        "_RINvC3foo3barKca_E | foo::bar::<'\\n'>",
        "_RINvC3foo3barKc27_E | foo::bar::<'\\''>",
        "_RINvC3foo3barKc202e_E | foo::bar::<'\\u{202e}'>",
        "_RINvC3foo3barKc2202_E | foo::bar::<'∂'>",
        "_RMC0INtC8arrayvec8ArrayVechKj7b_E | <arrayvec::ArrayVec<u8, 123>>",
        "_RNvXCs1_3fooNtB2_3BarNtNtCs2_4core3fmt7Display3fmt | <foo::Bar as core::fmt::Display>::fmt",
        // Not Rust: left alone
        "memcpy | memcpy",
        "dlmalloc | dlmalloc",
        "_ZN5boost6detail4implIiEE | _ZN5boost6detail4implIiEE",
        "_ZNK3foo3barEv | _ZNK3foo3barEv",
        // C++ overloads: the parameter types after the E are part of the name
        "_ZN6shapes4areaEi | _ZN6shapes4areaEi",
        "_ZN6shapes4areaExx | _ZN6shapes4areaExx",
        "main::h012345 | main::h012345",
        "_R | _R",
        "_RNvC3foo | _RNvC3foo",
    })
    void demangles(String symbol, String expected) {
        assertEquals(expected, Demangler.demangle(symbol));
    }

    @Test
    void backreferenceMustPointBackwards() {
        assertNull(RustV0Demangler.demangle("_RNvB_1a"));
        assertNull(RustV0Demangler.demangle("_RMC0RB2_"));
    }

    @Test
    void exponentialBackreferencesAreCutOffQuickly() {
        // Each tuple refers twice to the one before it, so printing the last one in full would
        // take 2^40 steps; the step limit must give up and keep the mangled name instead.
        StringBuilder rest = new StringBuilder("INvC1a1f"); // offsets count from after "_R"
        int previous = rest.length();
        rest.append("TuE");
        for (int i = 0; i < 40; i++) {
            String ref = "B" + base62(previous) + "_";
            previous = rest.length();
            rest.append('T').append(ref).append(ref).append('E');
        }
        rest.append('E');
        String symbol = "_R" + rest;
        String result = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Demangler.demangle(symbol));
        assertEquals(symbol, result);
    }

    private static String base62(int value) {
        if (value == 0) {
            return "";
        }
        int n = value - 1;
        String digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder sb = new StringBuilder();
        do {
            sb.insert(0, digits.charAt(n % 62));
            n /= 62;
        } while (n > 0);
        return sb.toString();
    }

    @Test
    void randomSymbolsNeverThrowOrHang() {
        Random random = new Random(7);
        String alphabet = "_RNCIMXYBKLEGpuvshtmyoabcdefjlnxz0123456789ABDFOPQSTUW.$";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 100_000; i++) {
                StringBuilder sb = new StringBuilder(i % 2 == 0 ? "_R" : "_ZN");
                int n = random.nextInt(60);
                for (int k = 0; k < n; k++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                Demangler.demangle(sb.toString());
                SymbolPath.segments(sb.toString());
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "core::fmt::write | 2 | core::fmt",
        "core::fmt::write | 1 | core",
        "core::fmt::write | 5 | core::fmt::write",
        "textwasm_core::normalize::nfc::{closure#0} | 2 | textwasm_core::normalize",
        "<alloc::vec::Vec<T> as core::ops::drop::Drop>::drop | 2 | alloc::vec",
        "<alloc::vec::Vec<T> as core::ops::drop::Drop>::drop | 3 | alloc::vec::Vec",
        "<u32 as core::fmt::Debug>::fmt | 2 | core::fmt",
        "<&T as core::fmt::Display>::fmt | 2 | core::fmt",
        "<[T]>::sort | 2 | <[T]>::sort",
        "core::ptr::drop_in_place<alloc::string::String> | 3 | core::ptr::drop_in_place",
        "std::mem::align_of::<f64> | 3 | std::mem::align_of",
        "<<T as a::B>::C as d::E>::f | 2 | a::B",
        "memcpy | 2 | memcpy",
        "<unbalanced::x | 2 | <unbalanced::x",
    })
    void rollupPrefix(String name, int depth, String expected) {
        assertEquals(expected, SymbolPath.prefix(name, depth));
    }

    @Test
    void longNamesAreSplitInLinearTime() {
        // A reference prefix cut off by copying the rest took 104 s on this name (a 1 MB module);
        // the limit guards against a hang, it is not a speed target.
        String name = "<" + "&".repeat(1_000_000) + "x as a::B>::f";
        String prefix = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> SymbolPath.prefix(name, 2));
        assertEquals("a::B", prefix);
    }

    @Test
    void segmentsOfQualifiedPath() {
        assertEquals(List.of("alloc", "vec", "Vec", "drop"),
                SymbolPath.segments("<alloc::vec::Vec<T> as core::ops::drop::Drop>::drop"));
    }
}
