package io.textwasm.size.analysis;

import io.textwasm.size.json.Json;
import io.textwasm.size.json.JsonException;
import io.textwasm.size.wasm.Section;
import io.textwasm.size.wasm.SectionId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Size limits from a budget file:
 * <pre>{"raw": 51200, "brotli": 15360, "gzip": null, "sections": {"code": 40000, "data": 20000}}</pre>
 * Every key is optional and null means "no limit". Unknown keys are rejected rather than
 * ignored, because a misspelt key ({@code "brottli"}) would otherwise switch a limit off in
 * silence. {@code "$comment"} is allowed for notes.
 */
public record Budget(Long raw, Long gzip, Long brotli, Map<String, Long> sections) {
    private static final String CUSTOM = "custom:";

    public static Budget parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BudgetFileException("budget file is not UTF-8 text");
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (JsonException e) {
            throw new BudgetFileException(e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new BudgetFileException("budget must be a JSON object like {\"raw\": 51200, \"brotli\": 15360}");
        }
        Long raw = null, gzip = null, brotli = null;
        Map<String, Long> sections = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            switch (key) {
                case "raw" -> raw = limit(key, e.getValue());
                case "gzip" -> gzip = limit(key, e.getValue());
                case "brotli" -> brotli = limit(key, e.getValue());
                case "sections" -> sections(e.getValue(), sections);
                case "$comment" -> { }
                default -> throw new BudgetFileException("unknown budget key \"" + key
                        + "\" (expected raw, gzip, brotli, sections)");
            }
        }
        return new Budget(raw, gzip, brotli, sections);
    }

    private static void sections(Object value, Map<String, Long> into) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new BudgetFileException("\"sections\" must be an object like {\"code\": 40000}");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = (String) e.getKey();
            // "custom:" alone names a custom section whose name is empty, which is valid wasm.
            boolean custom = name.startsWith(CUSTOM);
            if (!custom && SectionId.byReportName(name) == null) {
                throw new BudgetFileException("unknown section \"" + name + "\" in \"sections\" (expected type, import,"
                        + " function, table, memory, global, export, start, element, code, data, datacount, tag"
                        + " or custom:<name>)");
            }
            Long limit = limit("sections." + name, e.getValue());
            if (limit != null) {
                into.put(name, limit);
            }
        }
    }

    private static Long limit(String key, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal n) {
            BigDecimal max = BigDecimal.valueOf(Long.MAX_VALUE);
            // compareTo before any conversion: 1e999999999 must not be expanded into digits.
            if (n.signum() >= 0 && n.compareTo(max) <= 0 && (n.signum() == 0 || n.stripTrailingZeros().scale() <= 0)) {
                return n.longValueExact();
            }
        }
        throw new BudgetFileException("\"" + key + "\" must be a whole number of bytes or null, got " + describe(value));
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "\"" + (s.length() > 20 ? s.substring(0, 20) + "..." : s) + "\"";
        }
        if (value instanceof BigDecimal n) {
            // toString, not toPlainString: 1e-999999999 must stay short.
            return n.toString();
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return String.valueOf(value);
    }

    /** Compares each limit the file sets with the module; sections of one name are summed. */
    public BudgetCheck check(String file, ModuleSizes m) {
        List<BudgetLine> lines = new ArrayList<>();
        if (raw != null) {
            lines.add(new BudgetLine("raw", raw, m.raw()));
        }
        if (gzip != null) {
            lines.add(new BudgetLine("gzip", gzip, m.gzip()));
        }
        if (brotli != null) {
            lines.add(new BudgetLine("brotli", brotli, m.brotli()));
        }
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, Long> e : sections.entrySet()) {
            long actual = 0;
            boolean found = false;
            for (Section s : m.sections()) {
                if (s.name().equals(e.getKey())) {
                    actual += s.size();
                    found = true;
                }
            }
            if (!found && e.getKey().startsWith(CUSTOM)) {
                // Standard sections are checked by name when the file is read; a custom one may be
                // absent on purpose, so this is said rather than refused.
                warnings.add(file + ": the module has no section \"" + e.getKey() + "\", so its limit checks nothing"
                        + " (is the name right?)");
            }
            lines.add(new BudgetLine("section " + e.getKey(), e.getValue(), actual));
        }
        return new BudgetCheck(file, lines, warnings);
    }
}
