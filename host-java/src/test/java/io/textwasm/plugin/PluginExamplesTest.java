package io.textwasm.plugin;

import static io.textwasm.plugin.Fixtures.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Normalizer2;
import io.textwasm.Backend;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The two example plugins (plugins/), built from Rust, run through PluginHost and the real engine. */
class PluginExamplesTest {
    static Stream<Arguments> setups() {
        return Stream.of(
                Arguments.of(Backend.COMPILER, InstancePolicy.REUSE),
                Arguments.of(Backend.COMPILER, InstancePolicy.FRESH),
                Arguments.of(Backend.INTERPRETER, InstancePolicy.REUSE));
    }

    static PluginHost host(Backend backend) {
        return PluginHost.builder().backend(backend).engine(Fixtures.ENGINE).log(PluginLog.discard()).build();
    }

    @ParameterizedTest
    @MethodSource("setups")
    void redactReplacesAddressesAndNumbers(Backend backend, InstancePolicy policy) {
        try (PluginHost h = host(backend)) {
            Plugin p = h.loader(example("redact")).instancePolicy(policy).load();
            assertEquals("redact", p.name());
            assertEquals("redact", p.defaultTransform().orElseThrow());
            String text = "Write to jane.doe@example.com or zoé@example.fr, call +1 (555) 123-4567 or 03-1234-5678.\n"
                    + "Not phones: 2024-01-15, 192.168.100.200, v10.0.19041.1288. 連絡先:taro@example.jp。";
            assertEquals("Write to [email] or [email], call [phone] or [phone].\n"
                    + "Not phones: 2024-01-15, 192.168.100.200, v10.0.19041.1288. 連絡先:[email]。", p.transform(text));
            assertEquals("[email] +1 555 123 4567", p.transform("emails", "ann@example.com +1 555 123 4567"));
            assertEquals("ann@example.com [phone]", p.transform("phones", "ann@example.com +1 555 123 4567"));
            assertEquals("", p.transform(""));
        }
    }

    @Test
    void redactHandlesLargeInputsAndReusesItsMemory() {
        try (PluginHost h = host(Backend.COMPILER)) {
            Plugin p = h.loader(example("redact")).maxInstances(1).maxMemory(16 << 20).load();
            StringBuilder b = new StringBuilder();
            SplittableRandom r = new SplittableRandom(1);
            int emails = 0;
            int phones = 0;
            while (b.length() < 2_000_000) {
                switch (r.nextInt(4)) {
                    case 0: b.append("user").append(r.nextInt(1000)).append("@mail").append(r.nextInt(50)).append(".example.com "); emails++; break;
                    case 1: b.append("+44 20 ").append(1000 + r.nextInt(9000)).append(' ').append(1000 + r.nextInt(9000)).append(", "); phones++; break;
                    default: b.append("ordinary words, ünïcödé and 漢字 ");
                }
            }
            String text = b.toString();
            // Many calls on one instance: its allocator must reclaim each input and output.
            for (int i = 0; i < 20; i++) {
                String out = p.transform(text);
                assertFalse(out.contains("@"));
                assertEquals(emails, count(out, "[email]"));
                assertEquals(phones, count(out, "[phone]"));
            }
            assertEquals(1, p.instantiations(), "no call may have failed and forced a new instance");
        }
    }

    @ParameterizedTest
    @MethodSource("setups")
    void foldWidthFoldsOnlyWidth(Backend backend, InstancePolicy policy) {
        try (PluginHost h = host(backend)) {
            Plugin p = h.loader(example("fold-width")).instancePolicy(policy).load();
            assertEquals("fold", p.defaultTransform().orElseThrow());
            assertEquals("ガーデンで ABC123 テスト①ﬁ²", p.transform("ｶﾞｰﾃﾞﾝで\u3000ＡＢＣ１２３ テスト①ﬁ²"));
            assertEquals("xガy", p.transform("xカﾞy"));
            assertEquals("plain text, 漢字, カタカナ", p.transform("plain text, 漢字, カタカナ"));
            assertEquals("\uFFA1\uFFE3", p.transform("\uFFA1\uFFE3"), "half-width Hangul and the full-width macron are left alone");
        }
    }

    @Test
    void foldWidthAgreesWithIcuNfkcOnRunsOfWidthCharacters() {
        Normalizer2 nfkc = Normalizer2.getNFKCInstance();
        try (PluginHost h = PluginHost.builder().log(PluginLog.discard()).build()) { // its own engine, created on demand
            Plugin p = h.load(example("fold-width"));
            SplittableRandom r = new SplittableRandom(16);
            for (int i = 0; i < 2000; i++) {
                StringBuilder b = new StringBuilder();
                for (int k = 1 + r.nextInt(12); k > 0; k--) {
                    int cp;
                    do {
                        cp = r.nextInt(4) == 0 ? 0x3000 : 0xFF01 + r.nextInt(0xFFEE - 0xFF01 + 1);
                    } while ((cp >= 0xFFA0 && cp <= 0xFFDC) || cp == 0xFFE3 || cp == 0xFFE7 || !Character.isDefined(cp));
                    b.appendCodePoint(cp);
                }
                String s = b.toString();
                assertEquals(nfkc.normalize(s), p.transform(s), () -> "given " + s.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList());
            }
        }
    }

    @Test
    void theExamplesAreSmall() {
        assertTrue(example("redact").length < 8192, "redact.wasm: " + example("redact").length + " bytes");
        assertTrue(example("fold-width").length < 8192, "fold-width.wasm: " + example("fold-width").length + " bytes");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
