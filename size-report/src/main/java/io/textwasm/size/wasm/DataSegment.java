package io.textwasm.size.wasm;

/**
 * One data segment.
 *
 * @param index position in the data section
 * @param mode active segments are copied into memory at instantiation, passive ones by
 *     {@code memory.init}
 * @param memory the target memory of an active segment, -1 for a passive one
 * @param constantOffset the memory offset when the offset expression is a single
 *     {@code i32.const} (or {@code i64.const} for memory64); null when it is computed (for example
 *     {@code global.get}) or the segment is passive
 * @param offset file offset of the segment's bytes
 * @param size number of bytes in the segment (the payload, not its encoding)
 * @param zeroBytes how many of those bytes are 0x00: a large count hints that the segment could
 *     be left to the zero-initialised memory instead
 */
public record DataSegment(int index, Mode mode, int memory, Long constantOffset, int offset, int size, int zeroBytes) {

    public enum Mode {
        ACTIVE,
        PASSIVE;

        public String reportName() {
            return this == ACTIVE ? "active" : "passive";
        }
    }
}
