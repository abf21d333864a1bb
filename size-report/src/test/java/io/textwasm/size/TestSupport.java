package io.textwasm.size;

import static org.junit.jupiter.api.Assertions.fail;

import io.textwasm.size.analysis.Compressor;
import io.textwasm.size.cli.Host;
import io.textwasm.size.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Fixtures, external tools and an in-process CLI runner shared by the tests. */
public final class TestSupport {
    /** Every fixture in src/test/resources/fixtures, each built from the .wat next to it. */
    public static final List<String> FIXTURES = List.of(
            "imports", "no-names", "custom-sections", "data-segments", "no-functions", "empty", "padded", "named",
            "named-v2");

    private TestSupport() {}

    public static Path fixture(String name) {
        return resource("fixtures/" + (name.contains(".") ? name : name + ".wasm"));
    }

    /** A file under src/test/resources, as copied to the test class path. */
    public static Path resource(String path) {
        URL url = TestSupport.class.getResource("/" + path);
        if (url == null) {
            return fail("missing test resource " + path + " (fixtures are listed in src/test/resources/fixtures/FIXTURES)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] fixtureBytes(String name) {
        try {
            return Files.readAllBytes(fixture(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Source directory of the fixtures (not the copy under target/), for the reproducibility check. */
    public static Path fixtureSourceDir() {
        return Path.of("src/test/resources/fixtures").toAbsolutePath();
    }

    // ---- external tools ---------------------------------------------------------------------

    /**
     * Returns the tool's path or FAILS: these cross-checks are the point of the tests, so a
     * machine without them must not pass silently.
     */
    public static String requireTool(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        Path usr = Path.of("/usr/bin", tool);
        if (Files.isExecutable(usr)) {
            return usr.toString();
        }
        return fail(tool + " not found on PATH; this test cross-checks against it: apt-get install wabt brotli");
    }

    /** Runs a tool and returns its standard output; fails on a non-zero exit or after 60 s. */
    public static byte[] runTool(List<String> command) {
        List<String> cmd = new ArrayList<>(command);
        cmd.set(0, requireTool(cmd.get(0)));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + cmd);
            }
            if (p.exitValue() != 0) {
                fail(cmd + " exited with " + p.exitValue() + ": " + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String runToolText(List<String> command) {
        return new String(runTool(command), StandardCharsets.UTF_8);
    }

    // ---- in-process CLI ---------------------------------------------------------------------

    /** Exit status and both streams of one {@link Main#run} call. */
    public record Run(int status, String out, String err) {
        /** Lines written to stderr (a trailing newline does not start another line). */
        public List<String> errLines() {
            if (err.isEmpty()) {
                return List.of();
            }
            String trimmed = err.endsWith("\n") ? err.substring(0, err.length() - 1) : err;
            return List.of(trimmed.split("\n", -1));
        }
    }

    /**
     * Asserts the contract for bad input: status 2, exactly one line on stderr starting with
     * "error: ", nothing that looks like a stack trace or an internal error.
     */
    public static void assertOneLineError(Run r, String context) {
        org.junit.jupiter.api.Assertions.assertEquals(2, r.status(), () -> context + ": status; stderr=" + r.err());
        List<String> lines = r.errLines();
        org.junit.jupiter.api.Assertions.assertEquals(1, lines.size(), () -> context + ": stderr lines: " + r.err());
        String line = lines.get(0);
        org.junit.jupiter.api.Assertions.assertTrue(line.startsWith("error: "), () -> context + ": " + line);
        org.junit.jupiter.api.Assertions.assertTrue(r.err().endsWith("\n"), () -> context + ": no newline");
        org.junit.jupiter.api.Assertions.assertFalse(line.contains("internal error"), () -> context + ": " + line);
        org.junit.jupiter.api.Assertions.assertFalse(line.contains("Exception"), () -> context + ": " + line);
        org.junit.jupiter.api.Assertions.assertFalse(line.contains("\tat "), () -> context + ": " + line);
    }

    public static Run run(Host host, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, o, e, host);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The real host but with an empty environment, so a CI runner's variables cannot leak in. */
    public static Host realHost() {
        return Host.system().withEnv(Map.<String, String>of()::get);
    }

    /** A compressor that costs nothing, for loops of thousands of runs. */
    public static final Compressor NO_COMPRESSION = new Compressor() {
        @Override
        public long compressedSize(byte[] data) {
            return data.length;
        }

        @Override
        public String settings() {
            return "none (test)";
        }
    };

    /** Reads files from a map instead of the disk, with no compression: for fuzzing. */
    public static Host memoryHost(Map<String, byte[]> files) {
        return new Host(Map.<String, String>of()::get, path -> {
            byte[] b = files.get(path);
            if (b == null) {
                throw new io.textwasm.size.analysis.InputException(path, "cannot read: no such file", null);
            }
            return b;
        }, NO_COMPRESSION, NO_COMPRESSION);
    }
}
