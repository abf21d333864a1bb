package io.textwasm;

import io.textwasm.internal.Abi;
import io.textwasm.internal.CoreInstance;
import io.textwasm.internal.CoreModule;
import io.textwasm.internal.Calls;
import io.textwasm.internal.InstancePool;
import io.textwasm.internal.MappedText;
import io.textwasm.internal.HostTables;
import io.textwasm.internal.SegmentCuts;
import io.textwasm.internal.SimpleClusters;
import io.textwasm.internal.StableText;
import io.textwasm.internal.TokenList;
import io.textwasm.internal.TokenSlices;
import io.textwasm.internal.WordCounter;
import io.textwasm.internal.WordSegments;
import io.textwasm.internal.StreamNormalizer;
import io.textwasm.internal.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The textwasm engine: Unicode 16.0.0 normalization, UAX #29 segmentation, word count, tokens
 * and grapheme-safe truncation, computed by one WebAssembly module so every JVM and every runtime
 * gets the same answer.
 *
 * <p>Thread-safe: share one engine. Each call borrows a core instance from a bounded pool (a
 * Chicory instance must not be used by two threads at once). Close it to release the pool.
 *
 * <pre>{@code
 * try (TextEngine engine = TextEngine.create()) {
 *     engine.normalize("ｶﾞｰﾃﾞﾝ", NormalizationForm.NFKC);   // "ガーデン"
 * }
 * }</pre>
 *
 * <p>Strings may contain unpaired surrogates; they are treated as U+FFFD, which keeps UTF-16
 * offsets aligned with the caller's string.
 */
public final class TextEngine implements AutoCloseable {
    public static final String UNICODE_VERSION = "16.0.0";

    private final InstancePool pool;
    private final StableText stableText;
    private final MappedText mappedText;
    private final SimpleClusters simpleClusters;
    private final WordCounter wordCounter;
    private final WordSegments wordSegments;
    private final Backend backend;
    private volatile boolean closed;

    private TextEngine(Builder b) {
        this.backend = b.backend;
        this.pool = new InstancePool(CoreModule.load(b.backend), b.maxInstances, b.maxMemoryMiB * 16, b.keepMemoryMiB * 16);
        this.stableText = new StableText(pool);
        this.mappedText = new MappedText(pool, stableText);
        HostTables hostTables = new HostTables(pool);
        this.simpleClusters = new SimpleClusters(hostTables);
        this.wordCounter = new WordCounter(hostTables);
        this.wordSegments = new WordSegments(hostTables);
    }

    /** An engine with the embedded module and the default (build-time compiled) backend. */
    public static TextEngine create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for an engine. */
    public static final class Builder {
        private Backend backend = Backend.AOT;
        private int maxInstances = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int maxMemoryMiB = 1024;
        private int keepMemoryMiB = 16;

        private Builder() {}

        public Builder backend(Backend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /** At most this many core instances run at once (default: the number of processors). */
        public Builder maxInstances(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxInstances must be at least 1: " + n);
            }
            this.maxInstances = n;
            return this;
        }

        /** Linear memory limit per instance (default 1024 MiB); bounds the largest single call. */
        public Builder maxMemoryMiB(int mib) {
            if (mib < 1 || mib > 4095) {
                throw new IllegalArgumentException("maxMemoryMiB must be within 1..4095: " + mib);
            }
            this.maxMemoryMiB = mib;
            return this;
        }

        /** An instance whose memory grew more than this above its start is dropped after the call (default 16 MiB). */
        public Builder keepMemoryMiB(int mib) {
            if (mib < 0) {
                throw new IllegalArgumentException("keepMemoryMiB must not be negative: " + mib);
            }
            this.keepMemoryMiB = mib;
            return this;
        }

        public TextEngine build() {
            return new TextEngine(this);
        }
    }

    public Backend backend() {
        return backend;
    }

    public String unicodeVersion() {
        return UNICODE_VERSION;
    }

    /** SHA-256 of the embedded core module, hex. */
    public String moduleSha256() {
        return CoreModule.sha256();
    }

    /** This library's version. */
    public static String version() {
        String v = TextEngine.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    // ---------------------------------------------------------------- normalization

    public String normalize(CharSequence text, NormalizationForm form) {
        return normalize(text, form, NormalizationOptions.DEFAULT);
    }

    public String normalize(CharSequence text, NormalizationForm form, NormalizationOptions options) {
        Objects.requireNonNull(form, "form");
        String s = text.toString();
        int flags = flags(form, options);
        ensureOpen();
        // Only the part after the text the host proves unchanged is encoded and sent.
        int start = stableText.start(s, form, options, flags);
        if (start == s.length()) {
            return s;
        }
        String mapped = mappedText.normalize(s, start, flags);
        if (mapped != null) {
            return mapped;
        }
        String rest = s.substring(start);
        byte[] in = Utf8.encode(rest);
        byte[] out = pool.with(ci -> Calls.normalize(ci, in, 0, in.length, flags, null, 0));
        String normalizedRest;
        if (out != null) {
            normalizedRest = new String(out, StandardCharsets.UTF_8);
        } else if (Utf8.hasUnpairedSurrogate(rest)) {
            // Unchanged by the core, but unpaired surrogates were already replaced on the way in.
            normalizedRest = new String(in, StandardCharsets.UTF_8);
        } else {
            return s;
        }
        return start == 0 ? normalizedRest : s.substring(0, start).concat(normalizedRest);
    }

    /** UTF-8 in, UTF-8 out. Ill-formed input throws {@link InvalidUtf8Exception} unless the options are lossy. */
    public byte[] normalize(byte[] utf8, NormalizationForm form, NormalizationOptions options) {
        Objects.requireNonNull(form, "form");
        byte[] out = pool.with(ci -> Calls.normalize(ci, utf8, 0, utf8.length, flags(form, options), null, 0));
        return out == null ? utf8.clone() : out;
    }

    public boolean isNormalized(CharSequence text, NormalizationForm form) {
        return isNormalized(text, form, NormalizationOptions.DEFAULT);
    }

    public boolean isNormalized(CharSequence text, NormalizationForm form, NormalizationOptions options) {
        String s = text.toString();
        ensureOpen();
        int flags = flags(form, options);
        int start = stableText.start(s, form, options, flags);
        if (start == s.length()) {
            return true;
        }
        Boolean quick = mappedText.isNormalized(s, start, flags);
        if (quick != null) {
            return quick;
        }
        String rest = s.substring(start);
        if (Utf8.hasUnpairedSurrogate(rest)) {
            return false; // normalize would replace them with U+FFFD
        }
        // The skipped text is unchanged, so the whole is normalized exactly when the rest is.
        return isNormalized(Utf8.encode(rest), form, options);
    }

    public boolean isNormalized(byte[] utf8, NormalizationForm form, NormalizationOptions options) {
        Objects.requireNonNull(form, "form");
        return pool.with(ci -> Calls.isNormalized(ci, utf8, flags(form, options)));
    }

    /**
     * Normalizes a character stream of any size in bounded memory: the text is cut only where
     * normalization cannot reach across the cut. A stretch of more than 16 MiB (as UTF-8) with no
     * such place, which takes adversarial input such as a letter with millions of combining
     * marks, is refused with a {@link LimitExceededException}.
     */
    public void normalize(Reader in, Writer out, NormalizationForm form, NormalizationOptions options) throws IOException {
        new StreamNormalizer(pool, flags(form, options)).run(in, out);
    }

    /** As {@link #normalize(Reader, Writer, NormalizationForm, NormalizationOptions)} for UTF-8 byte streams. */
    public void normalize(InputStream in, OutputStream out, NormalizationForm form, NormalizationOptions options) throws IOException {
        new StreamNormalizer(pool, flags(form, options)).run(in, out, null);
    }

    /** Byte-stream form with a progress callback (bytes read so far), for the CLI. */
    public void normalize(InputStream in, OutputStream out, NormalizationForm form, NormalizationOptions options,
            java.util.function.LongConsumer progress) throws IOException {
        new StreamNormalizer(pool, flags(form, options)).run(in, out, progress);
    }

    private static int flags(NormalizationForm form, NormalizationOptions options) {
        return form.abiCode | Objects.requireNonNull(options, "options").abiFlags();
    }

    // ---------------------------------------------------------------- segmentation

    /** Boundary offsets in UTF-16 units: 0 first, the length last. */
    public int[] segment(CharSequence text, Granularity granularity) {
        Objects.requireNonNull(granularity, "granularity");
        ensureOpen(); // the host paths may not touch the pool, which would also refuse
        if (granularity == Granularity.WORD) {
            String s = text.toString();
            WordSegments.Segments segments = wordSegments(s, 0, s.length());
            int[] boundaries = new int[segments.size() + 1];
            System.arraycopy(segments.ends(), 0, boundaries, 1, segments.size());
            return boundaries;
        }
        byte[] in = Utf8.encode(text);
        int flags = Abi.SEG_UTF16 | (granularity == Granularity.WORD ? Abi.SEG_WORDS : 0);
        return pool.with(ci -> Calls.segment(ci, in, flags));
    }

    /** Boundary offsets in UTF-8 bytes for UTF-8 input. */
    public int[] segment(byte[] utf8, Granularity granularity, boolean lossy) {
        Objects.requireNonNull(granularity, "granularity");
        int flags = (granularity == Granularity.WORD ? Abi.SEG_WORDS : 0) | (lossy ? Abi.LOSSY : 0);
        return pool.with(ci -> Calls.segment(ci, utf8, flags));
    }

    /** Word segments that contain a letter, a number, an ideograph or kana (see {@link TokenKind}). */
    public int countWords(CharSequence text) {
        ensureOpen(); // the host paths may not touch the pool, which would also refuse
        String s = text.toString();
        return wordCounter.count(s, (from, to) -> count(Utf8.encode(s, from, to), Abi.COUNT_WORDS));
    }

    /** Extended grapheme clusters (UAX #29). */
    public int countGraphemes(CharSequence text) {
        ensureOpen(); // the host paths may not touch the pool, which would also refuse
        String s = text.toString();
        return simpleClusters.count(s, (from, to) -> count(Utf8.encode(s, from, to), Abi.COUNT_GRAPHEMES));
    }

    /** Counts in UTF-8 input: {@code what} is "words", "graphemes" or "codepoints". */
    public long count(byte[] utf8, String what, boolean lossy) {
        int mode;
        switch (what) {
            case "words": mode = Abi.COUNT_WORDS; break;
            case "graphemes": mode = Abi.COUNT_GRAPHEMES; break;
            case "codepoints": mode = Abi.COUNT_CODE_POINTS; break;
            default: throw new IllegalArgumentException("unknown count '" + what + "'");
        }
        return Integer.toUnsignedLong(count(utf8, mode | (lossy ? Abi.LOSSY : 0)));
    }

    private int count(byte[] in, int flags) {
        return pool.with(ci -> Calls.count(ci, in, flags));
    }

    /** Every token of {@code text} (whitespace and punctuation included), in order, in an unmodifiable list. */
    public List<Token> tokenize(CharSequence text) {
        return tokenize(text, TokenizeOptions.DEFAULT);
    }

    private static final int WHITESPACE = TokenKind.WHITESPACE.ordinal();
    private static final int PUNCTUATION = TokenKind.PUNCTUATION.ordinal();

    /**
     * Every token of {@code text}, in order, in an unmodifiable list. Unless case is folded, the
     * list holds each token's offsets and kind (9 bytes a token) and hands out {@linkplain
     * Token#slice slices} of {@code text.toString()}, made as they are read (a Token is
     * value-based); a token's text is cut when it is first read.
     */
    public List<Token> tokenize(CharSequence text, TokenizeOptions options) {
        Objects.requireNonNull(options, "options");
        if (!options.caseFold()) {
            ensureOpen(); // the host paths may not touch the pool, which would also refuse
            String s = text.toString();
            return TokenSlices.of(s, wordSegments(s, 0, s.length()), options.dropWhitespace(), options.dropPunctuation());
        }
        TokenList out = new TokenList(text.length());
        forEachToken(text, options, out::append);
        return out.seal();
    }

    /**
     * Tokens produced lazily: the text is tokenized in chunks of about a million units that end
     * where UAX #29 always breaks (after a line feed, between a space and an ASCII character, or
     * at a word boundary that is certain whatever surrounds it), so a long text is not handed to
     * the core whole. Tokens are buffered a chunk at a time (a chunk is longer only where a single
     * word is); {@link #forEachToken} buffers nothing, unless it folds case.
     */
    public Stream<Token> tokens(CharSequence text, TokenizeOptions options) {
        Objects.requireNonNull(options, "options");
        ensureOpen(); // the host paths may not touch the pool, which would also refuse
        String s = text.toString();
        Spliterator<Token> it = new Spliterators.AbstractSpliterator<Token>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private int pos;
            private final ArrayDeque<Token> buffered = new ArrayDeque<>();

            @Override
            public boolean tryAdvance(Consumer<? super Token> action) {
                while (buffered.isEmpty() && pos < s.length()) {
                    int end = chunkEnd(s, pos, 1 << 20);
                    tokenizeChunk(s, pos, end, options, buffered::add);
                    pos = end;
                }
                Token t = buffered.poll();
                if (t == null) {
                    return false;
                }
                action.accept(t);
                return true;
            }
        };
        return StreamSupport.stream(it, false);
    }

    /**
     * Every token of {@code text}, in order, handed to {@code action} chunk by chunk as in
     * {@link #tokens}, without a list: what is buffered is one chunk's segment offsets and kinds
     * (5 bytes a segment), or for case-folded tokens, the core's tokens of one chunk (the core
     * builds a chunk's tokens at once, so a text is never handed to it whole).
     */
    public void forEachToken(CharSequence text, TokenizeOptions options, Consumer<? super Token> action) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(action, "action");
        ensureOpen(); // the host paths may not touch the pool, which would also refuse
        String s = text.toString();
        for (int pos = 0; pos < s.length(); ) {
            int end = chunkEnd(s, pos, 1 << 20);
            tokenizeChunk(s, pos, end, options, action::accept);
            pos = end;
        }
    }

    /**
     * End of a chunk of at most {@code size} units starting at {@code from}: at the last cut
     * {@link SegmentCuts} allows (a line feed, or a space before ASCII); when there is none, at
     * the first word boundary past {@code size} that is certain whatever surrounds it (CJK and
     * Thai text has one at nearly every character); the rest of the text only when neither exists
     * (one enormous word, which is one token anyway).
     */
    int chunkEnd(String s, int from, int size) {
        if (s.length() - from <= size) {
            return s.length();
        }
        int cut = SegmentCuts.last(s, from, from + size);
        if (cut > from) {
            return cut;
        }
        return wordSegments.certainBoundaryAfter(s, from + size - 1, s.length());
    }

    /**
     * Tokens of UTF-8 input with UTF-8 byte offsets (what the CLI prints). {@code base} is added
     * to every offset, for callers that tokenize a stream chunk by chunk; a {@link Token}'s
     * offsets are {@code int}s, so an offset past 2<sup>31</sup> - 1 is refused with an
     * IllegalArgumentException (streams that long pass 0 and add their base as a {@code long}).
     * The list is unmodifiable, like {@link #tokenize}'s.
     */
    public List<Token> tokenizeUtf8(byte[] utf8, TokenizeOptions options, boolean lossy, long base) {
        Objects.requireNonNull(options, "options");
        if (base < 0 || base + utf8.length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("offsets from " + base + " to " + (base + utf8.length)
                    + " do not fit a Token's int offsets; pass 0 and add the base yourself");
        }
        int flags = options.abiFlags() | (lossy ? Abi.LOSSY : 0);
        Calls.Tokens t = pool.with(ci -> Calls.tokenize(ci, utf8, flags));
        int[] r = t.records;
        List<Token> out = new ArrayList<>(r.length / Abi.TOKEN_WORDS);
        for (int i = 0; i + Abi.TOKEN_WORDS <= r.length; i += Abi.TOKEN_WORDS) {
            String text = options.caseFold()
                    ? new String(t.folded, r[i + 3], r[i + 4], StandardCharsets.UTF_8)
                    : new String(utf8, r[i], r[i + 1] - r[i], StandardCharsets.UTF_8);
            out.add(Token.of(text, TokenKind.BY_CODE[r[i + 2] & 7], (int) (r[i] + base), (int) (r[i + 1] + base)));
        }
        return Collections.unmodifiableList(out);
    }

    /** The word segments of {@code s[from, to)}, segmented in the host (WordSegments), with the core where its table has no answer. */
    private WordSegments.Segments wordSegments(String s, int from, int to) {
        WordSegments.Segments out = new WordSegments.Segments(from, to - from);
        wordSegments.segment(s, from, to, out, (f, t, seg) -> WordSegments.coreSegments(pool, s, f, t, seg));
        return out;
    }

    /**
     * The segments of {@code s[from, to)} that the options keep (all but the whitespace or the
     * punctuation, when asked), as offsets and kind codes. Segmented in the host (WordSegments);
     * folded tokens need the core's normalization instead.
     */
    private void keptSegments(String s, int from, int to, TokenizeOptions options, WordSegments.Sink sink) {
        boolean dropWhitespace = options.dropWhitespace();
        boolean dropPunctuation = options.dropPunctuation();
        wordSegments(s, from, to).replay((a, b, kind) -> {
            if (!(dropWhitespace && kind == WHITESPACE || dropPunctuation && kind == PUNCTUATION)) {
                sink.segment(a, b, kind);
            }
        });
    }

    private void tokenizeChunk(String s, int from, int to, TokenizeOptions options, Consumer<Token> sink) {
        if (!options.caseFold()) {
            keptSegments(s, from, to, options, (a, b, kind) -> sink.accept(Token.slice(s, TokenKind.BY_CODE[kind], a, b)));
            return;
        }
        byte[] in = Utf8.encode(s, from, to);
        int flags = Abi.TOK_UTF16 | options.abiFlags();
        Calls.Tokens t = pool.with(ci -> Calls.tokenize(ci, in, flags));
        int[] r = t.records;
        for (int i = 0; i + Abi.TOKEN_WORDS <= r.length; i += Abi.TOKEN_WORDS) {
            int a = r[i] + from;
            int b = r[i + 1] + from;
            // Only folded tokens get here: their text is the core's, not a slice of s.
            sink.accept(Token.of(new String(t.folded, r[i + 3], r[i + 4], StandardCharsets.UTF_8), TokenKind.BY_CODE[r[i + 2] & 7], a, b));
        }
    }

    // ---------------------------------------------------------------- truncation

    /**
     * The longest prefix that fits the budget and ends on a grapheme cluster boundary (with an
     * ellipsis appended when the text was cut). Costs time proportional to the budget, not to
     * the text: only a prefix is handed to the core.
     */
    public String truncate(CharSequence text, Truncation t) {
        Objects.requireNonNull(t, "truncation");
        ensureOpen(); // the host paths may not touch the pool, which would also refuse
        String s = text.toString();
        int n = s.length();
        int reserve = ellipsisSize(t);
        if (reserve > t.limit()) {
            throw new IllegalArgumentException("the ellipsis '" + t.ellipsis() + "' needs " + reserve + " " + t.unit()
                    + " but the whole budget is " + t.limit());
        }
        // Decide cheaply whether the text fits at all (O(limit) work, never O(n)).
        long size;
        switch (t.unit()) {
            case UTF16_UNITS:
                size = n;
                break;
            case UTF8_BYTES:
                size = Utf8.lengthUpTo(s, 0, n, t.limit());
                break;
            case CODE_POINTS:
                size = codePointsUpTo(s, t.limit());
                break;
            default:
                size = -1; // graphemes: only the core can tell
        }
        if (size >= 0 && size <= t.limit()) {
            return s;
        }
        // Where the core's grapheme shortcuts delimit every cluster near the budget, the host cuts.
        if (!t.isAtWordBoundary()) {
            int cut = simpleClusters.cut(s, t.unit().abiCode, t.limit(), t.limit() - reserve);
            if (cut == n) {
                return s;
            }
            if (cut >= 0) {
                // Without an ellipsis, the substring itself: a concatenation would copy it again.
                return t.ellipsis().isEmpty() ? s.substring(0, cut) : s.substring(0, cut) + t.ellipsis();
            }
        }
        // A prefix long enough to hold the budget plus lookahead; grown if the core asks.
        long want = (t.unit() == Truncation.Unit.GRAPHEMES ? 4L * t.limit() : t.limit()) + 64;
        int flags = t.unit().abiCode | (t.isAtWordBoundary() ? Abi.TRUNC_AT_WORD : 0);
        while (true) {
            int len = (int) Math.min(n, want);
            if (len < n && Character.isHighSurrogate(s.charAt(len - 1))) {
                len++;
            }
            byte[] in = Utf8.encode(s, 0, len);
            int f = flags | (len < n ? Abi.TRUNC_PARTIAL : 0);
            int[] cut = pool.with(ci -> Calls.truncate(ci, in, f, t.limit(), reserve));
            if (cut == null) {
                if (len >= n) {
                    throw new EngineException("the core asked for more text than there is");
                }
                want *= 2;
                continue;
            }
            if (cut[2] == 0) {
                return s;
            }
            return s.substring(0, cut[1]) + t.ellipsis();
        }
    }

    private int ellipsisSize(Truncation t) {
        String e = t.ellipsis();
        if (e.isEmpty()) {
            return 0;
        }
        switch (t.unit()) {
            case UTF8_BYTES: return (int) Utf8.lengthUpTo(e, 0, e.length(), Long.MAX_VALUE);
            case UTF16_UNITS: return e.length();
            case CODE_POINTS: return e.codePointCount(0, e.length());
            default: return countGraphemes(e);
        }
    }

    private static long codePointsUpTo(String s, long cap) {
        long n = 0;
        for (int i = 0; i < s.length() && n <= cap; i++) {
            if (!(Character.isLowSurrogate(s.charAt(i)) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- diagnostics

    /** Memory facts for the benchmark: pages and table bytes of one instance. */
    public long[] instanceMemory() {
        return pool.with(ci -> new long[] {(long) ci.pages() * 65536, ci.tableBytes()});
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("TextEngine is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }
}
