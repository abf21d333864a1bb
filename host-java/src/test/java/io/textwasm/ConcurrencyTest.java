package io.textwasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.testkit.Cps;
import io.textwasm.testkit.RandomTextGenerator;
import io.textwasm.testkit.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One engine shared by 16 threads at once (more threads than instances, so callers wait for
 * the pool), mixing every operation with calls that fail (invalid UTF-8) and calls large enough
 * that their instance is dropped afterwards. Every result must equal what the same engine
 * computed for the same input on one thread: a Chicory instance is not thread-safe, so any
 * sharing of an instance or of its buffers between threads would show up as a wrong answer.
 */
@Timeout(180)
class ConcurrencyTest {
    static final int THREADS = 16;
    static final int CALLS_PER_THREAD = 300;

    /** One call with its expected answer, computed single-threaded. */
    private record Case(String name, String input, java.util.function.Function<TextEngine, Object> op, Object expected) {}

    private static List<Case> cases(TextEngine e, RandomTextGenerator gen) {
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String s = i % 2 == 0 ? gen.normalizationString() : gen.mixedText(4);
            NormalizationForm f = NormalizationForm.values()[i % 5];
            List<java.util.function.Function<TextEngine, Object>> ops = List.of(
                    x -> x.normalize(s, f),
                    x -> x.normalize(s, f, NormalizationOptions.DEFAULT.withCaseFolding().withCollapsedWhitespace()),
                    x -> x.isNormalized(s, f),
                    x -> Arrays.toString(x.segment(s, Granularity.GRAPHEME)),
                    x -> Arrays.toString(x.segment(s, Granularity.WORD)),
                    x -> x.countWords(s),
                    x -> x.tokenize(s, TokenizeOptions.DEFAULT.withCaseFolding()),
                    x -> x.truncate(s, Truncation.graphemes(3).withEllipsis("…")),
                    x -> new String(x.normalize(Cps.replaceUnpairedSurrogates(s).getBytes(StandardCharsets.UTF_8), f,
                            NormalizationOptions.DEFAULT), StandardCharsets.UTF_8));
            java.util.function.Function<TextEngine, Object> op = ops.get(i % ops.size());
            out.add(new Case("op " + i % ops.size() + " " + f, s, op, op.apply(e)));
        }
        return out;
    }

    @Test
    void sixteenThreadsShareOneEngine() throws InterruptedException {
        // keepMemoryMiB(1): an instance whose memory grew by more than 1 MiB is dropped after its
        // call, so with the 2 MiB inputs below instances come and go while other threads run.
        try (TextEngine engine = TextEngine.builder().maxInstances(4).keepMemoryMiB(1).build()) {
            List<Case> cases = cases(engine, new RandomTextGenerator(Seeds.forTest("ConcurrencyTest")));
            String big = "Ａｂｃ e\u0301 한국어 ".repeat(1 << 16);
            String bigNfkc = engine.normalize(big, NormalizationForm.NFKC);
            Queue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger invalidSeen = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                final int id = t;
                Thread th = new Thread(() -> {
                    Random r = new Random(Seeds.forTest("ConcurrencyTest") + id);
                    try {
                        start.await();
                        for (int i = 0; i < CALLS_PER_THREAD && failures.size() < 10; i++) {
                            if (i % 100 == 50) {
                                if (!engine.normalize(big, NormalizationForm.NFKC).equals(bigNfkc)) {
                                    failures.add("thread " + id + ": the 2 MiB NFKC result differs");
                                }
                                continue;
                            }
                            if (i % 100 == 7) {
                                try {
                                    engine.count(new byte[] {'o', 'k', (byte) 0xC0, (byte) 0x80}, "graphemes", false);
                                    failures.add("thread " + id + ": invalid UTF-8 accepted");
                                } catch (InvalidUtf8Exception expected) {
                                    if (expected.offset() != 2) {
                                        failures.add("thread " + id + ": invalid UTF-8 at offset " + expected.offset() + ", not 2");
                                    }
                                    invalidSeen.incrementAndGet();
                                }
                                continue;
                            }
                            Case c = cases.get(r.nextInt(cases.size()));
                            Object got = c.op().apply(engine);
                            if (!got.equals(c.expected())) {
                                failures.add("thread " + id + ", " + c.name() + ": given " + Cps.escape(c.input()) + "\n  expected: "
                                        + c.expected() + "\n  actual:   " + got);
                            }
                        }
                    } catch (Throwable x) {
                        failures.add("thread " + id + " threw " + x);
                    }
                }, "textwasm-concurrency-" + t);
                threads.add(th);
                th.start();
            }
            start.countDown();
            for (Thread th : threads) {
                th.join(TimeUnit.MINUTES.toMillis(3));
                assertTrue(!th.isAlive(), th.getName() + " did not finish: a deadlock or a hang");
            }
            assertTrue(failures.isEmpty(), failures.size() + " failure(s), first:\n" + String.join("\n", failures) + Seeds.hint());
            assertTrue(invalidSeen.get() >= 2 * THREADS, "the failing calls did not run");
            assertEquals("\u00C5", engine.normalize("A\u030A", NormalizationForm.NFC), "the engine works afterwards");
        }
    }
}
