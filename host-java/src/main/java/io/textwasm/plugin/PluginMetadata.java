package io.textwasm.plugin;

import io.textwasm.internal.Json;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * What a plugin says about itself: the JSON object in its {@code textwasm.plugin} custom
 * section (docs/plugin-abi.md, "Metadata"). Every field is optional; unknown fields are
 * ignored, so later ABI versions can add some.
 */
public final class PluginMetadata {
    /** The custom section's name. */
    public static final String SECTION = "textwasm.plugin";
    static final int MAX_BYTES = 64 * 1024;
    static final PluginMetadata NONE = new PluginMetadata(null, null, null, null, null);

    private final String name;
    private final String version;
    private final String description;
    private final String defaultTransform;
    private final String json;

    private PluginMetadata(String name, String version, String description, String defaultTransform, String json) {
        this.name = name;
        this.version = version;
        this.description = description;
        this.defaultTransform = defaultTransform;
        this.json = json;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The transform used when a caller names none. */
    public Optional<String> defaultTransform() {
        return Optional.ofNullable(defaultTransform);
    }

    /** The section's text as the module carries it, or empty when it has none. */
    public Optional<String> json() {
        return Optional.ofNullable(json);
    }

    /** Reads the section; throws IllegalArgumentException saying what is wrong with it. */
    static PluginMetadata parse(byte[] section) {
        if (section.length > MAX_BYTES) {
            throw new IllegalArgumentException("it is " + section.length + " bytes; at most " + Units.bytes(MAX_BYTES) + " are read");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(section)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("it is not UTF-8");
        }
        Object v = Json.parse(text);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
        Map<?, ?> m = (Map<?, ?>) v;
        Object abi = m.get("abi");
        if (abi != null && !(abi instanceof Json.Number && ((Json.Number) abi).text().equals("1"))) {
            String asked = String.valueOf(abi instanceof Json.Number ? ((Json.Number) abi).text() : abi);
            // Quoted from the module: at most 40 characters of it (a 60 KB number came back whole).
            throw new IllegalArgumentException("it asks for ABI " + (asked.length() > 40 ? asked.substring(0, 40) + "..." : asked)
                    + "; this host implements ABI 1");
        }
        return new PluginMetadata(
                field(m, "name", 64, true),
                field(m, "version", 64, false),
                field(m, "description", 1024, false),
                field(m, "default", 64, true),
                text);
    }

    private static String field(Map<?, ?> m, String key, int maxChars, boolean identifier) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String)) {
            throw new IllegalArgumentException("\"" + key + "\" is not a string");
        }
        String s = (String) v;
        if (s.isEmpty() || s.length() > maxChars) {
            throw new IllegalArgumentException("\"" + key + "\" must be 1 to " + maxChars + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Names end up in error messages and file listings: keep them to one plain word.
            boolean ok = identifier ? AbiCheck.isNameChar(c) : !Character.isISOControl(c);
            if (!ok) {
                throw new IllegalArgumentException("\"" + key + "\" has a character it may not contain at index " + i
                        + (identifier ? " (allowed: A-Z a-z 0-9 . _ -)" : " (a control character)"));
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "PluginMetadata[name=" + name + ", version=" + version + ", default=" + defaultTransform + "]";
    }
}
