package io.textwasm.bench.contender;

import io.textwasm.NormalizationForm;
import io.textwasm.Token;
import java.util.List;

/**
 * One library doing the benchmark's jobs through its public API, the way an application would
 * call it. An operation a contender cannot do the same way throws {@link Unsupported}; the
 * harness never schedules those (see {@link #supports}).
 */
public interface Contender {

    /** The jobs of the matrix. */
    enum Op {
        NORMALIZE_NFC("normalize NFC"),
        NORMALIZE_NFKC("normalize NFKC"),
        NORMALIZE_NFKC_CF("normalize NFKC_Casefold"),
        IS_NORMALIZED_NFC("isNormalized NFC"),
        COUNT_WORDS("countWords"),
        COUNT_GRAPHEMES("countGraphemes"),
        TOKENIZE("tokenize"),
        TRUNCATE("truncate to 280 B");

        public final String title;

        Op(String title) {
            this.title = title;
        }

        /** "normalize-nfc", ... as used in result files and by the Node and native harnesses. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    String name();

    default boolean supports(Op op) {
        return true;
    }

    String normalize(String s, NormalizationForm form);

    boolean isNormalized(String s, NormalizationForm form);

    int countWords(String s);

    int countGraphemes(String s);

    /** Every word segment with its kind and UTF-16 offsets. */
    List<Token> tokenize(String s);

    /** The longest prefix of at most {@code maxBytes} UTF-8 bytes that ends on a grapheme boundary. */
    String truncateUtf8(String s, int maxBytes);

    /** Thrown for a job a contender has no API for. */
    final class Unsupported extends UnsupportedOperationException {
        public Unsupported(String contender, String what) {
            super(contender + " has no " + what);
        }
    }

    static Contender create(String name) {
        switch (name) {
            case "aot": return new TextwasmContender(io.textwasm.Backend.AOT);
            case "compiler": return new TextwasmContender(io.textwasm.Backend.COMPILER);
            case "interpreter": return new TextwasmContender(io.textwasm.Backend.INTERPRETER);
            case "module": return new ModuleContender();
            case "icu4j": return new Icu4jContender();
            case "jdk": return new JavaTextContender();
            default: throw new IllegalArgumentException("unknown contender '" + name + "' (expected aot, compiler, interpreter, module, icu4j or jdk)");
        }
    }
}
