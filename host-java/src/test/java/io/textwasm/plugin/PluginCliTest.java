package io.textwasm.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * `textwasm plugin run|inspect` through {@link Main#run}, as the launcher calls it. `inspect`
 * output is compared with golden files in src/test/resources/plugins/golden; after an intended
 * change, rewrite them with {@code mvn verify -Dgolden.update=true} and review the diff.
 */
class PluginCliTest {
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    static final Path GOLDEN = Path.of(System.getProperty("textwasm.repo", ".."), "host-java/src/test/resources/plugins/golden");

    @TempDir
    static Path tmp;
    static Path redact;

    @BeforeAll
    static void copyExamples() throws IOException {
        redact = Files.write(tmp.resolve("redact.wasm"), Fixtures.example("redact"));
    }

    record Run(int code, String out, String err) {}

    static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String fixture(String name) {
        return Fixtures.fixturePath(name).toString();
    }

    /** A failure is exactly one line on stderr, with no stack trace. */
    static void oneLine(Run r, int code, String line) {
        assertEquals(code, r.code(), r.err());
        assertEquals(line + System.lineSeparator(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void runTransformsStandardInput() {
        Run r = run("mail ann@example.com, call +1 555 123 4567\n", "plugin", "run", redact.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("mail [email], call [phone]\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void runTransformsEachFileInTurn(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "a@example.com\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "+44 20 7946 0958\n");
        Run r = run("", "plugin", "run", redact.toString(), "--function", "emails", a.toString(), b.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("[email]\n+44 20 7946 0958\n", r.out());
    }

    @Test
    void runWithTheEngineBehindTheHostFunctions() throws IOException {
        Path fold = Files.write(tmp.resolve("fold-width.wasm"), Fixtures.example("fold-width"));
        Run r = run("ｶﾞｰﾃﾞﾝ ＡＢＣ\n", "plugin", "run", fold.toString());
        assertEquals("ガーデン ABC\n", r.out(), r.err());
        // The interpreted engine is about 100 times slower, and its work counts against the plugin's time.
        Run interpreted = run("ｶﾞｰﾃﾞﾝ ＡＢＣ\n", "--backend", "interpreter", "plugin", "run", fold.toString(), "--timeout", "2m");
        assertEquals("ガーデン ABC\n", interpreted.out(), interpreted.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "loop|spin|--timeout=300ms|textwasm: error: plugin 'loop': timed out after 300ms",
        "grow|grow|--max-memory=1MiB|textwasm: error: plugin 'grow': memory limit 1 MiB exceeded (memory.grow was refused, then trap: unreachable)",
        "unreachable|boom|--timeout=1s|textwasm: error: plugin 'unreachable': trap: unreachable",
        "recursion|recurse|--timeout=1s|textwasm: error: plugin 'recursion': stack exhausted: the plugin recursed deeper than the JVM stack allows",
        "bad-utf8|garble|--timeout=1s|textwasm: error: plugin 'bad-utf8': invalid output: output is not UTF-8 (at byte offset 3)",
        "too-long|flood|--max-output=1MiB|textwasm: error: plugin 'too-long': invalid output: output of 2097152 bytes exceeds the limit of 1 MiB",
        "wasi|echo|--timeout=1s|textwasm: error: plugin 'wasi': refused import wasi_snapshot_preview1.fd_write",
        "start-loop|echo|--timeout=200ms|textwasm: error: plugin 'start-loop': timed out after 200ms in the start function",
        "missing-exports|echo|--timeout=1s|textwasm: error: plugin 'missing-exports': ABI violation: missing export 'memory'",
        "reenter|again|--timeout=1s|textwasm: error: plugin 'reenter': call depth limit 4 exceeded: the plugin re-entered the host 3 times",
        "echo|fail|--timeout=1s|textwasm: error: plugin 'echo': error 7: bad input",
    })
    void everyPluginFailureIsOneLineAndExitCodeOne(String plugin, String function, String option, String line) {
        oneLine(run("text", "plugin", "run", fixture(plugin), "--function", function, option), 1, line);
    }

    @Test
    void inputProblemsAreOneLineToo(@TempDir Path dir) throws IOException {
        Path notWasm = Files.writeString(dir.resolve("notes.wasm"), "not a module");
        oneLine(run("", "plugin", "run", notWasm.toString()), 1, "textwasm: error: plugin 'notes': malformed module: not WebAssembly (no \\0asm header)");
        oneLine(run("ab\u00ff", "plugin", "run", redact.toString(), "--max-input", "2"), 1,
                "textwasm: error: <stdin>: longer than the plugin's input limit of 2 bytes (raise it with --max-input)");
        Path bad = Files.write(dir.resolve("bad.txt"), new byte[] {'o', 'k', (byte) 0xFF});
        oneLine(run("", "plugin", "run", redact.toString(), bad.toString()), 1,
                "textwasm: error: " + bad + ": invalid UTF-8 at byte offset 2 (--lossy replaces ill-formed sequences with U+FFFD)");
        Run lossy = run("", "plugin", "run", redact.toString(), "--lossy", bad.toString());
        assertEquals("ok\uFFFD", lossy.out(), lossy.err());
        String sha = HexFormat.of().formatHex(DiskCache.sha256(Fixtures.example("redact")));
        assertEquals(0, run("x", "plugin", "run", redact.toString(), "--sha256", sha).code());
        Run pinned = run("x", "plugin", "run", redact.toString(), "--sha256", "0".repeat(64));
        oneLine(pinned, 1, "textwasm: error: plugin 'redact': SHA-256 " + sha + " is not the pinned " + "0".repeat(64));
    }

    @Test
    void usageMistakesExitTwo() {
        oneLine(run("", "plugin"), 2, "textwasm: plugin needs a command: run or inspect (see textwasm plugin --help)");
        oneLine(run("", "plugin", "frobnicate"), 2, "textwasm: unknown plugin command 'frobnicate' (expected run or inspect)");
        oneLine(run("", "plugin", "run"), 2, "textwasm: plugin run needs the plugin's .wasm file (see textwasm plugin --help)");
        oneLine(run("", "plugin", "run", "/no/such.wasm"), 2, "textwasm: /no/such.wasm: no such file");
        // inspect refuses a bad limit as run does (it reported it as the module's ABI failure, status 1).
        oneLine(run("", "plugin", "inspect", redact.toString(), "--max-memory", "1"), 2, "textwasm: --max-memory must be between 64KiB and "
                + (PluginHost.MAX_MEMORY >> 20) + "MiB");
        oneLine(run("", "plugin", "run", "/tmp"), 2, "textwasm: /tmp: is a directory");
        oneLine(run("", "plugin", "run", "/dev/null"), 2, "textwasm: /dev/null: not a regular file (a plugin is read whole, from a file)");
        oneLine(run("", "plugin", "run", redact.toString(), "--timeout", "soon"), 2,
                "textwasm: --timeout needs a positive duration like 500ms, 1s or 2m, not 'soon'");
        oneLine(run("", "plugin", "run", redact.toString(), "--max-memory", "16MB"), 2,
                "textwasm: --max-memory needs a size like 65536, 512KiB or 16MiB, not '16MB'");
        oneLine(run("", "plugin", "run", redact.toString(), "--function", "nope"), 2,
                "textwasm: plugin 'redact' has no transform 'nope' (it has: redact, emails, phones)");
        oneLine(run("", "plugin", "run", fixture("echo")), 2,
                "textwasm: plugin 'echo' has several transforms (echo, calls, nfkc, zeros, fail, chatty); pick one with --function");
        oneLine(run("", "plugin", "run", redact.toString(), "--frob"), 2, "textwasm: unknown option '--frob' for 'plugin run' (see textwasm plugin --help)");
        Run help = run("", "plugin", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("usage: textwasm plugin run PLUGIN.wasm"), help.out());
    }

    @Test
    void logsGoToStandardErrorOnlyWhenAsked() {
        Run quiet = run("hi", "plugin", "run", fixture("echo"), "--function", "chatty");
        assertEquals("hi", quiet.out());
        assertEquals("", quiet.err());
        Run loud = run("hi", "plugin", "run", fixture("echo"), "--function", "chatty", "--log");
        String[] lines = loud.err().split("\n");
        assertEquals(101, lines.length);
        assertEquals("textwasm: plugin 'echo': warn: hi", lines[0]);
    }

    @Test
    void aCacheDirectoryServesTheNextRun(@TempDir Path dir) throws IOException {
        Path cache = dir.resolve("cache");
        for (int i = 0; i < 2; i++) {
            Run r = run("a@example.com", "plugin", "run", redact.toString(), "--cache-dir", cache.toString());
            assertEquals("[email]", r.out(), r.err());
        }
        try (var s = Files.walk(cache)) {
            assertEquals(1, s.filter(p -> p.toString().endsWith(".jar")).count());
        }
    }

    @ParameterizedTest
    @CsvSource({"echo,text,0", "wasi,text,1", "wrong-signatures,text,1", "missing-exports,text,1", "echo,json,0", "wasi,json,1"})
    void inspectMatchesItsGoldenFile(String plugin, String format, int code) throws IOException {
        Run r = run("", "plugin", "inspect", fixture(plugin), "--format", format);
        assertEquals(code, r.code(), r.err());
        golden(plugin + "." + (format.equals("json") ? "json" : "txt"), r.out());
        if (code == 1) {
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("textwasm: error: " + plugin + ".wasm does not follow the plugin ABI: "), r.err());
        }
    }

    @Test
    void inspectDescribesTheExamplePlugins() {
        Run r = run("", "plugin", "inspect", redact.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = new ArrayList<>(r.out().lines().toList());
        assertTrue(lines.contains("name         redact"), r.out());
        assertTrue(lines.contains("transforms   redact, emails, phones (default redact)"), r.out());
        assertTrue(lines.contains("ABI check    ok"), r.out());
        assertFalse(r.out().contains("REFUSED"));
    }

    private static void golden(String name, String actual) throws IOException {
        Path f = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(f, actual);
            return;
        }
        assertTrue(Files.exists(f), f + " is missing; create it with mvn verify -Dgolden.update=true");
        assertEquals(Files.readString(f), actual, name + " differs from its golden file (mvn verify -Dgolden.update=true rewrites it)");
    }
}
