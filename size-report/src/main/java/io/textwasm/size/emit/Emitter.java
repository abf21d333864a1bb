package io.textwasm.size.emit;

import io.textwasm.size.analysis.Report;

/** Renders a report in one output format. Emitters only format; they compute nothing. */
public interface Emitter {
    String render(Report report);
}
