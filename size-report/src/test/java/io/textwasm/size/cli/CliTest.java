package io.textwasm.size.cli;

import static io.textwasm.size.TestSupport.assertOneLineError;
import static io.textwasm.size.TestSupport.fixture;
import static io.textwasm.size.TestSupport.realHost;
import static io.textwasm.size.TestSupport.resource;
import static io.textwasm.size.TestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.size.TestSupport;
import io.textwasm.size.TestSupport.Run;
import io.textwasm.size.analysis.CompressionUnavailableException;
import io.textwasm.size.analysis.Compressor;
import io.textwasm.size.analysis.GzipCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {
    @TempDir
    Path dir;

    @Test
    void helpPrintsUsageAndExitsZero() {
        for (String flag : new String[] {"--help", "-h"}) {
            Run r = run(realHost(), flag);
            assertEquals(0, r.status());
            assertTrue(r.out().startsWith("usage: textwasm size [options] <module.wasm | ->"), r.out());
            assertTrue(r.out().contains("--rollup-depth K"));
            assertEquals("", r.err());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--frobnicate x.wasm           | error: unknown option '--frobnicate' (see --help)",
        "--format xml x.wasm           | error: unknown format 'xml' (expected text, markdown or json) (see --help)",
        "--format=yaml x.wasm          | error: unknown format 'yaml' (expected text, markdown or json) (see --help)",
        "--top -1 x.wasm               | error: option --top needs a whole number >= 0, got '-1' (see --help)",
        "--rollup-depth 0 x.wasm       | error: option --rollup-depth needs a whole number >= 1, got '0' (see --help)",
        "x.wasm --top                  | error: option --top needs a value (see --help)",
        "a.wasm b.wasm                 | error: more than one input file: a.wasm, b.wasm (see --help)",
        "--format json                 | error: no input file (give a .wasm file, or - for standard input) (see --help)",
        "- --budget -                  | error: standard input (-) can be read only once (see --help)",
    })
    void badUsageExitsTwoWithOneLine(String args, String expected) {
        Run r = run(realHost(), args.trim().split("\\s+"));
        assertOneLineError(r, args);
        assertEquals(expected, r.errLines().get(0));
        assertEquals("", r.out());
    }

    @Test
    void noArgumentsAtAll() {
        assertOneLineError(run(realHost()), "no args");
    }

    @Test
    void unreadableInputNamesTheFile() {
        Run missing = run(realHost(), dir.resolve("missing.wasm").toString());
        assertOneLineError(missing, "missing");
        assertEquals("error: " + dir.resolve("missing.wasm") + ": cannot read: no such file", missing.errLines().get(0));
        Run directory = run(realHost(), dir.toString());
        assertOneLineError(directory, "directory");
        assertTrue(directory.err().contains("cannot read: is a directory"));
    }

    @Test
    void optionsAcceptEqualsForm() {
        Run r = run(realHost(), "--top=3", "--rollup-depth=1", fixture("named").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Top 3 of 12"), r.out());
        assertTrue(r.out().contains("Rollup by the first 1 path segments"), r.out());
    }

    @Test
    void stepSummaryIsAppendedForMarkdown() throws IOException {
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "# earlier step\n");
        var host = realHost().withEnv(Map.of("GITHUB_STEP_SUMMARY", summary.toString())::get);
        Run first = run(host, "--format", "markdown", fixture("named").toString());
        Run second = run(host, "--format", "markdown", fixture("imports").toString());
        assertEquals(0, first.status(), first.err());
        assertEquals(0, second.status(), second.err());
        assertEquals("# earlier step\n" + first.out() + "\n" + second.out() + "\n", Files.readString(summary));
    }

    @Test
    void stepSummaryIsLeftAloneForOtherFormatsAndWithoutTheVariable() throws IOException {
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "untouched\n");
        var host = realHost().withEnv(Map.of("GITHUB_STEP_SUMMARY", summary.toString())::get);
        assertEquals(0, run(host, "--format", "text", fixture("named").toString()).status());
        assertEquals(0, run(host, "--format", "json", fixture("named").toString()).status());
        assertEquals("untouched\n", Files.readString(summary));
        assertEquals(0, run(realHost(), "--format", "markdown", fixture("named").toString()).status());
        assertEquals("untouched\n", Files.readString(summary));
    }

    @Test
    void unwritableStepSummaryIsAOneLineError() {
        var host = realHost().withEnv(Map.of("GITHUB_STEP_SUMMARY", dir.toString())::get);
        Run r = run(host, "--format", "markdown", fixture("named").toString());
        assertOneLineError(r, "summary is a directory");
        assertTrue(r.err().startsWith("error: GITHUB_STEP_SUMMARY: cannot append the report to " + dir), r.err());
    }

    @Test
    void overrunsAreReportedEvenWhenTheStepSummaryFails() throws IOException {
        Path missing = dir.resolve("no-such-dir").resolve("summary.md");
        var host = realHost().withEnv(Map.of("GITHUB_STEP_SUMMARY", missing.toString())::get);
        Path budget = dir.resolve("b.json");
        Files.writeString(budget, "{\"raw\": 100}");
        Run r = run(host, "--format", "markdown", "--budget", budget.toString(), fixture("named").toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(List.of("over budget: raw 1,240 B > 100 B (+1,140 B, +1140.0%)",
                "error: GITHUB_STEP_SUMMARY: cannot append the report to " + missing + ": its directory does not exist"),
                r.errLines());
    }

    /** A stream that fails as the host's would: by throwing, or (a plain PrintStream) by setting its error flag. */
    private static Run runWithFailingOutput(OutputStream sink, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, new PrintStream(sink, false, StandardCharsets.UTF_8), e, realHost());
        }
        return new Run(status, "", err.toString(StandardCharsets.UTF_8));
    }

    private static OutputStream failing(RuntimeException thrown, IOException signalled) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (thrown != null) {
                    throw thrown;
                }
                throw signalled;
            }
        };
    }

    @Test
    void aReportThatCannotBeWrittenIsNotASuccess() {
        String module = fixture("named").toString();
        // A plain PrintStream only sets its error flag: this ended with status 0 and no report.
        Run flagged = runWithFailingOutput(failing(null, new IOException("No space left on device")), "--format", "json", module);
        assertOneLineError(flagged, "error flag");
        assertEquals("error: cannot write the report: the output stream reported an error", flagged.errLines().get(0));
        // The textwasm CLI's stream throws, with the system's message.
        Run thrown = runWithFailingOutput(failing(new UncheckedIOException(new IOException("No space left on device")), null),
                "--format", "json", module);
        assertOneLineError(thrown, "thrown");
        assertTrue(thrown.errLines().get(0).startsWith("error: cannot write the report: "), thrown.err());
        assertTrue(thrown.errLines().get(0).endsWith("No space left on device"), thrown.err());
        // The reader went away (`... | head`): quiet, with SIGPIPE's status, as cat's.
        Run closed = runWithFailingOutput(failing(new UncheckedIOException(new IOException("Broken pipe")), null), module);
        assertEquals(141, closed.status());
        assertEquals("", closed.err());
    }

    @Test
    void aFullDiskFailsTheStandaloneCommand() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", cp));
        if (Runtime.version().feature() >= 22) {
            // What the executable jars' manifests grant (Enable-Native-Access): Brotli4j's native
            // library. A -cp launch has no manifest, and JDK 22+ would warn on stderr.
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of(Main.class.getName(), "--format", "json", fixture("named").toString()));
        Process p = new ProcessBuilder(command).redirectOutput(full.toFile()).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), err);
        assertEquals("error: cannot write the report: No space left on device\n", err);
    }

    @Test
    void dashReadsTheModuleFromStandardInput() throws IOException {
        java.io.InputStream realIn = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(fixture("named"))));
            Run fromStdin = run(realHost(), "--format", "json", "-");
            Run fromFile = run(realHost(), "--format", "json", fixture("named").toString());
            assertEquals(0, fromStdin.status(), fromStdin.err());
            // The same report, but for the input's name.
            assertEquals(fromFile.out().replace("\"file\": \"named.wasm\"", "\"file\": \"-\""), fromStdin.out());
        } finally {
            System.setIn(realIn);
        }
    }

    /** The three-argument entry point the host CLI uses: real environment, given streams. */
    @Test
    void libraryCallWritesOnlyToTheGivenStreamsAndReturnsTheStatus() {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream leaked = new ByteArrayOutputStream();
        PrintStream sentinel = new PrintStream(leaked, true, StandardCharsets.UTF_8);
        try {
            System.setOut(sentinel);
            System.setErr(sentinel);
            assertEquals(0, call(new String[] {fixture("named").toString()}, "named.wasm", ""));
            assertEquals(2, call(new String[] {dir.resolve("none.wasm").toString()}, "", "cannot read: no such file"));
            assertEquals(1, call(new String[] {"--budget", resource("budgets/over.json").toString(),
                    fixture("named").toString()}, "Budget over.json", "over budget: raw"));
            assertEquals(0, call(new String[] {"--help"}, "usage:", ""));
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        assertEquals("", leaked.toString(StandardCharsets.UTF_8), "nothing may go to System.out/err");
    }

    private static int call(String[] args, String outContains, String errContains) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains(outContains), () -> "stdout lacks <" + outContains + ">: " + o);
        assertTrue(e.contains(errContains), () -> "stderr lacks <" + errContains + ">: " + e);
        if (errContains.isEmpty()) {
            assertEquals("", e);
        }
        return status;
    }

    @Test
    void missingBrotliNativesIsAOneLineError() {
        Compressor unavailable = new Compressor() {
            @Override
            public long compressedSize(byte[] data) {
                throw new CompressionUnavailableException(
                        "brotli: native library unavailable on Plan9/mips (add the matching"
                                + " com.aayushatharva.brotli4j:native-* artifact to the classpath)",
                        new UnsatisfiedLinkError("no brotli4j"));
            }

            @Override
            public String settings() {
                return "quality 11, window 24 (Brotli4j)";
            }
        };
        Host host = new Host(Map.<String, String>of()::get, Host::readFile, new GzipCompressor(), unavailable);
        Run r = run(host, fixture("named").toString());
        assertOneLineError(r, "no natives");
        assertTrue(r.err().contains("brotli: native library unavailable on Plan9/mips"), r.err());
    }

    @Test
    void anUnexpectedBugStillGivesOneLineAndNoThrow() {
        Compressor broken = new Compressor() {
            @Override
            public long compressedSize(byte[] data) {
                throw new IllegalStateException("boom");
            }

            @Override
            public String settings() {
                return "broken";
            }
        };
        Host host = new Host(Map.<String, String>of()::get, Host::readFile, broken, broken);
        Run r = run(host, fixture("named").toString());
        assertEquals(2, r.status());
        assertEquals("error: internal error: java.lang.IllegalStateException: boom\n", r.err());
    }

    @Test
    void badBaselinesNameTheBaselineFile() throws IOException {
        Path notReport = dir.resolve("other.json");
        Files.writeString(notReport, "{\"hello\": 1}");
        Run r = run(realHost(), "--baseline", notReport.toString(), fixture("named").toString());
        assertOneLineError(r, "json");
        assertTrue(r.err().startsWith("error: " + notReport + ": baseline JSON is not a size report"), r.err());

        Path truncated = dir.resolve("old.wasm");
        byte[] named = TestSupport.fixtureBytes("named");
        Files.write(truncated, java.util.Arrays.copyOf(named, 100));
        r = run(realHost(), "--baseline", truncated.toString(), fixture("named").toString());
        assertOneLineError(r, "wasm");
        assertTrue(r.err().startsWith("error: " + truncated + ": malformed: "), r.err());

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not json");
        r = run(realHost(), "--baseline", text.toString(), fixture("named").toString());
        assertOneLineError(r, "text");
        assertTrue(r.err().contains("baseline is neither a wasm module nor a JSON report"), r.err());
    }

    @Test
    void reportShowsTheBaseNameOnly() {
        Run r = run(realHost(), fixture("named").toString());
        assertTrue(r.out().startsWith("named.wasm\n"), r.out());
        assertNotEquals(-1, r.out().indexOf("Sections: 8"));
        assertEquals(-1, r.out().indexOf(fixture("named").getParent().toString()), "no absolute paths");
    }
}
