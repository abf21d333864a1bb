package io.textwasm.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The files named on the command line, or standard input when there are none. */
final class Inputs {
    interface Each {
        void accept(String name, InputStream in, long size) throws IOException;
    }

    static void forEach(List<String> files, InputStream stdin, Each each) throws IOException {
        if (files.isEmpty()) {
            each.accept("<stdin>", stdin, -1);
            return;
        }
        for (String f : files) {
            if (f.equals("-")) {
                each.accept("<stdin>", stdin, -1);
                continue;
            }
            Path p = Path.of(f);
            if (Files.isDirectory(p)) {
                throw new UsageException(f + ": is a directory");
            }
            try (InputStream in = Files.newInputStream(p)) {
                each.accept(f, in, Files.size(p));
            } catch (NoSuchFileException | FileNotFoundException e) {
                throw new UsageException(f + ": no such file");
            }
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }

    private Inputs() {}
}
