package io.textwasm.size.emit;

import static io.textwasm.size.analysis.Numbers.bytes;
import static io.textwasm.size.analysis.Numbers.count;
import static io.textwasm.size.analysis.Numbers.grouped;
import static io.textwasm.size.analysis.Numbers.share;
import static io.textwasm.size.analysis.Numbers.signedBytes;
import static io.textwasm.size.analysis.Numbers.signedPercent;
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
import io.textwasm.size.wasm.ImportCounts;
import io.textwasm.size.wasm.Section;
import java.util.List;

/** Human-readable report with aligned columns, for terminals and CI logs. */
public final class TextEmitter implements Emitter {
    @Override
    public String render(Report report) {
        ModuleSizes m = report.sizes();
        StringBuilder out = new StringBuilder();
        out.append(printable(m.file())).append('\n');
        new Table("", "size>", "of raw>", "settings")
                .row("raw", bytes(m.raw()), share(m.raw(), m.raw()), "")
                .row("gzip", bytes(m.gzip()), share(m.gzip(), m.raw()), m.gzipSettings())
                .row("brotli", bytes(m.brotli()), share(m.brotli(), m.raw()), m.brotliSettings())
                .text(out, "  ");

        if (report.budget() != null) {
            budget(out, report.budget());
        }
        sections(out, m);
        imports(out, m.imports());
        functions(out, m, report.top());
        rollup(out, m, report.top());
        data(out, m);
        if (report.baseline() != null) {
            baseline(out, report.baseline(), report.top());
        }
        if (!m.warnings().isEmpty()) {
            out.append("\nWarnings:\n");
            for (String w : m.warnings()) {
                out.append("  - ").append(printable(w)).append('\n');
            }
        }
        return out.toString();
    }

    private static void budget(StringBuilder out, BudgetCheck b) {
        int over = b.overruns().size();
        out.append("\nBudget ").append(printable(b.file())).append(": ")
                .append(over == 0 ? "within budget" : over + " of " + b.lines().size() + " limits exceeded")
                .append('\n');
        if (b.lines().isEmpty()) {
            return;
        }
        Table t = new Table("limit", "actual>", "budget>", "over>", "of budget>", "status");
        for (BudgetLine l : b.lines()) {
            t.row(printable(l.name()), bytes(l.actual()), bytes(l.limit()), signedBytes(l.over()),
                    signedPercent(l.over(), l.limit()), l.within() ? "ok" : "OVER");
        }
        t.text(out, "  ");
    }

    private static void sections(StringBuilder out, ModuleSizes m) {
        out.append("\nSections: ").append(m.sections().size())
                .append(" (size includes the id byte and LEB128 length; plus 8 B of magic and version)\n");
        if (m.sections().isEmpty()) {
            return;
        }
        Table t = new Table("index>", "id>", "name", "offset>", "size>", "share>");
        for (Section s : m.sections()) {
            t.row(Integer.toString(s.index()), Integer.toString(s.id()), printable(s.name()),
                    "0x" + Integer.toHexString(s.offset()), bytes(s.size()), share(s.size(), m.raw()));
        }
        t.text(out, "  ");
    }

    static String importLine(ImportCounts i) {
        return count(i.functions(), "function", "functions") + ", " + count(i.tables(), "table", "tables") + ", "
                + count(i.memories(), "memory", "memories") + ", " + count(i.globals(), "global", "globals") + ", "
                + count(i.tags(), "tag", "tags");
    }

    private static void imports(StringBuilder out, ImportCounts i) {
        out.append("\nImports: ").append(importLine(i)).append('\n');
    }

    private static void functions(StringBuilder out, ModuleSizes m, int top) {
        List<FunctionSize> fs = m.functions();
        out.append("\nFunctions: ").append(grouped(fs.size())).append(" defined (").append(grouped(m.namedFunctions()))
                .append(" named), ").append(grouped(m.imports().functions())).append(" imported; ")
                .append(bytes(m.functionBytes())).append(" in bodies\n");
        int shown = Math.min(top, fs.size());
        if (shown == 0) {
            return;
        }
        out.append("  Top ").append(shown).append(" of ").append(fs.size())
                .append(" (size = LEB128 size prefix + body; share of raw)\n");
        Table t = new Table("index>", "size>", "share>", "name");
        for (FunctionSize f : fs.subList(0, shown)) {
            t.row(Integer.toString(f.index()), bytes(f.size()), share(f.size(), m.raw()), printable(f.name()));
        }
        t.text(out, "  ");
    }

    private static void rollup(StringBuilder out, ModuleSizes m, int top) {
        List<RollupGroup> groups = m.rollup();
        if (groups.isEmpty()) {
            return;
        }
        int shown = Math.min(top, groups.size());
        out.append("\nRollup by the first ").append(m.rollupDepth()).append(" path segments: ")
                .append(count(groups.size(), "group", "groups"));
        out.append(shown < groups.size() ? ", top " + shown + "\n" : "\n");
        if (shown == 0) {
            return;
        }
        Table t = new Table("size>", "share>", "functions>", "prefix");
        for (RollupGroup g : groups.subList(0, shown)) {
            t.row(bytes(g.size()), share(g.size(), m.raw()), Integer.toString(g.count()), printable(g.prefix()));
        }
        t.text(out, "  ");
    }

    static String offset(DataSegment d) {
        if (d.mode() == DataSegment.Mode.PASSIVE) {
            return "-";
        }
        return d.constantOffset() == null ? "computed" : "0x" + Long.toHexString(d.constantOffset());
    }

    private static void data(StringBuilder out, ModuleSizes m) {
        out.append("\nData segments: ").append(m.dataSegments().size()).append(" (")
                .append(bytes(m.dataBytes())).append(", ").append(grouped(m.dataZeroBytes()))
                .append(" zero bytes)\n");
        if (m.dataSegments().isEmpty()) {
            return;
        }
        Table t = new Table("index>", "mode", "memory>", "offset>", "size>", "zero bytes>");
        for (DataSegment d : m.dataSegments()) {
            t.row(Integer.toString(d.index()), d.mode().reportName(),
                    d.memory() < 0 ? "-" : Integer.toString(d.memory()), offset(d), bytes(d.size()),
                    grouped(d.zeroBytes()));
        }
        t.text(out, "  ");
    }

    private static void baseline(StringBuilder out, BaselineDiff b, int top) {
        out.append("\nBaseline ").append(printable(b.file())).append(" (").append(b.source()).append(")\n");
        Table totals = new Table("total", "old>", "new>", "change>", "%>");
        for (Change c : b.totals()) {
            totals.row(c.name(), bytes(c.oldSize()), bytes(c.newSize()), signedBytes(c.delta()),
                    signedPercent(c.delta(), c.oldSize()));
        }
        totals.text(out, "  ");
        out.append('\n');
        Table sections = new Table("section", "old>", "new>", "change>", "%>");
        for (Change c : b.sections()) {
            sections.row(printable(c.name()), bytes(c.oldSize()), bytes(c.newSize()), signedBytes(c.delta()),
                    percentOrStatus(c));
        }
        sections.text(out, "  ");
        List<Change> fs = b.functions();
        out.append("\n  Functions changed: ").append(fs.size()).append(" (").append(b.count("grown"))
                .append(" grown, ").append(b.count("shrunk")).append(" shrunk, ").append(b.count("added"))
                .append(" added, ").append(b.count("removed")).append(" removed)\n");
        int shown = Math.min(top, fs.size());
        if (shown == 0) {
            return;
        }
        Table t = new Table("change>", "%>", "old>", "new>", "name");
        for (Change c : fs.subList(0, shown)) {
            t.row(signedBytes(c.delta()), percentOrStatus(c), bytes(c.oldSize()), bytes(c.newSize()),
                    printable(c.name()));
        }
        t.text(out, "  ");
    }

    static String percentOrStatus(Change c) {
        if (!c.inOld()) {
            return "added";
        }
        if (!c.inNew()) {
            return "removed";
        }
        return signedPercent(c.delta(), c.oldSize());
    }
}
