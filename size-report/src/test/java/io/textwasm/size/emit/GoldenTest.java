package io.textwasm.size.emit;

import static io.textwasm.size.TestSupport.fixture;
import static io.textwasm.size.TestSupport.realHost;
import static io.textwasm.size.TestSupport.resource;
import static io.textwasm.size.TestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.textwasm.size.TestSupport;
import io.textwasm.size.TestSupport.Run;
import io.textwasm.size.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CLI output compared byte for byte with src/test/resources/golden. After an intended change
 * of the output, rewrite the files with {@code mvn verify -Dgolden.update=true} and review the
 * diff like any other change.
 */
class GoldenTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private static Path goldenDir() {
        return Path.of(System.getProperty("golden.dir", "src/test/resources/golden"));
    }

    static Stream<Arguments> cases() {
        String named = fixture("named").toString();
        String v2 = fixture("named-v2").toString();
        String over = resource("budgets/over.json").toString();
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of("named.txt", List.of(named)),
                Arguments.of("named.md", List.of("--format", "markdown", named)),
                Arguments.of("named.json", List.of("--format", "json", named)),
                Arguments.of("named-top3-depth1.txt", List.of("--top", "3", "--rollup-depth", "1", named)),
                Arguments.of("named-v2-vs-named.txt", List.of("--baseline", named, v2)),
                Arguments.of("named-v2-vs-named.md", List.of("--format", "markdown", "--baseline", named, v2)),
                Arguments.of("named-v2-vs-named.json", List.of("--format", "json", "--baseline", named, v2)),
                Arguments.of("named-over-budget.txt", List.of("--budget", over, named)),
                Arguments.of("named-over-budget.md", List.of("--format", "markdown", "--budget", over, named))));
        for (String f : TestSupport.FIXTURES) {
            if (!f.startsWith("named")) {
                cases.add(Arguments.of(f + ".txt", List.of(fixture(f).toString())));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGoldenFile(String golden, List<String> args) throws IOException {
        Run r = run(realHost(), args.toArray(String[]::new));
        assertTrue(r.status() == 0 || r.status() == 1, () -> "status " + r.status() + ": " + r.err());
        check(golden, r.out());
    }

    /** A saved JSON report works as a baseline and gives the same diff as the module it describes. */
    @Test
    void jsonReportAsBaselineMatchesWasmBaseline() throws IOException {
        Path report = goldenDir().resolve("named.json");
        String v2 = fixture("named-v2").toString();
        Run fromJson = run(realHost(), "--format", "json", "--baseline", report.toString(), v2);
        Run fromWasm = run(realHost(), "--format", "json", "--baseline", fixture("named").toString(), v2);
        assertEquals(0, fromJson.status(), fromJson.err());
        Map<?, ?> a = (Map<?, ?>) ((Map<?, ?>) Json.parse(fromJson.out())).get("baseline");
        Map<?, ?> b = (Map<?, ?>) ((Map<?, ?>) Json.parse(fromWasm.out())).get("baseline");
        assertEquals("json-report", a.get("source"));
        assertEquals("wasm", b.get("source"));
        for (String key : List.of("totals", "sections", "functions")) {
            assertEquals(b.get(key), a.get(key), key);
        }
        check("named-v2-vs-named-json-report.txt",
                run(realHost(), "--baseline", report.toString(), v2).out());
    }

    private static void check(String golden, String actual) throws IOException {
        Path file = goldenDir().resolve(golden);
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("missing golden file " + file + "; create it with: mvn verify -Dgolden.update=true");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("output differs from " + file + " at line " + firstDifferentLine(expected, actual)
                    + "; if the change is intended, run: mvn verify -Dgolden.update=true\n--- actual ---\n" + actual);
        }
    }

    private static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return Math.min(x.length, y.length) + 1;
    }
}
