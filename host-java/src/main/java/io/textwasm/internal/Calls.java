package io.textwasm.internal;

/**
 * One method per core operation: copy the input in, call, read the result block, map failures.
 * Each runs on an instance the caller has borrowed from the pool.
 */
public final class Calls {
    private Calls() {}

    /**
     * Normalizes {@code in[off, off+len)}. Returns the output, or null when the input was already
     * normalized (and not partial). With {@code consumed != null}, partial mode: consumed[0]
     * receives the bytes consumed and consumed[1] the whitespace state.
     */
    public static byte[] normalize(CoreInstance ci, byte[] in, int off, int len, int flags, int[] consumed, long baseOffset) {
        int p = ci.input(in, off, len);
        int status = ci.call(Abi.OP_NORMALIZE, p, len, flags, 0, 0);
        if (status != Abi.OK && status != Abi.UNCHANGED) {
            throw ci.failure(status, null, baseOffset);
        }
        if (consumed != null) {
            consumed[0] = ci.result(Abi.R_A0);
            consumed[1] = ci.result(Abi.R_A1);
        }
        if (status == Abi.UNCHANGED) {
            return null;
        }
        return ci.read(ci.result(Abi.R_OUT_PTR), ci.result(Abi.R_OUT_LEN));
    }

    public static boolean isNormalized(CoreInstance ci, byte[] in, int flags) {
        int p = ci.input(in, 0, in.length);
        int status = ci.call(Abi.OP_IS_NORMALIZED, p, in.length, flags, 0, 0);
        if (status != Abi.OK) {
            throw ci.failure(status, null, 0);
        }
        return ci.result(Abi.R_A0) != 0;
    }

    /** The core's stable set for the form and options in {@code flags} (ABI.md, STABLE_SET). */
    /** A code-point set the core exports (STABLE_SET): one bit per code point, little-endian. */
    public static byte[] codePointSet(CoreInstance ci, int op, int flags) {
        int status = ci.call(op, 0, 0, flags, 0, 0);
        if (status != Abi.OK) {
            throw ci.failure(status, null, 0);
        }
        return ci.read(ci.result(Abi.R_OUT_PTR), ci.result(Abi.R_OUT_LEN));
    }

    /** HOST_TABLES: {classes, steps}. */
    static byte[][] hostTables(CoreInstance ci) {
        int status = ci.call(Abi.OP_HOST_TABLES, 0, 0, 0, 0, 0);
        if (status != Abi.OK) {
            throw ci.failure(status, null, 0);
        }
        return new byte[][] {ci.read(ci.result(Abi.R_OUT_PTR), ci.result(Abi.R_OUT_LEN)), ci.read(ci.result(Abi.R_A0), ci.result(Abi.R_A1))};
    }

    static byte[] wordTable(CoreInstance ci) {
        int status = ci.call(Abi.OP_WORD_TABLE, 0, 0, 0, 0, 0);
        if (status != Abi.OK) {
            throw ci.failure(status, null, 0);
        }
        return ci.read(ci.result(Abi.R_OUT_PTR), ci.result(Abi.R_OUT_LEN));
    }

    public static int[] segment(CoreInstance ci, byte[] in, int flags) {
        int p = ci.input(in, 0, in.length);
        int status = ci.call(Abi.OP_SEGMENT, p, in.length, flags, 0, 0);
        if (status != Abi.OK) {
            throw ci.failure(status, null, 0);
        }
        return ci.readInts(ci.result(Abi.R_OUT_PTR), ci.result(Abi.R_OUT_LEN));
    }

    public static int count(CoreInstance ci, byte[] in, int flags) {
        int p = ci.input(in, 0, in.length);
        int status = ci.call(Abi.OP_COUNT, p, in.length, flags, 0, 0);
        if (status != Abi.OK) {
            throw ci.failure(status, null, 0);
        }
        return ci.result(Abi.R_A0);
    }

    /** Token records (see Abi.TOKEN_WORDS) and the case-folded text they point into. */
    public static final class Tokens {
        public final int[] records;
        public final byte[] folded;

        Tokens(int[] records, byte[] folded) {
            this.records = records;
            this.folded = folded;
        }
    }

    public static Tokens tokenize(CoreInstance ci, byte[] in, int flags) {
        int p = ci.input(in, 0, in.length);
        int status = ci.call(Abi.OP_TOKENIZE, p, in.length, flags, 0, 0);
        if (status != Abi.OK) {
            throw ci.failure(status, null, 0);
        }
        int[] rec = ci.readInts(ci.result(Abi.R_OUT_PTR), ci.result(Abi.R_OUT_LEN));
        int foldedLen = ci.result(Abi.R_A1);
        byte[] folded = foldedLen == 0 ? new byte[0] : ci.read(ci.result(Abi.R_A0), foldedLen);
        return new Tokens(rec, folded);
    }

    /** {cut in bytes, cut in UTF-16 units, truncated?}, or null when the core needs more text. */
    public static int[] truncate(CoreInstance ci, byte[] in, int flags, int limit, int reserve) {
        int p = ci.input(in, 0, in.length);
        int status = ci.call(Abi.OP_TRUNCATE, p, in.length, flags, limit, reserve);
        if (status == Abi.NEED_MORE_INPUT) {
            return null;
        }
        if (status != Abi.OK) {
            throw ci.failure(status, null, 0);
        }
        return new int[] {ci.result(Abi.R_A0), ci.result(Abi.R_A1), ci.result(Abi.R_A2)};
    }

    public static long[] utf8Info(CoreInstance ci, byte[] in, int off, int len, int flags, long baseOffset) {
        int p = ci.input(in, off, len);
        int status = ci.call(Abi.OP_UTF8_INFO, p, len, flags, 0, 0);
        if (status != Abi.OK) {
            throw ci.failure(status, null, baseOffset);
        }
        return new long[] {Integer.toUnsignedLong(ci.result(Abi.R_A0)), Integer.toUnsignedLong(ci.result(Abi.R_A1))};
    }
}
