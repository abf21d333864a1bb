package io.textwasm.bench.contender;

import io.textwasm.Backend;
import io.textwasm.NormalizationForm;
import io.textwasm.TextEngine;
import io.textwasm.Token;
import io.textwasm.Truncation;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** textwasm through {@link TextEngine}, on one Chicory backend. */
public final class TextwasmContender implements Contender {
    // One engine per backend per JVM: the runtime compiler takes seconds to compile the module,
    // and in-process (-f 0) smoke runs would otherwise pay that for every benchmark.
    private static final Map<Backend, TextEngine> ENGINES = new EnumMap<>(Backend.class);

    private final Backend backend;
    private final TextEngine engine;

    public TextwasmContender(Backend backend) {
        this.backend = backend;
        this.engine = shared(backend);
        // The pool creates its first core instance, and the core expands its tables, on the first
        // call: make it now, in the benchmark's setup, not in its first warm-up iteration.
        engine.countGraphemes("a");
    }

    public static synchronized TextEngine shared(Backend backend) {
        return ENGINES.computeIfAbsent(backend, b -> TextEngine.builder().backend(b).build());
    }

    public TextEngine engine() {
        return engine;
    }

    @Override
    public String name() {
        return backend.cliName();
    }

    @Override
    public String normalize(String s, NormalizationForm form) {
        return engine.normalize(s, form);
    }

    @Override
    public boolean isNormalized(String s, NormalizationForm form) {
        return engine.isNormalized(s, form);
    }

    @Override
    public int countWords(String s) {
        return engine.countWords(s);
    }

    @Override
    public int countGraphemes(String s) {
        return engine.countGraphemes(s);
    }

    @Override
    public List<Token> tokenize(String s) {
        return engine.tokenize(s);
    }

    @Override
    public String truncateUtf8(String s, int maxBytes) {
        return engine.truncate(s, Truncation.utf8Bytes(maxBytes));
    }
}
