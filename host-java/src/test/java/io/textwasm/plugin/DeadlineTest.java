package io.textwasm.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The watchdog protocol on its own, where the race between firing and finishing is easy to hit. */
class DeadlineTest {
    @Test
    void finishingAndFiringRaceWithoutLeavingAnInterrupt() {
        try (Deadline.Watchdog w = new Deadline.Watchdog()) {
            SplittableRandom r = new SplittableRandom(6);
            int fired = 0;
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                Deadline d = Deadline.start(w, Duration.ofNanos(1 + r.nextInt(40_000)));
                long until = System.nanoTime() + r.nextInt(40_000);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                boolean f = d.finish();
                assertEquals(f, d.expired());
                fired += f ? 1 : 0;
                assertFalse(Thread.currentThread().isInterrupted(), "iteration " + i + " left the thread interrupted");
            }
            assertTrue(fired > 0 && fired < n, "both outcomes must occur for the race to be tested: " + fired + " of " + n + " fired");
            assertEquals(0, w.pending(), "every deadline is either fired or removed");
        }
    }

    @Test
    void aFiredDeadlineInterruptsTheCallerOnce() throws InterruptedException {
        try (Deadline.Watchdog w = new Deadline.Watchdog()) {
            Deadline d = Deadline.start(w, Duration.ofMillis(20));
            assertThrows(InterruptedException.class, () -> Thread.sleep(5_000));
            assertTrue(d.expired());
            assertTrue(d.finish());
            assertFalse(Thread.currentThread().isInterrupted());
            Thread.sleep(30); // nothing else arrives later
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }

    @Test
    void aClosedWatchdogRefusesNewDeadlines() {
        Deadline.Watchdog w = new Deadline.Watchdog();
        w.close();
        assertThrows(IllegalStateException.class, () -> Deadline.start(w, Duration.ofSeconds(1)));
    }

    @Test
    void durationsAreWrittenTheWayUsersWriteThem() {
        assertEquals("1s", Units.duration(Duration.ofSeconds(1)));
        assertEquals("2m", Units.duration(Duration.ofMinutes(2)));
        assertEquals("500ms", Units.duration(Duration.ofMillis(500)));
        assertEquals("1500ms", Units.duration(Duration.ofMillis(1500)));
        assertEquals("200µs", Units.duration(Duration.ofNanos(200_000)));
        assertEquals("16 MiB", Units.bytes(16 << 20));
        assertEquals("19200 KiB", Units.bytes(300 << 16));
        assertEquals("1000 bytes", Units.bytes(1000));
        assertEquals("1 byte", Units.bytes(1));
    }
}
