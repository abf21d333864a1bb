package io.textwasm.internal;

/** Mirrors wasm-module/src/abi.rs and ABI.md: export names, status codes, flag bits. */
public final class Abi {
    private Abi() {}

    public static final int OK = 0;
    public static final int UNCHANGED = 1;
    public static final int INVALID_UTF8 = -1;
    public static final int OUT_OF_MEMORY = -2;
    public static final int BAD_POINTER = -3;
    public static final int BAD_ARGUMENT = -4;
    public static final int NEED_MORE_INPUT = -5;

    public static final int ABI_MAJOR = 2;

    // tw_call operations.
    public static final int OP_INIT = 0;
    public static final int OP_UTF8_INFO = 1;
    public static final int OP_NORMALIZE = 2;
    public static final int OP_IS_NORMALIZED = 3;
    public static final int OP_SEGMENT = 4;
    public static final int OP_COUNT = 5;
    public static final int OP_TOKENIZE = 6;
    public static final int OP_TRUNCATE = 7;
    public static final int OP_STABLE_SET = 8;
    public static final int OP_HOST_TABLES = 9;
    public static final int OP_WORD_TABLE = 10;

    // tw_normalize flags (besides the form in bits 0-2 and the options in bits 3-6).
    public static final int NORM_LOSSY = 1 << 6;
    public static final int NORM_PARTIAL = 1 << 7;
    public static final int WS_STATE_MASK = (1 << 8) | (1 << 9);

    // tw_segment
    public static final int SEG_WORDS = 1;
    public static final int SEG_UTF16 = 2;
    public static final int LOSSY = 1 << 6;

    // tw_count
    public static final int COUNT_CODE_POINTS = 0;
    public static final int COUNT_GRAPHEMES = 1;
    public static final int COUNT_WORDS = 2;

    // tw_tokenize
    public static final int TOK_UTF16 = 2;
    public static final int TOKEN_WORDS = 5;

    // tw_truncate
    public static final int TRUNC_AT_WORD = 4;
    public static final int TRUNC_PARTIAL = 1 << 7;

    /** Words of the result block. */
    public static final int R_OUT_PTR = 0;
    public static final int R_OUT_LEN = 1;
    public static final int R_A0 = 2;
    public static final int R_A1 = 3;
    public static final int R_A2 = 4;
    public static final int R_ERROR_OFFSET = 6;

    public static String statusName(int status) {
        switch (status) {
            case OK: return "OK";
            case UNCHANGED: return "UNCHANGED";
            case INVALID_UTF8: return "INVALID_UTF8";
            case OUT_OF_MEMORY: return "OUT_OF_MEMORY";
            case BAD_POINTER: return "BAD_POINTER";
            case BAD_ARGUMENT: return "BAD_ARGUMENT";
            case NEED_MORE_INPUT: return "NEED_MORE_INPUT";
            default: return "status " + status;
        }
    }
}
