package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The flat piece cache: what it keeps, what it refuses, and readers racing writers. */
class PieceCacheTest {
    @Test
    void keepsPiecesAndTheirImagesFoundInsideAnyString() {
        MappedText.PieceCache c = new MappedText.PieceCache();
        c.put("e\u0301", "\u00E9");
        c.put("\uFF76\uFF9E", "\u30AC");
        c.put("a\u0323", "a\u0323"); // unchanged by the form
        c.put("\u3326", "\u30C9\u30EB"); // image longer than the piece
        assertEquals("\u00E9", c.get("caf e\u0301!", 4, 6));
        assertEquals("\u30AC", c.get("x\uFF76\uFF9E", 1, 3));
        assertEquals("\u30C9\u30EB", c.get("\u3326", 0, 1));
        long same = c.find("za\u0323", 1, 3);
        assertTrue(same != 0 && MappedText.PieceCache.unchanged(same));
        long changed = c.find("e\u0301", 0, 2);
        assertFalse(MappedText.PieceCache.unchanged(changed));
        assertEquals("\u00E9", c.appendImage(changed, new MappedText.Output("", 0)).toString());
        assertEquals("\u30C9\u30EB", c.appendImage(c.find("\u3326", 0, 1), new MappedText.Output("", 0)).toString());
        // Same first and last unit and length, different middle: a hash collision, not a hit.
        assertNull(c.get("e\u0300\u0301", 0, 3));
        c.put("e\u0300\u0301", "\u00E8\u0301");
        c.put("e\u0302\u0301", "\u1EBF");
        assertEquals("\u00E8\u0301", c.get("e\u0300\u0301", 0, 3));
        assertEquals("\u1EBF", c.get("e\u0302\u0301", 0, 3));
    }

    @Test
    void refusesLongPiecesAndStopsWhenFullWithoutWrongAnswers() {
        MappedText.PieceCache c = new MappedText.PieceCache();
        String longPiece = "a" + "\u0301".repeat(16);
        c.put(longPiece, "\u00E1" + "\u0301".repeat(15));
        assertNull(c.get(longPiece, 0, longPiece.length()));
        // Far more characters than the arena holds: later puts are dropped, earlier ones stay right.
        List<String> kept = new ArrayList<>();
        for (int k = 0; k < 40_000; k++) {
            // The hash reads the first and last units and the length: vary both ends.
            String piece = "" + (char) (0x100 + k % 4000) + "x" + (char) (0x300 + k / 4000);
            c.put(piece, "image-" + k);
            kept.add(piece);
        }
        int hits = 0;
        for (int k = 0; k < kept.size(); k++) {
            String image = c.get(kept.get(k), 0, kept.get(k).length());
            if (image != null) {
                assertEquals("image-" + k, image);
                hits++;
            }
        }
        assertTrue(hits > 1000 && hits < kept.size(), "hits: " + hits);
    }

    @Test
    void readersNeverSeeAHalfWrittenEntry() throws Exception {
        // Readers spin on a piece while one writer puts it, so some look it up in the instant
        // it is published. A long image widens the window in which a wrong order of writes
        // would show a half-written one.
        String piece = "e\u0301";
        String image = "\u00E9".repeat(20_000);
        AtomicInteger wrong = new AtomicInteger();
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 300; round++) {
                MappedText.PieceCache c = new MappedText.PieceCache();
                java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(3);
                List<java.util.concurrent.Future<?>> spins = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    spins.add(readers.submit(() -> {
                        ready.countDown();
                        String seen;
                        long deadline = System.nanoTime() + 10_000_000_000L;
                        while ((seen = c.get(piece, 0, 2)) == null) {
                            if (System.nanoTime() > deadline) {
                                wrong.incrementAndGet(); // never published
                                return;
                            }
                            Thread.onSpinWait();
                        }
                        if (!seen.equals(image)) {
                            wrong.incrementAndGet();
                        }
                    }));
                }
                ready.await();
                c.put(piece, image);
                for (java.util.concurrent.Future<?> f : spins) {
                    f.get();
                }
            }
        } finally {
            readers.shutdownNow();
        }
        assertEquals(0, wrong.get());
    }
}
