package io.textwasm.bench.corpus;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.SplittableRandom;

/**
 * The five benchmark corpora, generated in code from word lists and templates so every run, on
 * every machine, measures the same bytes (no downloads). Each corpus is a stream of "pieces"
 * (a word or cluster with the separator after it); a text of a given size is the longest run of
 * whole pieces that fits, so no cut falls inside a grapheme cluster or a combining sequence.
 *
 * <p>{@link SplittableRandom} is specified bit for bit by its Javadoc, so a seed gives the same
 * text on every JDK.
 */
public enum Corpus {
    /** English, ASCII only: the case every fast path is built for. */
    ENGLISH("English ASCII") {
        @Override
        String sentence(SplittableRandom r) {
            StringBuilder sb = new StringBuilder();
            int words = 6 + r.nextInt(12);
            for (int i = 0; i < words; i++) {
                String w = pick(r, Words.ENGLISH);
                if (i == 0) {
                    w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
                } else if (r.nextInt(14) == 0) {
                    w = NUMBERS[r.nextInt(NUMBERS.length)];
                }
                sb.append(w);
                if (i < words - 1) {
                    sb.append(r.nextInt(9) == 0 ? ", " : " ");
                }
            }
            return sb.append(pick(r, ".", ".", ".", "?", "!")).toString();
        }
    },
    /**
     * French decomposed (NFD), as macOS file names and some editors produce it: every accented
     * letter is a base plus combining marks, so NFC has to compose nearly every word.
     */
    FRENCH_NFD("French NFD") {
        @Override
        String sentence(SplittableRandom r) {
            StringBuilder sb = new StringBuilder();
            int words = 6 + r.nextInt(12);
            for (int i = 0; i < words; i++) {
                String w = pick(r, Words.FRENCH);
                if (i == 0) {
                    w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
                } else if (r.nextInt(8) == 0) {
                    w = pick(r, "l’", "d’", "qu’", "j’") + pick(r, Words.FRENCH_VOWEL);
                }
                sb.append(w);
                if (i < words - 1) {
                    sb.append(r.nextInt(9) == 0 ? ", " : " ");
                }
            }
            // Decomposing Latin letters with acute, grave, circumflex, cedilla and diaeresis has
            // been stable since Unicode 3.1, so the JDK's own (older) tables give the same bytes.
            return Normalizer.normalize(sb.append(pick(r, ".", ".", " ?", " !")).toString(), Normalizer.Form.NFD);
        }
    },
    /**
     * Japanese as found in the wild: kanji and kana, full-width Latin letters and digits, and
     * half-width katakana with separate voicing marks. NFKC changes every one of the last two.
     */
    JAPANESE_MIXED_WIDTH("Japanese mixed-width") {
        @Override
        String sentence(SplittableRandom r) {
            StringBuilder sb = new StringBuilder();
            int parts = 3 + r.nextInt(6);
            for (int i = 0; i < parts; i++) {
                int k = r.nextInt(10);
                if (k < 6) {
                    sb.append(pick(r, Words.JAPANESE));
                } else if (k < 8) {
                    sb.append(pick(r, Words.JAPANESE_FULL_WIDTH));
                } else {
                    sb.append(pick(r, Words.JAPANESE_HALF_WIDTH));
                }
                sb.append(pick(r, Words.JAPANESE_PARTICLES));
                if (r.nextInt(4) == 0) {
                    sb.append(pick(r, "、", "、", "､"));
                }
            }
            return sb.append(pick(r, "。", "。", "！", "｡")).toString();
        }
    },
    /** Korean: precomposed Hangul syllables (NFC), with a little compatibility jamo chat. */
    KOREAN("Korean") {
        @Override
        String sentence(SplittableRandom r) {
            StringBuilder sb = new StringBuilder();
            int words = 4 + r.nextInt(9);
            for (int i = 0; i < words; i++) {
                sb.append(pick(r, Words.KOREAN));
                if (r.nextInt(3) == 0) {
                    sb.append(pick(r, Words.KOREAN_PARTICLES));
                }
                if (i < words - 1) {
                    sb.append(r.nextInt(10) == 0 ? ", " : " ");
                }
            }
            sb.append(pick(r, ".", ".", "?", "!"));
            if (r.nextInt(6) == 0) {
                sb.append(' ').append(pick(r, "ㅋㅋㅋ", "ㅎㅎ", "ㅠㅠ")); // compatibility jamo: NFKC maps them
            }
            return sb.toString();
        }
    },
    /** Emoji-heavy chat: ZWJ sequences, flags, skin tones, keycaps and presentation selectors. */
    EMOJI("Emoji-heavy") {
        @Override
        String sentence(SplittableRandom r) {
            StringBuilder sb = new StringBuilder();
            int parts = 3 + r.nextInt(6);
            for (int i = 0; i < parts; i++) {
                if (r.nextInt(3) == 0) {
                    sb.append(pick(r, Words.ENGLISH)).append(' ');
                }
                int n = 1 + r.nextInt(3);
                for (int j = 0; j < n; j++) {
                    sb.append(pick(r, Words.EMOJI));
                }
                if (i < parts - 1) {
                    sb.append(' ');
                }
            }
            return sb.append(pick(r, "", "!", "!!")).toString();
        }
    };

    private static final String[] NUMBERS = {"42", "2025", "3.14", "100", "7", "1,000", "12:30", "0.5"};

    private final String title;

    Corpus(String title) {
        this.title = title;
    }

    /** The name used in tables and files: "english", "french-nfd", ... */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace("_mixed_width", "").replace('_', '-');
    }

    public String title() {
        return title;
    }

    public static Corpus byId(String id) {
        for (Corpus c : values()) {
            if (c.id().equals(id) || c.name().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown corpus '" + id + "'");
    }

    abstract String sentence(SplittableRandom r);

    /**
     * A text of at most {@code maxUtf8Bytes} UTF-8 bytes (and within one sentence of it): whole
     * sentences, a line feed after every few, so a paragraph never crosses a cut.
     */
    public String generate(int maxUtf8Bytes) {
        SplittableRandom r = new SplittableRandom(0x7E57_0000L + ordinal());
        StringBuilder sb = new StringBuilder(maxUtf8Bytes);
        int bytes = 0;
        int inParagraph = 0;
        while (true) {
            String s = sentence(r);
            int paragraph = 3 + r.nextInt(4);
            String sep = ++inParagraph >= paragraph ? "\n" : " ";
            if (sep.equals("\n")) {
                inParagraph = 0;
            }
            String piece = s + sep;
            int n = piece.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > maxUtf8Bytes) {
                // Fill the rest word by word, so small sizes land close to their target.
                for (String w : s.split("(?<= )")) {
                    int m = w.getBytes(StandardCharsets.UTF_8).length;
                    if (bytes + m > maxUtf8Bytes) {
                        break;
                    }
                    sb.append(w);
                    bytes += m;
                }
                return sb.toString();
            }
            sb.append(piece);
            bytes += n;
        }
    }

    static String pick(SplittableRandom r, String... choices) {
        return choices[r.nextInt(choices.length)];
    }
}
