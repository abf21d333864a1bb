package io.textwasm.cli;

import java.util.ArrayList;
import java.util.List;

/** A small, strict option parser: unknown options are usage errors, never ignored. */
final class Args {
    private final List<String> rest = new ArrayList<>();
    private final List<String> args;
    private int i;

    Args(List<String> args) {
        this.args = args;
    }

    boolean hasNext() {
        return i < args.size();
    }

    String next() {
        return args.get(i++);
    }

    /** The value of an option such as {@code --form NFC} or {@code --form=NFC}. */
    String value(String opt, String current) {
        int eq = current.indexOf('=');
        if (eq > 0) {
            return current.substring(eq + 1);
        }
        if (i >= args.size()) {
            throw new UsageException(opt + " needs a value");
        }
        return args.get(i++);
    }

    static String name(String current) {
        int eq = current.indexOf('=');
        return eq > 0 ? current.substring(0, eq) : current;
    }

    int intValue(String opt, String current) {
        String v = value(opt, current);
        String digits = v.trim();
        if (!digits.matches("[0-9]+")) {
            throw new UsageException(opt + " needs a non-negative whole number, not '" + v + "'");
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new UsageException(opt + " is at most " + Integer.MAX_VALUE + ", not " + digits);
        }
    }

    void operand(String s) {
        rest.add(s);
    }

    List<String> operands() {
        return rest;
    }

    static UsageException unknown(String command, String opt) {
        return new UsageException("unknown option '" + opt + "' for '" + command + "' (see textwasm " + command + " --help)");
    }
}
