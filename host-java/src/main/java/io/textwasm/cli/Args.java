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
    /** The last "--option=value" handed out, until its value is read: an option without values must not have one. */
    private String unreadValue;

    Args(List<String> args) {
        int dashes = args.indexOf("--");
        this.args = dashes < 0 ? args : args.subList(0, dashes);
        this.afterDashes = dashes < 0 ? List.of() : args.subList(dashes + 1, args.size());
    }

    boolean hasNext() {
        refuseUnreadValue();
        return i < args.size();
    }

    String next() {
        refuseUnreadValue();
        String a = args.get(i++);
        unreadValue = a.startsWith("--") && a.indexOf('=') > 0 ? a : null;
        return a;
    }

    /**
     * Refuses "--flag=value" for an option that took no value: the switches match options by
     * {@link #name}, so "--casefold=no" used to turn case folding on.
     */
    private void refuseUnreadValue() {
        String a = unreadValue;
        if (a != null) {
            unreadValue = null;
            throw new UsageException(name(a) + " takes no value, not '" + a.substring(a.indexOf('=') + 1) + "'");
        }
    }

    /** The value of an option such as {@code --form NFC} or {@code --form=NFC}. */
    String value(String opt, String current) {
        int eq = current.indexOf('=');
        if (eq > 0) {
            unreadValue = null;
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
        refuseUnreadValue();
        List<String> all = new ArrayList<>(rest);
        all.addAll(afterDashes);
        return all;
    }

    static UsageException unknown(String command, String opt) {
        return new UsageException("unknown option '" + opt + "' for '" + command + "' (see textwasm " + command + " --help)");
    }
}
