package io.textwasm.size.cli;

import io.textwasm.size.analysis.BrotliCompressor;
import io.textwasm.size.analysis.Compressor;
import io.textwasm.size.analysis.GzipCompressor;
import io.textwasm.size.analysis.InputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What the CLI takes from its surroundings: environment variables, files and compressors.
 * Tests replace it to inject {@code GITHUB_STEP_SUMMARY}, to feed fuzzed bytes without touching
 * the disk, and to skip Brotli at quality 11 (about a millisecond per call) in loops that run
 * thousands of times.
 */
public record Host(Function<String, String> env, FileReader files, Compressor gzip, Compressor brotli) {

    @FunctionalInterface
    public interface FileReader {
        byte[] read(String path);
    }

    /** The real environment, file system, gzip and Brotli. */
    public static Host system() {
        return new Host(System::getenv, Host::readFile, new GzipCompressor(), new BrotliCompressor());
    }

    public Host withEnv(Function<String, String> env) {
        return new Host(env, files, gzip, brotli);
    }

    /** The path that names standard input, as for {@code cat}. */
    public static final String STDIN = "-";

    /** Reads a whole file, or standard input for {@link #STDIN}; errors become one line naming the path. */
    public static byte[] readFile(String path) {
        if (STDIN.equals(path)) {
            return readStdin();
        }
        try {
            Path p = Path.of(path);
            if (Files.isDirectory(p)) {
                throw new InputException(path, "cannot read: is a directory", null);
            }
            // Arrays are int-indexed; refuse before readAllBytes would fail with an Error.
            if (Files.size(p) > Integer.MAX_VALUE - 8) {
                throw new InputException(path, "cannot read: larger than 2 GiB", null);
            }
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new InputException(path, "cannot read: no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException(path, "cannot read: permission denied", e);
        } catch (IOException | InvalidPathException e) {
            throw new InputException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    private static byte[] readStdin() {
        try {
            // readNBytes stops one byte past the limit, so a longer stream is refused, not truncated.
            byte[] in = System.in.readNBytes(Integer.MAX_VALUE - 8);
            if (in.length == Integer.MAX_VALUE - 8 && System.in.read() >= 0) {
                throw new InputException("standard input", "cannot read: larger than 2 GiB", null);
            }
            return in;
        } catch (IOException e) {
            throw new InputException("standard input", "cannot read: " + e.getMessage(), e);
        }
    }
}
