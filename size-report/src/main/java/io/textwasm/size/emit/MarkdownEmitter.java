package io.textwasm.size.emit;

import static io.textwasm.size.analysis.Numbers.bytes;
import static io.textwasm.size.analysis.Numbers.count;
import static io.textwasm.size.analysis.Numbers.grouped;
import static io.textwasm.size.analysis.Numbers.share;
import static io.textwasm.size.analysis.Numbers.signedBytes;
import static io.textwasm.size.analysis.Numbers.signedPercent;
import static io.textwasm.size.emit.Names.code;
import static io.textwasm.size.emit.Names.printable;

import io.textwasm.size.analysis.BaselineDiff;
import io.textwasm.size.analysis.BudgetCheck;
import io.textwasm.size.analysis.BudgetLine;
import io.textwasm.size.analysis.Change;
import io.textwasm.size.analysis.FunctionSize;
import io.textwasm.size.analysis.ModuleSizes;
import io.textwasm.size.analysis.Report;
import io.textwasm.size.analysis.RollupGroup;
import io.textwasm.size.wasm.DataSegment;
import io.textwasm.size.wasm.Section;
import java.util.List;

/**
 * GitHub-flavoured markdown, for pull-request comments and the Actions job summary. The budget
 * verdict and the baseline totals come right after the headline because a reviewer reads those
 * first; names are code spans so that {@code <T>} is not taken for HTML.
 */
public final class MarkdownEmitter implements Emitter {
    @Override
    public String render(Report report) {
        ModuleSizes m = report.sizes();
        StringBuilder out = new StringBuilder();
        out.append("## WebAssembly size: ").append(code(m.file())).append("\n\n");
        Table totals = new Table("", "size>", "of raw>", "settings");
        totals.row("raw", bytes(m.raw()), share(m.raw(), m.raw()), "")
                .row("gzip", bytes(m.gzip()), share(m.gzip(), m.raw()), m.gzipSettings())
                .row("brotli", bytes(m.brotli()), share(m.brotli(), m.raw()), m.brotliSettings())
                .markdown(out);

        if (report.budget() != null) {
            budget(out, report.budget());
        }
        if (report.baseline() != null) {
            baseline(out, report.baseline(), report.top());
        }
        sections(out, m);
        functions(out, m, report.top());
        rollup(out, m, report.top());
        data(out, m);
        if (!m.warnings().isEmpty()) {
            out.append("\n### Warnings\n\n");
            for (String w : m.warnings()) {
                out.append("- ").append(printable(w).replace("|", "\\|")).append('\n');
            }
        }
        return out.toString();
    }

    private static void budget(StringBuilder out, BudgetCheck b) {
        int over = b.overruns().size();
        out.append("\n### Budget ").append(code(b.file())).append(": ")
                .append(over == 0 ? "within budget" : "**" + over + " of " + b.lines().size() + " limits exceeded**")
                .append("\n\n");
        if (b.lines().isEmpty()) {
            return;
        }
        Table t = new Table("limit", "actual>", "budget>", "over>", "of budget>", "status");
        for (BudgetLine l : b.lines()) {
            t.row(code(l.name()), bytes(l.actual()), bytes(l.limit()), signedBytes(l.over()),
                    signedPercent(l.over(), l.limit()), l.within() ? "ok" : "**over**");
        }
        t.markdown(out);
    }

    private static void baseline(StringBuilder out, BaselineDiff b, int top) {
        out.append("\n### Compared with ").append(code(b.file())).append(" (").append(b.source()).append(")\n\n");
        Table totals = new Table("total", "old>", "new>", "change>", "%>");
        for (Change c : b.totals()) {
            totals.row(c.name(), bytes(c.oldSize()), bytes(c.newSize()), signedBytes(c.delta()),
                    signedPercent(c.delta(), c.oldSize()));
        }
        totals.markdown(out);
        out.append('\n');
        Table sections = new Table("section", "old>", "new>", "change>", "%>");
        for (Change c : b.sections()) {
            sections.row(code(c.name()), bytes(c.oldSize()), bytes(c.newSize()), signedBytes(c.delta()),
                    TextEmitter.percentOrStatus(c));
        }
        sections.markdown(out);
        List<Change> fs = b.functions();
        out.append("\nFunctions changed: ").append(fs.size()).append(" (").append(b.count("grown"))
                .append(" grown, ").append(b.count("shrunk")).append(" shrunk, ").append(b.count("added"))
                .append(" added, ").append(b.count("removed")).append(" removed)\n");
        int shown = Math.min(top, fs.size());
        if (shown == 0) {
            return;
        }
        out.append('\n');
        Table t = new Table("change>", "%>", "old>", "new>", "function");
        for (Change c : fs.subList(0, shown)) {
            t.row(signedBytes(c.delta()), TextEmitter.percentOrStatus(c), bytes(c.oldSize()), bytes(c.newSize()),
                    code(c.name()));
        }
        t.markdown(out);
    }

    private static void sections(StringBuilder out, ModuleSizes m) {
        out.append("\n### Sections\n\n");
        out.append("Size includes the id byte and LEB128 length; the file adds 8 B of magic and version.\n\n");
        if (m.sections().isEmpty()) {
            out.append("No sections.\n");
            return;
        }
        Table t = new Table("#>", "id>", "section", "offset>", "size>", "share>");
        for (Section s : m.sections()) {
            t.row(Integer.toString(s.index()), Integer.toString(s.id()), code(s.name()),
                    "0x" + Integer.toHexString(s.offset()), bytes(s.size()), share(s.size(), m.raw()));
        }
        t.markdown(out);
        out.append("\nImports: ").append(TextEmitter.importLine(m.imports())).append(".\n");
    }

    private static void functions(StringBuilder out, ModuleSizes m, int top) {
        List<FunctionSize> fs = m.functions();
        int shown = Math.min(top, fs.size());
        out.append("\n### Functions\n\n").append(fs.size()).append(" defined (").append(m.namedFunctions())
                .append(" named), ").append(m.imports().functions()).append(" imported; ")
                .append(bytes(m.functionBytes())).append(" in bodies. Size is the LEB128 size prefix plus the body.\n");
        if (shown == 0) {
            return;
        }
        out.append("\nTop ").append(shown).append(" of ").append(fs.size()).append(":\n\n");
        Table t = new Table("index>", "size>", "share>", "function");
        for (FunctionSize f : fs.subList(0, shown)) {
            t.row(Integer.toString(f.index()), bytes(f.size()), share(f.size(), m.raw()), code(f.name()));
        }
        t.markdown(out);
    }

    private static void rollup(StringBuilder out, ModuleSizes m, int top) {
        List<RollupGroup> groups = m.rollup();
        int shown = Math.min(top, groups.size());
        if (shown == 0) {
            return;
        }
        out.append("\n### Rollup by the first ").append(m.rollupDepth()).append(" path segments\n\n");
        Table t = new Table("size>", "share>", "functions>", "prefix");
        for (RollupGroup g : groups.subList(0, shown)) {
            t.row(bytes(g.size()), share(g.size(), m.raw()), Integer.toString(g.count()), code(g.prefix()));
        }
        t.markdown(out);
        if (shown < groups.size()) {
            out.append("\n").append(groups.size() - shown).append(" smaller groups not shown.\n");
        }
    }

    private static void data(StringBuilder out, ModuleSizes m) {
        out.append("\n### Data segments\n\n").append(count(m.dataSegments().size(), "segment", "segments")).append(", ")
                .append(bytes(m.dataBytes())).append(", ").append(grouped(m.dataZeroBytes())).append(" zero bytes.\n");
        if (m.dataSegments().isEmpty()) {
            return;
        }
        out.append('\n');
        Table t = new Table("#>", "mode", "memory>", "offset>", "size>", "zero bytes>");
        for (DataSegment d : m.dataSegments()) {
            t.row(Integer.toString(d.index()), d.mode().reportName(),
                    d.memory() < 0 ? "-" : Integer.toString(d.memory()), TextEmitter.offset(d), bytes(d.size()),
                    grouped(d.zeroBytes()));
        }
        t.markdown(out);
    }
}
