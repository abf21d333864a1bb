package io.textwasm.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.NormalizationForm;
import io.textwasm.TextEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.function.Executable;

/** The fixtures, the example plugins, one shared engine, and the containment assertion. */
final class Fixtures {
    private Fixtures() {}

    /** One engine for every test class: a plugin's failure must never disturb it. */
    static final TextEngine ENGINE = TextEngine.builder().maxInstances(4).build();

    /** The slack the must-show list allows past a timeout: "within timeout + 100 ms". */
    static final Duration SLACK = Duration.ofMillis(100);

    /** src/test/resources/plugins/NAME.wasm (compiled from NAME.wat). */
    static byte[] fixture(String name) {
        return resource("/plugins/" + name + ".wasm");
    }

    static Path fixturePath(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/plugins/" + name + ".wasm").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** plugins/NAME, the example plugins built from Rust (the textwasm-example-plugins jar). */
    static byte[] example(String name) {
        return resource("/io/textwasm/plugins/" + name + ".wasm");
    }

    private static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath (run the build from the repository root)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PluginHost host() {
        return PluginHost.builder().engine(ENGINE).log(PluginLog.discard()).build();
    }

    /**
     * Runs a call that must fail, and checks the containment the issue asks for: the right
     * type, within {@code timeout} + 100 ms, and the calling thread not left interrupted.
     */
    static <T extends PluginException> T contained(Class<T> type, Duration timeout, Executable call) {
        long t0 = System.nanoTime();
        T e = assertThrows(type, call);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long bound = timeout.plus(SLACK).toMillis();
        assertTrue(ms <= bound, type.getSimpleName() + " took " + ms + " ms; the bound is " + bound + " ms: " + e.getMessage());
        assertFalse(Thread.currentThread().isInterrupted(), "the caller's thread was left interrupted");
        return e;
    }

    /** The engine still gives the right answers (it shares nothing with plugins but this host). */
    static void engineStillWorks() {
        assertEquals("ガーデン", ENGINE.normalize("ｶﾞｰﾃﾞﾝ", NormalizationForm.NFKC));
        assertEquals(3, ENGINE.countWords("three small words"));
    }
}
