package io.textwasm.size.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that cannot fail in silence. A PrintStream swallows write errors, so a report
 * written to a full disk or a closed pipe used to end with status 0, and a CI step that saved a
 * baseline with {@code > report.json} went on with an empty file.
 */
final class Output {
    /** The exit status of a process killed by SIGPIPE, which {@code cat} and {@code grep} mimic. */
    static final int CLOSED_PIPE = 141;

    private Output() {}

    /** System.out's file descriptor, as a stream whose write errors are thrown with the system's message. */
    static PrintStream stdout() {
        return new PrintStream(new FailingStdout(e -> new UncheckedIOException(e.getMessage(), e)), false, StandardCharsets.UTF_8);
    }

    /**
     * Prints and flushes, and fails when the stream did: either it throws (a host's stream, such
     * as textwasm's CLI, or {@link #stdout}) or, as a plain PrintStream does, it only sets its
     * error flag.
     */
    static void write(PrintStream out, String text) {
        try {
            out.print(text);
            out.flush();
        } catch (RuntimeException e) {
            // The system's words ("No space left on device"), not the wrapper's class name.
            Throwable reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
            throw new Failed(String.valueOf(reason.getMessage()));
        }
        if (out.checkError()) {
            throw new Failed("the output stream reported an error");
        }
    }

    /** Writing the report failed. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }

        /** The reader went away ({@code ... | head}): the run ends quietly, as {@code cat}'s does. */
        boolean closedPipe() {
            return getMessage().contains("Broken pipe");
        }
    }
}
