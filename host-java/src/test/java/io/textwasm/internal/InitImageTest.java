package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.Backend;
import io.textwasm.EngineException;
import io.textwasm.NormalizationForm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Starting an instance from the image the build ships is the same as expanding the tables:
 * byte for byte, under every backend (the expansion runs in the core, so each backend's own
 * run is compared, the interpreter's included).
 */
class InitImageTest {
    @Test
    void theBuildShipsAnImageOfThisModule() throws IOException {
        try (InputStream in = InitImage.class.getResourceAsStream(InitImage.RESOURCE)) {
            assertNotNull(in, "the build (process-classes) writes " + InitImage.RESOURCE);
            assertNotNull(InitImage.read(in, InitImage.moduleKey()), "the shipped image is of another module or malformed");
        }
        assertNotNull(InitImage.get());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void expandingTheTablesGivesTheImageByteForByte(Backend backend) {
        CoreInstance expanded = new CoreInstance(CoreModule.load(backend), 1 << 10, false);
        InitImage image = InitImage.get();
        assertTrue(expanded.matches(image), backend + ": memory after OP_INIT differs from the shipped image");
        CoreInstance restored = new CoreInstance(CoreModule.load(backend), 1 << 10, true);
        assertTrue(restored.matches(image));
        assertEquals(expanded.tableBytes(), restored.tableBytes());
    }

    @Test
    void anInstanceFromTheImageAnswersLikeOneThatExpanded() {
        String s = "ｶﾞｰﾃﾞﾝ Å\u0301\u0323 한국어 \uD83D\uDC69\u200D\uD83D\uDCBB";
        CoreModule m = CoreModule.load(Backend.AOT);
        for (NormalizationForm form : NormalizationForm.values()) {
            byte[] in = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(normalize(new CoreInstance(m, 1 << 10, false), in, form), normalize(new CoreInstance(m, 1 << 10, true), in, form));
        }
    }

    private static String normalize(CoreInstance ci, byte[] in, NormalizationForm form) {
        // The ABI codes are the enum order (0 NFC .. 4 NFKC_Casefold, ABI.md).
        return Arrays.toString(Calls.normalize(ci, in, 0, in.length, form.ordinal(), null, 0));
    }

    @Test
    void anImageOfOtherModuleBytesOrAMalformedOneIsNotUsed() throws IOException {
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        InitImage.get().write(good);
        byte[] b = good.toByteArray();
        assertNotNull(InitImage.read(new ByteArrayInputStream(b), InitImage.moduleKey()));
        assertNull(InitImage.read(new ByteArrayInputStream(b), InitImage.moduleKey() ^ 1), "another module's image");
        assertNull(InitImage.read(new ByteArrayInputStream(Arrays.copyOf(b, b.length - 1)), InitImage.moduleKey()), "truncated");
        assertNull(InitImage.read(new ByteArrayInputStream(Arrays.copyOf(b, b.length + 1)), InitImage.moduleKey()), "trailing bytes");
        byte[] badMagic = b.clone();
        badMagic[0] ^= 1;
        assertNull(InitImage.read(new ByteArrayInputStream(badMagic), InitImage.moduleKey()));
    }

    @Test
    void aMemoryLimitBelowTheTablesIsAClearError() {
        // Only reachable below the API's 1 MiB minimum, which holds the tables, so through the instance.
        int pages = InitImage.get().pages();
        EngineException e = assertThrows(EngineException.class, () -> new CoreInstance(CoreModule.load(Backend.AOT), pages - 1, true));
        assertTrue(e.getMessage().contains("memory limit"), e.getMessage());
    }
}
