package io.textwasm.size.wasm;

/**
 * One section as it appears in the file.
 *
 * @param index position among the module's sections, from 0
 * @param id the section id byte
 * @param customName the name of a custom section, null for the others
 * @param offset file offset of the id byte
 * @param headerSize the id byte plus the LEB128 payload length, as encoded (a producer may pad
 *     the LEB128 to 5 bytes, so this is read, not recomputed)
 * @param payloadSize the declared payload length; for a custom section it includes the name
 */
public record Section(int index, int id, String customName, int offset, int headerSize, int payloadSize) {

    /** Bytes the section occupies in the file: header plus payload. */
    public int size() {
        return headerSize + payloadSize;
    }

    public int payloadOffset() {
        return offset + headerSize;
    }

    /** Report name: {@code code}, {@code data}, ..., or {@code custom:<name>}. */
    public String name() {
        if (id == SectionId.CUSTOM.id()) {
            return "custom:" + customName;
        }
        SectionId known = SectionId.of(id);
        return known == null ? "unknown(" + id + ")" : known.reportName();
    }
}
