package io.textwasm.bench.harness;

import io.textwasm.Granularity;
import io.textwasm.NormalizationForm;
import io.textwasm.TextEngine;
import io.textwasm.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-identical results across runtimes on the Unicode 16.0.0 conformance strings: every string
 * of NormalizationTest (all five columns), GraphemeBreakTest and WordBreakTest goes through
 * normalize (all five forms), segment (graphemes, words) and tokenize in each runtime. Each
 * runtime writes one line per case in the same format (here, in bench.mjs, in the native binary
 * and in GraalWasmBench.java):
 *
 * <pre>index TAB NFC TAB NFD TAB NFKC TAB NFKD TAB NFKC_CF TAB graphemes TAB words TAB tokens</pre>
 *
 * where each form is the output's UTF-8 in hex, boundaries are UTF-16 offsets joined by commas and
 * tokens are {@code start:end:kind}.
 */
public final class Fidelity {
    private Fidelity() {}

    static final String[] FIELDS = {"index", "NFC", "NFD", "NFKC", "NFKD", "NFKC_Casefold", "grapheme boundaries", "word boundaries", "tokens"};

    private static final Pattern NORM_COLUMN = Pattern.compile("\"(?:source|NFC|NFD|NFKC|NFKD)Sequence\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern HEX = Pattern.compile("\"([0-9A-Fa-f]{4,6})\"");
    private static final Pattern BREAK_LINE = Pattern.compile("\"(÷[^\"]*)\"");

    /** The conformance strings as code points, deduplicated, in file order. */
    public static List<int[]> cases(Path repo) {
        Path ucd = repo.resolve("wasm-module/ucd/16.0.0");
        Set<String> seen = new LinkedHashSet<>();
        try {
            Matcher m = NORM_COLUMN.matcher(Files.readString(ucd.resolve("NormalizationTest.json")));
            while (m.find()) {
                Matcher h = HEX.matcher(m.group(1));
                StringBuilder sb = new StringBuilder();
                while (h.find()) {
                    sb.append(sb.length() == 0 ? "" : " ").append(h.group(1).toUpperCase(java.util.Locale.ROOT));
                }
                if (sb.length() > 0) {
                    seen.add(sb.toString());
                }
            }
            for (String f : new String[] {"auxiliary/GraphemeBreakTest.json", "auxiliary/WordBreakTest.json"}) {
                Matcher b = BREAK_LINE.matcher(Files.readString(ucd.resolve(f)));
                while (b.find()) {
                    seen.add(b.group(1).replaceAll("[÷×]", " ").trim().replaceAll("\\s+", " "));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the conformance files under " + ucd + ": " + e.getMessage(), e);
        }
        List<int[]> out = new ArrayList<>(seen.size());
        for (String line : seen) {
            out.add(codePoints(line));
        }
        return out;
    }

    /** Space-separated hex code points; the empty line is the empty string. */
    private static int[] codePoints(String line) {
        if (line.isEmpty()) {
            return new int[0];
        }
        String[] parts = line.split(" ");
        int[] cps = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            cps[i] = Integer.parseInt(parts[i], 16);
        }
        return cps;
    }

    /** The inverse of {@link #writeCases}. */
    static List<int[]> readCases(Path file) throws IOException {
        List<int[]> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            cases.add(codePoints(line));
        }
        return cases;
    }

    /** One line of space-separated hex code points per case, the input of the other runtimes. */
    static void writeCases(List<int[]> cases, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int[] c : cases) {
            for (int i = 0; i < c.length; i++) {
                sb.append(i == 0 ? "" : " ").append(Integer.toHexString(c[i]).toUpperCase(java.util.Locale.ROOT));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
    }

    /** Builds a Java string: surrogate code points stay lone surrogates, which every host turns into U+FFFD. */
    static String string(int[] cps) {
        StringBuilder sb = new StringBuilder();
        for (int c : cps) {
            sb.appendCodePoint(c);
        }
        return sb.toString();
    }

    /** This engine's lines for every {@code stride}-th case. */
    public static List<String> jvm(TextEngine e, List<int[]> cases, int stride) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i += stride) {
            String s = string(cases.get(i));
            StringBuilder line = new StringBuilder().append(i);
            for (NormalizationForm f : NormalizationForm.values()) {
                line.append('\t').append(HexFormat.of().withUpperCase().formatHex(utf8(e.normalize(s, f))));
            }
            line.append('\t').append(join(e.segment(s, Granularity.GRAPHEME)));
            line.append('\t').append(join(e.segment(s, Granularity.WORD)));
            line.append('\t');
            boolean first = true;
            for (Token t : e.tokenize(s)) {
                line.append(first ? "" : ",").append(t.start()).append(':').append(t.end()).append(':').append(t.kind().ordinal());
                first = false;
            }
            out.add(line.toString());
        }
        return out;
    }

    /** UTF-8 with lone surrogates as U+FFFD, as the Java host encodes. */
    static byte[] utf8(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (Character.isSurrogate(c) && !pair && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                if (pair) {
                    sb.append(c).append(s.charAt(++i));
                } else {
                    sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
                }
            } else if (pair) {
                i++;
            }
        }
        return (sb == null ? s : sb.toString()).getBytes(StandardCharsets.UTF_8);
    }

    private static String join(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(v[i]);
        }
        return sb.toString();
    }

    /** Every {@code stride}-th line of a complete output. */
    static List<String> every(List<String> lines, int stride) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += stride) {
            out.add(lines.get(i));
        }
        return out;
    }

    /**
     * Where {@code actual} differs from {@code expected} (the same cases, in order), at most
     * {@code max} descriptions, each with the input and both answers as code points.
     */
    static List<String> differences(String expectedName, List<String> expected, String actualName, List<String> actual, List<int[]> cases, int max) {
        List<String> out = new ArrayList<>();
        if (expected.size() != actual.size()) {
            out.add(actualName + " answered " + actual.size() + " cases, " + expectedName + " " + expected.size());
        }
        for (int k = 0; k < Math.min(expected.size(), actual.size()) && out.size() < max; k++) {
            if (expected.get(k).equals(actual.get(k))) {
                continue;
            }
            String[] e = expected.get(k).split("\t", -1);
            String[] a = actual.get(k).split("\t", -1);
            int index = Integer.parseInt(e[0]);
            for (int f = 0; f < Math.max(e.length, a.length) && out.size() < max; f++) {
                String ev = f < e.length ? e[f] : "(missing)";
                String av = f < a.length ? a[f] : "(missing)";
                if (!ev.equals(av)) {
                    boolean text = f >= 1 && f <= 5;
                    out.add(String.format("case %d, given %s, %s: %s expected %s, %s got %s", index, escape(cases.get(index)),
                            FIELDS[Math.min(f, FIELDS.length - 1)], expectedName, text ? escapeHex(ev) : ev, actualName, text ? escapeHex(av) : av));
                }
            }
        }
        return out;
    }

    static String escape(int[] cps) {
        StringBuilder sb = new StringBuilder("<");
        for (int i = 0; i < cps.length; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("U+%04X", cps[i]));
        }
        return sb.append('>').toString();
    }

    private static String escapeHex(String hex) {
        try {
            return escape(new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8).codePoints().toArray());
        } catch (IllegalArgumentException e) {
            return hex;
        }
    }
}
