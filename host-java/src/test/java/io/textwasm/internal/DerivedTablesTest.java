package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.textwasm.Backend;
import io.textwasm.NormalizationForm;
import io.textwasm.TextEngine;
import org.junit.jupiter.api.Test;

/**
 * Engines of one backend share what the host derives from the module; the answers do not depend
 * on which engine filled a table, or on that engine being closed since.
 */
class DerivedTablesTest {
    @Test
    void enginesOfOneBackendShareTablesAndBackendsDoNot() {
        assertSame(DerivedTables.of(Backend.AOT), DerivedTables.of(Backend.AOT));
        assertNotSame(DerivedTables.of(Backend.AOT), DerivedTables.of(Backend.INTERPRETER));
        String text = "ｶﾞｰﾃﾞﾝ café e\u0301 \uD83D\uDC4D\uD83C\uDFFD Ａ";
        String nfkc;
        try (TextEngine first = TextEngine.create()) {
            nfkc = first.normalize(text, NormalizationForm.NFKC);
        }
        DerivedTables shared = DerivedTables.of(Backend.AOT);
        int key = 2; // NFKC (ABI flags, no options)
        char[] mapping = shared.mappings.get(key);
        long[] set = shared.stableSets.get(key);
        MappedText.PieceCache pieces = shared.pieceCaches.get(key);
        assertNotNull(mapping, "the first engine learnt the NFKC mappings");
        assertNotNull(set);
        assertNotNull(pieces);
        try (TextEngine second = TextEngine.create()) {
            assertEquals(nfkc, second.normalize(text, NormalizationForm.NFKC));
        }
        // The second engine used the first one's tables rather than deriving its own.
        assertSame(mapping, shared.mappings.get(key));
        assertSame(set, shared.stableSets.get(key));
        assertSame(pieces, shared.pieceCaches.get(key));
    }
}
