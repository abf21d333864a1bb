package io.textwasm.size;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class TestSupportTest {
    /** A machine without wabt or brotli must fail the cross-checks, with the fix in the message. */
    @Test
    void missingToolFailsWithTheInstallCommand() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> TestSupport.requireTool("wasm-objdump-that-does-not-exist"));
        assertTrue(e.getMessage().contains("apt-get install wabt brotli"), e.getMessage());
    }
}
