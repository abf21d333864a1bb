package io.textwasm.size.wasm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over a window of the file. Every read checks the window's end first, so a lying
 * length or count turns into a {@link MalformedWasmException} instead of an out-of-bounds read,
 * and nothing is ever allocated from a declared size that the remaining bytes cannot back.
 */
final class WasmReader {
    private final byte[] bytes;
    private final int limit;
    private final boolean wholeFile;
    private int pos;

    WasmReader(byte[] bytes) {
        this(bytes, 0, bytes.length, true);
    }

    private WasmReader(byte[] bytes, int start, int limit, boolean wholeFile) {
        this.bytes = bytes;
        this.pos = start;
        this.limit = limit;
        this.wholeFile = wholeFile;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return limit - pos;
    }

    boolean atEnd() {
        return pos >= limit;
    }

    byte[] bytes() {
        return bytes;
    }

    MalformedWasmException malformed(String reason) {
        return new MalformedWasmException(pos, reason);
    }

    private MalformedWasmException unexpectedEnd() {
        // The spec's reference interpreter distinguishes running off a section from running
        // off the file; keeping the distinction tells a user whether a length field lied.
        return malformed(wholeFile ? "unexpected end" : "unexpected end of section or function");
    }

    int u8() {
        if (pos >= limit) {
            throw unexpectedEnd();
        }
        return bytes[pos++] & 0xFF;
    }

    /** Unsigned LEB128 of at most 32 bits, so at most 5 bytes (spec 5.2.2). */
    long u32() {
        return unsignedLeb(5, 32);
    }

    /** Unsigned LEB128 of at most 64 bits (memory64 limits). */
    long u64() {
        return unsignedLeb(10, 64);
    }

    private long unsignedLeb(int maxBytes, int bits) {
        int start = pos;
        long result = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            result |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (i == maxBytes - 1) {
                    // The last byte may only carry the bits the type has left; anything else
                    // would be a value out of range, which the spec calls "integer too large".
                    int usedBits = bits - 7 * (maxBytes - 1);
                    if ((b >> usedBits) != 0) {
                        throw new MalformedWasmException(start, "integer too large");
                    }
                }
                return result;
            }
        }
        throw new MalformedWasmException(start, "integer representation too long");
    }

    /** Signed LEB128 of at most {@code bits} bits; used only inside constant expressions. */
    long signed(int bits) {
        int maxBytes = (bits + 6) / 7;
        int start = pos;
        long result = 0;
        int shift = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7F) << shift;
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                if (i == maxBytes - 1) {
                    // The unused high bits of the last byte must all equal the sign bit.
                    int usedBits = bits - 7 * (maxBytes - 1);
                    int rest = (b & 0x7F) >> (usedBits - 1);
                    int allOnes = (0x7F >> (usedBits - 1));
                    if (rest != 0 && rest != allOnes) {
                        throw new MalformedWasmException(start, "integer too large");
                    }
                }
                return result;
            }
        }
        throw new MalformedWasmException(start, "integer representation too long");
    }

    /** Skips {@code length} bytes that the input declared, never trusting the declaration. */
    void skip(long length, String what) {
        if (length > remaining()) {
            throw malformed(what + " length " + length + " exceeds remaining " + remaining() + " bytes");
        }
        pos += (int) length;
    }

    /**
     * Reads a vector count and checks it against the bytes left, given the smallest encoding
     * of one element. This is what keeps a count of 2^32-1 from driving a loop or an allocation.
     */
    int count(String what, int minElementSize) {
        int at = pos;
        long count = u32();
        if (count * minElementSize > remaining()) {
            throw new MalformedWasmException(
                    at, what + " count " + count + " exceeds remaining " + remaining() + " bytes");
        }
        return (int) count;
    }

    /** A {@code name}: a byte vector that must be valid UTF-8 (spec 5.2.4). */
    String name(String what) {
        int at = pos;
        long length = u32();
        if (length > remaining()) {
            throw new MalformedWasmException(
                    at, what + " length " + length + " exceeds remaining " + remaining() + " bytes");
        }
        int start = pos;
        pos += (int) length;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, (int) length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedWasmException(start, "malformed UTF-8 encoding in " + what);
        }
    }

    /** Splits off the next {@code length} bytes as their own window and moves past them. */
    WasmReader slice(long length, String what) {
        int start = pos;
        skip(length, what);
        return new WasmReader(bytes, start, pos, false);
    }
}
