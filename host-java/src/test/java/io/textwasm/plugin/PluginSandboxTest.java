package io.textwasm.plugin;

import static io.textwasm.plugin.Fixtures.contained;
import static io.textwasm.plugin.Fixtures.engineStillWorks;
import static io.textwasm.plugin.Fixtures.example;
import static io.textwasm.plugin.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.Backend;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The must-show list of issue 6, one test per misbehaviour. Each checks containment: the error
 * has the right type and message within the timeout + 100 ms (measured after one unmeasured
 * failure, so the JIT's first compilation is not what is timed), the plugin itself serves its
 * well-behaved `echo` next, and so do another plugin and the engine.
 */
class PluginSandboxTest {
    static final Duration TIMEOUT = Duration.ofMillis(500);
    static PluginHost host;
    static Plugin redact;

    @BeforeAll
    static void start() {
        host = Fixtures.host();
        redact = host.load(example("redact"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static PluginHost.Loader loader(PluginHost h, String name) {
        return h.loader(Fixtures.fixture(name)).name(name).timeout(TIMEOUT);
    }

    /** The failing call twice (the second timed), then the next calls that must work. */
    static <T extends PluginException> T failsContained(Class<T> type, Plugin p, String function, String input) {
        assertThrows(type, () -> p.transform(function, input)); // warm-up: the JIT compiles the path
        T e = contained(type, p.timeout(), () -> p.transform(function, input));
        assertEquals(p.name(), e.plugin());
        nextCallsWork(p);
        return e;
    }

    static void nextCallsWork(Plugin p) {
        if (p != null && p.transforms().contains("echo")) {
            assertEquals("still here", p.transform("echo", "still here"));
        }
        assertEquals("mail [email]", redact.transform("mail ann@example.com"));
        engineStillWorks();
    }

    @Test
    void infiniteLoopInTheTransformTimesOut() {
        Plugin p = loader(host, "loop").load();
        PluginTimeoutException e = failsContained(PluginTimeoutException.class, p, "spin", "x");
        assertEquals("plugin 'loop': timed out after 500ms", e.getMessage());
    }

    @Test
    void infiniteLoopInTheStartFunctionTimesOutTheLoad() {
        PluginHost.Loader loader = loader(host, "start-loop");
        assertThrows(PluginTimeoutException.class, loader::load);
        PluginTimeoutException e = contained(PluginTimeoutException.class, TIMEOUT, loader::load);
        assertEquals("plugin 'start-loop': timed out after 500ms in the start function", e.getMessage());
        nextCallsWork(loader(host, "echo").load());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"COMPILER", "INTERPRETER"})
    void infiniteRecursionExhaustsTheStack(Backend backend) {
        try (PluginHost h = PluginHost.builder().backend(backend).engine(Fixtures.ENGINE).log(PluginLog.discard()).build()) {
            Plugin p = loader(h, "recursion").load();
            PluginStackExhaustedException e = failsContained(PluginStackExhaustedException.class, p, "recurse", "");
            assertEquals("plugin 'recursion': stack exhausted: the plugin recursed deeper than the JVM stack allows", e.getMessage());
            // Calling the engine at every level: the stack also runs out inside host code and the
            // engine's pool, which must come through intact (nextCallsWork checks the engine).
            // Thousands of engine calls take a while on a busy machine: a timeout to match.
            Plugin slow = loader(h, "recursion").timeout(Duration.ofSeconds(20)).load();
            for (int i = 0; i < 5; i++) {
                PluginStackExhaustedException viaHost = failsContained(PluginStackExhaustedException.class, slow, "recurse_host", "");
                assertTrue(viaHost.reason().startsWith("stack exhausted"), viaHost.getMessage());
            }
        }
    }

    @Test
    void memoryGrowthIsRefusedAtTheCap() {
        Plugin p = loader(host, "grow").maxMemory(1 << 20).load();
        PluginMemoryLimitException e = failsContained(PluginMemoryLimitException.class, p, "grow", "");
        assertEquals("plugin 'grow': memory limit 1 MiB exceeded (memory.grow was refused, then trap: unreachable)", e.getMessage());
    }

    @Test
    void anAllocationFarPastTheCapIsRefused() {
        Plugin p = loader(host, "grow-far").maxMemory(16 << 20).maxInputBytes(64 << 20).load();
        PluginMemoryLimitException e = failsContained(PluginMemoryLimitException.class, p, "hog", "");
        assertEquals("plugin 'grow-far': memory limit 16 MiB exceeded (memory.grow was refused, then trap: unreachable)", e.getMessage());
        // The host's own allocation of an input that cannot fit.
        String big = "x".repeat(20 << 20);
        PluginMemoryLimitException input = failsContained(PluginMemoryLimitException.class, p, "echo", big);
        assertEquals("plugin 'grow-far': memory limit 16 MiB exceeded (tw_plugin_alloc could not allocate 20971520 bytes for the input)",
                input.getMessage());
    }

    @Test
    void aMemoryMinimumPastTheCapIsRefusedAtLoad() {
        PluginHost.Loader loader = loader(host, "start-memory").maxMemory(16 << 20);
        PluginMemoryLimitException e = contained(PluginMemoryLimitException.class, TIMEOUT, loader::load);
        assertEquals("plugin 'start-memory': memory limit 16 MiB exceeded: the module's memory starts at 300 pages (19200 KiB)", e.getMessage());
        // The same module under a larger cap is fine.
        assertEquals("", loader(host, "start-memory").maxMemory(32 << 20).load().transform("echo", ""));
        nextCallsWork(null);
    }

    @Test
    void aTrapInTheStartFunctionFailsTheLoad() {
        PluginHost.Loader loader = loader(host, "start-trap");
        assertThrows(PluginTrapException.class, loader::load);
        PluginTrapException e = contained(PluginTrapException.class, TIMEOUT, loader::load);
        assertEquals("plugin 'start-trap': trap in the start function: unreachable", e.getMessage());
        nextCallsWork(loader(host, "echo").load());
    }

    @Test
    void aTrapWhileInstantiatingIsNotBlamedOnAStartFunction() {
        // The module has no start function: the data segment's own bounds check traps.
        PluginTrapException e = contained(PluginTrapException.class, TIMEOUT, loader(host, "data-out-of-bounds")::load);
        assertTrue(e.getMessage().startsWith("plugin 'data-out-of-bounds': trap while instantiating: "), e.getMessage());
        nextCallsWork(loader(host, "echo").load());
    }

    @Test
    void unreachableInTheTransformIsATrap() {
        Plugin p = loader(host, "unreachable").load();
        PluginTrapException e = failsContained(PluginTrapException.class, p, "boom", "x");
        assertEquals("plugin 'unreachable': trap: unreachable", e.getMessage());
    }

    @Test
    void outputPointersAndLengthsOutsideMemoryAreRefused() {
        Plugin p = loader(host, "out-of-bounds").load();
        InvalidPluginOutputException ptr = failsContained(InvalidPluginOutputException.class, p, "ptr", "x");
        assertEquals("plugin 'out-of-bounds': invalid output: output at 4294967040 of 16 bytes is outside memory (65536 bytes)", ptr.getMessage());
        InvalidPluginOutputException len = failsContained(InvalidPluginOutputException.class, p, "len", "x");
        assertEquals("plugin 'out-of-bounds': invalid output: output of 268435456 bytes exceeds the limit of 64 MiB", len.getMessage());
        Plugin wide = loader(host, "out-of-bounds").maxOutputBytes(Integer.MAX_VALUE).load();
        InvalidPluginOutputException wideLen = failsContained(InvalidPluginOutputException.class, wide, "len", "x");
        assertEquals("plugin 'out-of-bounds': invalid output: output at 0 of 268435456 bytes is outside memory (65536 bytes)", wideLen.getMessage());
        PluginAbiException desc = failsContained(PluginAbiException.class, p, "descriptor", "x");
        assertEquals("plugin 'out-of-bounds': ABI violation: the result descriptor at 4294967280 is outside memory (65536 bytes)", desc.getMessage());
        PluginAbiException status = failsContained(PluginAbiException.class, p, "status", "x");
        assertEquals("plugin 'out-of-bounds': ABI violation: status -3 is not defined (0 is success, 1 or more an error code)", status.getMessage());
    }

    @Test
    void outputLongerThanAllowedIsRefused() {
        Plugin p = loader(host, "too-long").maxOutputBytes(1 << 20).load();
        InvalidPluginOutputException e = failsContained(InvalidPluginOutputException.class, p, "flood", "");
        assertEquals("plugin 'too-long': invalid output: output of 2097152 bytes exceeds the limit of 1 MiB", e.getMessage());
        // Within a larger limit the same output is accepted.
        assertEquals(2 << 20, loader(host, "too-long").maxOutputBytes(2 << 20).load().transform("flood", "").length());
    }

    @Test
    void invalidUtf8OutputIsRefused() {
        Plugin p = loader(host, "bad-utf8").load();
        InvalidPluginOutputException e = failsContained(InvalidPluginOutputException.class, p, "garble", "");
        assertEquals("plugin 'bad-utf8': invalid output: output is not UTF-8 (at byte offset 3)", e.getMessage());
    }

    @Test
    void aRefusedImportIsNamedAtLoad() {
        PluginHost.Loader loader = loader(host, "wasi");
        RefusedImportException e = contained(RefusedImportException.class, TIMEOUT, loader::load);
        assertEquals("plugin 'wasi': refused import wasi_snapshot_preview1.fd_write", e.getMessage());
        assertEquals("refused import wasi_snapshot_preview1.fd_write", e.reason());
        nextCallsWork(loader(host, "echo").load());
    }

    @Test
    void missingExportsAreAnAbiViolation() {
        PluginAbiException e = contained(PluginAbiException.class, TIMEOUT, loader(host, "missing-exports")::load);
        assertEquals("plugin 'missing-exports': ABI violation: missing export 'memory'", e.getMessage());
        List<String> all = PluginHost.inspect(fixture("missing-exports")).problems().stream().map(PluginInspection.Problem::message).toList();
        assertEquals(List.of("missing export 'memory'", "missing export 'tw_plugin_alloc'"), all);
        nextCallsWork(loader(host, "echo").load());
    }

    @Test
    void wrongExportSignaturesAreAnAbiViolation() {
        PluginAbiException e = contained(PluginAbiException.class, TIMEOUT, loader(host, "wrong-signatures")::load);
        assertEquals("plugin 'wrong-signatures': ABI violation: export 'tw_transform_echo' has type (i32) -> i32, the ABI needs (i32, i32) -> i32",
                e.getMessage());
        List<String> all = PluginHost.inspect(fixture("wrong-signatures")).problems().stream().map(PluginInspection.Problem::message).toList();
        assertEquals(List.of(
                "export 'tw_transform_echo' has type (i32) -> i32, the ABI needs (i32, i32) -> i32",
                "export 'tw_plugin_alloc' has type (i64) -> i64, the ABI needs (i32) -> i32",
                "export 'tw_plugin_free' has type (i32) -> (), the ABI needs (i32, i32) -> ()"), all);
        nextCallsWork(loader(host, "echo").load());
    }

    @Test
    void somethingThatIsNotWasmAtAllIsMalformed() {
        byte[] text = "#!/bin/sh\necho this is not a plugin\n".getBytes(StandardCharsets.UTF_8);
        MalformedPluginException e = contained(MalformedPluginException.class, TIMEOUT, () -> host.loader(text).name("script").load());
        assertEquals("plugin 'script': malformed module: not WebAssembly (no \\0asm header)", e.getMessage());
        byte[] echo = fixture("echo");
        byte[] cut = java.util.Arrays.copyOf(echo, echo.length / 2);
        MalformedPluginException truncated = contained(MalformedPluginException.class, TIMEOUT, () -> host.load(cut));
        assertTrue(truncated.reason().startsWith("malformed module: "), truncated.getMessage());
        assertThrows(MalformedPluginException.class, () -> host.load(new byte[0]));
        nextCallsWork(loader(host, "echo").load());
    }

    @Test
    void aPluginRecursingThroughTheHostHitsTheCallDepthLimit() {
        Plugin p = loader(host, "reenter").load();
        PluginStackExhaustedException e = failsContained(PluginStackExhaustedException.class, p, "again", "x");
        assertEquals("plugin 'reenter': call depth limit 4 exceeded: the plugin re-entered the host 3 times", e.getMessage());
        Plugin deeper = loader(host, "reenter").maxCallDepth(9).load();
        assertThrows(PluginStackExhaustedException.class, () -> deeper.transform("again", "x"), "call depth limit 9 exceeded");
    }

    @Test
    void hostFunctionsServeWellBehavedPlugins() {
        Plugin p = loader(host, "echo").load();
        assertEquals("ガーデン ABC", p.transform("nfkc", "ｶﾞｰﾃﾞﾝ ＡＢＣ"));
        assertEquals("", p.transform("nfkc", ""));
        Consumer<String> echo = s -> assertEquals(s, p.transform("echo", s));
        echo.accept("");
        echo.accept("héllo wörld ✓ 😀");
    }
}
