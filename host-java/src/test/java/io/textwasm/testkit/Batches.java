package io.textwasm.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs many small test strings through one call. Calls into the module cost a few microseconds
 * each, so a million one-code-point calls would dominate the run; joined with a separator that
 * no operation can reach across, one call tests them all. On a mismatch each string is rerun
 * alone, so the failure names the string, not the batch.
 */
public final class Batches {
    private Batches() {}

    /**
     * Compares {@code actual} and {@code expected} on the strings joined by {@code separator};
     * when they differ, reports up to ten strings that fail alone (or the first difference in
     * the joined text when none does).
     */
    public static List<String> compare(String label, List<String> inputs, String separator,
            Function<String, String> actual, Function<String, String> expected) {
        String joined = String.join(separator, inputs);
        String a = actual.apply(joined);
        String e = expected.apply(joined);
        List<String> failures = new ArrayList<>();
        if (a.equals(e)) {
            return failures;
        }
        for (String s : inputs) {
            String ea = expected.apply(s);
            String aa = actual.apply(s);
            if (!ea.equals(aa)) {
                failures.add(Cps.diff(label, s, ea, aa));
                if (failures.size() >= 10) {
                    break;
                }
            }
        }
        if (failures.isEmpty()) {
            int at = firstDifference(a, e);
            failures.add(label + ": the joined batch differs but no string fails alone; first difference at UTF-16 index " + at
                    + "\n  expected around it: " + Cps.escape(around(e, at)) + "\n  actual around it:   " + Cps.escape(around(a, at)));
        }
        return failures;
    }

    public static int firstDifference(CharSequence a, CharSequence b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }

    static String around(String s, int at) {
        return s.substring(Math.max(0, at - 8), Math.min(s.length(), at + 8));
    }

    /** Splits on a one-character separator, keeping empty pieces (String.split would drop trailing ones). */
    public static List<String> split(String s, char separator) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == separator) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }

    /** Fails with the collected messages (at most the first ten), prefixed by a count. */
    public static void assertNone(List<String> failures, String suffix) {
        if (!failures.isEmpty()) {
            StringBuilder b = new StringBuilder(failures.size() + " failure(s):");
            failures.stream().limit(10).forEach(f -> b.append("\n").append(f));
            throw new AssertionError(b.append(suffix == null ? "" : suffix).toString());
        }
    }
}
