package io.textwasm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The files named on the command line, or standard input when there are none. As with {@code cat}
 * and {@code wc}, a file that cannot be opened is reported and skipped, and the others are still
 * processed; the command then exits with 1.
 */
final class Inputs {
    interface Each {
        void accept(String name, InputStream in, long size) throws IOException;
    }

    /** Exit code 0, or 1 when some file could not be opened (each reported on {@code err}). */
    static int forEach(List<String> files, InputStream stdin, PrintStream err, Each each) throws IOException {
        if (files.isEmpty()) {
            each.accept("<stdin>", stdin, -1);
            return 0;
        }
        int code = 0;
        for (String f : files) {
            if (f.equals("-")) {
                each.accept("<stdin>", stdin, -1);
                continue;
            }
            if (f.isEmpty()) {
                err.println("textwasm: '': no such file"); // Path.of("") is the working directory
                code = 1;
                continue;
            }
            Path p;
            InputStream in;
            try {
                p = Path.of(f);
                in = Files.isDirectory(p) ? null : Files.newInputStream(p);
            } catch (InvalidPathException | IOException e) {
                err.println("textwasm: " + f + ": " + why(e));
                code = 1;
                continue;
            }
            if (in == null) {
                err.println("textwasm: " + f + ": is a directory");
                code = 1;
                continue;
            }
            try (in) {
                each.accept(f, in, Files.size(p));
            }
        }
        return code;
    }

    private static String why(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        } else if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof InvalidPathException) {
            // Under LANG=C the JVM cannot decode a non-ASCII name it was given.
            return "this name cannot be read in the current locale; use a UTF-8 one (e.g. LC_ALL=C.UTF-8)";
        }
        return "cannot open: " + e.getMessage();
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }

    private Inputs() {}
}
