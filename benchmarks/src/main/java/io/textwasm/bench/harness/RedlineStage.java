package io.textwasm.bench.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * Chicory Redline (io.roastedroot) compiles wasm to native code with Cranelift at build time and
 * runs it through jffi (Java 11+) or Panama (Java 25). Its runtime is on Maven Central, but the
 * compiler that produces the native code (redline-compiler, redline-build-time-compiler,
 * redline-compiler-maven-plugin) was not when this harness was written, and without compiled code
 * the runtime only falls back to Chicory's bytecode compiler, which is the "compiler" contender.
 * This stage asks Maven again on every run and records its exact answer.
 */
final class RedlineStage {
    static final String COMPILER = "io.roastedroot:redline-compiler:0.0.5";

    private final Results results;
    private final PrintStream progress;

    RedlineStage(Results results, PrintStream progress) {
        this.results = results;
        this.progress = progress;
    }

    void run() {
        Tools.Run r;
        try {
            // -U: ask the repository, not the local cache of an earlier miss.
            r = Tools.run(List.of(mvn(), "-B", "-q", "-U", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get",
                    "-Dartifact=" + COMPILER, "-Dtransitive=false"), null, 180);
        } catch (IOException e) {
            results.notRun.put("redline", "could not ask Maven for " + COMPILER + ": " + e.getMessage());
            return;
        }
        String why;
        if (r.exit() == 0) {
            why = COMPILER + " now resolves from Maven Central: the contender can be wired up (see benchmarks/README.md, Redline)";
        } else {
            String all = (r.stdout() + "\n" + r.stderr()).replaceAll("\\u001B\\[[0-9;]*m", "");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Could not (?:find|transfer) artifact [^\\n]*?(?= -> |\\n|$)").matcher(all);
            String error = m.find() ? m.group().strip() : all.lines().filter(l -> l.contains("[ERROR]")).findFirst().orElse(r.tail()).replace("[ERROR] ", "").strip();
            // Repository addresses stay out of committed results.
            error = error.replaceAll("\\(https?://[^)]*\\)", "").replaceAll("https?://\\S+", "<repository>").replaceAll("\\s+", " ").strip();
            why = "its compiler is not published: `mvn dependency:get -Dartifact=" + COMPILER + "` fails with \"" + error + "\". "
                    + "Only the runtime (io.roastedroot:redline, redline-runner-jffi 0.0.5) resolves; without Cranelift-compiled code it "
                    + "falls back to Chicory's bytecode compiler, which is the 'compiler' contender.";
        }
        results.notRun.put("redline", why);
        progress.println("redline: not run: " + why);
    }

    private static String mvn() {
        java.nio.file.Path p = Tools.onPath("mvn");
        return p == null ? "mvn" : p.toString();
    }
}
