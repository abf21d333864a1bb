package io.textwasm;

/** UAX #29 segmentation granularities. */
public enum Granularity {
    /** Extended grapheme clusters: what a user perceives as one character. */
    GRAPHEME,
    /** Word boundaries. */
    WORD
}
