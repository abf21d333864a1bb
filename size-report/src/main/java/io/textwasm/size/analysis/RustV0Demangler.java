package io.textwasm.size.analysis;

import java.math.BigInteger;
import java.util.function.BooleanSupplier;

/**
 * Demangles Rust v0 symbols (RFC 2603, {@code _R...}) to the form {@code rustc-demangle} prints
 * with {@code {:#}}: crate disambiguators (hashes) left out, closures as {@code {closure#N}}.
 *
 * <p>It covers paths, generic arguments, types and integer/bool/char constants, which is all a
 * size report needs to group functions by path. Known simplifications: lifetimes print as
 * {@code '_} and {@code for<'a>} binders are dropped; structural constants ({@code str}, arrays,
 * ADTs) and pattern types make the symbol fall back to its mangled form.
 *
 * <p>Input comes from the file under analysis, so the walk is bounded three ways: recursion
 * depth, total steps (backreferences can otherwise make the work exponential) and output length.
 */
final class RustV0Demangler {
    private static final int MAX_DEPTH = 128;
    private static final int MAX_STEPS = 20_000;
    private static final int MAX_OUTPUT = 4_096;

    /** Parse failure; control flow only, so it carries no stack trace. */
    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid() {
            super(null, null, false, false);
        }
    }

    private static final Invalid INVALID = new Invalid();

    private final String sym;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private int depth;
    private int steps;
    private int muted;

    private RustV0Demangler(String sym) {
        this.sym = sym;
    }

    /** Returns the demangled name, or null when {@code symbol} is not a v0 symbol this can read. */
    static String demangle(String symbol) {
        String s;
        if (symbol.startsWith("_R")) {
            s = symbol.substring(2);
        } else if (symbol.startsWith("__R")) {
            s = symbol.substring(3);
        } else {
            return null;
        }
        int end = 0;
        while (end < s.length() && isSymbolChar(s.charAt(end))) {
            end++;
        }
        String suffix = s.substring(end);
        s = s.substring(0, end);
        // A leading decimal is an encoding version; only version 0 (no number) exists.
        if (s.isEmpty() || !(s.charAt(0) >= 'A' && s.charAt(0) <= 'Z')) {
            return null;
        }
        RustV0Demangler d = new RustV0Demangler(s);
        try {
            d.path(true);
            if (d.pos < s.length()) {
                // The instantiating crate says where a generic was monomorphised: not printed.
                d.muted++;
                d.path(false);
                d.muted--;
            }
            if (d.pos != s.length()) {
                return null;
            }
        } catch (Invalid e) {
            return null;
        }
        // ThinLTO's ".llvm.<hex>" is noise; other suffixes (".0.0" on statics) are kept.
        return suffix.startsWith(".llvm.") ? d.out.toString() : d.out + suffix;
    }

    /**
     * A char constant as Rust's {@code escape_debug} writes it, as rustc-demangle prints it:
     * {@code \n}, {@code \'} and the like, and <code>&#92;u{..}</code> for what cannot be shown (controls,
     * format characters, separators other than the space, combining marks, unassigned and
     * private-use code points).
     */
    static String charLiteral(int cp) {
        switch (cp) {
            case 0: return "\\0";
            case '\t': return "\\t";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\'': return "\\'";
            case '\\': return "\\\\";
            default: break;
        }
        int type = Character.getType(cp);
        boolean hidden = type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || (type == Character.SPACE_SEPARATOR && cp != ' ')
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK; // a mark alone would sit on the quote
        return hidden ? "\\u{" + Integer.toHexString(cp) + "}" : new String(Character.toChars(cp));
    }

    private static boolean isSymbolChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    // ---- grammar ----------------------------------------------------------------------------

    private void path(boolean inValue) {
        enter();
        char tag = next();
        switch (tag) {
            case 'C' -> {
                disambiguator();
                print(ident());
            }
            case 'N' -> {
                char ns = next();
                if (!((ns >= 'a' && ns <= 'z') || (ns >= 'A' && ns <= 'Z'))) {
                    throw INVALID;
                }
                path(inValue);
                long dis = disambiguator();
                String name = ident();
                if (ns >= 'A' && ns <= 'Z') {
                    print("::{");
                    print(ns == 'C' ? "closure" : ns == 'S' ? "shim" : String.valueOf(ns));
                    if (!name.isEmpty()) {
                        print(":");
                        print(name);
                    }
                    print("#");
                    print(Long.toString(dis));
                    print("}");
                } else if (!name.isEmpty()) {
                    print("::");
                    print(name);
                }
            }
            case 'M', 'X', 'Y' -> {
                if (tag != 'Y') {
                    // The impl's own path (where the impl block sits) is not part of the name.
                    disambiguator();
                    muted++;
                    path(false);
                    muted--;
                }
                print("<");
                type();
                if (tag != 'M') {
                    print(" as ");
                    path(false);
                }
                print(">");
            }
            case 'I' -> {
                path(inValue);
                if (inValue) {
                    print("::");
                }
                print("<");
                list(this::genericArg, ", ");
                print(">");
            }
            case 'B' -> backref(() -> {
                path(inValue);
                return false;
            });
            default -> throw INVALID;
        }
        leave();
    }

    private void genericArg() {
        if (eat('L')) {
            base62();
            print("'_");
        } else if (eat('K')) {
            constant();
        } else {
            type();
        }
    }

    private void type() {
        char tag = next();
        String basic = basicType(tag);
        if (basic != null) {
            print(basic);
            return;
        }
        enter();
        switch (tag) {
            case 'R', 'Q' -> {
                print("&");
                if (eat('L') && base62() != 0) {
                    print("'_ ");
                }
                if (tag == 'Q') {
                    print("mut ");
                }
                type();
            }
            case 'P', 'O' -> {
                print(tag == 'P' ? "*const " : "*mut ");
                type();
            }
            case 'A', 'S' -> {
                print("[");
                type();
                if (tag == 'A') {
                    print("; ");
                    constant();
                }
                print("]");
            }
            case 'T' -> {
                print("(");
                int count = list(this::type, ", ");
                if (count == 1) {
                    print(",");
                }
                print(")");
            }
            case 'F' -> {
                binder();
                boolean isUnsafe = eat('U');
                String abi = null;
                if (eat('K')) {
                    abi = eat('C') ? "C" : ident().replace('_', '-');
                }
                if (isUnsafe) {
                    print("unsafe ");
                }
                if (abi != null) {
                    print("extern \"" + abi + "\" ");
                }
                print("fn(");
                list(this::type, ", ");
                print(")");
                if (!eat('u')) {
                    print(" -> ");
                    type();
                }
            }
            case 'D' -> {
                print("dyn ");
                binder();
                list(this::dynTrait, " + ");
                if (!eat('L')) {
                    throw INVALID;
                }
                if (base62() != 0) {
                    print(" + '_");
                }
            }
            case 'B' -> backref(() -> {
                type();
                return false;
            });
            default -> {
                pos--;
                path(false);
            }
        }
        leave();
    }

    private void dynTrait() {
        boolean open = pathMaybeOpenGenerics();
        while (eat('p')) {
            print(open ? ", " : "<");
            open = true;
            print(ident());
            print(" = ");
            if (eat('K')) {
                constant();
            } else {
                type();
            }
        }
        if (open) {
            print(">");
        }
    }

    /** Prints a trait path but leaves its {@code <...>} open for associated-type bindings. */
    private boolean pathMaybeOpenGenerics() {
        if (eat('B')) {
            return backref(this::pathMaybeOpenGenerics);
        }
        if (eat('I')) {
            path(false);
            print("<");
            list(this::genericArg, ", ");
            return true;
        }
        path(false);
        return false;
    }

    private void constant() {
        char tag = next();
        enter();
        if (tag == 'p') {
            print("_");
        } else if (tag == 'B') {
            backref(() -> {
                constant();
                return false;
            });
        } else if ("hstmyojailxn".indexOf(tag) >= 0) {
            boolean negative = eat('n');
            String hex = hexNibbles();
            // u128/i128 fit in 32 nibbles; anything longer is not a real constant.
            if (hex.length() > 32) {
                throw INVALID;
            }
            BigInteger value = hex.isEmpty() ? BigInteger.ZERO : new BigInteger(hex, 16);
            print((negative ? "-" : "") + value);
        } else if (tag == 'b') {
            String hex = hexNibbles();
            if (hex.equals("0")) {
                print("false");
            } else if (hex.equals("1")) {
                print("true");
            } else {
                throw INVALID;
            }
        } else if (tag == 'c') {
            String hex = hexNibbles();
            if (hex.isEmpty() || hex.length() > 6) {
                throw INVALID;
            }
            int cp = Integer.parseInt(hex, 16);
            if (!Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                throw INVALID;
            }
            print("'" + charLiteral(cp) + "'");
        } else {
            throw INVALID;
        }
        leave();
    }

    private void binder() {
        if (eat('G')) {
            base62();
        }
    }

    /** Backreference: re-reads an earlier part of the symbol, which must lie before the tag. */
    private boolean backref(BooleanSupplier action) {
        int tagAt = pos - 1;
        long target = base62();
        if (target >= tagAt) {
            throw INVALID;
        }
        int saved = pos;
        pos = (int) target;
        enter();
        boolean result = action.getAsBoolean();
        leave();
        pos = saved;
        return result;
    }

    private int list(Runnable element, String separator) {
        int count = 0;
        while (!eat('E')) {
            if (count > 0) {
                print(separator);
            }
            element.run();
            count++;
        }
        return count;
    }

    // ---- lexical ----------------------------------------------------------------------------

    private String ident() {
        boolean punycode = eat('u');
        char first = next();
        if (first < '0' || first > '9') {
            throw INVALID;
        }
        long length = first - '0';
        if (length != 0) {
            while (pos < sym.length() && sym.charAt(pos) >= '0' && sym.charAt(pos) <= '9') {
                length = length * 10 + (sym.charAt(pos++) - '0');
                if (length > sym.length()) {
                    throw INVALID;
                }
            }
        }
        eat('_');
        if (length > sym.length() - pos) {
            throw INVALID;
        }
        String ident = sym.substring(pos, pos + (int) length);
        pos += (int) length;
        if (!punycode) {
            return ident;
        }
        int split = ident.lastIndexOf('_');
        String ascii = split < 0 ? "" : ident.substring(0, split);
        String encoded = ident.substring(split + 1);
        String decoded = Punycode.decode(ascii, encoded);
        if (decoded == null) {
            throw INVALID;
        }
        return decoded;
    }

    private long disambiguator() {
        if (!eat('s')) {
            return 0;
        }
        long n = base62();
        return n == Long.MAX_VALUE ? n : n + 1;
    }

    /**
     * {@code _} is 0; otherwise base-62 digits then {@code _}, meaning the value plus one.
     * Crate disambiguators are 64-bit hashes, which overflow a signed long, so the value
     * saturates instead of failing: it is only ever printed for closures, and a saturated
     * backreference lies past the end of any symbol and is rejected there.
     */
    private long base62() {
        if (eat('_')) {
            return 0;
        }
        long x = 0;
        while (!eat('_')) {
            char c = next();
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'z') {
                d = 10 + c - 'a';
            } else if (c >= 'A' && c <= 'Z') {
                d = 36 + c - 'A';
            } else {
                throw INVALID;
            }
            x = x > (Long.MAX_VALUE - d) / 62 - 1 ? Long.MAX_VALUE - 1 : x * 62 + d;
        }
        return x + 1;
    }

    private String hexNibbles() {
        int start = pos;
        while (true) {
            char c = next();
            if (c == '_') {
                return sym.substring(start, pos - 1);
            }
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw INVALID;
            }
        }
    }

    private static String basicType(char tag) {
        return switch (tag) {
            case 'a' -> "i8";
            case 'b' -> "bool";
            case 'c' -> "char";
            case 'd' -> "f64";
            case 'e' -> "str";
            case 'f' -> "f32";
            case 'h' -> "u8";
            case 'i' -> "isize";
            case 'j' -> "usize";
            case 'l' -> "i32";
            case 'm' -> "u32";
            case 'n' -> "i128";
            case 'o' -> "u128";
            case 's' -> "i16";
            case 't' -> "u16";
            case 'u' -> "()";
            case 'v' -> "...";
            case 'x' -> "i64";
            case 'y' -> "u64";
            case 'z' -> "!";
            case 'p' -> "_";
            default -> null;
        };
    }

    private char next() {
        if (pos >= sym.length()) {
            throw INVALID;
        }
        return sym.charAt(pos++);
    }

    private boolean eat(char c) {
        if (pos < sym.length() && sym.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void enter() {
        if (++depth > MAX_DEPTH || ++steps > MAX_STEPS) {
            throw INVALID;
        }
    }

    private void leave() {
        depth--;
    }

    private void print(String s) {
        if (muted > 0) {
            return;
        }
        out.append(s);
        if (out.length() > MAX_OUTPUT) {
            throw INVALID;
        }
    }
}
