package io.textwasm.size.analysis;

import io.textwasm.size.json.Json;
import io.textwasm.size.json.JsonException;
import io.textwasm.size.wasm.Section;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparable part of a report: totals, bytes per section name and bytes per function name.
 * Functions are keyed by their hash-free name, and functions sharing a name (monomorphised
 * copies that legacy mangling tells apart only by hash) are summed, so a name means the same
 * thing in both builds.
 *
 * @param source {@code wasm} or {@code json-report}
 */
public record SizeSnapshot(
        String file, String source, long raw, long gzip, long brotli,
        Map<String, Long> sections, Map<String, Long> functions) {

    public static final String SCHEMA = "textwasm-size-report";
    public static final int SCHEMA_VERSION = 1;

    public static SizeSnapshot of(ModuleSizes m, String source) {
        Map<String, Long> sections = new LinkedHashMap<>();
        for (Section s : m.sections()) {
            sections.merge(s.name(), (long) s.size(), Long::sum);
        }
        Map<String, Long> functions = new LinkedHashMap<>();
        for (FunctionSize f : m.functions()) {
            functions.merge(f.name(), (long) f.size(), Long::sum);
        }
        return new SizeSnapshot(m.file(), source, m.raw(), m.gzip(), m.brotli(), sections, functions);
    }

    /** Reads a JSON report written by this tool (schema version 1). */
    public static SizeSnapshot fromJsonReport(String file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BaselineFileException("baseline is neither a wasm module nor a UTF-8 JSON report");
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (JsonException e) {
            throw new BaselineFileException("baseline is neither a wasm module nor a JSON report: " + e.getMessage());
        }
        Map<?, ?> report = object(root, "report");
        if (!SCHEMA.equals(report.get("schema"))) {
            throw new BaselineFileException("baseline JSON is not a size report (\"schema\" is not \"" + SCHEMA + "\")");
        }
        long version = number(report.get("schema_version"), "schema_version");
        if (version != SCHEMA_VERSION) {
            throw new BaselineFileException("baseline report has schema_version " + version
                    + ", this tool reads " + SCHEMA_VERSION);
        }
        Map<?, ?> totals = object(report.get("totals"), "totals");
        Map<String, Long> sections = new LinkedHashMap<>();
        for (Object o : array(report.get("sections"), "sections")) {
            Map<?, ?> s = object(o, "sections[]");
            sections.merge(string(s.get("name"), "sections[].name"), number(s.get("size"), "sections[].size"), Long::sum);
        }
        Map<String, Long> functions = new LinkedHashMap<>();
        Map<?, ?> fn = object(report.get("functions"), "functions");
        for (Object o : array(fn.get("list"), "functions.list")) {
            Map<?, ?> f = object(o, "functions.list[]");
            functions.merge(string(f.get("name"), "functions.list[].name"),
                    number(f.get("size"), "functions.list[].size"), Long::sum);
        }
        return new SizeSnapshot(file, "json-report",
                number(totals.get("raw"), "totals.raw"),
                number(totals.get("gzip"), "totals.gzip"),
                number(totals.get("brotli"), "totals.brotli"),
                sections, functions);
    }

    private static Map<?, ?> object(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new BaselineFileException("baseline report: \"" + what + "\" must be an object");
    }

    private static List<?> array(Object o, String what) {
        if (o instanceof List<?> l) {
            return l;
        }
        throw new BaselineFileException("baseline report: \"" + what + "\" must be an array");
    }

    private static String string(Object o, String what) {
        if (o instanceof String s) {
            return s;
        }
        throw new BaselineFileException("baseline report: \"" + what + "\" must be a string");
    }

    private static long number(Object o, String what) {
        if (o instanceof BigDecimal n && n.signum() >= 0 && n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                && (n.signum() == 0 || n.stripTrailingZeros().scale() <= 0)) {
            return n.longValueExact();
        }
        throw new BaselineFileException("baseline report: \"" + what + "\" must be a whole number");
    }
}
