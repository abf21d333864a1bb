package io.textwasm.plugin;

import java.time.Duration;

/** Sizes and durations in the words error messages use: "16 MiB", "1s", "250ms". */
final class Units {
    private Units() {}

    static String bytes(long n) {
        if (n > 0 && n % (1 << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n > 0 && n % 1024 == 0) {
            return (n >> 10) + " KiB";
        }
        return n + (n == 1 ? " byte" : " bytes");
    }

    static String duration(Duration d) {
        if (d.toNanos() < 1_000_000 || d.toNanos() % 1_000_000 != 0 && d.toMillis() < 10) {
            return (d.toNanos() / 1000) + "µs";
        }
        long ms = d.toMillis();
        if (ms > 0 && ms % 60_000 == 0) {
            return (ms / 60_000) + "m";
        }
        if (ms > 0 && ms % 1000 == 0) {
            return (ms / 1000) + "s";
        }
        return ms + "ms";
    }
}
