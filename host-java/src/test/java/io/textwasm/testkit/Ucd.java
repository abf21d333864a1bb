package io.textwasm.testkit;

import io.textwasm.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The vendored Unicode 16.0.0 conformance files (wasm-module/ucd/16.0.0, JSON conversions of the
 * official .txt files), read in place rather than copied into test resources. Each file's
 * SHA-256 is checked against ucd/SHA256SUMS first, so a damaged or swapped file fails loudly
 * instead of quietly testing less.
 */
public final class Ucd {
    private Ucd() {}

    /** One line of NormalizationTest: c1..c5 (source, NFC, NFD, NFKC, NFKD). */
    public record NormLine(String part, int lineNo, String[] c) {
        public String describe() {
            return part + " line " + lineNo + " [" + Cps.escape(c[0]) + "]";
        }
    }

    /** One line of a break test: the text and the boundaries the file marks with ÷ (UTF-16 offsets). */
    public record BreakLine(int lineNo, String source, String text, int[] boundaries) {}

    private static volatile List<NormLine> norm;

    public static Path root() {
        String repo = System.getProperty("textwasm.repo");
        if (repo == null) {
            // Running from host-java/ (an IDE) rather than through surefire.
            repo = Files.isDirectory(Path.of("wasm-module")) ? "." : "..";
        }
        return Path.of(repo).toAbsolutePath().normalize();
    }

    public static Path ucd() {
        return root().resolve("wasm-module/ucd/16.0.0");
    }

    static String readVerified(String relative) {
        try {
            Path p = ucd().resolve(relative);
            byte[] bytes = Files.readAllBytes(p);
            String want = null;
            for (String line : Files.readAllLines(ucd().getParent().resolve("SHA256SUMS"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2 && f[1].equals("./" + relative)) {
                    want = f[0];
                }
            }
            if (want == null) {
                throw new IllegalStateException(relative + " is not listed in wasm-module/ucd/SHA256SUMS");
            }
            String got = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!got.equals(want)) {
                throw new IllegalStateException(p + ": SHA-256 " + got + " but SHA256SUMS says " + want);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vendored UCD file " + relative + " (is -Dtextwasm.repo set?)", e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All NormalizationTest lines of every part, in file order. */
    @SuppressWarnings("unchecked")
    public static List<NormLine> normalizationTest() {
        List<NormLine> n = norm;
        if (n != null) {
            return n;
        }
        Map<String, Object> json = (Map<String, Object>) Json.parse(readVerified("NormalizationTest.json"));
        List<Object> entries = (List<Object>) json.get("NormalizationTest");
        List<NormLine> out = new ArrayList<>(entries.size());
        String part = null;
        int lineNo = 0;
        for (Object o : entries) {
            Map<String, Object> e = (Map<String, Object>) o;
            List<Object> src = (List<Object>) e.get("sourceSequence");
            if (src.size() == 1 && src.get(0).toString().startsWith("@")) {
                part = src.get(0).toString().substring(1);
                continue;
            }
            lineNo++;
            if (part == null) {
                throw new IllegalStateException("NormalizationTest.json: a test line before the first @Part");
            }
            String[] c = {
                Cps.fromHex(src),
                Cps.fromHex((List<Object>) e.get("NFCSequence")),
                Cps.fromHex((List<Object>) e.get("NFDSequence")),
                Cps.fromHex((List<Object>) e.get("NFKCSequence")),
                Cps.fromHex((List<Object>) e.get("NFKDSequence")),
            };
            out.add(new NormLine(part, lineNo, c));
        }
        norm = List.copyOf(out);
        return norm;
    }

    public static List<BreakLine> graphemeBreakTest() {
        return breakTest("auxiliary/GraphemeBreakTest.json", "GraphemeBreakTest");
    }

    public static List<BreakLine> wordBreakTest() {
        return breakTest("auxiliary/WordBreakTest.json", "WordBreakTest");
    }

    /** Lines look like "÷ 0020 × 0308 ÷ 0020 ÷": ÷ marks a boundary, × its absence. */
    @SuppressWarnings("unchecked")
    private static List<BreakLine> breakTest(String file, String key) {
        Map<String, Object> json = (Map<String, Object>) Json.parse(readVerified(file));
        List<Object> lines = (List<Object>) json.get(key);
        List<BreakLine> out = new ArrayList<>();
        int no = 0;
        for (Object o : lines) {
            no++;
            String line = o.toString().trim();
            StringBuilder text = new StringBuilder();
            List<Integer> b = new ArrayList<>();
            for (String tok : line.split("\\s+")) {
                if (tok.equals("÷")) {
                    b.add(text.length());
                } else if (!tok.equals("×")) {
                    text.appendCodePoint(Integer.parseInt(tok, 16));
                }
            }
            out.add(new BreakLine(no, line, text.toString(), b.stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }
}
