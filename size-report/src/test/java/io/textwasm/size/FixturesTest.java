package io.textwasm.size;

import static io.textwasm.size.TestSupport.fixtureSourceDir;
import static io.textwasm.size.TestSupport.runTool;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed .wasm fixtures are exactly what wat2wasm makes of the .wat next to them, with
 * the flags listed in FIXTURES. A fixture edited by hand, or a .wat changed without rebuilding,
 * fails here; the fix is src/test/resources/fixtures/regenerate.sh.
 */
class FixturesTest {

    static Map<String, List<String>> manifest() throws IOException {
        Map<String, List<String>> fixtures = new TreeMap<>();
        for (String line : Files.readAllLines(fixtureSourceDir().resolve("FIXTURES"))) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> words = Arrays.asList(trimmed.split("\\s+"));
            fixtures.put(words.get(0), words.subList(1, words.size()));
        }
        return fixtures;
    }

    @Test
    void committedWasmIsWhatWat2wasmBuildsFromTheWat(@TempDir Path dir) throws IOException {
        Map<String, List<String>> manifest = manifest();
        for (Map.Entry<String, List<String>> e : manifest.entrySet()) {
            Path wat = fixtureSourceDir().resolve(e.getKey() + ".wat");
            Path out = dir.resolve(e.getKey() + ".wasm");
            List<String> cmd = new ArrayList<>(List.of("wat2wasm"));
            cmd.addAll(e.getValue());
            cmd.addAll(List.of(wat.toString(), "-o", out.toString()));
            runTool(cmd);
            assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(fixtureSourceDir().resolve(e.getKey() + ".wasm")),
                    e.getKey() + ".wasm differs from `" + String.join(" ", cmd)
                            + "`; run src/test/resources/fixtures/regenerate.sh");
        }
    }

    @Test
    void everyFixtureIsListedAndHasItsSource() throws IOException {
        Map<String, List<String>> manifest = manifest();
        assertEquals(new java.util.TreeSet<>(TestSupport.FIXTURES), manifest.keySet());
        try (var files = Files.list(fixtureSourceDir())) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".wasm")) {
                    String base = name.substring(0, name.length() - 5);
                    assertTrue(Files.exists(p.resolveSibling(base + ".wat")), name + " has no .wat source");
                    assertTrue(manifest.containsKey(base), name + " is not in FIXTURES");
                }
            }
        }
    }
}
