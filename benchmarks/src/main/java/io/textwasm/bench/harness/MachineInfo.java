package io.textwasm.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** What the report says about the machine and the software that ran. */
final class MachineInfo {
    private MachineInfo() {}

    static void describe(Map<String, String> m, Workspace ws) {
        m.put("CPU", cpu());
        m.put("cores (available to the JVM)", String.valueOf(Runtime.getRuntime().availableProcessors()));
        m.put("RAM", ram());
        m.put("OS", os());
        m.put("JDK (JMH forks)", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (java.text: Unicode " + jdkUnicode() + ")");
        Path jdk25 = Tools.jdk25();
        m.put("JDK 25 (GraalWasm, jdk25 column)", jdk25 == null ? "not installed" : Tools.version(jdk25.toString(), "-version"));
        Path node = Tools.node();
        m.put("Node", node == null ? "not installed" : Tools.version(node.toString(), "--version"));
        for (Path cargo : Tools.cargos()) {
            m.put("rustc at " + cargo.getParent(), Tools.version(cargo.getParent().resolve("rustc").toString(), "--version"));
        }
        m.put("Chicory", pomVersion("com.dylibso.chicory", "runtime"));
        m.put("ICU4J", com.ibm.icu.util.VersionInfo.ICU_VERSION + " (Unicode " + com.ibm.icu.lang.UCharacter.getUnicodeVersion() + ")");
        m.put("JMH", pomVersion("org.openjdk.jmh", "jmh-core"));
        m.put("textwasm", pomVersion("io.textwasm", "textwasm") + ", Unicode " + io.textwasm.TextEngine.UNICODE_VERSION);
        m.put("textwasm.wasm", String.format("%,d bytes, sha256 %s", ws.wasmBytes.length, ws.wasmSha256()));
        m.put("source", commit(ws.repo()));
    }

    /**
     * The checkout the harness ran from, and whether it had uncommitted changes. The jars measured
     * are those in ~/.m2 unless run.sh --build rebuilt them from this checkout (benchmarks/README).
     */
    static String commit(Path repo) {
        try {
            Tools.Run head = Tools.run(java.util.List.of("git", "-C", repo.toString(), "rev-parse", "--short", "HEAD"), null, 30);
            Tools.Run status = Tools.run(java.util.List.of("git", "-C", repo.toString(), "status", "--porcelain", "--untracked-files=no"), null, 30);
            String sha = head.stdout().strip();
            if (sha.isEmpty()) {
                return "not a git checkout";
            }
            return "commit " + sha + (status.stdout().isBlank() ? "" : ", with uncommitted changes");
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The newest Unicode version java.lang.Character knows, probed by a code point each version added. */
    static String jdkUnicode() {
        if (Character.isDefined(0x1C89)) {
            return "16.0"; // CYRILLIC CAPITAL LETTER TJE
        } else if (Character.isDefined(0x2EBF0)) {
            return "15.1"; // CJK Extension I
        } else if (Character.isDefined(0x1E030)) {
            return "15.0";
        } else if (Character.isDefined(0x1E290)) {
            return "14.0";
        } else if (Character.isDefined(0x1FAD0)) {
            return "13.0"; // BLUEBERRIES
        }
        return "12.1 or older";
    }

    private static String cpu() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String ram() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal")) {
                    long kb = Long.parseLong(l.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return String.format("%.1f GiB max heap", Runtime.getRuntime().maxMemory() / 1073741824.0);
    }

    private static String os() {
        try {
            for (String l : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (l.startsWith("PRETTY_NAME=")) {
                    return l.substring(12).replace("\"", "") + ", Linux " + System.getProperty("os.version");
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static String pomVersion(String group, String artifact) {
        try (InputStream in = MachineInfo.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version");
            }
        } catch (IOException e) {
            // fall through
        }
        return "?";
    }
}
