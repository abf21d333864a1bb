package io.textwasm.size.cli;

import io.textwasm.size.SizeReportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        } catch (IOException | RuntimeException e) {
            throw new SizeReportException(VARIABLE + ": cannot append to " + path + ": " + e.getMessage(), e);
        }
    }
}
