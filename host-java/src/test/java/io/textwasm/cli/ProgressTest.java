package io.textwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void aFailedInputDoesNotShowAFullBar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long size = 100L << 20;
        Progress p = Progress.start(err, true, "f.txt", size);
        p.accept(size / 4);
        p.failed();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains(" 25% 25/100 MB"), shown);
        assertFalse(shown.contains("100%"), shown); // it used to draw the whole size on the way out
        bytes.reset();
        Progress q = Progress.start(err, true, "f.txt", size);
        q.done();
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("100% 100/100 MB"), bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
        Progress.start(err, false, "f.txt", size).failed(); // not a terminal: nothing at all
        Progress.start(err, true, "f.txt", Progress.THRESHOLD - 1).done(); // small: nothing at all
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
