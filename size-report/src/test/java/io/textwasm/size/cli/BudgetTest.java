package io.textwasm.size.cli;

import static io.textwasm.size.TestSupport.assertOneLineError;
import static io.textwasm.size.TestSupport.fixture;
import static io.textwasm.size.TestSupport.realHost;
import static io.textwasm.size.TestSupport.resource;
import static io.textwasm.size.TestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.size.TestSupport.Run;
import io.textwasm.size.analysis.BudgetLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetTest {
    @TempDir
    Path dir;

    private static String budget(String name) {
        return resource("budgets/" + name).toString();
    }

    @Test
    void withinBudgetExitsZero() {
        Run r = run(realHost(), "--budget", budget("within.json"), fixture("named").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("Budget within.json: within budget"), r.out());
    }

    @Test
    void eachOverrunIsNamedWithItsAmount() {
        // named.wasm: 1,240 B raw, 594 B brotli, 571 B code section, 28 B data section.
        Run r = run(realHost(), "--budget", budget("over.json"), fixture("named").toString());
        assertEquals(1, r.status(), r.err());
        assertEquals(List.of(
                "over budget: raw 1,240 B > 1,200 B (+40 B, +3.3%)",
                "over budget: brotli 594 B > 500 B (+94 B, +18.8%)",
                "over budget: section code 571 B > 500 B (+71 B, +14.2%)"), r.errLines());
        assertTrue(r.out().contains("Budget over.json: 3 of 5 limits exceeded"), r.out());
    }

    @Test
    void overrunsAreReportedInJsonAndMarkdownToo() {
        Run json = run(realHost(), "--format", "json", "--budget", budget("over.json"), fixture("named").toString());
        assertEquals(1, json.status());
        assertTrue(json.out().contains("\"within\": false"), json.out());
        Run md = run(realHost(), "--format", "markdown", "--budget", budget("over.json"), fixture("named").toString());
        assertEquals(1, md.status());
        assertTrue(md.out().contains("**3 of 5 limits exceeded**"), md.out());
        assertEquals(3, md.errLines().size());
    }

    @Test
    void messageFormatGroupsThousands() {
        assertEquals("over budget: brotli 15,912 B > 15,360 B (+552 B, +3.6%)",
                new BudgetLine("brotli", 15_360, 15_912).overrunMessage());
        assertEquals("over budget: section custom:name 10 B > 0 B (+10 B)",
                new BudgetLine("section custom:name", 0, 10).overrunMessage());
    }

    @Test
    void limitsSetToNullOnlyAreWithinBudget() throws IOException {
        Path b = write("{\"raw\": null, \"sections\": null}");
        Run r = run(realHost(), "--budget", b.toString(), fixture("named").toString());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void customSectionBudget() throws IOException {
        Path b = write("{\"sections\": {\"custom:name\": 100}}");
        Run r = run(realHost(), "--budget", b.toString(), fixture("named").toString());
        assertEquals(1, r.status());
        assertEquals(List.of("over budget: section custom:name 558 B > 100 B (+458 B, +458.0%)"), r.errLines());
    }

    @Test
    void aCustomSectionTheModuleLacksIsPointedOut() throws IOException {
        // A misspelt name checked nothing, in silence.
        Path b = write("{\"sections\": {\"custom:nmae\": 5, \"custom:name\": 1000}}");
        Run r = run(realHost(), "--budget", b.toString(), fixture("named").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("warning: budget.json: the module has no section \"custom:nmae\", so its limit checks nothing"
                + " (is the name right?)"), r.errLines());
    }

    @Test
    void aCustomSectionWithAnEmptyNameCanBeBudgeted() throws IOException {
        Path b = write("{\"sections\": {\"custom:\": 5}}");
        Run r = run(realHost(), "--budget", b.toString(), fixture("named").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.errLines().size(), "named.wasm has no such section: " + r.err());
    }

    @Test
    void aHugeNumberIsRefusedQuicklyAndBriefly() throws IOException {
        // A million digits took half a minute to parse and came back whole in the message.
        Path b = write("{\"raw\": 1" + "0".repeat(1_000_000) + "}");
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> run(realHost(), "--budget", b.toString(), fixture("named").toString()));
        assertOneLineError(r, "huge number");
        assertTrue(r.err().contains("number too long (over 100 characters)"), r.err());
        assertTrue(r.err().length() < 300, r.err());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{`                                  | invalid JSON: expected a string key but found end of input at line 1, column 2",
        "`[1, 2]`                             | budget must be a JSON object",
        "`{\"raw\": \"big\"}`                 | \"raw\" must be a whole number of bytes or null, got \"big\"",
        "`{\"raw\": -1}`                      | \"raw\" must be a whole number of bytes or null, got -1",
        "`{\"brotli\": 1.5}`                  | \"brotli\" must be a whole number of bytes or null, got 1.5",
        "`{\"raw\": 1e999999999}`             | \"raw\" must be a whole number of bytes or null, got 1E+999999999",
        "`{\"brottli\": 1}`                   | unknown budget key \"brottli\"",
        "`{\"sections\": {\"cdoe\": 1}}`      | unknown section \"cdoe\" in \"sections\"",
        "`{\"sections\": 5}`                  | \"sections\" must be an object",
        "`{\"raw\": 1, \"raw\": 2}`           | invalid JSON: duplicate key \"raw\" at line 1, column 12",
        "``                                   | invalid JSON: unexpected end of input at line 1, column 1",
        "`{\"raw\": 1} x`                     | invalid JSON: unexpected 'x' after the value at line 1, column 12",
        "`{\"raw\": 01}`                      | invalid JSON: expected ',' or '}' but found '1' at line 1, column 10",
    })
    void malformedBudgetFileExitsTwoWithOneLine(String content, String reason) throws IOException {
        Path b = write(content);
        Run r = run(realHost(), "--budget", b.toString(), fixture("named").toString());
        assertOneLineError(r, content);
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("error: " + b + ": "), line);
        assertTrue(line.contains(reason), () -> "expected <" + reason + "> in " + line);
        assertEquals("", r.out(), "no report when the budget cannot be read");
    }

    @Test
    void deeplyNestedBudgetIsRejectedWithoutStackOverflow() throws IOException {
        Path b = write("[".repeat(100_000) + "]".repeat(100_000));
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> run(realHost(), "--budget", b.toString(), fixture("named").toString()));
        assertOneLineError(r, "nested");
        assertTrue(r.errLines().get(0).contains("nested deeper than 64 levels"), r.err());
    }

    @Test
    void budgetThatIsNotUtf8() throws IOException {
        Path b = dir.resolve("bin.json");
        Files.write(b, new byte[] {(byte) 0xFF, (byte) 0xFE, 0});
        Run r = run(realHost(), "--budget", b.toString(), fixture("named").toString());
        assertOneLineError(r, "binary");
        assertTrue(r.err().contains("budget file is not UTF-8 text"), r.err());
    }

    @Test
    void missingBudgetFile() {
        Run r = run(realHost(), "--budget", dir.resolve("nope.json").toString(), fixture("named").toString());
        assertOneLineError(r, "missing");
        assertTrue(r.err().contains("nope.json: cannot read: no such file"), r.err());
    }

    private Path write(String content) throws IOException {
        Path b = dir.resolve("budget.json");
        Files.writeString(b, content, StandardCharsets.UTF_8);
        return b;
    }
}
