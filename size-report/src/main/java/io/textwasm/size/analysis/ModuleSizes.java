package io.textwasm.size.analysis;

import io.textwasm.size.wasm.DataSegment;
import io.textwasm.size.wasm.ImportCounts;
import io.textwasm.size.wasm.Section;
import java.util.List;

/**
 * Everything measured about one module: the IR the emitters read.
 *
 * @param file the module's file name (base name only, so reports do not depend on where the
 *     build ran)
 * @param raw file size in bytes
 * @param gzip gzip size, see {@link GzipCompressor}
 * @param brotli Brotli size, see {@link BrotliCompressor}
 * @param functions defined functions, largest first (ties by index)
 * @param rollupDepth number of path segments the rollup groups by
 * @param rollup groups, largest first (ties by prefix)
 */
public record ModuleSizes(
        String file,
        long raw,
        long gzip,
        long brotli,
        String gzipSettings,
        String brotliSettings,
        List<Section> sections,
        ImportCounts imports,
        List<FunctionSize> functions,
        int namedFunctions,
        List<DataSegment> dataSegments,
        int rollupDepth,
        List<RollupGroup> rollup,
        List<String> warnings) {

    public ModuleSizes {
        sections = List.copyOf(sections);
        functions = List.copyOf(functions);
        dataSegments = List.copyOf(dataSegments);
        rollup = List.copyOf(rollup);
        warnings = List.copyOf(warnings);
    }

    /** Sum of all function sizes: the code section minus its header and function count. */
    public long functionBytes() {
        long sum = 0;
        for (FunctionSize f : functions) {
            sum += f.size();
        }
        return sum;
    }

    public long dataBytes() {
        long sum = 0;
        for (DataSegment d : dataSegments) {
            sum += d.size();
        }
        return sum;
    }

    public long dataZeroBytes() {
        long sum = 0;
        for (DataSegment d : dataSegments) {
            sum += d.zeroBytes();
        }
        return sum;
    }
}
