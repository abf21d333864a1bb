package io.textwasm.cli;

import java.io.PrintStream;
import java.util.function.LongConsumer;

/**
 * A progress bar on standard error for large inputs, only when standard error is a terminal
 * (the launcher tells us; a JVM cannot see it), so pipes and logs stay clean.
 */
final class Progress implements LongConsumer {
    static final long THRESHOLD = 8L << 20;
    private static final Progress NONE = new Progress(null, null, 0);

    private final PrintStream err;
    private final String name;
    private final long size;
    private final long started = System.nanoTime();
    private long lastDraw;

    private Progress(PrintStream err, String name, long size) {
        this.err = err;
        this.name = name;
        this.size = size;
    }

    static Progress start(PrintStream err, boolean tty, String name, long size) {
        return tty && size >= THRESHOLD ? new Progress(err, name, size) : NONE;
    }

    @Override
    public void accept(long done) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L && done < size) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = (int) Math.min(width, done * width / Math.max(1, size));
        double secs = Math.max(1e-9, (now - started) / 1e9);
        err.printf("\r%s [%s%s] %3d%% %,d/%,d MB %.0f MB/s ", name, "#".repeat(filled), " ".repeat(width - filled),
                done * 100 / Math.max(1, size), done >> 20, size >> 20, done / secs / 1e6);
        err.flush();
    }

    void done() {
        if (err != null) {
            accept(size);
            err.println();
        }
    }

    /** Ends the bar where the input stopped being read, for a failure (it used to show 100%). */
    void failed() {
        if (err != null) {
            err.println();
        }
    }
}
