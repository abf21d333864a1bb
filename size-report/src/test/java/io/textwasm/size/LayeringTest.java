package io.textwasm.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The architecture, enforced: wasm (parser) depends on nothing, analysis on wasm and json,
 * emit on analysis, and only cli sees everything. Checked on the sources' imports.
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/io/textwasm/size");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.*]+);", Pattern.MULTILINE);

    private static List<String> violations(String pkg, List<String> allowedPrefixes) throws IOException {
        List<String> bad = new ArrayList<>();
        Path dir = SOURCES.resolve(pkg);
        assertTrue(Files.isDirectory(dir), dir + " (run the tests from the module directory)");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String imported = m.group(1);
                    boolean ownPackage = imported.startsWith("io.textwasm.size." + pkg + ".");
                    if (!ownPackage && allowedPrefixes.stream().noneMatch(imported::startsWith)) {
                        bad.add(f.getFileName() + " imports " + imported);
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void parserDependsOnNothingButTheJdkAndTheErrorRoot() throws IOException {
        assertEquals(List.of(), violations("wasm", List.of("java.", "io.textwasm.size.SizeReportException")));
    }

    @Test
    void jsonDependsOnNothingButTheJdkAndTheErrorRoot() throws IOException {
        assertEquals(List.of(), violations("json", List.of("java.", "io.textwasm.size.SizeReportException")));
    }

    @Test
    void analysisDoesNotKnowAboutOutputOrTheCommandLine() throws IOException {
        assertEquals(List.of(), violations("analysis", List.of("java.", "io.textwasm.size.SizeReportException",
                "io.textwasm.size.wasm.", "io.textwasm.size.json.", "com.aayushatharva.brotli4j.")));
    }

    @Test
    void emittersOnlyFormat() throws IOException {
        assertEquals(List.of(), violations("emit", List.of("java.", "io.textwasm.size.analysis.",
                "io.textwasm.size.wasm.", "io.textwasm.size.json.")));
    }

    @Test
    void mainStaysThin() throws IOException {
        long lines = Files.readAllLines(SOURCES.resolve("cli/Main.java")).size();
        assertTrue(lines <= 60, "Main.java has " + lines + " lines; move logic into the library");
    }
}
