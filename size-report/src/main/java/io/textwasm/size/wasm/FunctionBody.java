package io.textwasm.size.wasm;

/**
 * A defined function's entry in the code section.
 *
 * @param index index in the function index space: imported functions come first, so defined
 *     function {@code i} has index {@code importedFunctions + i}
 * @param offset file offset of the body's LEB128 size prefix
 * @param size bytes the entry occupies in the code section: the LEB128 size prefix plus the body
 *     (locals and instructions). Summing this over all functions and adding the code section
 *     header and count gives the code section size exactly.
 * @param bodySize the declared body size, without the prefix; this is what
 *     {@code wasm-objdump -x} prints as {@code size=}
 */
public record FunctionBody(int index, int offset, int size, int bodySize) {}
