package io.textwasm.size.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a demangled name into path segments for the rollup.
 *
 * <p>Generic arguments are dropped ({@code drop_in_place<String>} is {@code drop_in_place}), and
 * a qualified path {@code <Self as Trait>::method} is filed under the self type's path, because
 * the code belongs to the crate that defines the type: {@code <alloc::vec::Vec<T> as
 * core::ops::drop::Drop>::drop} rolls up under {@code alloc::vec}. When the self type has no path
 * of its own ({@code <u32 as core::fmt::Debug>::fmt}, {@code <&T as ...>}) the trait's path is used.
 */
public final class SymbolPath {
    /** Rollup key of functions without a name. */
    public static final String UNNAMED = "(unnamed)";

    private static final int MAX_NESTING = 8;

    private SymbolPath() {}

    /** The first {@code depth} segments joined by {@code ::}. */
    public static String prefix(String name, int depth) {
        List<String> segments = segments(name);
        if (segments.isEmpty()) {
            return name;
        }
        return String.join("::", segments.subList(0, Math.min(depth, segments.size())));
    }

    public static List<String> segments(String name) {
        return segments(name, 0);
    }

    private static List<String> segments(String name, int nesting) {
        List<String> parts = splitTopLevel(name);
        List<String> result = new ArrayList<>();
        if (parts.isEmpty()) {
            return result;
        }
        String first = parts.get(0);
        if (nesting < MAX_NESTING && first.startsWith("<") && closing(first, 0) == first.length() - 1) {
            String inner = first.substring(1, first.length() - 1);
            int as = indexOfTopLevel(inner, " as ");
            String self = as < 0 ? inner : inner.substring(0, as);
            List<String> chosen = typePath(self, nesting);
            if (chosen.size() < 2 && as >= 0) {
                List<String> trait = typePath(inner.substring(as + 4), nesting);
                if (!trait.isEmpty()) {
                    chosen = trait;
                }
            }
            result.addAll(chosen.isEmpty() ? List.of(first) : chosen);
        } else {
            result.add(withoutGenerics(first));
        }
        for (int i = 1; i < parts.size(); i++) {
            String part = parts.get(i);
            // A v0 turbofish ("align_of::<f64>") arrives as a segment of its own.
            if (!part.startsWith("<")) {
                result.add(withoutGenerics(part));
            }
        }
        return result;
    }

    private static final String[] REFERENCE_PREFIXES = {"&mut ", "&'_ mut ", "&'_ ", "&", "*const ", "*mut ", "dyn "};

    private static List<String> typePath(String type, int nesting) {
        // Skipped by index and cut once: a substring per prefix made a name of a million '&' take
        // minutes (each cut copied the rest).
        int from = skipSpaces(type, 0);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String p : REFERENCE_PREFIXES) {
                if (type.startsWith(p, from)) {
                    from = skipSpaces(type, from + p.length());
                    stripped = true;
                }
            }
        }
        String t = type.substring(from).trim();
        if (t.isEmpty() || t.startsWith("[") || t.startsWith("(")) {
            return List.of();
        }
        return segments(t, nesting + 1);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    private static String withoutGenerics(String segment) {
        int lt = segment.indexOf('<');
        return lt > 0 ? segment.substring(0, lt) : segment;
    }

    /** Splits on {@code ::} outside any bracket pair. Unbalanced input is split naively. */
    static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int level = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '(' || c == '[' || c == '{') {
                level++;
            } else if ((c == '>' || c == ')' || c == ']' || c == '}') && level > 0) {
                // "->" in fn types is an arrow, not a closing bracket.
                if (!(c == '>' && i > 0 && s.charAt(i - 1) == '-')) {
                    level--;
                }
            } else if (c == ':' && level == 0 && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                parts.add(s.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        parts.add(s.substring(start));
        parts.removeIf(String::isEmpty);
        return parts;
    }

    /** Index of the bracket closing the one at {@code open}, or -1. */
    private static int closing(String s, int open) {
        int level = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '(' || c == '[' || c == '{') {
                level++;
            } else if (c == '>' && i > 0 && s.charAt(i - 1) == '-') {
                continue;
            } else if (c == '>' || c == ')' || c == ']' || c == '}') {
                level--;
                if (level == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int indexOfTopLevel(String s, String needle) {
        int level = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '(' || c == '[' || c == '{') {
                level++;
            } else if ((c == '>' || c == ')' || c == ']' || c == '}') && !(c == '>' && i > 0 && s.charAt(i - 1) == '-')) {
                level--;
            } else if (level == 0 && s.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }
}
