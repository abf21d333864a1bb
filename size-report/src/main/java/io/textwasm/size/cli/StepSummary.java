package io.textwasm.size.cli;

import io.textwasm.size.SizeReportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends markdown to the GitHub Actions job summary. The runner gives each step its own file
 * and renders everything appended to it, so appending (never truncating) lets several size
 * reports in one step add up.
 */
final class StepSummary {
    static final String VARIABLE = "GITHUB_STEP_SUMMARY";

    private StepSummary() {}

    static void append(String path, String markdown) {
        try {
            Files.writeString(Path.of(path), markdown + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            throw failure(path, "its directory does not exist", e);
        } catch (AccessDeniedException e) {
            throw failure(path, "permission denied", e);
        } catch (FileSystemException e) {
            // The exception's own message repeats the path; its reason is what is news.
            throw failure(path, e.getReason() != null ? e.getReason() : String.valueOf(e.getMessage()), e);
        } catch (IOException | RuntimeException e) {
            throw failure(path, String.valueOf(e.getMessage()), e);
        }
    }

    private static SizeReportException failure(String path, String reason, Exception cause) {
        return new SizeReportException(VARIABLE + ": cannot append the report to " + path + ": " + reason, cause);
    }
}
