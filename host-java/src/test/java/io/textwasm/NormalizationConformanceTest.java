package io.textwasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.testkit.Batches;
import io.textwasm.testkit.Cps;
import io.textwasm.testkit.Engines;
import io.textwasm.testkit.Ucd;
import io.textwasm.testkit.Ucd.NormLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official NormalizationTest.txt for Unicode 16.0.0 (vendored as JSON in wasm-module/ucd),
 * every part and every column, through every Java entry point and every backend:
 *
 * <pre>
 *   NFC:  c2 == toNFC(c1) == toNFC(c2) == toNFC(c3);   c4 == toNFC(c4) == toNFC(c5)
 *   NFD:  c3 == toNFD(c1) == toNFD(c2) == toNFD(c3);   c5 == toNFD(c4) == toNFD(c5)
 *   NFKC: c4 == toNFKC(c1) == ... == toNFKC(c5)
 *   NFKD: c5 == toNFKD(c1) == ... == toNFKD(c5)
 * </pre>
 *
 * plus the Part 1 rule: every code point not listed in Part 1's c1 is unchanged by all four
 * forms, checked for every one of those scalar values.
 *
 * <p>Speed: U+000A is a starter with ccc 0 that composes with nothing, decomposes to nothing and
 * is unchanged by every form, so no normalization reaches across it. One column of the whole
 * file joined with "\n" is therefore one call whose output, split on "\n", is the per-line
 * results: 20 calls per entry point instead of 400,000.
 *
 * <p>What runs where: the entry points differ in host code (streaming cuts the text where
 * normalization cannot reach across and calls the core in its partial mode), the backends only
 * in how the same core runs. So the AOT backend (the default) runs every entry point; the runtime
 * compiler runs the String, UTF-8 and byte-stream paths; the interpreter, about 100 times
 * slower, runs the String path and the byte-stream path (all five columns in one stream, so it is
 * long enough to be cut into chunks) on Parts 0, 2, 3, 4 and 5 whole and every 10th line of
 * Part 1 (which tests one code point per line).
 */
class NormalizationConformanceTest {
    /** For each form, the column (0-based) each of c1..c5 must normalize to. */
    private static final int[][] EXPECTED_COLUMN = {
        {1, 1, 1, 3, 3}, // NFC
        {2, 2, 2, 4, 4}, // NFD
        {3, 3, 3, 3, 3}, // NFKC
        {4, 4, 4, 4, 4}, // NFKD
    };
    private static final NormalizationForm[] FORMS = {NormalizationForm.NFC, NormalizationForm.NFD, NormalizationForm.NFKC, NormalizationForm.NFKD};

    private static List<NormLine> all;
    private static List<NormLine> interpreterSubset;

    @BeforeAll
    static void load() {
        all = Ucd.normalizationTest();
        interpreterSubset = all.stream()
                .filter(l -> !l.part().equals("Part1") || l.lineNo() % 10 == 0)
                .collect(Collectors.toList());
    }

    /** One way into the engine, all taking and giving Java strings so results compare alike. */
    enum EntryPoint {
        STRING {
            @Override
            String normalize(TextEngine e, String s, NormalizationForm f) {
                return e.normalize(s, f);
            }
        },
        UTF8_BYTES {
            @Override
            String normalize(TextEngine e, String s, NormalizationForm f) {
                return new String(e.normalize(s.getBytes(StandardCharsets.UTF_8), f, NormalizationOptions.DEFAULT), StandardCharsets.UTF_8);
            }
        },
        READER_WRITER {
            @Override
            String normalize(TextEngine e, String s, NormalizationForm f) {
                StringWriter w = new StringWriter();
                try {
                    e.normalize(new StringReader(s), w, f, NormalizationOptions.DEFAULT);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
                return w.toString();
            }
        },
        /** A Reader that returns 1 to 7 chars per read, so surrogate pairs are split across reads. */
        READER_WRITER_SMALL_READS {
            @Override
            String normalize(TextEngine e, String s, NormalizationForm f) {
                StringWriter w = new StringWriter();
                try {
                    e.normalize(new TrickleReader(new StringReader(s), s.length()), w, f, NormalizationOptions.DEFAULT);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
                return w.toString();
            }
        },
        INPUT_OUTPUT_STREAM {
            @Override
            String normalize(TextEngine e, String s, NormalizationForm f) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    e.normalize(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), out, f, NormalizationOptions.DEFAULT);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
                return out.toString(StandardCharsets.UTF_8);
            }
        };

        abstract String normalize(TextEngine e, String s, NormalizationForm f);
    }

    static Stream<Arguments> backendsAndEntryPoints() {
        List<Arguments> out = new ArrayList<>();
        for (EntryPoint p : EntryPoint.values()) {
            out.add(Arguments.of(Backend.AOT, p));
        }
        out.add(Arguments.of(Backend.COMPILER, EntryPoint.STRING));
        out.add(Arguments.of(Backend.COMPILER, EntryPoint.UTF8_BYTES));
        out.add(Arguments.of(Backend.COMPILER, EntryPoint.INPUT_OUTPUT_STREAM));
        out.add(Arguments.of(Backend.INTERPRETER, EntryPoint.STRING));
        out.add(Arguments.of(Backend.INTERPRETER, EntryPoint.INPUT_OUTPUT_STREAM));
        return out.stream();
    }

    /**
     * All five columns of every line, joined with "\n" into one text per form (see the class
     * comment), normalized in one call, split and compared line by line.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndEntryPoints")
    void everyLineEveryColumnEveryForm(Backend backend, EntryPoint entry) {
        TextEngine engine = Engines.get(backend);
        List<NormLine> lines = backend == Backend.INTERPRETER ? interpreterSubset : all;
        StringBuilder joined = new StringBuilder();
        for (int col = 0; col < 5; col++) {
            for (NormLine l : lines) {
                if (joined.length() > 0) {
                    joined.append('\n');
                }
                joined.append(l.c()[col]);
            }
        }
        List<String> failures = new ArrayList<>();
        for (int f = 0; f < FORMS.length; f++) {
            List<String> got = Batches.split(entry.normalize(engine, joined.toString(), FORMS[f]), '\n');
            if (got.size() != 5 * lines.size()) {
                failures.add(FORMS[f] + ": " + 5 * lines.size() + " lines in but " + got.size()
                        + " out; the output gained or lost a U+000A");
                continue;
            }
            for (int col = 0; col < 5; col++) {
                int want = EXPECTED_COLUMN[f][col];
                for (int i = 0; i < lines.size(); i++) {
                    NormLine l = lines.get(i);
                    String actual = got.get(col * lines.size() + i);
                    if (!actual.equals(l.c()[want])) {
                        failures.add(Cps.diff(l.describe() + ": c" + (want + 1) + " == " + FORMS[f] + "(c" + (col + 1) + ")",
                                l.c()[col], l.c()[want], actual));
                    }
                }
            }
        }
        Batches.assertNone(failures, "\n  (" + backend + ", " + entry + ")");
    }

    /**
     * isNormalized(x, F) must be true exactly when F(x) == x, for every column of every line.
     * One call per string here: a joined batch would only give the AND of its lines.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void isNormalizedAgreesWithTheExpectedColumns(Backend backend) {
        TextEngine engine = Engines.get(backend);
        List<NormLine> lines = backend == Backend.AOT ? all : interpreterSubset;
        if (backend == Backend.INTERPRETER) {
            // An interpreted call costs about 0.2 ms however short the text: every 50th line.
            lines = lines.stream().filter(l -> l.lineNo() % 50 == 0).collect(Collectors.toList());
        }
        List<String> failures = new ArrayList<>();
        for (NormLine l : lines) {
            for (int f = 0; f < FORMS.length; f++) {
                for (int col = 0; col < 5; col++) {
                    String in = l.c()[col];
                    boolean want = in.equals(l.c()[EXPECTED_COLUMN[f][col]]);
                    boolean viaString = engine.isNormalized(in, FORMS[f]);
                    boolean viaBytes = engine.isNormalized(in.getBytes(StandardCharsets.UTF_8), FORMS[f], NormalizationOptions.DEFAULT);
                    if (viaString != want || viaBytes != want) {
                        failures.add(l.describe() + ": isNormalized(c" + (col + 1) + ", " + FORMS[f] + ") should be " + want
                                + " but is " + viaString + " (String) / " + viaBytes + " (UTF-8)\n  given: " + Cps.escape(in));
                    }
                }
            }
        }
        Batches.assertNone(failures, null);
    }

    /** 1.1 million code points per form: each entry point once on AOT; the String path on the others. */
    static Stream<Arguments> part1RuleRuns() {
        return Stream.of(
                Arguments.of(Backend.AOT, EntryPoint.STRING),
                Arguments.of(Backend.AOT, EntryPoint.UTF8_BYTES),
                Arguments.of(Backend.AOT, EntryPoint.READER_WRITER),
                Arguments.of(Backend.AOT, EntryPoint.INPUT_OUTPUT_STREAM),
                Arguments.of(Backend.COMPILER, EntryPoint.STRING),
                Arguments.of(Backend.INTERPRETER, EntryPoint.STRING));
    }

    static Stream<Backend> backends() {
        return Stream.of(Backend.values());
    }

    /** The Part 1 rule, for each of the scalar values it covers, through every entry point. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("part1RuleRuns")
    void codePointsNotInPart1AreUnchangedByEveryForm(Backend backend, EntryPoint entry) {
        Set<Integer> part1 = new HashSet<>();
        for (NormLine l : all) {
            if (l.part().equals("Part1")) {
                part1.add(l.c()[0].codePointAt(0));
            }
        }
        assertTrue(part1.size() > 17000, "Part 1 lists " + part1.size() + " code points; the file looks truncated");
        // The interpreter takes every 32nd code point: about 33,000 of them, every block sampled.
        int step = backend == Backend.INTERPRETER ? 32 : 1;
        StringBuilder b = new StringBuilder(3 << 20);
        int n = 0;
        for (int cp : Cps.allScalarValues()) {
            if (cp % step == 0 && !part1.contains(cp)) {
                b.appendCodePoint(cp).append('\n'); // see the class comment: "\n" keeps them apart
                n++;
            }
        }
        String text = b.toString();
        TextEngine engine = Engines.get(backend);
        List<String> failures = new ArrayList<>();
        for (NormalizationForm f : FORMS) {
            String got = entry.normalize(engine, text, f);
            if (!got.equals(text)) {
                List<String> in = Batches.split(text, '\n');
                List<String> out = Batches.split(got, '\n');
                for (int i = 0; i < Math.min(in.size(), out.size()) && failures.size() < 10; i++) {
                    if (!in.get(i).equals(out.get(i))) {
                        failures.add(Cps.diff(f + " must leave a code point not listed in Part 1 unchanged", in.get(i), in.get(i), out.get(i)));
                    }
                }
                if (in.size() != out.size()) {
                    failures.add(f + ": " + in.size() + " lines in, " + out.size() + " out");
                }
            }
            if (entry == EntryPoint.STRING) {
                assertTrue(engine.isNormalized(text, f), f + ": isNormalized is false for the code points not in Part 1");
            }
        }
        Batches.assertNone(failures, "\n  (" + backend + ", " + entry + ", " + n + " code points)");
    }

    /** Guards the data itself: if the vendored file lost a part, the tests above would test less. */
    @Test
    void theFileHasEveryPart() {
        Set<String> parts = all.stream().map(NormLine::part).collect(Collectors.toSet());
        assertEquals(Set.of("Part0", "Part1", "Part2", "Part3", "Part4", "Part5"), parts);
        assertTrue(all.size() > 19000, "only " + all.size() + " lines");
    }

    /** Returns at most 1..7 chars per read (a fixed seed: this is about chunking, not content). */
    static final class TrickleReader extends FilterReader {
        private final Random r;

        TrickleReader(Reader in, long seed) {
            super(in);
            this.r = new Random(seed);
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            return super.read(cbuf, off, Math.min(len, 1 + r.nextInt(7)));
        }
    }
}
