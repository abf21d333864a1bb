package io.textwasm.plugin;

import static io.textwasm.plugin.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits an outside review found missing (2026-11-27): heap a plugin could take outside its
 * linear memory, work before any timeout applies, a timeout lost when the host closed, durations
 * that overflowed, a cache directory others could replace, and names that reached a terminal raw.
 */
class PluginLimitsTest {

    private static PluginAbiException refused(byte[] module) {
        try (PluginHost host = Fixtures.host()) {
            // A guard against the old behaviour (minutes of compiling, or a JVM out of heap), not a speed target.
            return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(PluginAbiException.class, () -> host.load(module)));
        }
    }

    @Test
    void gcTypesAreRefused() {
        PluginAbiException e = refused(HostileModules.gcArrays());
        assertTrue(e.reason().contains("type 2 is a GC array"), e.getMessage());
    }

    @Test
    void tablesAreLimitedTogether() {
        PluginAbiException e = refused(HostileModules.tables(20, 65_536));
        assertTrue(e.reason().contains("20 tables may grow to 1310720 entries together"), e.getMessage());
        // Within the limit, several tables are fine.
        try (PluginHost host = Fixtures.host()) {
            assertEquals("x", host.load(HostileModules.tables(4, 16_384)).transforms().get(0));
        }
    }

    @Test
    void functionsAreLimited() {
        PluginAbiException e = refused(HostileModules.functions(AbiCheck.MAX_FUNCTIONS + 1));
        assertTrue(e.reason().contains((AbiCheck.MAX_FUNCTIONS + 3) + " functions; plugins may define at most"), e.getMessage());
    }

    @Test
    void localsAreLimited() {
        PluginAbiException e = refused(HostileModules.locals(AbiCheck.MAX_LOCALS + 1));
        assertTrue(e.reason().contains("function 2 has " + (AbiCheck.MAX_LOCALS + 1) + " parameters and locals"), e.getMessage());
        try (PluginHost host = Fixtures.host()) {
            assertEquals("x", host.load(HostileModules.locals(AbiCheck.MAX_LOCALS)).transforms().get(0));
        }
    }

    @Test
    void aModuleTheCompilerCannotTakeRunsInTheInterpreter() {
        // Was refused as malformed: "the runtime compiler cannot compile it: Unsupported type id: 123".
        java.util.List<String> warnings = new java.util.ArrayList<>();
        try (PluginHost host = PluginHost.builder().engine(Fixtures.ENGINE).log((plugin, level, message) -> warnings.add(level + " " + message)).build()) {
            Plugin p = host.load(HostileModules.v128Local());
            assertEquals(java.util.List.of("x"), p.transforms());
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("WARN the runtime compiler cannot compile it ("), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("); it runs in the interpreter, far slower"), warnings.get(0));
    }

    @Test
    void theExamplePluginsAreWithinTheLimits() {
        try (PluginHost host = Fixtures.host()) {
            for (String name : new String[] {"redact", "fold-width"}) {
                assertTrue(host.load(Fixtures.example(name)).transforms().size() > 0, name);
            }
        }
    }

    @Test
    void closingTheHostDoesNotCancelTheTimeoutOfARunningCall() throws Exception {
        PluginHost host = Fixtures.host();
        Plugin p = host.loader(fixture("loop")).name("loop").timeout(Duration.ofSeconds(2)).load();
        CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> p.transform("spin", "x"));
        Thread.sleep(300);
        host.close();
        // Before: the watchdog's pending deadlines were dropped and the call spun forever.
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof PluginTimeoutException, String.valueOf(e.getCause()));
    }

    @Test
    void durationsTooLongForNanosecondsDoNotOverflow() {
        try (PluginHost host = Fixtures.host()) {
            Plugin p = host.loader(fixture("echo")).timeout(Duration.ofSeconds(Long.MAX_VALUE))
                    .acquireTimeout(Duration.ofSeconds(Long.MAX_VALUE)).load();
            assertEquals("x", p.transform("echo", "x"));
        }
    }

    @Test
    void namesFromTheModuleAreEscapedInMessages() {
        byte[] module = HostileModules.importing("textwasm\u001b[2J", "log\nplugin 'x': all good\u202e");
        RefusedImportException e;
        try (PluginHost host = Fixtures.host()) {
            e = assertThrows(RefusedImportException.class, () -> host.loader(module).name("evil\u009b").load());
        }
        assertEquals("plugin 'evil\\u009B': refused import textwasm\\u001B[2J.log\\u000Aplugin 'x': all good\\u202E", e.getMessage());
        assertFalse(e.getMessage().chars().anyMatch(c -> Character.isISOControl(c)), e.getMessage());
        PluginInspection r = PluginHost.inspect(module);
        assertFalse(r.problems().get(0).message().contains("\n"), r.problems().get(0).message());
    }

    @Test
    void heapExhaustionAndUncaughtWasmExceptionsAreNamed() {
        // The classification alone: exhausting the test JVM's heap on purpose would endanger the
        // rest of the run, and wabt 1.0.32 cannot write a module that throws.
        Failures f = new Failures("p", 1 << 16, false);
        PluginException oom = f.classify(new OutOfMemoryError("Java heap space"), null, null, false);
        assertTrue(oom instanceof PluginMemoryLimitException, oom.toString());
        assertEquals("plugin 'p': the JVM ran out of heap while the plugin ran (outside its memory limit of 64 KiB)", oom.getMessage());
        PluginException thrown = f.classify(new com.dylibso.chicory.runtime.WasmException(null, 0, new long[0]), null, null, false);
        assertEquals("plugin 'p': trap: uncaught exception (the plugin threw a wasm exception and did not catch it)", thrown.getMessage());
    }

    @Test
    void aCacheDirectoryUnderOneOthersCanWriteIsRefused(@TempDir Path tmp) throws IOException {
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx")); // no sticky bit
        Path dir = open.resolve("cache");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PluginHost.builder().cacheDirectory(dir).build());
        assertTrue(e.getMessage().contains("where others may write (mode 777) and so replace it"), e.getMessage());
        Path file = Files.writeString(tmp.resolve("file"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> PluginHost.builder().cacheDirectory(file).build());
        assertEquals("plugin cache directory " + file + ": it exists and is not a directory", e.getMessage());
    }

    @Test
    void aCacheDirectoryOfAnotherUserIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("cache");
        String mine = Files.getOwner(tmp).getName();
        String other = mine.equals("root") ? "nobody" : "root";
        try {
            tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(other);
        } catch (UserPrincipalNotFoundException e) {
            Assumptions.abort("this system has no user '" + other + "'");
        }
        // As if the JVM ran as `other`: the directory (just created by us) belongs to someone else.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DiskCache.open(dir, other));
        assertEquals("plugin cache directory " + dir + ": it belongs to " + mine + ", not to " + other
                + "; compiled code is loaded from there, so use a directory of your own", e.getMessage());
        // A user without a passwd entry (some containers) cannot be compared: the mode checks still run and pass.
        assertEquals(dir.resolve("chicory-" + DiskCache.chicoryVersion()), DiskCache.open(dir, "no-such-user-textwasm").directory());
    }
}
