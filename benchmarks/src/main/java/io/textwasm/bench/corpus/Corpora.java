package io.textwasm.bench.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Benchmark inputs by corpus and size, generated once per JVM, and written to files so that Node,
 * the native binary and GraalWasm read exactly the bytes the JVM contenders see.
 */
public final class Corpora {
    private Corpora() {}

    /** The sizes of the matrix, in UTF-8 bytes (upper bounds: texts stop at a whole sentence or word). */
    public static final String[] SIZES = {"1KB", "10KB", "100KB", "1MB"};

    /** The seed's tokenize case: this many tokens (words and the spaces between them). */
    public static final int SEED_TOKENS = 1_000;
    /** The seed's word-count case. */
    public static final int SEED_WORDS = 10_000;
    /** The seed's truncation budget (a tweet), in UTF-8 bytes. */
    public static final int TRUNCATE_BYTES = 280;

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    public static int bytes(String size) {
        switch (size) {
            case "1KB": return 1 << 10;
            case "10KB": return 10 << 10;
            case "100KB": return 100 << 10;
            case "1MB": return 1 << 20;
            default: throw new IllegalArgumentException("unknown size '" + size + "' (expected 1KB, 10KB, 100KB or 1MB)");
        }
    }

    /**
     * The text of a corpus at a size. A JMH fork reads the file its parent wrote ({@link #writeAll})
     * when the system property {@value #DIR_PROPERTY} names the folder: generating 1 MB costs
     * about a second per fork, and every fork is a fresh JVM.
     */
    public static String text(Corpus corpus, String size) {
        return CACHE.computeIfAbsent(corpus.id() + "-" + size, k -> load(k).orElseGet(() -> corpus.generate(bytes(size))));
    }

    /** Where forks find the corpus files. */
    public static final String DIR_PROPERTY = "textwasm.bench.corpora";

    private static java.util.Optional<String> load(String name) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null) {
            return java.util.Optional.empty();
        }
        Path p = Path.of(dir, name + ".txt");
        try {
            return Files.exists(p) ? java.util.Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String corpusId, String size) {
        return text(Corpus.byId(corpusId), size);
    }

    /**
     * English words separated by single spaces, {@code words} of them: exactly {@code 2 * words - 1}
     * UAX #29 word segments, {@code words} of which contain letters.
     */
    public static String englishWords(int words) {
        return CACHE.computeIfAbsent("words-" + words, k -> {
            StringBuilder sb = new StringBuilder(words * 6);
            for (int i = 0; i < words; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                // Apostrophes stay inside a word (WB6/WB7), so "don't" is one segment too.
                sb.append(Words.ENGLISH[(int) ((i * 2654435761L) % Words.ENGLISH.length)]);
            }
            return sb.toString();
        });
    }

    /** The seed's tokenize input: 500 words and 500 spaces, exactly {@link #SEED_TOKENS} tokens. */
    public static String seedTokens() {
        return englishWords(SEED_TOKENS / 2) + " ";
    }

    public static String seedWords() {
        return englishWords(SEED_WORDS);
    }

    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Writes every corpus at every size, plus the seed inputs, as UTF-8 files named {@code <id>-<size>.txt}. */
    public static void writeAll(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Corpus c : Corpus.values()) {
                for (String size : SIZES) {
                    write(dir.resolve(c.id() + "-" + size + ".txt"), text(c, size));
                }
            }
            write(dir.resolve("seed-words.txt"), seedWords());
            write(dir.resolve("seed-tokens.txt"), seedTokens());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (!Files.exists(p) || !java.util.Arrays.equals(Files.readAllBytes(p), b)) {
            Files.write(p, b);
        }
    }
}
