package io.textwasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.testkit.Jvm;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on the module path (README, "Java"): an application module that
 * {@code requires io.textwasm;} compiles and runs. The core module is in another jar
 * (textwasm-core), which {@code Class.getResourceAsStream} does not search there: the engine
 * could not start before it looked the module up through its class loader.
 */
class ModulePathIT {

    @Test
    void anApplicationModuleRequiringIoTextwasmRuns(@TempDir Path dir) throws IOException, InterruptedException {
        Path jar = Path.of(TextEngine.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        assertTrue(jar.toString().endsWith(".jar"), "not run against the packaged jar: " + jar);
        // What a user's build inherits, from the test class path: Chicory, its ASM, and the core's
        // jar. Not the size report or Brotli4j, which are optional (the command line's `size`).
        String cp = Jvm.testClassPath();
        List<String> modulePath = new ArrayList<>();
        modulePath.add(jar.toString());
        for (String entry : cp.split(File.pathSeparator)) {
            String e = entry.replace('\\', '/');
            boolean runtime = e.contains("/com/dylibso/chicory/") || e.contains("/org/ow2/asm/")
                    || e.matches(".*/textwasm-core-[^/]*\\.jar");
            if (runtime && e.endsWith(".jar") && !modulePath.contains(entry)) {
                modulePath.add(entry);
            }
        }
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("demo"));
        Files.writeString(src.resolve("module-info.java"), "module demo { requires io.textwasm; }\n");
        Files.writeString(src.resolve("demo/Main.java"), String.join("\n",
                "package demo;",
                "import io.textwasm.NormalizationForm;",
                "import io.textwasm.TextEngine;",
                "public class Main {",
                "    public static void main(String[] args) {",
                "        try (TextEngine e = TextEngine.create()) {",
                "            System.out.println(e.normalize(\"\\uFF34\\uFF45\\uFF58\\uFF54\", NormalizationForm.NFKC) + \" \" + e.countWords(\"one two\"));",
                "        }",
                "    }",
                "}", ""));
        Path out = dir.resolve("out");
        String mp = String.join(File.pathSeparator, modulePath);
        List<String> sources;
        try (Stream<Path> files = Files.walk(src)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
        }
        List<String> javac = new ArrayList<>(List.of("--module-path", mp, "-d", out.toString()));
        javac.addAll(sources);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(new String[0])), "javac");

        Process p = new ProcessBuilder(Jvm.launcher(), "--module-path", out + File.pathSeparator + mp, "--add-modules", "ALL-MODULE-PATH",
                "-m", "demo/demo.Main").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the application did not finish");
        assertEquals("Text 2", output.strip(), output);
        assertEquals(0, p.exitValue(), output);
    }
}
