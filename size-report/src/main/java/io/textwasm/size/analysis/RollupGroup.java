package io.textwasm.size.analysis;

/** Functions whose paths share their first segments, summed. */
public record RollupGroup(String prefix, long size, int count) {}
