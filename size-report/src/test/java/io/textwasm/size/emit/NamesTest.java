package io.textwasm.size.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void controlsSeparatorsAndBidiControlsAreEscaped() {
        assertEquals("a\\x0ab\\x7f", Names.printable("a\nb\u007f"));
        // C1: U+009B alone starts a terminal escape sequence; U+0085 is a line break to some readers.
        assertEquals("csi\\x9b2J nel\\x85", Names.printable("csi\u009b2J nel\u0085"));
        assertEquals("rlo\\u202eevil ls\\u2028 lri\\u2066 rlm\\u200f alm\\u061c",
                Names.printable("rlo\u202eevil ls\u2028 lri\u2066 rlm\u200f alm\u061c"));
    }

    @Test
    void ordinaryNamesAreUnchanged() {
        String name = "<alloc::vec::Vec<T> as core::ops::drop::Drop>::drop grüße 日本 \u200d";
        assertEquals(name, Names.printable(name));
    }

    @Test
    void codeSpansFenceTheLongestBacktickRun() {
        assertEquals("`a`", Names.code("a"));
        assertEquals("``a`b``", Names.code("a`b"));
        assertEquals("```a``b```", Names.code("a``b"));
        assertEquals("`` `a ``", Names.code("`a"));
        assertEquals("`a\\|b`", Names.code("a|b"));
        assertEquals("` `", Names.code(""), "an empty name is a span, not two backticks");
    }
}
