package io.textwasm.plugin;

import static io.textwasm.plugin.Fixtures.contained;
import static io.textwasm.plugin.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.Backend;
import io.textwasm.InvalidUtf8Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, pinning, caching, instance policies, the pool, limits, logging and interruption. */
class PluginHostTest {
    static PluginHost host;

    @BeforeAll
    static void start() {
        host = Fixtures.host();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static String sha256(byte[] b) {
        return HexFormat.of().formatHex(DiskCache.sha256(b));
    }

    @Test
    void reuseKeepsAnInstanceAndFreshNeverDoes() {
        Plugin reuse = host.loader(fixture("echo")).maxInstances(1).load();
        assertEquals(List.of("1", "2", "3"), List.of(reuse.transform("calls", ""), reuse.transform("calls", ""), reuse.transform("calls", "")));
        Plugin fresh = host.loader(fixture("echo")).maxInstances(1).instancePolicy(InstancePolicy.FRESH).load();
        assertEquals(List.of("1", "1", "1"), List.of(fresh.transform("calls", ""), fresh.transform("calls", ""), fresh.transform("calls", "")));
        assertEquals(0, fresh.idleInstances());
    }

    @Test
    void reuseStartsAFreshInstanceAfterAFailure() {
        Plugin p = host.loader(fixture("echo")).maxInstances(1).maxOutputBytes(4).load();
        assertEquals("1", p.transform("calls", ""));
        assertEquals("2", p.transform("calls", ""));
        assertThrows(InvalidPluginOutputException.class, () -> p.transform("echo", "too long"));
        assertEquals("1", p.transform("calls", ""), "the failed instance must have been discarded");
        assertEquals(1, p.liveInstances());
    }

    @Test
    void anErrorThePluginReportsKeepsItsInstance() {
        Plugin p = host.loader(fixture("echo")).name("echo").maxInstances(1).load();
        assertEquals("1", p.transform("calls", ""));
        PluginErrorException e = assertThrows(PluginErrorException.class, () -> p.transform("fail", "x"));
        assertEquals("plugin 'echo': error 7: bad input", e.getMessage());
        assertEquals(7, e.code());
        assertEquals("bad input", e.pluginMessage());
        assertEquals("2", p.transform("calls", ""), "a reported error is not a reason to discard the instance");
    }

    @Test
    void theSha256PinIsEnforced() {
        byte[] echo = fixture("echo");
        assertEquals("x", host.loader(echo).sha256(sha256(echo).toUpperCase()).load().transform("echo", "x"));
        byte[] other = fixture("loop");
        PluginDigestMismatchException e = assertThrows(PluginDigestMismatchException.class,
                () -> host.loader(other).name("swapped").sha256(sha256(echo)).load());
        assertEquals("plugin 'swapped': SHA-256 " + sha256(other) + " is not the pinned " + sha256(echo), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> host.loader(echo).sha256("abc"));
    }

    @Test
    void namesComeFromTheCallerThenMetadataThenTheFile() {
        assertEquals("mine", host.loader(Fixtures.example("redact")).name("mine").load().name());
        assertEquals("redact", host.load(Fixtures.example("redact")).name());
        assertEquals("echo", host.load(Fixtures.fixturePath("echo")).name());
        assertEquals("sha256:" + sha256(fixture("echo")).substring(0, 12), host.load(fixture("echo")).name());
    }

    @Test
    void compiledModulesAreCachedBySha256InABoundedLru() {
        try (PluginHost h = PluginHost.builder().cacheSize(1).engine(Fixtures.ENGINE).log(PluginLog.discard()).build()) {
            h.load(fixture("echo"));
            h.load(fixture("echo"));
            assertEquals(1, h.modules().compilations.get());
            assertEquals(1, h.modules().memoryHits.get());
            h.load(fixture("loop")); // evicts echo
            h.load(fixture("echo"));
            assertEquals(3, h.modules().compilations.get());
            assertEquals(1, h.modules().size());
        }
    }

    @Test
    void theDiskCacheLetsARestartSkipCompilation(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("cache");
        try (PluginHost first = PluginHost.builder().cacheDirectory(dir).engine(Fixtures.ENGINE).log(PluginLog.discard()).build()) {
            assertEquals("[email]", first.load(Fixtures.example("redact")).transform("ann@example.com"));
            assertEquals(1, first.modules().compilations.get());
            assertEquals(1, first.modules().disk().writes.get());
        }
        Path jar;
        try (PluginHost second = PluginHost.builder().cacheDirectory(dir).engine(Fixtures.ENGINE).log(PluginLog.discard()).build()) {
            assertEquals("[email]", second.load(Fixtures.example("redact")).transform("ann@example.com"));
            assertEquals(0, second.modules().compilations.get(), "a restart must load the compiled classes from disk");
            assertEquals(1, second.modules().disk().hits.get());
            try (var files = Files.list(second.modules().disk().directory())) {
                jar = files.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
            }
            assertEquals(sha256(Fixtures.example("redact")) + ".jar", jar.getFileName().toString());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        }
        // A corrupted entry is detected, dropped and rebuilt, and the plugin still runs.
        byte[] bytes = Files.readAllBytes(jar);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(jar, bytes);
        try (PluginHost third = PluginHost.builder().cacheDirectory(dir).engine(Fixtures.ENGINE).log(PluginLog.discard()).build()) {
            assertEquals("[email]", third.load(Fixtures.example("redact")).transform("ann@example.com"));
            assertEquals(1, third.modules().compilations.get());
            assertEquals(1, third.modules().disk().failures.get());
            assertEquals(1, third.modules().disk().writes.get());
        }
    }

    @Test
    void aCacheDirectoryOthersCanWriteIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PluginHost.builder().cacheDirectory(dir).build());
        assertTrue(e.getMessage().contains("others may write to it"), e.getMessage());
    }

    @Test
    void theInterpreterBackendEnforcesTheSameLimits() {
        try (PluginHost h = PluginHost.builder().backend(Backend.INTERPRETER).engine(Fixtures.ENGINE).log(PluginLog.discard()).build()) {
            Plugin loop = h.loader(fixture("loop")).name("loop").timeout(Duration.ofMillis(300)).load();
            assertThrows(PluginTimeoutException.class, () -> loop.transform("spin", ""));
            contained(PluginTimeoutException.class, Duration.ofMillis(300), () -> loop.transform("spin", ""));
            assertEquals("ok", loop.transform("echo", "ok"));
            assertEquals("ガ", h.load(fixture("echo")).transform("nfkc", "ｶﾞ"));
            assertEquals(0, h.modules().compilations.get());
        }
        assertThrows(IllegalArgumentException.class, () -> PluginHost.builder().backend(Backend.AOT));
    }

    @Test
    void aFullPoolMakesCallersWaitThenGiveUp() throws Exception {
        Plugin p = host.loader(fixture("loop")).name("loop").maxInstances(1).timeout(Duration.ofSeconds(2))
                .acquireTimeout(Duration.ofMillis(200)).load();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> other = new AtomicReference<>();
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                p.transform("spin", "");
            } catch (Throwable e) {
                other.set(e);
            }
        });
        t.start();
        started.await();
        // Wait until the spinning call holds the only instance.
        long until = System.nanoTime() + 2_000_000_000L;
        while (p.idleInstances() > 0 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        PluginBusyException e = contained(PluginBusyException.class, Duration.ofMillis(200), () -> p.transform("echo", "x"));
        assertEquals("plugin 'loop': all 1 instances stayed busy for 200ms", e.getMessage());
        t.join();
        assertTrue(other.get() instanceof PluginTimeoutException, String.valueOf(other.get()));
        assertEquals("x", p.transform("echo", "x"));
    }

    @Test
    void anInterruptFromTheCallerIsReportedAndKept() {
        Plugin p = host.load(fixture("echo"));
        Thread.currentThread().interrupt();
        try {
            PluginInterruptedException e = assertThrows(PluginInterruptedException.class, () -> p.transform("echo", "x"));
            assertTrue(e.getMessage().endsWith(": interrupted"));
            assertTrue(Thread.currentThread().isInterrupted(), "the caller's own interrupt must survive");
        } finally {
            Thread.interrupted();
        }
        assertEquals("x", p.transform("echo", "x"));
    }

    @Test
    void theWatchdogNeverLeavesAnInterruptBehind() {
        // Deadlines so short that many fire while the call is finishing: the race the
        // watchdog's protocol exists for. Whatever each call's outcome, the thread is clean.
        Plugin p = null;
        for (int attempt = 0; p == null; attempt++) {
            try {
                p = host.loader(fixture("echo")).timeout(Duration.ofNanos(200_000)).load();
            } catch (PluginTimeoutException e) {
                // Instantiating at load runs under the same 0.2 ms; a few tries get one through.
                assertTrue(attempt < 200, "could not instantiate within 0.2 ms in 200 tries");
            }
            assertFalse(Thread.currentThread().isInterrupted());
        }
        int timedOut = 0;
        for (int i = 0; i < 2000; i++) {
            try {
                assertEquals("abc", p.transform("echo", "abc"));
            } catch (PluginTimeoutException e) {
                timedOut++;
            }
            assertFalse(Thread.currentThread().isInterrupted(), "interrupt leaked after call " + i);
        }
        assertTrue(timedOut < 2000, "some calls must finish within 0.2 ms");
        assertEquals(0, host.watchdog().pending(), "cancelled deadlines must not stay queued");
    }

    @Test
    void inputsAreBoundedAndMustBeUtf8() {
        Plugin p = host.loader(fixture("echo")).name("echo").maxInputBytes(8).load();
        assertEquals("12345678", p.transform("echo", "12345678"));
        PluginInputTooLargeException e = assertThrows(PluginInputTooLargeException.class, () -> p.transform("echo", "123456789"));
        assertEquals("plugin 'echo': input of 9 bytes exceeds the limit of 8 bytes", e.getMessage());
        InvalidUtf8Exception bad = assertThrows(InvalidUtf8Exception.class, () -> p.transform("echo", new byte[] {'a', (byte) 0xC0, (byte) 0x80}));
        assertEquals(1, bad.offset());
        // Unpaired surrogates in a Java string go in as U+FFFD.
        assertEquals("a\uFFFDb", p.transform("echo", "a\uD800b"));
    }

    @Test
    void logsAreBoundedAndCannotForgeLines() {
        List<String> lines = new ArrayList<>();
        try (PluginHost h = PluginHost.builder().engine(Fixtures.ENGINE).log((plugin, level, msg) -> lines.add(plugin + " " + level + " " + msg)).build()) {
            Plugin p = h.loader(fixture("echo")).name("echo").load();
            assertEquals("hi\nthere", p.transform("chatty", "hi\nthere"));
        }
        assertEquals(PluginLog.MAX_MESSAGES_PER_CALL + 1, lines.size());
        assertEquals("echo WARN hi\\u000Athere", lines.get(0));
        assertEquals("echo WARN 50 more log messages dropped (at most 100 per call)", lines.get(lines.size() - 1));
    }

    @Test
    void textHandedToTheEngineIsBoundedByTheInputLimit() {
        List<String> lines = new ArrayList<>();
        try (PluginHost h = PluginHost.builder().engine(Fixtures.ENGINE).log((plugin, level, msg) -> lines.add(level + " " + msg)).build()) {
            assertEquals("x", h.loader(fixture("echo")).load().transform("zeros", "x"));
            Plugin small = h.loader(fixture("echo")).name("echo").maxInputBytes(1000).load();
            PluginErrorException e = assertThrows(PluginErrorException.class, () -> small.transform("zeros", "x"));
            assertEquals(5, e.code(), "the host answers -5, FAILED");
            assertEquals(List.of("WARN textwasm.normalize failed: text of 100000 bytes exceeds the plugin's input limit of 1000 bytes"), lines);
            assertEquals("y", small.transform("echo", "y"));
        }
    }

    @Test
    void callersGetPlainMistakesAsIllegalArguments() {
        Plugin p = host.loader(fixture("echo")).name("echo").load();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.transform("nope", "x"));
        assertEquals("plugin 'echo' has no transform 'nope' (it has: echo, calls, nfkc, zeros, fail, chatty)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.transform("x"), "several transforms, no default");
        assertThrows(IllegalArgumentException.class, () -> host.loader(fixture("echo")).maxCallDepth(1));
        assertThrows(IllegalArgumentException.class, () -> host.loader(fixture("echo")).maxMemory(1000));
        assertThrows(IllegalArgumentException.class, () -> host.loader(fixture("echo")).timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> host.loader(fixture("echo")).minInstances(3).maxInstances(2).load());
        p.close();
        assertThrows(IllegalStateException.class, () -> p.transform("echo", "x"));
    }

    @Test
    void minInstancesArePreparedAtLoad() {
        Plugin p = host.loader(fixture("echo")).minInstances(3).maxInstances(3).load();
        assertEquals(3, p.idleInstances());
        assertEquals(3, p.instantiations());
        assertEquals("x", p.transform("echo", "x"));
        assertEquals(3, p.instantiations(), "calls use the prepared instances");
    }

    @Test
    void closingTheHostClosesItsPlugins() {
        PluginHost h = Fixtures.host();
        Plugin p = h.load(fixture("echo"));
        h.close();
        assertThrows(IllegalStateException.class, () -> p.transform("echo", "x"));
        assertThrows(IllegalStateException.class, () -> h.load(fixture("echo")));
        assertNotEquals(null, p.name());
    }

    @Test
    void exceptionsNameThePluginAndTheirKind() {
        Plugin p = host.loader(fixture("unreachable")).name("boomer").load();
        PluginTrapException e = assertThrows(PluginTrapException.class, () -> p.transform("boom", ""));
        assertEquals("boomer", e.plugin());
        assertEquals("trap: unreachable", e.reason());
        assertTrue(e instanceof io.textwasm.TextwasmException);
        assertEquals("plugin 'boomer': trap: unreachable", e.getMessage());
        assertEquals("héllo", new String(p.transform("echo", "héllo".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }
}
