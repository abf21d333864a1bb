package io.textwasm.cli;

import java.util.ArrayList;
import java.util.List;

/** A small, strict option parser: unknown options are usage errors, never ignored. */
final class Args {
    private final List<String> rest = new ArrayList<>();
    private final List<String> args;
    /** Everything after "--": operands even when they start with '-'. */
    private final List<String> afterDashes;
    private int i;

    Args(List<String> args) {
        int dashes = args.indexOf("--");
        this.args = dashes < 0 ? args : args.subList(0, dashes);
        this.afterDashes = dashes < 0 ? List.of() : args.subList(dashes + 1, args.size());
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

    /** Refuses {@code --flag=value} for an option that takes no value (it used to turn the flag on, whatever the value). */
    static void flag(String current) {
        if (current.indexOf('=') > 0) {
            throw new UsageException(name(current) + " takes no value, not '" + current.substring(current.indexOf('=') + 1) + "'");
        }
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
        List<String> all = new ArrayList<>(rest);
        all.addAll(afterDashes);
        return all;
    }

    static UsageException unknown(String command, String opt) {
        return new UsageException("unknown option '" + opt + "' for '" + command + "' (see textwasm " + command + " --help)");
    }
}
