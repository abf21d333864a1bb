package io.textwasm.size.wasm;

import java.util.List;
import java.util.Map;

/**
 * What the parser extracts from a binary: the structure that decides its size, nothing that
 * would need instruction decoding.
 *
 * @param length file length in bytes
 * @param sections every section in file order
 * @param imports import counts by kind
 * @param functions defined functions in code-section order
 * @param dataSegments data segments in data-section order
 * @param functionNames function index to name, from subsection 1 of the {@code name} section
 * @param warnings problems that do not make the module malformed, such as a damaged
 *     {@code name} section (custom section contents are not validated by the spec)
 */
public record WasmModule(
        int length,
        List<Section> sections,
        ImportCounts imports,
        List<FunctionBody> functions,
        List<DataSegment> dataSegments,
        Map<Integer, String> functionNames,
        List<String> warnings) {

    public WasmModule {
        sections = List.copyOf(sections);
        functions = List.copyOf(functions);
        dataSegments = List.copyOf(dataSegments);
        functionNames = Map.copyOf(functionNames);
        warnings = List.copyOf(warnings);
    }
}
