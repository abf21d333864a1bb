package io.textwasm.size.analysis;

/**
 * A defined function's share of the code section.
 *
 * @param index index in the function index space (imports first)
 * @param name demangled name without hash, or {@code func[N]} when the module has no name for it
 * @param rawName the name exactly as the {@code name} section has it; null when there is none
 * @param size LEB128 body-size prefix plus body, i.e. the bytes the function occupies
 * @param bodySize the body without its prefix (what {@code wasm-objdump} calls {@code size})
 */
public record FunctionSize(int index, String name, String rawName, int size, int bodySize) {}
