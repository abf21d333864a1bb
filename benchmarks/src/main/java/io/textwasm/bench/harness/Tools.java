package io.textwasm.bench.harness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where the other runtimes and toolchains are, and running them as child processes. */
final class Tools {
    private Tools() {}

    /** The output of a finished process. */
    record Run(int exit, String stdout, String stderr) {
        /** The last lines of stderr, for an error message. */
        String tail() {
            String[] lines = stderr.strip().split("\n");
            return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 8), lines.length));
        }
    }

    static Run run(List<String> command, Path dir, long timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("textwasm-bench", ".out");
        Path err = Files.createTempFile("textwasm-bench", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            boolean done;
            try {
                done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + command.get(0), e);
            }
            if (!done) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command.subList(0, Math.min(3, command.size()))) + " ... did not finish within " + timeoutSeconds + " s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A program on the PATH, or null. */
    static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static Path node() {
        String env = System.getenv("TEXTWASM_NODE");
        return env != null ? Path.of(env) : onPath("node");
    }

    /** rustup's cargo first (any recent toolchain builds it), then the system's (Debian's 1.63). */
    static List<Path> cargos() {
        List<Path> out = new ArrayList<>();
        String env = System.getenv("TEXTWASM_CARGO");
        if (env != null) {
            out.add(Path.of(env));
        }
        Path rustup = Path.of(System.getProperty("user.home"), ".cargo", "bin", "cargo");
        if (Files.isExecutable(rustup)) {
            out.add(rustup);
        }
        Path sys = onPath("cargo");
        if (sys != null && !out.contains(sys)) {
            out.add(sys);
        }
        return out;
    }

    /** JDK 25's java (for GraalWasm and java.text on Unicode 16), or null. */
    static Path jdk25() {
        String env = System.getenv("TEXTWASM_JDK25");
        Path home = Path.of(env != null ? env : "/usr/lib/jvm/temurin-25-jdk-amd64");
        Path java = home.resolve("bin/java");
        return Files.isExecutable(java) ? java : null;
    }

    /** This JVM's java launcher. */
    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The first line a command prints (stdout or stderr), or why it could not run. */
    static String version(String... command) {
        try {
            Run r = run(List.of(command), null, 30);
            String text = (r.stdout + "\n" + r.stderr).strip();
            return text.isEmpty() ? "?" : text.split("\n")[0].strip();
        } catch (IOException e) {
            return "not available (" + e.getMessage() + ")";
        }
    }
}
