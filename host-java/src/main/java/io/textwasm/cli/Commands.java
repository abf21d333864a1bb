package io.textwasm.cli;

import io.textwasm.Granularity;
import io.textwasm.LimitExceededException;
import io.textwasm.NormalizationForm;
import io.textwasm.NormalizationOptions;
import io.textwasm.TextEngine;
import io.textwasm.Token;
import io.textwasm.TokenizeOptions;
import io.textwasm.Truncation;
import io.textwasm.internal.Json;
import io.textwasm.internal.SegmentCuts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The text commands. Each parses its options, calls the library and writes its output. */
final class Commands {
    private Commands() {}

    static final String NORMALIZE_HELP = String.join("\n",
            "usage: textwasm normalize [--form NFC|NFD|NFKC|NFKD|NFKC_CF] [--casefold] [--collapse-whitespace]",
            "                          [--strip-controls] [--lossy] [FILE...]",
            "Normalizes UTF-8 text (Unicode 16.0.0) from the files, or standard input, to standard output.",
            "Streams: any size runs in bounded memory, unless 16 MiB in a row offer no place to cut (a",
            "letter with millions of combining marks), which is refused. Invalid UTF-8 is an error naming",
            "the byte offset, unless --lossy replaces it with U+FFFD. Default form: NFC.");

    static int normalize(Args a, TextEngineFactory engines, InputStream stdin, OutputStream stdout, PrintStream err, boolean tty) throws IOException {
        NormalizationForm form = NormalizationForm.NFC;
        NormalizationOptions opts = NormalizationOptions.DEFAULT;
        while (a.hasNext()) {
            String arg = a.next();
            switch (Args.name(arg)) {
                case "--form": form = parseForm(a.value("--form", arg)); break;
                case "--casefold": opts = opts.withCaseFolding(); break;
                case "--collapse-whitespace": opts = opts.withCollapsedWhitespace(); break;
                case "--strip-controls": opts = opts.withoutControls(); break;
                case "--lossy": opts = opts.withLossyUtf8(); break;
                case "--help": return help(stdout, NORMALIZE_HELP);
                default: operandOrFail("normalize", arg, a);
            }
        }
        final NormalizationForm f = form;
        final NormalizationOptions o = opts;
        TextEngine engine = engines.get();
        OutputStream out = new java.io.BufferedOutputStream(stdout, 1 << 16);
        int code = Inputs.forEach(a.operands(), stdin, err, (name, in, size) -> {
            Progress progress = Progress.start(err, tty, name, size);
            boolean ok = false;
            try {
                engine.normalize(in, out, f, o, progress);
                ok = true;
            } catch (io.textwasm.InvalidUtf8Exception e) {
                throw new io.textwasm.InvalidUtf8Exception(e.offset(), name);
            } finally {
                if (ok) {
                    progress.done();
                } else {
                    progress.failed();
                }
            }
        });
        out.flush();
        return code;
    }

    /** A command's help, on standard output like the general help (so it can be paged). */
    static int help(OutputStream out, String text) throws IOException {
        out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }

    static NormalizationForm parseForm(String s) {
        try {
            return NormalizationForm.parse(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static final String COUNT_HELP = String.join("\n",
            "usage: textwasm count [--words|--graphemes|--chars|--bytes] [--lossy] [FILE...]",
            "Counts word segments that contain a letter, number, ideograph or kana (--words, the default),",
            "extended grapheme clusters (--graphemes), code points (--chars) or bytes (--bytes).",
            "With several files, prints one line per file and a total.");

    static int count(Args a, TextEngineFactory engines, InputStream stdin, PrintStream out, PrintStream err) throws IOException {
        String what = null;
        boolean lossy = false;
        while (a.hasNext()) {
            String arg = a.next();
            String unit = null;
            switch (arg) {
                case "--words": unit = "words"; break;
                case "--graphemes": unit = "graphemes"; break;
                case "--chars": unit = "codepoints"; break;
                case "--bytes": unit = "bytes"; break;
                case "--lossy": lossy = true; break;
                case "--help": return help(out, COUNT_HELP);
                default: operandOrFail("count", arg, a);
            }
            if (unit != null) {
                if (what != null && !what.equals(unit)) {
                    throw new UsageException("count takes one of --words, --graphemes, --chars or --bytes");
                }
                what = unit;
            }
        }
        final String w = what == null ? "words" : what;
        final boolean l = lossy;
        long[] total = {0};
        int files = a.operands().size();
        int code = Inputs.forEach(a.operands(), stdin, err, (name, in, size) -> {
            long[] n = {0};
            LineChunks.read(name, in, (buf, len, base) -> {
                if (w.equals("bytes")) {
                    n[0] += len;
                    return;
                }
                try {
                    n[0] += engines.get().count(buf, w, l);
                } catch (io.textwasm.InvalidUtf8Exception e) {
                    throw new io.textwasm.InvalidUtf8Exception(base + e.offset(), name);
                }
            });
            total[0] += n[0];
            out.println(files > 1 ? n[0] + "\t" + name : Long.toString(n[0]));
        });
        if (files > 1) {
            out.println(total[0] + "\ttotal");
        }
        return code;
    }

    static final String SEGMENT_HELP = String.join("\n",
            "usage: textwasm segment --graphemes|--words [--format text|jsonl] [--lossy] [FILE...]",
            "Prints each UAX #29 segment: in text format one per line with \\n, \\r, \\t and \\\\ escaped;",
            "in jsonl format as {\"start\":..,\"end\":..,\"text\":..} with UTF-8 byte offsets.");

    /** Both --graphemes and --words used to be accepted, the last one winning. */
    private static Granularity oneGranularity(Granularity before, Granularity g) {
        if (before != null && before != g) {
            throw new UsageException("segment takes one of --graphemes or --words");
        }
        return g;
    }

    static int segment(Args a, TextEngineFactory engines, InputStream stdin, PrintStream out, PrintStream err) throws IOException {
        Granularity g = null;
        boolean jsonl = false;
        boolean lossy = false;
        while (a.hasNext()) {
            String arg = a.next();
            switch (Args.name(arg)) {
                case "--graphemes": g = oneGranularity(g, Granularity.GRAPHEME); break;
                case "--words": g = oneGranularity(g, Granularity.WORD); break;
                case "--format": jsonl = parseFormat(a.value("--format", arg)); break;
                case "--lossy": lossy = true; break;
                case "--help": return help(out, SEGMENT_HELP);
                default: operandOrFail("segment", arg, a);
            }
        }
        if (g == null) {
            throw new UsageException("segment needs --graphemes or --words");
        }
        final Granularity gran = g;
        final boolean j = jsonl;
        final boolean l = lossy;
        int code = Inputs.forEach(a.operands(), stdin, err, (name, in, size) -> LineChunks.read(name, in, (buf, len, base) -> {
            int[] b;
            try {
                b = engines.get().segment(buf, gran, l);
            } catch (io.textwasm.InvalidUtf8Exception e) {
                throw new io.textwasm.InvalidUtf8Exception(base + e.offset(), name);
            }
            for (int i = 0; i + 1 < b.length; i++) {
                String text = new String(buf, b[i], b[i + 1] - b[i], StandardCharsets.UTF_8);
                if (j) {
                    out.println("{\"start\":" + (base + b[i]) + ",\"end\":" + (base + b[i + 1]) + ",\"text\":" + Json.quote(text) + "}");
                } else {
                    out.println(LineEscape.of(text));
                }
            }
        }));
        out.flush();
        return code;
    }

    static boolean parseFormat(String f) {
        switch (f) {
            case "text": return false;
            case "jsonl": return true;
            default: throw new UsageException("unknown format '" + f + "' (expected text or jsonl)");
        }
    }

    static final String TOKENIZE_HELP = String.join("\n",
            "usage: textwasm tokenize [--format text|jsonl] [--no-whitespace] [--no-punctuation] [--casefold]",
            "                         [--lossy] [FILE...]",
            "Prints every word segment with its kind (word, number, ideographic, kana, emoji, punctuation,",
            "whitespace, other) and UTF-8 byte offsets. text: START<TAB>END<TAB>KIND<TAB>TEXT (escaped);",
            "jsonl: {\"start\":..,\"end\":..,\"kind\":..,\"text\":..}. --casefold folds the token text.");

    private static void printToken(PrintStream out, boolean jsonl, Token t, long start, long end) {
        String kind = t.kind().name().toLowerCase(Locale.ROOT);
        if (jsonl) {
            out.println("{\"start\":" + start + ",\"end\":" + end + ",\"kind\":\"" + kind + "\",\"text\":" + Json.quote(t.text()) + "}");
        } else {
            out.println(start + "\t" + end + "\t" + kind + "\t" + LineEscape.of(t.text()));
        }
    }

    /**
     * The longest piece without a cut that tokenize hands the core whole (with --lossy; otherwise
     * the host segments it). The core's answer takes 20 bytes per token in its linear memory, up
     * to one token per byte, and grows by doubling, so a 42 MB line of CJK ran out of the 1 GiB
     * cap; 16 MiB stays within it, and the limit error says what happened instead.
     */
    static final int TOKENIZE_PIECE_MAX = 16 << 20;

    static int tokenize(Args a, TextEngineFactory engines, InputStream stdin, PrintStream out, PrintStream err) throws IOException {
        boolean jsonl = false;
        boolean lossy = false;
        TokenizeOptions opts = TokenizeOptions.DEFAULT;
        while (a.hasNext()) {
            String arg = a.next();
            switch (Args.name(arg)) {
                case "--format": jsonl = parseFormat(a.value("--format", arg)); break;
                case "--no-whitespace": opts = opts.withoutWhitespace(); break;
                case "--no-punctuation": opts = opts.withoutPunctuation(); break;
                case "--casefold": opts = opts.withCaseFolding(); break;
                case "--lossy": lossy = true; break;
                case "--help": return help(out, TOKENIZE_HELP);
                default: operandOrFail("tokenize", arg, a);
            }
        }
        final boolean j = jsonl;
        final boolean l = lossy;
        final TokenizeOptions o = opts;
        // Well-formed text is segmented by the host and printed token by token (folded tokens
        // come from the core a chunk at a time, cut where a word boundary is certain). A piece
        // with ill-formed UTF-8 under --lossy goes to the core's byte API, which keeps the
        // input's own byte offsets but builds every token of the piece at once: capped.
        int code = Inputs.forEach(a.operands(), stdin, err, (name, in, size) -> LineChunks.read(name, in, (buf, len, base) -> {
            String decoded = null;
            try {
                decoded = Strict.decode(name, buf, engines.get());
            } catch (io.textwasm.InvalidUtf8Exception e) {
                if (!l) {
                    throw new io.textwasm.InvalidUtf8Exception(base + e.offset(), name);
                }
            }
            if (decoded != null) {
                String text = decoded;
                long[] at = {0, base}; // a UTF-16 index into text and its UTF-8 offset in the stream
                engines.get().forEachToken(text, o, t -> {
                    long start = at[1] + io.textwasm.internal.Utf8.lengthUpTo(text, (int) at[0], t.start(), Long.MAX_VALUE);
                    long end = start + io.textwasm.internal.Utf8.lengthUpTo(text, t.start(), t.end(), Long.MAX_VALUE);
                    at[0] = t.end();
                    at[1] = end;
                    printToken(out, j, t, start, end);
                });
                return;
            }
            if (len > TOKENIZE_PIECE_MAX) {
                throw new LimitExceededException(name + ": more than " + (TOKENIZE_PIECE_MAX >> 20)
                        + " MiB without a line feed or a space to cut at, with ill-formed UTF-8 for --lossy to replace");
            }
            // Offsets within the piece (a Token's are ints), plus the stream's base as a long.
            for (Token t : engines.get().tokenizeUtf8(buf, o, true, 0)) {
                printToken(out, j, t, base + t.start(), base + t.end());
            }
        }));
        out.flush();
        return code;
    }

    static final String TRUNCATE_HELP = String.join("\n",
            "usage: textwasm truncate --max-bytes N | --max-chars N | --max-utf16 N | --max-graphemes N",
            "                         [--ellipsis S] [--at-word] [--lossy] [FILE...]",
            "Shortens each input to fit N UTF-8 bytes, code points, UTF-16 units or grapheme clusters,",
            "never splitting a grapheme cluster. The ellipsis counts inside the budget; --at-word backs off",
            "to the last end of a word within the budget.");

    static int truncate(Args a, TextEngineFactory engines, InputStream stdin, OutputStream stdout, PrintStream err) throws IOException {
        Truncation t = null;
        String ellipsis = "";
        boolean atWord = false;
        boolean lossy = false;
        while (a.hasNext()) {
            String arg = a.next();
            String name = Args.name(arg);
            switch (name) {
                case "--max-bytes": t = once(t, Truncation.utf8Bytes(a.intValue(name, arg))); break;
                case "--max-chars": t = once(t, Truncation.codePoints(a.intValue(name, arg))); break;
                case "--max-utf16": t = once(t, Truncation.utf16Units(a.intValue(name, arg))); break;
                case "--max-graphemes": t = once(t, Truncation.graphemes(a.intValue(name, arg))); break;
                case "--ellipsis": ellipsis = a.value(name, arg); break;
                case "--at-word": atWord = true; break;
                case "--lossy": lossy = true; break;
                case "--help": return help(stdout, TRUNCATE_HELP);
                default: operandOrFail("truncate", arg, a);
            }
        }
        if (t == null) {
            throw new UsageException("truncate needs one of --max-bytes, --max-chars, --max-utf16 or --max-graphemes");
        }
        Truncation tr = t.withEllipsis(ellipsis);
        if (atWord) {
            tr = tr.atWordBoundary();
        }
        final Truncation fin = tr;
        final boolean l = lossy;
        try {
            // An ellipsis larger than the budget is a mistake on the command line: say so before
            // reading any input (it used to surface per file, after a missing file's error).
            engines.get().truncate("", fin);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int code = Inputs.forEach(a.operands(), stdin, err, (name, in, size) -> {
            String text = truncationInput(name, in, fin, l, engines.get(), 1 << 16, TRUNCATION_READ_MAX);
            String r;
            try {
                r = engines.get().truncate(text, fin);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            stdout.write(r.getBytes(StandardCharsets.UTF_8));
        });
        stdout.flush();
        return code;
    }

    /** The most {@link #truncationInput} reads before it gives up on finding a place to stop. */
    static final int TRUNCATION_READ_MAX = 256 << 20;

    /**
     * What truncation needs of an input: all of it when it is short, else a prefix longer than
     * the budget that ends at a {@link SegmentCuts} cut. No grapheme or word boundary before a
     * cut depends on what follows it, so truncating the prefix gives the whole input's answer
     * (the ellipsis included, since the prefix is over the budget), and the command reads about
     * as much as the budget, not the whole input: a 280-byte budget on an endless stream reads
     * 64 KiB. Bytes after the prefix are not read, so not checked for valid UTF-8 either.
     */
    static String truncationInput(String name, InputStream in, Truncation t, boolean lossy, TextEngine engine, int firstRead, int maxRead)
            throws IOException {
        byte[] buf = new byte[firstRead];
        int have = 0;
        while (true) {
            int n = in.read(buf, have, buf.length - have);
            if (n < 0) {
                return decode(name, buf, have, lossy, engine);
            }
            have += n;
            if (have < buf.length) {
                continue;
            }
            int cut = SegmentCuts.last(buf, 0, have);
            if (cut > 0) {
                String prefix = decode(name, buf, cut, lossy, engine);
                if (overBudget(prefix, cut, t, engine)) {
                    return prefix;
                }
            }
            if (buf.length >= maxRead) {
                String read = maxRead >= 1 << 20 ? (maxRead >> 20) + " MiB" : maxRead + " bytes";
                throw new LimitExceededException(name + ": " + read + " read "
                        + (cut > 0 ? "and still within the budget; truncate reads at most that much, so use a smaller budget"
                                : "without a line feed or a space to stop at"));
            }
            buf = Arrays.copyOf(buf, (int) Math.min(maxRead, 2L * buf.length));
        }
    }

    private static String decode(String name, byte[] buf, int len, boolean lossy, TextEngine engine) {
        byte[] bytes = Arrays.copyOf(buf, len);
        return lossy ? io.textwasm.internal.Utf8.decodeLossy(bytes, 0, len) : Strict.decode(name, bytes, engine);
    }

    /** Is {@code text} ({@code bytes} of UTF-8) longer than the budget in its unit? */
    private static boolean overBudget(String text, int bytes, Truncation t, TextEngine engine) {
        switch (t.unit()) {
            case UTF8_BYTES: return bytes > t.limit();
            case UTF16_UNITS: return text.length() > t.limit();
            case CODE_POINTS: return text.codePointCount(0, text.length()) > t.limit();
            default: return engine.countGraphemes(text) > t.limit();
        }
    }

    private static Truncation once(Truncation prev, Truncation t) {
        if (prev != null) {
            throw new UsageException("give only one of --max-bytes, --max-chars, --max-utf16, --max-graphemes");
        }
        return t;
    }

    private static void operandOrFail(String command, String arg, Args a) {
        if (arg.startsWith("--") || (arg.startsWith("-") && arg.length() > 1)) {
            throw Args.unknown(command, arg);
        }
        a.operand(arg);
    }

    /** Supplies the engine lazily, so `--help` never starts one. */
    interface TextEngineFactory extends Supplier<TextEngine> {}

    /** UTF-8 decoding that reports the first invalid byte through the core, as every command does. */
    static final class Strict {
        static String decode(String name, byte[] bytes, TextEngine engine) {
            try {
                engine.count(bytes, "codepoints", false);
            } catch (io.textwasm.InvalidUtf8Exception e) {
                throw new io.textwasm.InvalidUtf8Exception(e.offset(), name);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private Strict() {}
    }
}
