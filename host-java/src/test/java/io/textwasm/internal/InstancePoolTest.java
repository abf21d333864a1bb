package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.textwasm.Backend;
import io.textwasm.testkit.Jvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pool's paths for the JVM's own failures (an {@link Error}), which no input can cause. */
class InstancePoolTest {

    @Test
    @DisplayName("an Error while creating an instance gives its slot back: later calls get an instance instead of waiting forever")
    void failedCreationGivesTheSlotBack() {
        CoreModule module = CoreModule.load(Backend.AOT);
        AtomicInteger attempts = new AtomicInteger();
        InstancePool pool = new InstancePool(module, 2, 256, () -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new OutOfMemoryError("test: no heap for an instance");
            }
            return new CoreInstance(module, 1024);
        });
        // Two failures, as many as the pool has slots: each used to keep its slot.
        for (int i = 0; i < 2; i++) {
            assertThrows(OutOfMemoryError.class, () -> pool.with(ci -> 0));
            assertEquals(0, pool.liveInstances());
        }
        int words = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> pool.with(ci -> Calls.count(ci, "one two three".getBytes(StandardCharsets.UTF_8), Abi.COUNT_WORDS)));
        assertEquals(3, words);
        assertEquals(1, pool.liveInstances());
    }

    @Test
    @DisplayName("an OutOfMemoryError inside the core discards that instance, and the next call works on a new one")
    void errorInsideTheCoreDiscardsTheInstance() throws IOException, InterruptedException {
        // In a JVM of its own with a 64 MiB heap, so the Error hurts no other test.
        Process p = Jvm.withTestClassPath("-Xmx64m", OutOfHeapInsideTheCore.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals("OutOfMemoryError, live instances 0\nwords 3, live instances 1\n", out.replace(System.lineSeparator(), "\n"));
        assertEquals(0, p.exitValue(), out);
    }

    /**
     * Copies into the core more input than the heap can hold twice: the linear memory's growth
     * (a new byte array in ByteArrayMemory) throws OutOfMemoryError inside the call.
     */
    static final class OutOfHeapInsideTheCore {
        public static void main(String[] args) {
            InstancePool pool = new InstancePool(CoreModule.load(Backend.AOT), 1, 1 << 16, 256);
            pool.with(ci -> Calls.count(ci, new byte[] {'a'}, Abi.COUNT_WORDS)); // the instance exists
            byte[][] big = {new byte[(int) (Runtime.getRuntime().maxMemory() * 6 / 10)]};
            Arrays.fill(big[0], (byte) 'a');
            try {
                pool.with(ci -> ci.input(big[0], 0, big[0].length));
                System.out.println("no error");
            } catch (OutOfMemoryError e) {
                System.out.println("OutOfMemoryError, live instances " + pool.liveInstances());
            }
            big[0] = null;
            int words = pool.with(ci -> Calls.count(ci, "one two three".getBytes(StandardCharsets.UTF_8), Abi.COUNT_WORDS));
            System.out.println("words " + words + ", live instances " + pool.liveInstances());
        }
    }
}
