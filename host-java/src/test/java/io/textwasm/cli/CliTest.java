package io.textwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.NormalizationForm;
import io.textwasm.TextEngine;
import io.textwasm.testkit.Cps;
import io.textwasm.testkit.Engines;
import io.textwasm.internal.Json;
import io.textwasm.testkit.Ucd;
import io.textwasm.testkit.Jvm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code textwasm} command line, run in-process through {@link Main#run}.
 *
 * <p>Golden files: the output of each command on samples/sample.txt is compared with
 * host-java/src/test/resources/golden/NAME.out. To refresh them on purpose (after a deliberate
 * change of output), run the tests with {@code -Dgolden.update=true}:
 * <pre>mvn -pl host-java test -Dtest=CliTest -Dgolden.update=true</pre>
 * which rewrites the files in the source tree (and then passes); review the diff before
 * committing. Without the switch a missing or different golden file fails the test.
 */
class CliTest {
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** What one run printed. */
    record Run(int exit, byte[] out, String err) {
        String stdout() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    static Run run(byte[] stdin, String... args) {
        return run(new ByteArrayInputStream(stdin), args);
    }

    static Run run(java.io.InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static Path sample() {
        return Ucd.root().resolve("samples/sample.txt");
    }

    static Path goldenDir() {
        return Ucd.root().resolve("host-java/src/test/resources/golden");
    }

    static void assertOk(Run r) {
        assertEquals(0, r.exit(), () -> "exit " + r.exit() + ", stderr: " + r.err());
        assertEquals("", r.err(), "nothing on stderr");
    }

    /** A usage or input error: the given exit code and exactly one line on stderr, no stack trace. */
    static void assertOneLineError(Run r, int exit, String... mentions) {
        assertEquals(exit, r.exit(), () -> "stderr: " + r.err());
        String[] lines = r.err().split("\n");
        assertEquals(1, lines.length, () -> "expected one line on stderr, got:\n" + r.err());
        assertTrue(lines[0].startsWith("textwasm: "), lines[0]);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), () -> "a stack trace or exception name: " + r.err());
        for (String m : mentions) {
            assertTrue(lines[0].contains(m), () -> "'" + lines[0] + "' should mention '" + m + "'");
        }
    }

    // ------------------------------------------------------------------ golden files

    static Stream<Arguments> goldenCommands() {
        return Stream.of(
                Arguments.of("normalize-nfc", List.of("normalize")),
                Arguments.of("normalize-nfd", List.of("normalize", "--form", "NFD")),
                Arguments.of("normalize-nfkc", List.of("normalize", "--form=NFKC")),
                Arguments.of("normalize-nfkd", List.of("normalize", "--form", "nfkd")),
                Arguments.of("normalize-nfkc-cf", List.of("normalize", "--form", "NFKC_CF")),
                Arguments.of("normalize-nfc-casefold-collapse", List.of("normalize", "--casefold", "--collapse-whitespace", "--strip-controls")),
                Arguments.of("count-words", List.of("count", "--words")),
                Arguments.of("count-graphemes", List.of("count", "--graphemes")),
                Arguments.of("count-chars", List.of("count", "--chars")),
                Arguments.of("count-bytes", List.of("count", "--bytes")),
                Arguments.of("segment-graphemes", List.of("segment", "--graphemes")),
                Arguments.of("segment-words-jsonl", List.of("segment", "--words", "--format", "jsonl")),
                Arguments.of("tokenize-text", List.of("tokenize")),
                Arguments.of("tokenize-jsonl", List.of("tokenize", "--format", "jsonl", "--no-whitespace", "--casefold")),
                Arguments.of("truncate-bytes", List.of("truncate", "--max-bytes", "100", "--ellipsis", "…", "--at-word")),
                Arguments.of("truncate-graphemes", List.of("truncate", "--max-graphemes", "150")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCommands")
    void goldenOutputOnTheSample(String name, List<String> args) throws IOException {
        List<String> argv = new ArrayList<>(args);
        argv.add(sample().toString());
        Run r = run(new byte[0], argv.toArray(new String[0]));
        assertOk(r);
        Path golden = goldenDir().resolve(name + ".out");
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, r.out());
            return;
        }
        assertTrue(Files.exists(golden), golden + " is missing; create it with -Dgolden.update=true and review it");
        String want = Files.readString(golden, StandardCharsets.UTF_8);
        String got = r.stdout();
        if (!want.equals(got)) {
            int at = io.textwasm.testkit.Batches.firstDifference(want, got);
            throw new AssertionError("textwasm " + String.join(" ", args) + " differs from " + golden + " at char " + at
                    + "\n  expected: " + Cps.escape(want.substring(Math.max(0, at - 10), Math.min(want.length(), at + 20)))
                    + "\n  actual:   " + Cps.escape(got.substring(Math.max(0, at - 10), Math.min(got.length(), at + 20)))
                    + "\n  (refresh on purpose with -Dgolden.update=true)");
        }
    }

    // ------------------------------------------------------------------ normalize

    @Test
    void normalizeReadsStdinAndFilesAndMatchesTheLibrary(@TempDir Path dir) throws IOException {
        String text = "Cafe\u0301 ｶﾞｰﾃﾞﾝ ﬁ Å\n";
        TextEngine e = Engines.aot();
        for (NormalizationForm f : NormalizationForm.values()) {
            Run r = run(text, "normalize", "--form", f == NormalizationForm.NFKC_CASEFOLD ? "NFKC_CF" : f.name());
            assertOk(r);
            assertEquals(e.normalize(text, f), r.stdout(), f.name());
        }
        Path a = Files.writeString(dir.resolve("a.txt"), "A\u030A\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "e\u0301\n");
        Run r = run("x\u0308\n", "normalize", a.toString(), "-", b.toString());
        assertOk(r);
        assertEquals("\u00C5\n\u1E8D\n\u00E9\n", r.stdout(), "files in order, '-' for stdin");
        Run opts = run("  HELLO\u0001   Wörld\t\n", "normalize", "--casefold", "--collapse-whitespace", "--strip-controls");
        assertOk(opts);
        assertEquals("hello wörld", opts.stdout());
    }

    @Test
    void invalidUtf8IsExitOneWithTheByteOffsetAndLossyReplacesIt(@TempDir Path dir) throws IOException {
        byte[] bad = {'o', 'k', ' ', (byte) 0xE2, (byte) 0x82, '!', '\n'};
        Run r = run(bad, "normalize");
        assertOneLineError(r, 1, "byte offset 3", "(--lossy replaces ill-formed sequences with U+FFFD)");
        Path f = dir.resolve("bad.txt");
        Files.write(f, bad);
        assertOneLineError(run(new byte[0], "normalize", f.toString()), 1, "byte offset 3", f.toString());
        assertOneLineError(run(bad, "count", "--graphemes"), 1, "byte offset 3");
        assertOneLineError(run(bad, "segment", "--words"), 1, "byte offset 3");
        assertOneLineError(run(bad, "tokenize"), 1, "byte offset 3");
        assertOneLineError(run(bad, "truncate", "--max-bytes", "2"), 1, "byte offset 3");
        // An error far into a long stream: the offset counts from the start of the input.
        byte[] big = ("Ω".repeat(300_000) + "\n").getBytes(StandardCharsets.UTF_8);
        big[big.length - 3] = (byte) 0xFF; // the lead byte of the last Ω
        assertOneLineError(run(big, "normalize", "--form", "NFKC"), 1, "byte offset " + (big.length - 3));
        assertOneLineError(run(big, "count", "--words"), 1, "byte offset " + (big.length - 3));

        Run lossy = run(bad, "normalize", "--lossy");
        assertOk(lossy);
        assertEquals("ok \uFFFD!\n", lossy.stdout());
        Run lossyCount = run(bad, "count", "--chars", "--lossy");
        assertOk(lossyCount);
        assertEquals("6\n", lossyCount.stdout());
    }

    @Test
    void usageErrorsAreExitTwoWithOneLine(@TempDir Path dir) {
        assertOneLineError(run("", "normalize", "--frobnicate"), 2, "--frobnicate");
        assertOneLineError(run("", "normalize", "--form", "NFX"), 2, "NFX");
        assertOneLineError(run("", "count", "-x"), 2, "-x");
        assertOneLineError(run("", "segment"), 2, "--graphemes");
        assertOneLineError(run("", "tokenize", "--format", "xml"), 2, "xml");
        assertOneLineError(run("", "truncate"), 2, "--max-bytes");
        assertOneLineError(run("", "truncate", "--max-bytes", "-3"), 2, "-3");
        assertOneLineError(run("", "truncate", "--max-bytes", "99999999999"), 2, "at most 2147483647");
        assertOneLineError(run("", "count", "--words", "--graphemes"), 2, "one of");
        assertOneLineError(run("", "truncate", "--max-bytes", "1", "--ellipsis", "……"), 2, "ellipsis");
        // ... before any input is read: a missing file used to hide it behind exit status 1.
        assertOneLineError(run("", "truncate", "--max-bytes", "1", "--ellipsis", "...", dir.resolve("missing.txt").toString()), 2, "ellipsis");
        // Flags take no value: "--casefold=no" used to turn case folding on.
        assertOneLineError(run("ABC", "normalize", "--casefold=no"), 2, "--casefold takes no value, not 'no'");
        assertOneLineError(run("x", "tokenize", "--lossy=false"), 2, "--lossy takes no value");
        assertOneLineError(run("x", "truncate", "--max-bytes", "3", "--at-word=no"), 2, "--at-word takes no value");
        // One granularity: "--graphemes --words" used to give words, the last one winning.
        assertOneLineError(run("ab", "segment", "--graphemes", "--words"), 2, "one of --graphemes or --words");
        assertOneLineError(run("ab", "truncate", "--max-bytes", "1", "--max-bytes", "2"), 2, "give only one of");
        // A repeated option keeps its last value (README), as most command lines do.
        assertEquals("{\"start\":0,\"end\":2,\"text\":\"ab\"}\n",
                run("ab", "segment", "--words", "--format", "text", "--format", "jsonl").stdout().replace(System.lineSeparator(), "\n"));
        assertEquals("ab", run("AB", "normalize", "--form", "NFKC", "--form", "NFKC_CF").stdout());
        assertOneLineError(run("", "frobnicate"), 2, "frobnicate");
        assertOneLineError(run("", "--backend", "gpu", "normalize"), 2, "gpu");
        assertOneLineError(run("", "--backend"), 2, "--backend needs a value"); // was "unknown backend ''"
        Run none = run("");
        assertEquals(2, none.exit());
        assertTrue(none.stdout().isEmpty() && none.err().startsWith("usage: textwasm"), none.err());
        Run help = run("", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.stdout().contains("normalize") && help.stdout().contains("tokenize"), help.stdout());
    }

    /**
     * What a run printed, kept as its line count and its first and last 256 bytes: the outputs
     * below run to a hundred megabytes, and holding several whole (with their Strings) ran the
     * suite's 2 GiB heap out.
     */
    record Summary(int exit, long lines, String head, String tail, String err) {}

    static Summary runSummarized(String stdin, String... args) {
        final class Tally extends java.io.OutputStream {
            long lines;
            long written;
            final ByteArrayOutputStream head = new ByteArrayOutputStream();
            final byte[] tail = new byte[256];

            @Override
            public void write(int b) {
                if (b == '\n') {
                    lines++;
                }
                if (written < tail.length) {
                    head.write(b);
                }
                tail[(int) (written++ % tail.length)] = (byte) b;
            }

            String tail() {
                int n = (int) Math.min(written, tail.length);
                byte[] last = new byte[n];
                for (int i = 0; i < n; i++) {
                    last[i] = tail[(int) ((written - n + i) % tail.length)];
                }
                return new String(last, StandardCharsets.UTF_8); // a character cut at the start becomes U+FFFD
            }
        }
        Tally out = new Tally();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, false, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Summary(code, out.lines, out.head.toString(StandardCharsets.UTF_8), out.tail(), err.toString(StandardCharsets.UTF_8));
    }

    static void assertOk(Summary r) {
        assertEquals(0, r.exit(), () -> "exit " + r.exit() + ", stderr: " + r.err());
        assertEquals("", r.err(), "nothing on stderr");
    }

    @Test
    @DisplayName("tokenize takes an 18 MB line of CJK without a cut, token by token")
    void tokenizeOfAHugePieceWithoutACut() {
        // A 42 MB line of CJK ran the core out of its 1 GiB with a message about a Java builder.
        // Well-formed text is segmented by the host now, token by token.
        Summary cjk = runSummarized("世界".repeat(3_000_000) + "!", "tokenize"); // 18 MB, one piece
        assertOk(cjk);
        assertTrue(cjk.head().startsWith("0\t3\tideographic\t世\n3\t6\tideographic\t界\n"), cjk.head());
        assertTrue(cjk.tail().endsWith("\n18000000\t18000001\tpunctuation\t!\n"), cjk.tail());
        assertEquals(6_000_001, cjk.lines());
    }

    @Test
    @DisplayName("tokenize --casefold takes a 19.5 MB line without a line feed or a space, and a single word of 17 MiB")
    void foldedTokensOfAHugePieceWithoutACut() {
        // Folded tokens come from the core a chunk at a time, cut at word boundaries that are
        // certain (before and after each ideograph here); the whole piece used to be refused.
        Summary folded = runSummarized("Straße世界".repeat(1_500_000), "tokenize", "--casefold");
        assertOk(folded);
        assertTrue(folded.head().startsWith("0\t7\tword\tstrasse\n7\t10\tideographic\t世\n10\t13\tideographic\t界\n13\t20\tword\tstrasse\n"),
                folded.head());
        assertTrue(folded.tail().endsWith("\n19499987\t19499994\tword\tstrasse\n19499994\t19499997\tideographic\t世\n19499997\t19500000\tideographic\t界\n"),
                folded.tail());
        assertEquals(4_500_000, folded.lines());
        // One word of 17 MiB has no boundary to cut at: it is one chunk and one token.
        Summary word = runSummarized("x".repeat(17 << 20), "tokenize", "--casefold", "--format", "jsonl");
        assertOk(word);
        assertTrue(word.head().startsWith("{\"start\":0,\"end\":17825792,\"kind\":\"word\",\"text\":\"xxx"), word.head());
        assertEquals(1, word.lines());
    }

    @Test
    @DisplayName("tokenize --lossy takes a long well-formed piece; one with ill-formed bytes is refused past 16 MiB as a limit")
    void lossyTokensOfAHugePieceWithoutACut() {
        // With --lossy, well-formed pieces take the host's path too; a piece with ill-formed bytes
        // goes to the core whole, so past 16 MiB without a cut it is refused as a limit.
        Summary wellFormed = runSummarized("x".repeat(17 << 20), "tokenize", "--lossy", "--format", "jsonl");
        assertOk(wellFormed);
        assertEquals(1, wellFormed.lines());
        byte[] illFormed = ("x".repeat(17 << 20) + "\uFFFF").getBytes(StandardCharsets.UTF_8);
        illFormed[illFormed.length - 3] = (byte) 0xFF;
        assertOneLineError(run(illFormed, "tokenize", "--lossy"), 1,
                "more than 16 MiB without a line feed or a space to cut at, with ill-formed UTF-8 for --lossy to replace");
    }

    @Test
    @DisplayName("every command's help goes to standard output, and `help COMMAND` shows it")
    void commandHelpOnStandardOutput() {
        for (String command : new String[] {"normalize", "count", "segment", "tokenize", "truncate"}) {
            for (Run r : new Run[] {run("", command, "--help"), run("", "help", command)}) {
                assertEquals(0, r.exit(), command);
                assertTrue(r.stdout().startsWith("usage: textwasm " + command), command + ": " + r.stdout());
                assertEquals("", r.err(), command);
            }
        }
    }

    @Test
    @DisplayName("a file that cannot be opened is reported and skipped; the others are processed and the exit code is 1")
    void unreadableFilesAreSkipped(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "one two\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "three four five\n");
        String missing = dir.resolve("missing.txt").toString();
        Run count = run("", "count", a.toString(), missing, dir.toString(), b.toString());
        assertEquals(1, count.exit());
        assertEquals("2\t" + a + "\n3\t" + b + "\n5\ttotal\n", count.stdout());
        assertEquals("textwasm: " + missing + ": no such file\ntextwasm: " + dir + ": is a directory\n", count.err());
        // An empty name is no file (Path.of("") is the working directory, reported as "is a directory").
        Run empty = run("", "count", "", a.toString());
        assertEquals(1, empty.exit());
        assertEquals("textwasm: '': no such file\n", empty.err());
        for (String command : new String[] {"normalize", "tokenize", "truncate"}) {
            String[] args = command.equals("truncate")
                    ? new String[] {command, "--max-bytes", "100", missing, b.toString()}
                    : new String[] {command, missing, b.toString()};
            Run r = run("", args);
            assertEquals(1, r.exit(), command);
            assertTrue(r.stdout().contains("three"), command + ": " + r.stdout());
            assertEquals("textwasm: " + missing + ": no such file\n", r.err(), command);
        }
    }

    @Test
    @DisplayName("after --, arguments are file names even when they start with '-'")
    void doubleDashEndsOptions(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("-x.txt"), "one two three\n");
        Run r = run("", "count", "--words", "--", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("3\n", r.stdout());
        assertOneLineError(run("", "count", "-x.txt"), 2, "-x.txt");
    }

    @Test
    @DisplayName("truncate --lossy replaces ill-formed UTF-8 as every other command does (maximal subparts)")
    void truncateLossyMatchesTheOtherCommands() {
        byte[] text = {'a', 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'c', 'd'};
        assertEquals("7\n", run(text, "count", "--chars", "--lossy").stdout());
        assertEquals("ab\uFFFD\uFFFD\uFFFDcd", run(text, "truncate", "--lossy", "--max-bytes", "100").stdout());
        assertEquals("ab\uFFFD", run(text, "truncate", "--lossy", "--max-chars", "3").stdout());
    }

    // ------------------------------------------------------------------ count, segment, tokenize, truncate

    @Test
    void countEveryUnitAndSeveralFiles(@TempDir Path dir) throws IOException {
        String text = "Hello, wörld! 👩‍👩‍👧 日本\n";
        TextEngine e = Engines.aot();
        assertEquals(e.countWords(text) + "\n", run(text, "count").stdout(), "words by default");
        assertEquals(e.countWords(text) + "\n", run(text, "count", "--words").stdout());
        assertEquals(e.countGraphemes(text) + "\n", run(text, "count", "--graphemes").stdout());
        assertEquals(text.codePointCount(0, text.length()) + "\n", run(text, "count", "--chars").stdout());
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length + "\n", run(text, "count", "--bytes").stdout());
        Path a = Files.writeString(dir.resolve("a.txt"), "one two\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "three\n");
        Run r = run("", "count", a.toString(), b.toString());
        assertOk(r);
        assertEquals("2\t" + a + "\n1\t" + b + "\n3\ttotal\n", r.stdout());
    }

    @Test
    void segmentPrintsOneEscapedSegmentPerLine() {
        Run r = run("e\u0301\tx\r\n🇫🇷", "segment", "--graphemes");
        assertOk(r);
        assertEquals("e\u0301\n\\t\nx\n\\r\\n\n🇫🇷\n", r.stdout());
        Run w = run("can't stop", "segment", "--words");
        assertOk(w);
        assertEquals("can't\n \nstop\n", w.stdout());
    }

    /** JSON Lines parse back; byte offsets slice the input into the token texts, and they tile it. */
    @Test
    void tokenizeJsonlParsesBackWithByteOffsets() {
        String text = "Grüße, 世界! 42 👍🏽 \"quoted\\\" \u2028 line\n second\tline";
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        Run r = run(in, "tokenize", "--format", "jsonl");
        assertOk(r);
        long pos = 0;
        StringBuilder joined = new StringBuilder();
        for (String line : r.stdout().split("\n")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> o = (Map<String, Object>) Json.parse(line);
            long start = ((Json.Number) o.get("start")).longValue();
            long end = ((Json.Number) o.get("end")).longValue();
            assertEquals(pos, start, line);
            String slice = new String(Arrays.copyOfRange(in, (int) start, (int) end), StandardCharsets.UTF_8);
            assertEquals(slice, o.get("text"), line);
            assertTrue(List.of("word", "number", "ideographic", "kana", "emoji", "punctuation", "whitespace", "other").contains(o.get("kind")), line);
            joined.append(slice);
            pos = end;
        }
        assertEquals(text, joined.toString());
        Run t = run("Hi, 42", "tokenize", "--no-whitespace", "--no-punctuation");
        assertOk(t);
        assertEquals("0\t2\tword\tHi\n4\t6\tnumber\t42\n", t.stdout());
    }

    @Test
    void truncateEveryUnit() {
        String text = "Hello wonderful 👩‍👩‍👧 world";
        assertEquals("Hello", run(text, "truncate", "--max-bytes", "5").stdout());
        assertEquals("Hello…", run(text, "truncate", "--max-bytes", "14", "--ellipsis", "…", "--at-word").stdout());
        assertEquals("Hello wonderful ", run(text, "truncate", "--max-chars", "17").stdout());
        assertEquals("Hello wonderful 👩‍👩‍👧", run(text, "truncate", "--max-graphemes", "17").stdout());
        assertEquals("Hello wonderful ", run(text, "truncate", "--max-utf16", "20").stdout());
        assertEquals(text, run(text, "truncate", "--max-bytes", "1000", "--ellipsis", "…").stdout());
        assertOneLineError(run(text, "truncate", "--max-bytes", "5", "--max-chars", "3"), 2);
    }

    // ------------------------------------------------------------------ version and backends

    @Test
    void versionNamesVersionModuleHashUnicodeAndBackend() {
        Run r = run("", "--version");
        assertOk(r);
        List<String> lines = Arrays.asList(r.stdout().split("\n"));
        assertEquals(4, lines.size(), r.stdout());
        assertTrue(lines.get(0).matches("textwasm \\S+"), lines.get(0));
        assertTrue(lines.get(1).matches("module sha256 [0-9a-f]{64}"), lines.get(1));
        assertEquals("module sha256 " + Engines.aot().moduleSha256(), lines.get(1));
        assertEquals("unicode 16.0.0", lines.get(2));
        assertEquals("backend aot", lines.get(3));
        assertEquals("backend interpreter", run("", "--backend", "interpreter", "--version").stdout().split("\n")[3]);
        assertEquals("backend compiler", run("", "--backend=compiler", "--version").stdout().split("\n")[3]);
    }

    @Test
    void everyBackendRunsACommand() {
        for (String b : List.of("aot", "compiler", "interpreter")) {
            Run r = run("Cafe\u0301 ﬁ\n", "--backend", b, "normalize", "--form", "NFKC");
            assertOk(r);
            assertEquals("Café fi\n", r.stdout(), b);
            Run c = run("one two three\n", "--backend", b, "count");
            assertOk(c);
            assertEquals("3\n", c.stdout(), b);
        }
    }

    /**
     * The real entry point, in a JVM whose locale is C: System.out would encode with US-ASCII and
     * print '?' for every other character; the CLI writes UTF-8 whatever the locale.
     */
    @Test
    void writesUtf8WhateverTheLocale() throws Exception {
        ProcessBuilder pb = Jvm.withTestClassPath("io.textwasm.cli.Main", "tokenize", "--format", "jsonl");
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        try (var stdin = p.getOutputStream()) {
            stdin.write("日本語 épée 👍🏽".getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"text\":\"日\"") && text.contains("\"text\":\"épée\"") && text.contains("\"text\":\"👍🏽\""), text);
        assertFalse(text.contains("?"), text);
    }

    @Test
    @DisplayName("textwasm size: a report that cannot be written is one error line, and a closed pipe ends quietly")
    void sizeReportsOutputFailuresOnce() throws Exception {
        String module = Path.of(CliTest.class.getResource("/plugins/echo.wasm").toURI()).toString();
        Path full = Path.of("/dev/full");
        if (Files.isWritable(full)) {
            // Was: status 1 ("over budget") and the error two or three times, once as an internal error.
            Process p = Jvm.withTestClassPath("io.textwasm.cli.Main", "size", "--format", "json", module)
                    .redirectOutput(full.toFile()).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, p.waitFor(), err);
            assertEquals("error: cannot write the report: No space left on device\n", err);
        }
        // The pipe is closed before the report is written (the JVM takes far longer to start).
        Process p = Jvm.withTestClassPath("io.textwasm.cli.Main", "size", "--format", "json", module).start();
        p.getInputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(141, p.waitFor(), err);
        assertEquals("", err);
    }

    @Test
    @DisplayName("when the reader of standard output goes away, the command ends quietly with 141")
    void endsWhenTheOutputIsClosed() throws Exception {
        Process p = Jvm.withTestClassPath("io.textwasm.cli.Main", "tokenize").start();
        // An endless input, as from `yes hello world | textwasm tokenize | head -1`.
        Thread feeder = new Thread(() -> {
            byte[] line = "hello world\n".repeat(4096).getBytes(StandardCharsets.UTF_8);
            try (var stdin = p.getOutputStream()) {
                while (true) {
                    stdin.write(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        feeder.setDaemon(true);
        feeder.start();
        var out = p.getInputStream();
        assertTrue(out.read(new byte[16]) > 0, "some output");
        out.close();
        // Before the fix the process ran until its input ended, here never: the wait is a guard
        // against a hang, not a speed limit.
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "still running after its output was closed");
        assertEquals(141, p.exitValue());
        assertEquals("", new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
