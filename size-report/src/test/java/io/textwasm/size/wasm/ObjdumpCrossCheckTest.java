package io.textwasm.size.wasm;

import static io.textwasm.size.TestSupport.fixture;
import static io.textwasm.size.TestSupport.fixtureBytes;
import static io.textwasm.size.TestSupport.runToolText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.size.TestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the parser with Debian's wasm-objdump (wabt), an independent decoder, on every
 * fixture: section boundaries, function body sizes and names, data segments.
 */
class ObjdumpCrossCheckTest {
    // "     Type start=0x0000000a end=0x0000000f (size=0x00000005) count: 1"
    private static final Pattern SECTION =
            Pattern.compile("^\\s*(\\w+) start=0x([0-9a-f]+) end=0x([0-9a-f]+) \\(size=0x([0-9a-f]+)\\)\\s*(.*)$");
    // " - func[3] size=26 <name>"
    private static final Pattern BODY = Pattern.compile("^ - func\\[(\\d+)\\] size=(\\d+)(?: <(.*)>)?$");
    // " - segment[2] <greeting> passive size=9" / " - segment[0] memory=0 size=16 - init i32=0"
    private static final Pattern SEGMENT = Pattern.compile(
            "^ - segment\\[(\\d+)\\](?: <[^>]*>)? (?:passive|memory=(\\d+)) size=(\\d+)(?: - init (?:i32=(-?\\d+)|(.*)))?$");
    private static final Pattern HEX_LINE = Pattern.compile("^  - [0-9a-f]{7}: (.*)$");

    private static final Map<String, String> OBJDUMP_NAMES = Map.ofEntries(
            Map.entry("Type", "type"), Map.entry("Import", "import"), Map.entry("Function", "function"),
            Map.entry("Table", "table"), Map.entry("Memory", "memory"), Map.entry("Global", "global"),
            Map.entry("Export", "export"), Map.entry("Start", "start"), Map.entry("Elem", "element"),
            Map.entry("Code", "code"), Map.entry("Data", "data"), Map.entry("DataCount", "datacount"),
            Map.entry("Tag", "tag"));

    static Stream<String> fixtures() {
        return TestSupport.FIXTURES.stream();
    }

    private record ObjdumpSection(String name, int start, int end, int size) {}

    private static List<ObjdumpSection> objdumpSections(String fixture) {
        String out = runToolText(List.of("wasm-objdump", "-h", fixture(fixture).toString()));
        List<ObjdumpSection> result = new ArrayList<>();
        for (String line : out.split("\n")) {
            Matcher m = SECTION.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String kind = m.group(1);
            String name = kind.equals("Custom")
                    ? "custom:" + m.group(5).replaceAll("^\"|\"$", "")
                    : OBJDUMP_NAMES.get(kind);
            result.add(new ObjdumpSection(name, Integer.parseInt(m.group(2), 16), Integer.parseInt(m.group(3), 16),
                    Integer.parseInt(m.group(4), 16)));
        }
        return result;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void sectionsMatchObjdumpOnceHeadersAreCounted(String fixture) {
        byte[] bytes = fixtureBytes(fixture);
        WasmModule module = WasmParser.parse(bytes);
        List<ObjdumpSection> expected = objdumpSections(fixture);
        assertEquals(expected.size(), module.sections().size(), fixture + ": section count");

        // objdump reports payloads; the header of each section is the gap between the previous
        // payload's end (or the 8-byte preamble) and this payload's start.
        int previousEnd = 8;
        long total = 8;
        for (int i = 0; i < expected.size(); i++) {
            ObjdumpSection e = expected.get(i);
            Section s = module.sections().get(i);
            String where = fixture + " section " + i + " (" + e.name() + ")";
            assertEquals(e.name(), s.name(), where + ": name");
            assertEquals(previousEnd, s.offset(), where + ": offset of id byte");
            assertEquals(e.start() - previousEnd, s.headerSize(), where + ": header bytes");
            assertEquals(e.size(), s.payloadSize(), where + ": payload");
            assertEquals(e.end() - previousEnd, s.size(), where + ": size including header");
            previousEnd = e.end();
            total += s.size();
        }
        assertEquals(bytes.length, previousEnd, fixture + ": objdump's last section ends at the file end");
        assertEquals(bytes.length, total, fixture + ": preamble plus section sizes is the file size");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void functionBodiesMatchObjdumpCodeListing(String fixture) {
        byte[] bytes = fixtureBytes(fixture);
        WasmModule module = WasmParser.parse(bytes);
        String out = runToolText(List.of("wasm-objdump", "-x", fixture(fixture).toString()));
        List<Matcher> bodies = new ArrayList<>();
        boolean inCode = false;
        for (String line : out.split("\n")) {
            if (!line.startsWith(" ")) {
                inCode = line.startsWith("Code[");
                continue;
            }
            Matcher m = BODY.matcher(line);
            if (inCode && m.matches()) {
                bodies.add(m);
            }
        }
        assertEquals(bodies.size(), module.functions().size(), fixture + ": body count");

        Section code = module.sections().stream().filter(s -> s.name().equals("code")).findFirst().orElse(null);
        boolean hasNameSection = module.sections().stream().anyMatch(s -> s.name().equals("custom:name"));
        int expectedOffset = -1;
        for (int i = 0; i < bodies.size(); i++) {
            Matcher m = bodies.get(i);
            FunctionBody f = module.functions().get(i);
            String where = fixture + " func[" + m.group(1) + "]";
            assertEquals(Integer.parseInt(m.group(1)), f.index(), where + ": index (imports first)");
            assertEquals(Integer.parseInt(m.group(2)), f.bodySize(), where + ": body size");
            int prefix = f.size() - f.bodySize();
            if (fixture.equals("padded")) {
                assertEquals(5, prefix, where + ": padded LEB128 prefix");
            } else {
                assertEquals(lebLength(f.bodySize()), prefix, where + ": LEB128 prefix");
            }
            // Without a name section objdump falls back to export names; the report does not.
            if (hasNameSection) {
                assertEquals(m.group(3), module.functionNames().get(f.index()), where + ": name");
            }
            // Bodies are contiguous, so each prefix length is pinned by its neighbours too.
            if (expectedOffset >= 0) {
                assertEquals(expectedOffset, f.offset(), where + ": offset");
            }
            expectedOffset = f.offset() + f.size();
        }
        if (code != null && !bodies.isEmpty()) {
            assertEquals(code.offset() + code.size(), expectedOffset, fixture + ": last body ends the code section");
        }
        if (bodies.isEmpty()) {
            assertNull(code, fixture + ": no bodies means no code section");
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void dataSegmentsMatchObjdump(String fixture) {
        WasmModule module = WasmParser.parse(fixtureBytes(fixture));
        String out = runToolText(List.of("wasm-objdump", "-x", fixture(fixture).toString()));
        List<int[]> segments = new ArrayList<>(); // index, memory (-1 passive), size, zeros
        List<Long> offsets = new ArrayList<>();
        boolean inData = false;
        for (String line : out.split("\n")) {
            if (!line.startsWith(" ")) {
                inData = line.startsWith("Data[");
                continue;
            }
            if (!inData) {
                continue;
            }
            Matcher m = SEGMENT.matcher(line);
            if (m.matches()) {
                segments.add(new int[] {Integer.parseInt(m.group(1)),
                        m.group(2) == null ? -1 : Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), 0});
                offsets.add(m.group(4) == null ? null : Long.parseLong(m.group(4)) & 0xFFFFFFFFL);
                continue;
            }
            Matcher hex = HEX_LINE.matcher(line);
            if (hex.matches() && !segments.isEmpty()) {
                // "0000 0000 6865 ...  ascii": 8 groups of 2 bytes, then the ASCII column.
                String digits = hex.group(1).substring(0, Math.min(39, hex.group(1).length())).replace(" ", "");
                for (int p = 0; p + 1 < digits.length(); p += 2) {
                    if (digits.startsWith("00", p)) {
                        segments.get(segments.size() - 1)[3]++;
                    }
                }
            }
        }
        assertEquals(segments.size(), module.dataSegments().size(), fixture + ": segment count");
        for (int i = 0; i < segments.size(); i++) {
            int[] e = segments.get(i);
            DataSegment d = module.dataSegments().get(i);
            String where = fixture + " segment[" + i + "]";
            assertEquals(e[0], d.index(), where);
            assertEquals(e[1] < 0 ? DataSegment.Mode.PASSIVE : DataSegment.Mode.ACTIVE, d.mode(), where + ": mode");
            assertEquals(e[1], d.memory(), where + ": memory");
            assertEquals(e[2], d.size(), where + ": size");
            assertEquals(e[3], d.zeroBytes(), where + ": zero bytes (counted from objdump's hex dump)");
            assertEquals(offsets.get(i), d.constantOffset(), where + ": offset");
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void customSectionNamesMatchObjdump(String fixture) {
        WasmModule module = WasmParser.parse(fixtureBytes(fixture));
        List<String> expected = objdumpSections(fixture).stream()
                .map(ObjdumpSection::name).filter(n -> n.startsWith("custom:")).toList();
        List<String> actual = module.sections().stream().map(Section::name).filter(n -> n.startsWith("custom:")).toList();
        assertEquals(expected, actual, fixture);
        assertFalse(actual.stream().anyMatch(n -> n.equals("custom:")), "no empty custom names");
        assertTrue(module.warnings().isEmpty(), () -> fixture + ": " + module.warnings());
    }

    static int lebLength(long value) {
        int n = 1;
        while (value >= 0x80) {
            value >>>= 7;
            n++;
        }
        return n;
    }
}
