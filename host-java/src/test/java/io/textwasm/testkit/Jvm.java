package io.textwasm.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** New JVMs for tests that need a process of their own: a small heap, a real stdout, a crash kept away. */
public final class Jvm {
    private Jvm() {}

    /** The java launcher of the JVM running the tests. */
    public static String launcher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The tests' class path (under Surefire, java.class.path is only its booter jar). */
    public static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** {@code java -cp TEST_CLASS_PATH ARGS...}: JVM options, then the main class and its arguments. */
    public static ProcessBuilder withTestClassPath(String... args) {
        List<String> command = new ArrayList<>(List.of(launcher(), "-cp", testClassPath()));
        if (Runtime.version().feature() >= 22) {
            // What the CLI jar's manifest grants (Enable-Native-Access) for Brotli4j's native
            // library; a -cp launch has no manifest, and JDK 22+ would warn on stderr.
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
