package io.textwasm.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The three Chicory backends, the Java host on JDK 25 (when installed: {@link Tools#jdk25}) and
 * Node (V8) give byte-identical answers on every Unicode 16.0.0 conformance string: normalize in
 * all five forms, segment (graphemes, words) and tokenize. The interpreter, about a hundred times
 * slower, checks every {@value #INTERPRETER_STRIDE}th case here; the full benchmark run checks all
 * of them, and adds the native build and GraalWasm.
 */
class FidelityTest {
    static final int INTERPRETER_STRIDE = 8;

    @Test
    void everyBackendJdkAndNodeAnswerByteForByteAlike() throws Exception {
        if (Tools.node() == null) {
            fail("node is not on the PATH: this test compares the JVM backends with the same module under Node (V8). "
                    + "Install Node.js 18 or later (Debian: apt-get install nodejs) or point TEXTWASM_NODE at its binary.");
        }
        Path bench = Workspace.findBenchDir();
        Workspace ws = new Workspace(bench, bench.resolve("target/fidelity"));
        List<int[]> cases = Fidelity.cases(ws.repo());
        assertTrue(cases.size() > 40_000, "expected the 40,000-odd conformance strings, read " + cases.size() + " from " + ws.repo());

        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, List<String>> out = FidelityStage.outputs(ws, cases, 1, INTERPRETER_STRIDE, null, null, errors);
        boolean jdk25 = Tools.jdk25() != null;
        if (!jdk25) {
            // Optional: the Java host on a second JDK. Said so in the output rather than failed.
            System.out.println("FidelityTest: " + errors.remove("jdk25") + "; the host was compared on this JDK only");
        }
        assertEquals(Map.of(), errors, "a runtime could not run");
        assertEquals(jdk25 ? List.of("aot", "compiler", "interpreter", "jdk25", "node") : List.of("aot", "compiler", "interpreter", "node"),
                List.copyOf(out.keySet()));

        List<String> aot = out.get("aot");
        StringBuilder problems = new StringBuilder();
        for (Map.Entry<String, List<String>> e : out.entrySet()) {
            List<String> expected = e.getKey().equals("interpreter") ? Fidelity.every(aot, INTERPRETER_STRIDE) : aot;
            for (String d : Fidelity.differences("aot", expected, e.getKey(), e.getValue(), cases, 10)) {
                problems.append('\n').append(d);
            }
        }
        assertTrue(problems.length() == 0, "runtimes disagree (first differences):" + problems);
    }
}
