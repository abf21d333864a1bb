package io.textwasm.plugin;

import static io.textwasm.plugin.Fixtures.example;
import static io.textwasm.plugin.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.textwasm.NormalizationForm;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many failures, many threads, and failing plugins side by side with good ones and the engine. */
class PluginStressTest {
    static PluginHost host;
    static Plugin redact;
    static Plugin fold;

    @BeforeAll
    static void start() {
        host = Fixtures.host();
        redact = host.loader(example("redact")).maxInstances(4).load();
        fold = host.loader(example("fold-width")).maxInstances(4).load();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** One kind of failing call and the exception it must raise. */
    record Failing(Plugin plugin, String function, String input, Class<? extends PluginException> type) {
        void call() {
            try {
                plugin.transform(function, input);
                fail(plugin.name() + "." + function + " should have failed with " + type.getSimpleName());
            } catch (PluginException e) {
                if (!type.isInstance(e)) {
                    throw new AssertionError(plugin.name() + "." + function + " failed as " + e + ", not " + type.getSimpleName(), e);
                }
            }
        }
    }

    static List<Failing> failing(PluginHost h) {
        return List.of(
                new Failing(h.loader(fixture("unreachable")).load(), "boom", "x", PluginTrapException.class),
                new Failing(h.loader(fixture("bad-utf8")).load(), "garble", "", InvalidPluginOutputException.class),
                new Failing(h.loader(fixture("out-of-bounds")).load(), "ptr", "x", InvalidPluginOutputException.class),
                new Failing(h.loader(fixture("out-of-bounds")).load(), "descriptor", "x", PluginAbiException.class),
                new Failing(h.loader(fixture("grow")).maxMemory(1 << 20).load(), "grow", "", PluginMemoryLimitException.class),
                new Failing(h.loader(fixture("grow-far")).load(), "hog", "", PluginMemoryLimitException.class),
                new Failing(h.loader(fixture("recursion")).load(), "recurse", "", PluginStackExhaustedException.class),
                new Failing(h.loader(fixture("too-long")).maxOutputBytes(1 << 20).load(), "flood", "", InvalidPluginOutputException.class),
                new Failing(h.loader(fixture("reenter")).load(), "again", "x", PluginStackExhaustedException.class),
                new Failing(h.loader(fixture("echo")).load(), "fail", "x", PluginErrorException.class),
                new Failing(h.loader(fixture("loop")).timeout(Duration.ofMillis(20)).load(), "spin", "", PluginTimeoutException.class));
    }

    static long usedHeapAfterGc() {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            best = Math.min(best, mx.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    @Test
    void aThousandFailingCallsDoNotGrowTheHeap() {
        List<Failing> cases = failing(host);
        // Warm up: every path compiled, every pool at its working size.
        for (int i = 0; i < 5 * cases.size(); i++) {
            cases.get(i % cases.size()).call();
        }
        long before = usedHeapAfterGc();
        for (int i = 0; i < 1000; i++) {
            cases.get(i % cases.size()).call();
            assertFalse(Thread.currentThread().isInterrupted());
        }
        long after = usedHeapAfterGc();
        long grew = after - before;
        // Each call allocates megabytes (a 1 MiB memory grown to its cap, a 2 MiB output); a
        // leak of even one instance per call would be gigabytes. 16 MiB is noise and caches.
        assertTrue(grew < 16L << 20, "used heap grew by " + (grew >> 10) + " KiB over 1000 failing calls");
        for (Failing f : cases) {
            assertTrue(f.plugin().liveInstances() <= 1, f.plugin().name() + " keeps " + f.plugin().liveInstances() + " instances");
        }
        assertEquals(0, host.watchdog().pending(), "no deadline may outlive its call");
        assertEquals("mail [email]", redact.transform("mail ann@example.com"));
    }

    @Test
    void sixteenThreadsShareOneHost() throws Exception {
        int threads = 16;
        int rounds = 150;
        List<Failing> cases = failing(host);
        CyclicBarrier go = new CyclicBarrier(threads);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int id = t;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < rounds; i++) {
                        String who = "t" + id + "r" + i;
                        assertEquals("mail [email] or [phone] (" + who + ")",
                                redact.transform("mail " + who + "@example.com or +1 555 123 " + (1000 + i) + " (" + who + ")"));
                        assertEquals("ガーデン" + who, fold.transform("ｶﾞｰﾃﾞﾝ" + who));
                        cases.get((id + i) % cases.size()).call();
                        assertEquals(2, Fixtures.ENGINE.countWords(who + " words"));
                        assertFalse(Thread.currentThread().isInterrupted());
                        calls.addAndGet(4);
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "caller-" + t);
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join(120_000);
            assertFalse(th.isAlive(), th.getName() + " is stuck");
        }
        if (!errors.isEmpty()) {
            AssertionError e = new AssertionError(errors.size() + " threads failed; the first: " + errors.peek(), errors.peek());
            throw e;
        }
        assertEquals(threads * rounds * 4, calls.get());
        assertTrue(redact.liveInstances() <= 4, "the pool is bounded: " + redact.liveInstances());
    }

    @Test
    void failuresNeverDisturbAnotherPluginsStateOrTheEngine() {
        // A plugin that keeps state between calls, on one reused instance.
        Plugin counter = host.loader(fixture("echo")).maxInstances(1).load();
        List<Failing> cases = failing(host);
        for (int i = 1; i <= 60; i++) {
            assertEquals(Integer.toString(i % 10), counter.transform("calls", ""), "call " + i + " of the counter");
            cases.get(i % cases.size()).call();
            assertEquals("ガーデン ABC", fold.transform("ｶﾞｰﾃﾞﾝ ＡＢＣ"));
            assertEquals("ガーデン", Fixtures.ENGINE.normalize("ｶﾞｰﾃﾞﾝ", NormalizationForm.NFKC));
            cases.get((i * 7) % cases.size()).call();
            assertEquals("[email] [phone]", redact.transform("x@example.org +81 90 1234 5678"));
        }
        assertEquals(1, counter.instantiations(), "the counter's instance survived every other plugin's failure");
    }
}
