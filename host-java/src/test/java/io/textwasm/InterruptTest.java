package io.textwasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.testkit.Icu;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thread.interrupt() stops a call that is running in the core: the caller gets an
 * {@link EngineException} (never a runtime's own exception type), its interrupt status is kept,
 * the instance involved is discarded, and the engine goes on giving right answers.
 */
@Timeout(120)
class InterruptTest {
    /** Decomposed text: the host cannot prove it stable, so every call runs in the core. */
    static final String DECOMPOSED = "e\u0301 a\u030A \u1100\u1161\u11A8 ".repeat(200_000);

    static void assertStillRight(TextEngine e) {
        for (int i = 0; i < 4; i++) { // more calls than instances, so each instance is used
            assertEquals(Icu.normalize("Cafe\u0301 \u1100\u1161", NormalizationForm.NFC), e.normalize("Cafe\u0301 \u1100\u1161", NormalizationForm.NFC));
            assertEquals(3, e.countWords("one two three"));
        }
    }

    @Test
    void anInterruptedCallerGetsAnEngineExceptionAndKeepsItsStatus() {
        try (TextEngine e = TextEngine.builder().maxInstances(2).build()) {
            assertStillRight(e);
            // Set before the call: the first entry into the module (its allocator, for this
            // input) sees it.
            Thread.currentThread().interrupt();
            EngineException thrown;
            try {
                thrown = assertThrows(EngineException.class, () -> e.normalize(DECOMPOSED, NormalizationForm.NFC));
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status must be kept for the caller");
            } finally {
                Thread.interrupted();
            }
            assertTrue(thrown.getMessage().contains("interrupted"), thrown.getMessage());
            assertStillRight(e);
        }
    }

    @Test
    void anInterruptFromAnotherThreadStopsALoopOfCalls() throws InterruptedException {
        try (TextEngine e = TextEngine.builder().maxInstances(2).build()) {
            AtomicReference<Throwable> ended = new AtomicReference<>();
            CountDownLatch running = new CountDownLatch(1);
            Thread worker = new Thread(() -> {
                try {
                    while (true) {
                        running.countDown();
                        e.normalize(DECOMPOSED, NormalizationForm.NFKC);
                    }
                } catch (Throwable t) {
                    ended.set(t);
                }
            }, "interrupt-test-worker");
            worker.start();
            running.await();
            Thread.sleep(200);
            worker.interrupt();
            worker.join(60_000);
            assertNotNull(ended.get(), "the worker did not stop");
            assertInstanceOf(EngineException.class, ended.get(), String.valueOf(ended.get()));
            assertStillRight(e);
        }
    }
}
