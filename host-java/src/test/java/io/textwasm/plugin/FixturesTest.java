package io.textwasm.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every committed fixture .wasm is what its .wat compiles to (see plugins/README.md there). */
class FixturesTest {
    static final Path DIR = Path.of(System.getProperty("textwasm.repo", ".."), "host-java/src/test/resources/plugins");

    @Test
    void everyWasmIsCompiledFromTheWatBesideIt(@TempDir Path tmp) throws IOException, InterruptedException {
        Path wat2wasm = Stream.of(System.getenv("PATH").split(":")).map(d -> Path.of(d, "wat2wasm"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(wat2wasm != null, "wat2wasm is not installed (apt-get install wabt)");
        List<Path> wats;
        try (Stream<Path> s = Files.list(DIR)) {
            wats = s.filter(p -> p.toString().endsWith(".wat")).sorted().collect(Collectors.toList());
        }
        assertEquals(18, wats.size(), "fixtures in " + DIR);
        for (Path wat : wats) {
            String name = wat.getFileName().toString().replace(".wat", "");
            Path out = tmp.resolve(name + ".wasm");
            Process p = new ProcessBuilder(wat2wasm.toString(), wat.toString(), "-o", out.toString()).inheritIO().start();
            assertEquals(0, p.waitFor(), "wat2wasm " + wat);
            assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(DIR.resolve(name + ".wasm")),
                    name + ".wasm is stale: in " + DIR + " run: for f in *.wat; do wat2wasm \"$f\" -o \"${f%.wat}.wasm\"; done");
        }
    }
}
