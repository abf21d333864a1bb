package io.textwasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.textwasm.internal.Calls;
import io.textwasm.internal.CoreInstance;
import io.textwasm.internal.CoreModule;
import io.textwasm.internal.InstancePool;
import io.textwasm.testkit.Cps;
import io.textwasm.testkit.Engines;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Regression tests: one minimal reproducer for each bug the differential and property suites
 * found in main code, kept so it cannot come back. Messages give the input, the expected and the
 * actual output as escaped code points.
 */
class RegressionTest {
    private static void same(String what, String given, String expected, String actual) {
        assertEquals(Cps.escape(expected), Cps.escape(actual), Cps.diff(what, given, expected, actual));
    }

    /**
     * TextEngine.normalize(CharSequence, ...) returns the caller's string when the core reports
     * UNCHANGED, but the core saw U+FFFD where the string has an unpaired surrogate: the
     * documented replacement is lost whenever nothing else changes.
     */
    @Test
    @DisplayName("fixed: normalize returns unpaired surrogates unreplaced when nothing else changes")
    void normalizeKeepsUnpairedSurrogatesWhenOtherwiseUnchanged() {
        String given = "\u00E9\uDC00";
        same("NFC", given, "\u00E9\uFFFD", Engines.aot().normalize(given, NormalizationForm.NFC));
    }

    /**
     * isNormalized must agree with normalize: a string normalize would change (here only by
     * replacing an unpaired surrogate with U+FFFD) is not normalized. Today it says true.
     */
    @Test
    @DisplayName("fixed: isNormalized is true for a string that normalize changes (unpaired surrogate)")
    void isNormalizedDisagreesWithNormalizeOnUnpairedSurrogates() {
        TextEngine e = Engines.aot();
        String given = "\u00E9\uD800";
        for (NormalizationForm f : NormalizationForm.values()) {
            assertFalse(e.isNormalized(given, f), f + ": isNormalized(" + Cps.escape(given) + ") is true, but normalize gives "
                    + Cps.escape(Cps.replaceUnpairedSurrogates(given)));
        }
    }

    /**
     * truncate(..atWordBoundary()) backs off to the end of a word segment even when that end is
     * inside a grapheme cluster: U+0D4E MALAYALAM LETTER DOT REPH is Grapheme_Cluster_Break=
     * Prepend (so "\u0D4E!" is one cluster) but a word by itself. The result splits the cluster.
     */
    @Test
    @DisplayName("fixed: truncate at a word boundary splits a cluster after a Prepend character")
    void atWordBoundarySplitsAPrependCluster() {
        String given = "\u0D4E! abc";
        same("truncate codePoints(2) atWordBoundary", given, "\u0D4E!",
                Engines.aot().truncate(given, Truncation.codePoints(2).atWordBoundary()));
    }

    /**
     * Truncation's cost should grow with the budget, not the text. When the first cluster is
     * longer than the budget, the core keeps asking for more text until it sees the cluster's
     * end, although the answer ("nothing fits") is known after budget + 1 bytes. An engine with
     * 4 MiB of memory fails on a 16 MiB cluster instead of returning "".
     */
    @Test
    @DisplayName("fixed: truncating reads a whole oversized first cluster")
    void truncateReadsAnOversizedClusterToItsEnd() {
        String given = "a" + "\u0301".repeat(8 << 20);
        try (TextEngine small = TextEngine.builder().maxMemoryMiB(4).maxInstances(1).build()) {
            assertEquals("", small.truncate(given, Truncation.utf8Bytes(280)),
                    "U+0061 followed by 8 Mi U+0301 (one cluster) truncated to 280 bytes");
        }
    }

    /**
     * InstancePool.with drops the instance whenever the work throws, including
     * InvalidUtf8Exception, after which the instance is intact (CoreInstance.failure does not
     * mark it broken). Every call with bad input then pays for a new instance and its table
     * expansion (measured 35-50 ms, against microseconds for a call): a cheap way to slow a
     * service down, and the reason BadInputTest keeps its fuzzing small.
     */
    @Test
    @DisplayName("fixed: an InvalidUtf8Exception discards the core instance")
    void anInvalidUtf8ExceptionDiscardsTheInstance() {
        try (InstancePool pool = new InstancePool(CoreModule.load(Backend.AOT), 1, 64 * 16, 16 * 16)) {
            CoreInstance first = pool.with(ci -> ci);
            assertThrows(InvalidUtf8Exception.class, () -> pool.with(ci -> Calls.count(ci, new byte[] {(byte) 0xFF}, 0)));
            assertSame(first, pool.with(ci -> ci), "the instance that reported invalid UTF-8 should have been reused");
        }
    }

    /**
     * The host's fast path (StableText: TextEngine.normalize / isNormalized for text it can
     * prove unchanged) answers before the pool is asked, so a closed engine still "works" for
     * such text and throws for other text: use after close() must fail the same way always.
     */
    @Test
    @DisplayName("fixed: a closed engine still normalizes text the host-side quick check accepts")
    void aClosedEngineStillAnswersQuickCheckedText() {
        TextEngine e = TextEngine.create();
        e.close();
        assertThrows(IllegalStateException.class, () -> e.normalize("x", NormalizationForm.NFC),
                "normalize(\"x\", NFC) on a closed engine returned a result");
        assertThrows(IllegalStateException.class, () -> e.isNormalized("x", NormalizationForm.NFC),
                "isNormalized(\"x\", NFC) on a closed engine returned a result");
    }
}
