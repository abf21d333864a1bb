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
            String problem = null;
            Path p = null;
            try {
                p = Path.of(f);
                if (Files.isDirectory(p)) {
                    problem = "is a directory";
                }
            } catch (InvalidPathException e) {
                // Under LANG=C the JVM cannot decode a non-ASCII name it was given.
                problem = "this name cannot be read in the current locale; use a UTF-8 one (e.g. LC_ALL=C.UTF-8)";
            }
            if (problem == null) {
                InputStream in;
                try {
                    in = Files.newInputStream(p);
                } catch (NoSuchFileException e) {
                    in = null;
                    problem = "no such file";
                } catch (AccessDeniedException e) {
                    in = null;
                    problem = "permission denied";
                } catch (IOException e) {
                    in = null;
                    problem = "cannot open: " + e.getMessage();
                }
                if (in != null) {
                    try (InputStream open = in) {
                        each.accept(f, open, Files.size(p));
                    }
                    continue;
                }
            }
            err.println("textwasm: " + f + ": " + problem);
            code = 1;
        }
        return code;
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }

    private Inputs() {}
}
