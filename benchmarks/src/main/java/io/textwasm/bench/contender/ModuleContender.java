package io.textwasm.bench.contender;

import io.textwasm.Backend;
import io.textwasm.NormalizationForm;
import io.textwasm.NormalizationOptions;
import io.textwasm.Token;
import io.textwasm.TextEngine;
import io.textwasm.TokenizeOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * textwasm's byte API on the AOT backend: every call runs the WebAssembly module, with none of
 * the String API's host paths (stable text, learnt mappings and pieces, the word and cluster
 * walks over the module's tables). What the CLI and a host in another language get. The String
 * is encoded to UTF-8 and the result decoded, as a caller holding Strings would have to.
 * Tokens carry UTF-8 byte offsets; truncation has no byte API.
 */
public final class ModuleContender implements Contender {
    private final TextEngine engine = TextwasmContender.shared(Backend.AOT);

    @Override
    public String name() {
        return "module";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String normalize(String s, NormalizationForm form) {
        return new String(engine.normalize(utf8(s), form, NormalizationOptions.DEFAULT), StandardCharsets.UTF_8);
    }

    @Override
    public boolean isNormalized(String s, NormalizationForm form) {
        return engine.isNormalized(utf8(s), form, NormalizationOptions.DEFAULT);
    }

    @Override
    public int countWords(String s) {
        return (int) engine.count(utf8(s), "words", false);
    }

    @Override
    public int countGraphemes(String s) {
        return (int) engine.count(utf8(s), "graphemes", false);
    }

    @Override
    public List<Token> tokenize(String s) {
        return engine.tokenizeUtf8(utf8(s), TokenizeOptions.DEFAULT, false, 0);
    }

    @Override
    public boolean supports(Op op) {
        return op != Op.TRUNCATE;
    }

    @Override
    public String truncateUtf8(String s, int maxBytes) {
        throw new Unsupported(name(), "byte API for truncation");
    }
}
