package io.textwasm.size.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the names found in a wasm {@code name} section into readable Rust paths without their
 * hashes, so that the same function keeps the same name from one build to the next (which is
 * what makes a per-function baseline diff possible).
 *
 * <p>Three shapes occur in practice:
 * <ul>
 *   <li>Rust legacy symbols, {@code _ZN4core3fmt5write17h0123456789abcdefE};
 *   <li>Rust v0 symbols, {@code _RNvNtCs1234_4core3fmt5write} (see {@link RustV0Demangler});
 *   <li>names that wasm-ld already demangled with its Itanium demangler, which leaves Rust's
 *       hash and legacy escapes in place: {@code _$LT$T$u20$as$u20$core..fmt..Debug$GT$::fmt::h0123456789abcdef}.
 * </ul>
 * Anything else (C names, C++ names, whose parameter types follow the {@code E}) is returned unchanged. The demangler never throws: input
 * that does not parse is shown as it was found.
 */
public final class Demangler {
    private static final int RUST_HASH_HEX_DIGITS = 16;

    private Demangler() {}

    public static String demangle(String name) {
        String legacy = legacy(name);
        if (legacy != null) {
            return legacy;
        }
        String v0 = RustV0Demangler.demangle(name);
        if (v0 != null) {
            return v0;
        }
        return predemangled(name);
    }

    /** {@code _ZN} + (length, identifier)* + {@code E}, as rustc's legacy mangling writes it. */
    static String legacy(String symbol) {
        int start;
        if (symbol.startsWith("_ZN")) {
            start = 3;
        } else if (symbol.startsWith("__ZN")) {
            start = 4; // Mach-O adds an underscore; harmless to accept.
        } else {
            return null;
        }
        List<String> elements = new ArrayList<>();
        int pos = start;
        while (true) {
            if (pos >= symbol.length()) {
                return null;
            }
            char c = symbol.charAt(pos);
            if (c == 'E') {
                break;
            }
            if (c < '0' || c > '9') {
                return null; // a C++ name with templates or qualifiers, not a Rust path
            }
            long length = 0;
            while (pos < symbol.length() && symbol.charAt(pos) >= '0' && symbol.charAt(pos) <= '9') {
                length = length * 10 + (symbol.charAt(pos) - '0');
                if (length > symbol.length()) {
                    return null;
                }
                pos++;
            }
            if (pos + length > symbol.length()) {
                return null;
            }
            elements.add(symbol.substring(pos, pos + (int) length));
            pos += (int) length;
        }
        for (int i = 0; i < symbol.length(); i++) {
            if (symbol.charAt(i) >= 0x80) {
                return null;
            }
        }
        if (elements.isEmpty()) {
            return null;
        }
        // After the E, rustc's symbols have nothing or a suffix that LLVM added (".cold.1",
        // ".llvm.1234"); C++ has the parameter types (_ZN6shapes4areaEi), which are part of the
        // name: dropping them would merge overloads, so such a name is not Rust's.
        String suffix = symbol.substring(pos + 1);
        if (!suffix.isEmpty() && !suffix.startsWith(".")) {
            return null;
        }
        if (isRustHash(elements.get(elements.size() - 1))) {
            elements.remove(elements.size() - 1);
        }
        StringBuilder out = new StringBuilder();
        for (String element : elements) {
            if (out.length() > 0) {
                out.append("::");
            }
            String decoded = unescapeLegacy(element);
            if (decoded == null) {
                return null;
            }
            out.append(decoded);
        }
        // As for v0 symbols: ThinLTO's ".llvm.<hex>" is noise, other suffixes name a different
        // function (".cold.1" is the cold part split off its parent) and are kept.
        if (!suffix.startsWith(".llvm.")) {
            out.append(suffix);
        }
        return out.toString();
    }

    /**
     * Strips a trailing {@code ::h<16 hex>} (and a ThinLTO {@code .llvm.N} after it) and decodes the
     * legacy escapes that an Itanium demangler leaves inside Rust path elements.
     */
    static String predemangled(String name) {
        String base = name;
        int llvm = base.indexOf(".llvm.");
        if (llvm > 0) {
            base = base.substring(0, llvm);
        }
        int cut = base.lastIndexOf("::");
        if (cut <= 0 || !isRustHash(base.substring(cut + 2))) {
            return name;
        }
        String path = base.substring(0, cut);
        StringBuilder out = new StringBuilder();
        for (String element : path.split("::", -1)) {
            if (out.length() > 0) {
                out.append("::");
            }
            String decoded = unescapeLegacy(element);
            out.append(decoded == null ? element : decoded);
        }
        return out.toString();
    }

    static boolean isRustHash(String s) {
        if (s.length() != 1 + RUST_HASH_HEX_DIGITS || s.charAt(0) != 'h') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Undoes rustc's legacy escaping of one path element: {@code ..} is {@code ::}, {@code $LT$}
     * is {@code <}, {@code $u20$} is a space, and so on. Returns null on an unknown escape.
     */
    static String unescapeLegacy(String element) {
        String rest = element.startsWith("_$") ? element.substring(1) : element;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '.') {
                if (i + 1 < rest.length() && rest.charAt(i + 1) == '.') {
                    out.append("::");
                    i += 2;
                } else {
                    out.append('.');
                    i++;
                }
            } else if (c == '$') {
                int end = rest.indexOf('$', i + 1);
                if (end < 0) {
                    return null;
                }
                String escape = rest.substring(i + 1, end);
                String plain = switch (escape) {
                    case "SP" -> "@";
                    case "BP" -> "*";
                    case "RF" -> "&";
                    case "LT" -> "<";
                    case "GT" -> ">";
                    case "LP" -> "(";
                    case "RP" -> ")";
                    case "C" -> ",";
                    default -> unicodeEscape(escape);
                };
                if (plain == null) {
                    return null;
                }
                out.append(plain);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String unicodeEscape(String escape) {
        if (escape.length() < 2 || escape.length() > 7 || escape.charAt(0) != 'u') {
            return null;
        }
        int cp = 0;
        for (int i = 1; i < escape.length(); i++) {
            char c = escape.charAt(i);
            int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
            if (d < 0) {
                return null;
            }
            cp = cp * 16 + d;
        }
        if (!Character.isValidCodePoint(cp) || Character.isISOControl(cp)
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            return null;
        }
        return new String(Character.toChars(cp));
    }
}
