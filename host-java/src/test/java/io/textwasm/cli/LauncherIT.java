package io.textwasm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code textwasm} script at the repository's root, run as a user runs it, against the packaged
 * CLI jar: its class-data-sharing archive is written once, used after that (classes come from
 * it), and neither that nor an archive the JVM cannot use changes what a command prints.
 */
class LauncherIT {
    private static final Path SCRIPT = Path.of("..", "textwasm").toAbsolutePath().normalize();

    private record Run(int exit, String stdout, String stderr) {}

    private static Run run(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        // The JVM running the tests, found first on the PATH the script searches.
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        pb.environment().put("PATH", javaBin + File.pathSeparator + System.getenv("PATH"));
        pb.environment().remove("JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the script did not finish: " + command);
        return new Run(p.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
    }

    private static List<Path> archives(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesTheArchiveOnceThenLoadsClassesFromIt(@TempDir Path dir) throws Exception {
        requireScriptAndJar();
        Map<String, String> env = Map.of("TEXTWASM_CDS_DIR", dir.toString());
        Run first = run(env, "one two, three\n", "count");
        assertEquals(new Run(0, "3\n", ""), first);
        List<Path> written = archives(dir);
        assertEquals(1, written.size(), "one archive, no temporary file left: " + written);
        Path archive = written.get(0);
        assertTrue(archive.getFileName().toString().matches("textwasm-\\d+-\\d+\\.jsa"), archive.toString());
        FileTime when = Files.getLastModifiedTime(archive);
        byte[] bytes = Files.readAllBytes(archive);

        assertEquals(first, run(env, "one two, three\n", "count"));
        assertEquals(List.of(archive), archives(dir), "the second run wrote another archive");
        assertEquals(when, Files.getLastModifiedTime(archive), "the second run rewrote the archive");
        assertArrayEquals(bytes, Files.readAllBytes(archive));

        // The engine's classes come from the archive: what makes a short command faster.
        Run logged = run(Map.of("TEXTWASM_CDS_DIR", dir.toString(), "JAVA_OPTS", "-Xlog:class+load=info"), "one\n", "count");
        assertEquals(0, logged.exit(), logged.stderr());
        assertTrue(logged.stdout().lines().anyMatch(l -> l.contains("io.textwasm.TextEngine source: shared objects file")),
                "TextEngine was not loaded from the archive:\n" + logged.stdout().lines()
                        .filter(l -> l.contains("io.textwasm.TextEngine ")).collect(Collectors.joining("\n")));
    }

    @Test
    void anArchiveTheJvmCannotUseChangesNothing(@TempDir Path dir) throws Exception {
        requireScriptAndJar();
        Map<String, String> env = Map.of("TEXTWASM_CDS_DIR", dir.toString());
        assertEquals(new Run(0, "2\n", ""), run(env, "one two\n", "count"));
        Path archive = archives(dir).get(0);
        archive.toFile().setWritable(true);
        Files.write(archive, "not an archive".getBytes(StandardCharsets.US_ASCII));
        assertEquals(new Run(0, "2\n", ""), run(env, "one two\n", "count"));
        // A user mistake still gets its message, and nothing else, on standard error.
        Run bad = run(env, "", "count", "--nope");
        assertEquals(2, bad.exit(), bad.toString());
        assertFalse(bad.stderr().contains("cds"), bad.stderr());
        assertTrue(bad.stderr().contains("--nope"), bad.stderr());
    }

    @Test
    void turnedOffItWritesNothing(@TempDir Path dir) throws Exception {
        requireScriptAndJar();
        Path cds = dir.resolve("cds");
        assertEquals(new Run(0, "1\n", ""), run(Map.of("TEXTWASM_CDS", "0", "TEXTWASM_CDS_DIR", cds.toString()), "word\n", "count"));
        assertFalse(Files.exists(cds), "TEXTWASM_CDS=0 still made " + cds);
    }

    /** The script and the CLI jar {@code mvn package} builds (the script would build one itself, in a test run). */
    private static void requireScriptAndJar() {
        assertTrue(Files.isRegularFile(SCRIPT), "no launcher script at " + SCRIPT);
        assertTrue(Files.isRegularFile(Path.of("target", "textwasm-0.1.0-cli.jar")), "the CLI jar is not built (mvn package)");
    }
}
