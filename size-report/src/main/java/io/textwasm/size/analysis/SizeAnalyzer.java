package io.textwasm.size.analysis;

import io.textwasm.size.wasm.FunctionBody;
import io.textwasm.size.wasm.WasmModule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a parsed module into {@link ModuleSizes}: names, ordering, rollup, compressed sizes. */
public final class SizeAnalyzer {
    private SizeAnalyzer() {}

    public static ModuleSizes analyze(
            String file, byte[] bytes, WasmModule module, Compressor gzip, Compressor brotli, int rollupDepth) {
        List<FunctionSize> functions = new ArrayList<>();
        int named = 0;
        for (FunctionBody body : module.functions()) {
            String raw = module.functionNames().get(body.index());
            if (raw != null) {
                named++;
            }
            String name = raw == null ? "func[" + body.index() + "]" : Demangler.demangle(raw);
            functions.add(new FunctionSize(body.index(), name, raw, body.size(), body.bodySize()));
        }
        functions.sort(Comparator.comparingInt(FunctionSize::size).reversed()
                .thenComparingInt(FunctionSize::index));
        return new ModuleSizes(
                file,
                bytes.length,
                gzip.compressedSize(bytes),
                brotli.compressedSize(bytes),
                gzip.settings(),
                brotli.settings(),
                module.sections(),
                module.imports(),
                functions,
                named,
                module.dataSegments(),
                rollupDepth,
                rollup(functions, rollupDepth),
                module.warnings());
    }

    static List<RollupGroup> rollup(List<FunctionSize> functions, int depth) {
        Map<String, long[]> groups = new HashMap<>();
        for (FunctionSize f : functions) {
            String key = f.rawName() == null ? SymbolPath.UNNAMED : SymbolPath.prefix(f.name(), depth);
            long[] acc = groups.computeIfAbsent(key, k -> new long[2]);
            acc[0] += f.size();
            acc[1]++;
        }
        List<RollupGroup> result = new ArrayList<>();
        groups.forEach((k, v) -> result.add(new RollupGroup(k, v[0], (int) v[1])));
        result.sort(Comparator.comparingLong(RollupGroup::size).reversed().thenComparing(RollupGroup::prefix));
        return result;
    }
}
