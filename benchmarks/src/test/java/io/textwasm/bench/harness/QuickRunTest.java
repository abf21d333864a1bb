package io.textwasm.bench.harness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.bench.contender.Contender.Op;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The smoke test of `benchmarks/run.sh --quick`, in `mvn verify`: every benchmark executes once
 * and every contender runs, Node and the native build included. No figure is asserted.
 * GraalWasm and Redline may be unable to run; then the run must say why.
 */
class QuickRunTest {
    static final List<String> REQUIRED = List.of("aot", "compiler", "interpreter", "module", "icu4j", "jdk", "node", "native");

    @Test
    void everyBenchmarkAndContenderRunsOnce() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Results r;
        try (PrintStream progress = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            r = Compare.run(new String[] {"--quick"}, new PrintStream(new TeeStream(System.out, progress), true, StandardCharsets.UTF_8));
        }
        String why = "\nnot run: " + r.notRun + "\nlog:\n" + log.toString(StandardCharsets.UTF_8);
        for (String c : REQUIRED) {
            assertTrue(r.ran(c), c + " did not run" + why);
            for (Op op : Op.values()) {
                if (c.equals("jdk") && op == Op.NORMALIZE_NFKC_CF || c.equals("module") && op == Op.TRUNCATE) {
                    continue;
                }
                assertTrue(r.measurements.stream().anyMatch(m -> m.contender().equals(c) && m.op().equals(op.id())),
                        c + " did not run " + op.id() + why);
            }
        }
        for (String optional : List.of("graalwasm", "redline")) {
            assertTrue(r.ran(optional) || r.notRun.containsKey(optional), optional + " neither ran nor said why" + why);
        }
        assertTrue(r.measurements.stream().anyMatch(m -> m.contender().equals("baseline")), "no baseline ran" + why);
        assertTrue(r.measurements.stream().anyMatch(m -> m.corpus().equals("seed-words")), "the seed cases did not run" + why);
        assertFalse(r.scaling.isEmpty(), "the multi-core benchmark did not run" + why);
        assertTrue(r.startupMs.containsKey("JVM aot") && r.startupMs.containsKey("node"), "start-up was not measured" + why);
        assertFalse(r.memory.isEmpty(), "memory was not measured" + why);
        assertTrue(r.fidelityPassed, "fidelity: " + r.fidelity + why);
        Path out = Workspace.findBenchDir().resolve("target/results-quick");
        assertTrue(Files.readString(out.resolve("RESULTS.md")).contains("| normalize NFC | english |"), "RESULTS.md has no table");
        assertTrue(Files.readString(out.resolve("throughput.svg")).startsWith("<svg"), "throughput.svg is not an SVG");
    }

    /** Writes to two streams: the test's console and the log kept for failure messages. */
    static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
