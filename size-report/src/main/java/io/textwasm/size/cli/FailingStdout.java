package io.textwasm.size.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * Standard output whose write errors are thrown, as the exception {@code failure} makes of them.
 * A PrintStream over System.out swallows them: a report written to a full disk ended with status
 * 0, and a command whose reader had gone away ({@code ... | head -1}) kept working to the end of
 * its input. The textwasm CLI uses it too, with its own exception.
 */
public final class FailingStdout extends OutputStream {
    private final FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    private final Function<IOException, ? extends RuntimeException> failure;

    public FailingStdout(Function<IOException, ? extends RuntimeException> failure) {
        this.failure = failure;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failure.apply(e);
        }
    }
}
