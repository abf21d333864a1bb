package io.textwasm.bench.harness;

/**
 * One cell of the comparison: a contender doing one job on one input, as operations per second
 * (every harness reports in or is converted to this unit). {@code bytes} is the input's UTF-8
 * size, for MB/s.
 */
record Measurement(String op, String corpus, String size, String contender, long bytes, double opsPerSec, double error) {

    /** MB/s of UTF-8 input (10^6 bytes). */
    double mbPerSec() {
        return bytes * opsPerSec / 1e6;
    }

    double microsPerOp() {
        return 1e6 / opsPerSec;
    }

    String key() {
        return op + "|" + corpus + "|" + size;
    }
}
