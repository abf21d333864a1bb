package io.textwasm.size.wasm;

import static io.textwasm.size.TestSupport.fixtureBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expectations computed by hand from the .wat sources. */
class WasmParserTest {

    @Test
    void importsOfEveryKindAreCountedAndShiftTheFunctionIndexSpace() {
        WasmModule m = WasmParser.parse(fixtureBytes("imports"));
        assertEquals(new ImportCounts(2, 1, 1, 2, 1), m.imports());
        assertEquals(List.of(2, 3, 4), m.functions().stream().map(FunctionBody::index).toList());
        assertEquals("log", m.functionNames().get(0));
        assertEquals("first", m.functionNames().get(2));
        assertEquals("third", m.functionNames().get(4));
    }

    @Test
    void moduleWithoutNameSectionHasNoNames() {
        WasmModule m = WasmParser.parse(fixtureBytes("no-names"));
        assertTrue(m.functionNames().isEmpty());
        assertEquals(6, m.functions().size());
        assertEquals(List.of("type", "function", "table", "global", "export", "start", "element", "code"),
                m.sections().stream().map(Section::name).toList());
    }

    @Test
    void emptyModuleIsJustThePreamble() {
        WasmModule m = WasmParser.parse(fixtureBytes("empty"));
        assertEquals(8, m.length());
        assertTrue(m.sections().isEmpty());
        assertTrue(m.functions().isEmpty());
        assertEquals(ImportCounts.NONE, m.imports());
    }

    @Test
    void moduleWithZeroFunctions() {
        WasmModule m = WasmParser.parse(fixtureBytes("no-functions"));
        assertTrue(m.functions().isEmpty());
        assertTrue(m.sections().stream().noneMatch(s -> s.name().equals("code") || s.name().equals("function")));
        assertEquals(1, m.dataSegments().size());
        assertEquals(Long.valueOf(8), m.dataSegments().get(0).constantOffset());
        assertEquals(3, m.dataSegments().get(0).zeroBytes());
    }

    @Test
    void dataSegmentsActivePassiveComputedAndSecondMemory() {
        WasmModule m = WasmParser.parse(fixtureBytes("data-segments"));
        List<DataSegment> d = m.dataSegments();
        assertEquals(6, d.size());
        // index, mode, memory, offset, size, zeros: straight from data-segments.wat
        expect(d.get(0), DataSegment.Mode.ACTIVE, 0, 0L, 16, 16);
        expect(d.get(1), DataSegment.Mode.ACTIVE, 0, 1024L, 14, 4);
        expect(d.get(2), DataSegment.Mode.PASSIVE, -1, null, 9, 2);
        expect(d.get(3), DataSegment.Mode.ACTIVE, 0, null, 8, 0);
        expect(d.get(4), DataSegment.Mode.ACTIVE, 1, 16L, 3, 1);
        expect(d.get(5), DataSegment.Mode.PASSIVE, -1, null, 0, 0);
        assertTrue(m.sections().stream().anyMatch(s -> s.name().equals("datacount")));
    }

    private static void expect(DataSegment s, DataSegment.Mode mode, int memory, Long offset, int size, int zeros) {
        String where = "segment " + s.index();
        assertEquals(mode, s.mode(), where);
        assertEquals(memory, s.memory(), where);
        assertEquals(offset, s.constantOffset(), where);
        assertEquals(size, s.size(), where);
        assertEquals(zeros, s.zeroBytes(), where);
    }

    @Test
    void severalCustomSectionsAreListedByName() {
        WasmModule m = WasmParser.parse(fixtureBytes("custom-sections"));
        assertEquals(List.of("custom:metadata.code.branch_hint", "custom:name", "custom:linking", "custom:reloc.Code",
                "custom:reloc.Custom"), m.sections().stream().map(Section::name).filter(n -> n.startsWith("custom:")).toList());
    }

    @Test
    void paddedLebLengthsAreReadFromTheFileNotRecomputed() {
        WasmModule m = WasmParser.parse(fixtureBytes("padded"));
        for (Section s : m.sections()) {
            assertEquals(6, s.headerSize(), s.name() + ": id byte plus a 5-byte LEB128");
        }
        for (FunctionBody f : m.functions()) {
            assertEquals(f.bodySize() + 5, f.size());
        }
    }

    @Test
    void unnamedFunctionHasNoNameAndLargeBodyHasTwoBytePrefix() {
        WasmModule m = WasmParser.parse(fixtureBytes("named"));
        assertNull(m.functionNames().get(12));
        FunctionBody nfc = m.functions().get(0);
        assertEquals(1, nfc.index());
        assertTrue(nfc.bodySize() > 127);
        assertEquals(nfc.bodySize() + 2, nfc.size());
    }

    // ---- LEB128 ----------------------------------------------------------------------------

    private static long u32(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new WasmReader(b).u32();
    }

    private static long s32(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new WasmReader(b).signed(32);
    }

    @Test
    void unsignedLeb128() {
        assertEquals(0, u32(0x00));
        assertEquals(624485, u32(0xE5, 0x8E, 0x26));
        assertEquals(3, u32(0x83, 0x80, 0x80, 0x80, 0x00), "padded encodings are allowed");
        assertEquals(0xFFFFFFFFL, u32(0xFF, 0xFF, 0xFF, 0xFF, 0x0F));
        MalformedWasmException tooLong = assertThrows(MalformedWasmException.class,
                () -> u32(0x80, 0x80, 0x80, 0x80, 0x80, 0x00));
        assertEquals("integer representation too long", tooLong.reason());
        assertEquals(0, tooLong.offset());
        assertEquals("integer too large",
                assertThrows(MalformedWasmException.class, () -> u32(0xFF, 0xFF, 0xFF, 0xFF, 0x1F)).reason());
        assertEquals("unexpected end", assertThrows(MalformedWasmException.class, () -> u32(0x80)).reason());
    }

    @Test
    void signedLeb128() {
        assertEquals(-1, s32(0x7F));
        assertEquals(-123456, s32(0xC0, 0xBB, 0x78));
        assertEquals(Integer.MIN_VALUE, s32(0x80, 0x80, 0x80, 0x80, 0x78));
        assertEquals(Integer.MAX_VALUE, s32(0xFF, 0xFF, 0xFF, 0xFF, 0x07));
        assertThrows(MalformedWasmException.class, () -> s32(0xFF, 0xFF, 0xFF, 0xFF, 0x4F));
        assertThrows(MalformedWasmException.class, () -> s32(0x80, 0x80, 0x80, 0x80, 0x80, 0x00));
    }
}
