package io.textwasm.size.analysis;

/** Measures how small a compressor gets the module; the bytes themselves are not kept. */
public interface Compressor {
    /** Compressed size in bytes. */
    long compressedSize(byte[] data);

    /** Settings as shown in reports, e.g. {@code quality 11, window 24}. */
    String settings();
}
