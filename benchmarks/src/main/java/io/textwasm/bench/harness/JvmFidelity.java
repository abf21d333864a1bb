package io.textwasm.bench.harness;

import io.textwasm.Backend;
import io.textwasm.TextEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link Fidelity}'s JVM lines from another JVM: the fidelity stage runs this under JDK 25 to show
 * that the Java host, whose String paths (stable text, host tables, word segmentation) run on the
 * JDK rather than in the module, answers the same on JDK 25 as on the JDK that runs the harness.
 *
 * <pre>java -cp CLASSPATH io.textwasm.bench.harness.JvmFidelity CASES_FILE OUT_FILE</pre>
 *
 * CASES_FILE is what {@link Fidelity#writeCases} writes; OUT_FILE gets one line per case.
 */
public final class JvmFidelity {
    private JvmFidelity() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: JvmFidelity CASES_FILE OUT_FILE");
            System.exit(2);
        }
        List<int[]> cases = Fidelity.readCases(Path.of(args[0]));
        try (TextEngine e = TextEngine.builder().backend(Backend.AOT).build()) {
            Files.write(Path.of(args[1]), Fidelity.jvm(e, cases, 1));
        }
    }
}
