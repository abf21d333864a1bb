package io.textwasm.testkit;

import java.security.SecureRandom;

/**
 * The per-run seed of the random tests: new on every run, so each run explores new inputs, and
 * printed in every failure so the failing run can be repeated with -Dtextwasm.seed=N.
 */
public final class Seeds {
    private static final long SEED = Long.getLong("textwasm.seed", new SecureRandom().nextLong());

    static {
        System.out.println("textwasm random tests: seed " + SEED + " (repeat with -Dtextwasm.seed=" + SEED + ")");
    }

    private Seeds() {}

    /** A seed for one test, derived from the run seed and the test's name so tests stay independent. */
    public static long forTest(String name) {
        return SEED ^ (name.hashCode() * 0x9E3779B97F4A7C15L);
    }

    public static long runSeed() {
        return SEED;
    }

    /** Appended to failure messages. */
    public static String hint() {
        return "\n  (random seed " + SEED + "; repeat with -Dtextwasm.seed=" + SEED + ")";
    }
}
