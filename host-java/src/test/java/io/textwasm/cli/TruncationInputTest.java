package io.textwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.LimitExceededException;
import io.textwasm.TextEngine;
import io.textwasm.Truncation;
import io.textwasm.testkit.Cps;
import io.textwasm.testkit.Engines;
import io.textwasm.testkit.RandomTextGenerator;
import io.textwasm.testkit.Seeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CLI's truncate reads only a prefix of its input ({@link Commands#truncationInput}); the
 * answer must still be the whole input's, in every unit, with and without an ellipsis or the
 * word mode.
 */
class TruncationInputTest {
    static final TextEngine ENGINE = Engines.aot();

    static Truncation truncation(Random r, int unit, int limit) {
        IntFunction<Truncation> of = unit == 0 ? Truncation::utf8Bytes : unit == 1 ? Truncation::utf16Units
                : unit == 2 ? Truncation::codePoints : Truncation::graphemes;
        Truncation t = of.apply(limit);
        if (r.nextBoolean() && limit >= 3) {
            t = t.withEllipsis(r.nextBoolean() ? "…" : "...");
        }
        return r.nextBoolean() ? t.atWordBoundary() : t;
    }

    @Test
    void aPrefixGivesTheWholeInputsAnswer() throws IOException {
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("TruncationInputTest"));
        Random r = gen.random();
        int prefixes = 0;
        for (int i = 0; i < 3_000; i++) {
            String text = Cps.replaceUnpairedSurrogates(gen.mixedText(12) + " " + gen.prose());
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            Truncation t = truncation(r, r.nextInt(4), r.nextInt(Math.max(1, text.length())));
            // Reads of 16 bytes and up, so that most inputs are cut short.
            String input = Commands.truncationInput("test", new ByteArrayInputStream(utf8), t, false, ENGINE, 16, Commands.TRUNCATION_READ_MAX);
            if (input.length() < text.length()) {
                prefixes++;
            }
            assertTrue(text.startsWith(input));
            assertEquals(ENGINE.truncate(text, t), ENGINE.truncate(input, t),
                    () -> t + " of " + Cps.escape(text) + " read as " + Cps.escape(input) + Seeds.hint());
        }
        assertTrue(prefixes > 1_000, "too few inputs were read in part: " + prefixes);
    }

    /** Never ends: "hello world " forever. */
    static InputStream endless() {
        byte[] unit = "hello world ".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            long pos;

            @Override
            public int read() {
                return unit[(int) (pos++ % unit.length)];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int k = 0; k < len; k++) {
                    b[off + k] = unit[(int) (pos++ % unit.length)];
                }
                return len;
            }
        };
    }

    @Test
    void aBudgetLargerThanWhatTruncateReadsIsNamedAsSuch() {
        // It used to say "without a line feed or a space", though the input had plenty.
        LimitExceededException e = org.junit.jupiter.api.Assertions.assertThrows(LimitExceededException.class,
                () -> Commands.truncationInput("in.txt", endless(), Truncation.utf8Bytes(5_000), false, ENGINE, 16, 1024));
        assertEquals("in.txt: 1024 bytes read and still within the budget; truncate reads at most that much, so use a smaller budget", e.getMessage());
        byte[] noCut = "x".repeat(5_000).getBytes(StandardCharsets.US_ASCII);
        e = org.junit.jupiter.api.Assertions.assertThrows(LimitExceededException.class,
                () -> Commands.truncationInput("in.txt", new ByteArrayInputStream(noCut), Truncation.utf8Bytes(100), false, ENGINE, 16, 1024));
        assertEquals("in.txt: 1024 bytes read without a line feed or a space to stop at", e.getMessage());
    }

    @Test
    @Timeout(30)
    void anEndlessInputIsTruncated() {
        CliTest.Run r = CliTest.run(endless(), "truncate", "--max-bytes", "280", "--ellipsis", "…", "--at-word");
        CliTest.assertOk(r);
        assertEquals(ENGINE.truncate("hello world ".repeat(100), Truncation.utf8Bytes(280).withEllipsis("…").atWordBoundary()), r.stdout());
    }
}
