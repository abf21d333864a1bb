package io.textwasm.bench.harness;

import io.textwasm.TextEngine;
import io.textwasm.bench.corpus.Corpora;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The files a run shares between runtimes: the benchmarks folder (scripts), the raw-output folder,
 * the corpora as UTF-8 files, and the very .wasm the Java host embeds, extracted from the class path.
 */
final class Workspace {
    /** The resource the Java host loads (io.textwasm.internal.CoreModule.RESOURCE). */
    static final String WASM_RESOURCE = "/io/textwasm/core/textwasm.wasm";
    /**
     * What Chicory's build-time compiler keeps of the module it compiled into the AOT backend: every
     * section but the code (host-java's pom names the class io.textwasm.internal.aot.CoreModule).
     */
    static final String AOT_META_RESOURCE = "/io/textwasm/internal/aot/CoreModule.meta";

    final Path benchDir;
    final Path out;
    final Path raw;
    final Path corpora;
    final Path wasm;
    final byte[] wasmBytes;

    Workspace(Path benchDir, Path out) {
        this.benchDir = benchDir;
        this.out = out;
        this.raw = out.resolve("raw");
        this.corpora = raw.resolve("corpora");
        this.wasm = raw.resolve("textwasm.wasm");
        try (InputStream in = TextEngine.class.getResourceAsStream(WASM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the core module " + WASM_RESOURCE + " is not on the class path (textwasm-core jar)");
            }
            wasmBytes = in.readAllBytes();
            checkAotMatches(wasmBytes);
            Files.createDirectories(raw);
            Files.write(wasm, wasmBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Corpora.writeAll(corpora);
    }

    /**
     * The AOT backend runs classes compiled from the module when textwasm.jar was built, every
     * other runtime the textwasm.wasm of the textwasm-core jar. If the two jars come from different
     * builds, the comparison would set two different modules side by side: refuse.
     */
    static void checkAotMatches(byte[] wasm) throws IOException {
        try (InputStream in = TextEngine.class.getResourceAsStream(AOT_META_RESOURCE)) {
            if (in == null) {
                return; // the host no longer ships the metadata there; nothing to compare
            }
            java.util.Map<Integer, String> aot = sections(in.readAllBytes());
            java.util.Map<Integer, String> core = sections(wasm);
            if (!aot.equals(core)) {
                throw new IllegalStateException("the AOT backend in the textwasm jar was compiled from a different module than the textwasm.wasm "
                        + "in the textwasm-core jar (sections other than code differ); the jars come from different builds: rebuild and "
                        + "install both (benchmarks/run.sh --build, or mvn install -pl host-java -am)");
            }
        }
    }

    /** Section id → bytes (hex of a hash) for every section but code (10) and custom (0). */
    private static java.util.Map<Integer, String> sections(byte[] b) {
        java.util.Map<Integer, String> out = new java.util.TreeMap<>();
        int i = 8;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            while (i < b.length) {
                int id = b[i++] & 0xFF;
                long size = 0;
                int shift = 0;
                int x;
                do {
                    x = b[i++] & 0xFF;
                    size |= (long) (x & 0x7F) << shift;
                    shift += 7;
                } while ((x & 0x80) != 0);
                if (id != 0 && id != 10) {
                    sha.reset();
                    sha.update(b, i, (int) size);
                    out.merge(id, HexFormat.of().formatHex(sha.digest()), String::concat);
                }
                i += (int) size;
            }
        } catch (NoSuchAlgorithmException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("cannot read the module's sections: " + e, e);
        }
        return out;
    }

    /** The benchmarks folder: the system property run.sh and Surefire set, else found from the working directory. */
    static Path findBenchDir() {
        String prop = System.getProperty("textwasm.bench.dir");
        if (prop != null) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("node/bench.mjs"))) {
                return p;
            }
            if (Files.exists(p.resolve("benchmarks/node/bench.mjs"))) {
                return p.resolve("benchmarks");
            }
        }
        throw new IllegalStateException("cannot find the benchmarks folder (node/bench.mjs); run from the repository or set -Dtextwasm.bench.dir");
    }

    /** The repository root (wasm-module/ucd holds the conformance files). */
    Path repo() {
        String prop = System.getProperty("textwasm.repo");
        return prop != null ? Path.of(prop).toAbsolutePath().normalize() : benchDir.getParent();
    }

    String wasmSha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wasmBytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
