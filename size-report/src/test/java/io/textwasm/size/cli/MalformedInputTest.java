package io.textwasm.size.cli;

import static io.textwasm.size.TestSupport.assertOneLineError;
import static io.textwasm.size.TestSupport.fixtureBytes;
import static io.textwasm.size.TestSupport.memoryHost;
import static io.textwasm.size.TestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.size.TestSupport;
import io.textwasm.size.TestSupport.Run;
import io.textwasm.size.wasm.MalformedWasmException;
import io.textwasm.size.wasm.Section;
import io.textwasm.size.wasm.WasmModule;
import io.textwasm.size.wasm.WasmParser;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input must give exit status 2 and one line naming the file and what is wrong: never a
 * stack trace, an escaping exception, a hang or an allocation sized by a lying count.
 */
class MalformedInputTest {
    private static final int[] PREAMBLE = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

    static byte[] wasm(int... sectionBytes) {
        byte[] b = new byte[PREAMBLE.length + sectionBytes.length];
        for (int i = 0; i < PREAMBLE.length; i++) {
            b[i] = (byte) PREAMBLE[i];
        }
        for (int i = 0; i < sectionBytes.length; i++) {
            b[PREAMBLE.length + i] = (byte) sectionBytes[i];
        }
        return b;
    }

    static Run analyse(byte[] bytes) {
        return run(memoryHost(Map.of("bad.wasm", bytes)), "bad.wasm");
    }

    /** Runs the bytes through the CLI and returns the single error line. */
    static String errorLine(byte[] bytes) {
        Run r = analyse(bytes);
        assertOneLineError(r, "input " + Arrays.toString(bytes));
        return r.errLines().get(0);
    }

    static Stream<String> fixtures() {
        return TestSupport.FIXTURES.stream();
    }

    /**
     * Every truncation of a valid module. A cut exactly at a section boundary leaves a
     * well-formed (smaller) module, unless it separates the function section from the code
     * section; every other cut must be reported.
     */
    @ParameterizedTest
    @MethodSource("fixtures")
    @Timeout(30)
    void everyPrefixIsEitherAWholeModuleOrAOneLineError(String fixture) {
        byte[] full = fixtureBytes(fixture);
        WasmModule module = WasmParser.parse(full);
        Set<Integer> boundaries = new HashSet<>();
        boundaries.add(8);
        int functionEnd = Integer.MAX_VALUE;
        int codeEnd = Integer.MAX_VALUE;
        for (Section s : module.sections()) {
            boundaries.add(s.offset() + s.size());
            if (s.name().equals("function")) {
                functionEnd = s.offset() + s.size();
            } else if (s.name().equals("code")) {
                codeEnd = s.offset() + s.size();
            }
        }
        for (int length = 0; length < full.length; length++) {
            byte[] prefix = Arrays.copyOf(full, length);
            boolean splitsFunctionsFromBodies = length >= functionEnd && length < codeEnd;
            boolean wellFormed = boundaries.contains(length) && !splitsFunctionsFromBodies;
            Run r = analyse(prefix);
            String where = fixture + " truncated to " + length + " of " + full.length + " bytes";
            if (wellFormed) {
                assertEquals(0, r.status(), () -> where + ": " + r.err());
                assertEquals("", r.err(), where);
            } else {
                assertOneLineError(r, where);
                String line = r.errLines().get(0);
                assertTrue(line.startsWith("error: bad.wasm: malformed: "), where + ": " + line);
            }
        }
    }

    @Test
    @Timeout(30)
    void randomBytesWithAndWithoutPreamble() {
        long seed = 20260101L;
        Random random = new Random(seed);
        int errors = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] noise = new byte[random.nextInt(400)];
            random.nextBytes(noise);
            byte[] input = i % 2 == 0 ? noise : concat(wasm(), noise);
            Run r = analyse(input);
            if (r.status() != 0) {
                assertOneLineError(r, "seed " + seed + " iteration " + i);
                errors++;
            }
        }
        assertTrue(errors > 2900, "random bytes are almost never a module; errors=" + errors);
    }

    @Test
    void sectionLengthPastTheEnd() {
        // code section (10) declaring 4096 bytes with 3 left
        assertEquals("error: bad.wasm: malformed: section 10 length 4096 exceeds remaining 3 bytes at offset 0x8",
                errorLine(wasm(0x0A, 0x80, 0x20, 0x01, 0x00, 0x00)));
    }

    @Test
    void leb128LongerThanFiveBytes() {
        assertEquals("error: bad.wasm: malformed: integer representation too long at offset 0x9",
                errorLine(wasm(0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00)));
    }

    @Test
    void leb128WithBitsBeyond32() {
        assertEquals("error: bad.wasm: malformed: integer too large at offset 0x9",
                errorLine(wasm(0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F)));
    }

    @Test
    @Timeout(5)
    void countOf2To32Minus1InFunctionSection() {
        assertEquals("error: bad.wasm: malformed: function count 4294967295 exceeds remaining 0 bytes at offset 0xa",
                errorLine(wasm(0x03, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)));
        MalformedWasmException e = assertThrows(MalformedWasmException.class,
                () -> WasmParser.parse(wasm(0x03, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)));
        assertEquals(0xa, e.offset());
    }

    @Test
    @Timeout(5)
    void countOf2To32Minus1InDataSection() {
        assertEquals("error: bad.wasm: malformed: data count 4294967295 exceeds remaining 1 bytes at offset 0xa",
                errorLine(wasm(0x0B, 0x06, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x01)));
    }

    @Test
    @Timeout(5)
    void countOf2To32Minus1InCodeAndImportSections() {
        assertTrue(errorLine(wasm(0x0A, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F))
                .endsWith("code count 4294967295 exceeds remaining 0 bytes at offset 0xa"));
        assertTrue(errorLine(wasm(0x02, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F))
                .endsWith("import count 4294967295 exceeds remaining 0 bytes at offset 0xa"));
    }

    @Test
    @Timeout(5)
    void hugeCountInNameSectionOnlyDropsTheNames() {
        // custom "name", subsection 1 claiming 2^32-1 names: custom sections are not validated
        // by the spec, so the module stays usable and the problem becomes a warning.
        byte[] module = wasm(0x00, 0x0D, 0x04, 'n', 'a', 'm', 'e', 0x01, 0x06, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00);
        Run r = analyse(module);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("name section ignored: function name count 4294967295 exceeds remaining 1 bytes"),
                r.out());
    }

    @Test
    void otherMalformations() {
        assertTrue(errorLine(new byte[0]).endsWith("malformed: unexpected end of magic header at offset 0x0"));
        assertTrue(errorLine("hello world".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .endsWith("malformed: magic header not detected at offset 0x0"));
        assertTrue(errorLine(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 0x01, 0})
                .contains("unknown binary version 0x1000d (a component, not a core module)"));
        assertTrue(errorLine(wasm(0x0E, 0x00)).endsWith("malformed section id 14 at offset 0x8"));
        assertTrue(errorLine(wasm(0x03, 0x01, 0x00, 0x01, 0x01, 0x00))
                .endsWith("unexpected section type (1): duplicated or out of order at offset 0xb"));
        assertTrue(errorLine(wasm(0x03, 0x02, 0x01, 0x00))
                .contains("function and code section have inconsistent lengths (1 functions, 0 bodies)"));
        assertTrue(errorLine(wasm(0x00, 0x03, 0x02, 0xC3, 0x28)).contains("malformed UTF-8 encoding in custom section name"));
        assertTrue(errorLine(wasm(0x03, 0x03, 0x01, 0x00, 0x00)).contains("section size mismatch"));
        assertTrue(errorLine(wasm(0x0B, 0x03, 0x01, 0x07, 0x00)).contains("malformed data segment flags 7"));
        assertTrue(errorLine(wasm(0x0B, 0x06, 0x01, 0x00, 0x20, 0x00, 0x0B, 0x00))
                .contains("constant expression required (opcode 0x20)"));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
