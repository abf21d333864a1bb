package io.textwasm.size.emit;

import io.textwasm.size.analysis.BaselineDiff;
import io.textwasm.size.analysis.BudgetCheck;
import io.textwasm.size.analysis.BudgetLine;
import io.textwasm.size.analysis.Change;
import io.textwasm.size.analysis.FunctionSize;
import io.textwasm.size.analysis.ModuleSizes;
import io.textwasm.size.analysis.Numbers;
import io.textwasm.size.analysis.Report;
import io.textwasm.size.analysis.RollupGroup;
import io.textwasm.size.analysis.SizeSnapshot;
import io.textwasm.size.json.JsonWriter;
import io.textwasm.size.wasm.DataSegment;
import io.textwasm.size.wasm.ImportCounts;
import io.textwasm.size.wasm.Section;
import java.math.BigDecimal;

/**
 * The machine-readable report; its shape is documented in SCHEMA.md. Unlike the other formats
 * it lists every function and rollup group, so that a saved report can be used as
 * {@code --baseline} later.
 */
public final class JsonEmitter implements Emitter {
    @Override
    public String render(Report report) {
        ModuleSizes m = report.sizes();
        JsonWriter w = new JsonWriter().beginObject();
        w.field("schema", SizeSnapshot.SCHEMA);
        w.field("schema_version", SizeSnapshot.SCHEMA_VERSION);
        w.field("file", m.file());
        w.name("totals").beginObject()
                .field("raw", m.raw()).field("gzip", m.gzip()).field("brotli", m.brotli()).endObject();
        w.name("compression").beginObject()
                .field("gzip", m.gzipSettings()).field("brotli", m.brotliSettings()).endObject();

        w.name("sections").beginArray();
        for (Section s : m.sections()) {
            w.beginObject()
                    .field("index", s.index())
                    .field("id", s.id())
                    .field("name", s.name())
                    .field("offset", s.offset())
                    .field("header_size", s.headerSize())
                    .field("payload_size", s.payloadSize())
                    .field("size", s.size());
            percent(w, "share_percent", s.size(), m.raw());
            w.endObject();
        }
        w.endArray();

        ImportCounts i = m.imports();
        w.name("imports").beginObject()
                .field("functions", i.functions()).field("tables", i.tables()).field("memories", i.memories())
                .field("globals", i.globals()).field("tags", i.tags()).endObject();

        w.name("functions").beginObject()
                .field("imported", i.functions())
                .field("defined", m.functions().size())
                .field("named", m.namedFunctions())
                .field("size", m.functionBytes());
        w.name("list").beginArray();
        for (FunctionSize f : m.functions()) {
            w.beginObject()
                    .field("index", f.index())
                    .field("name", f.name())
                    .field("raw_name", f.rawName())
                    .field("size", f.size())
                    .field("body_size", f.bodySize());
            percent(w, "share_percent", f.size(), m.raw());
            w.endObject();
        }
        w.endArray().endObject();

        w.name("rollup").beginObject().field("depth", m.rollupDepth());
        w.name("groups").beginArray();
        for (RollupGroup g : m.rollup()) {
            w.beginObject().field("prefix", g.prefix()).field("size", g.size()).field("functions", g.count());
            percent(w, "share_percent", g.size(), m.raw());
            w.endObject();
        }
        w.endArray().endObject();

        w.name("data_segments").beginObject()
                .field("count", m.dataSegments().size())
                .field("size", m.dataBytes())
                .field("zero_bytes", m.dataZeroBytes());
        w.name("list").beginArray();
        for (DataSegment d : m.dataSegments()) {
            w.beginObject()
                    .field("index", d.index())
                    .field("mode", d.mode().reportName())
                    .field("memory", d.memory() < 0 ? null : (Long) (long) d.memory())
                    .field("offset", d.constantOffset())
                    .field("size", d.size())
                    .field("zero_bytes", d.zeroBytes())
                    .endObject();
        }
        w.endArray().endObject();

        w.name("warnings").beginArray();
        for (String warning : m.warnings()) {
            w.value(warning);
        }
        w.endArray();

        w.name("baseline");
        if (report.baseline() == null) {
            w.nullValue();
        } else {
            baseline(w, report.baseline());
        }
        w.name("budget");
        if (report.budget() == null) {
            w.nullValue();
        } else {
            budget(w, report.budget());
        }
        w.endObject();
        return w + "\n";
    }

    private static void percent(JsonWriter w, String key, long part, long whole) {
        BigDecimal p = Numbers.percent(part, whole, 2);
        w.name(key);
        if (p == null) {
            w.nullValue();
        } else {
            w.rawNumber(p.toPlainString());
        }
    }

    private static void change(JsonWriter w, Change c) {
        w.beginObject()
                .field("name", c.name())
                .field("old", c.oldSize())
                .field("new", c.newSize())
                .field("delta", c.delta())
                .field("status", c.status())
                .endObject();
    }

    private static void baseline(JsonWriter w, BaselineDiff b) {
        w.beginObject().field("file", b.file()).field("source", b.source());
        w.name("totals").beginObject();
        for (Change c : b.totals()) {
            w.name(c.name()).beginObject()
                    .field("old", c.oldSize()).field("new", c.newSize()).field("delta", c.delta()).endObject();
        }
        w.endObject();
        w.name("sections").beginArray();
        for (Change c : b.sections()) {
            change(w, c);
        }
        w.endArray();
        w.name("functions").beginObject()
                .field("grown", b.count("grown"))
                .field("shrunk", b.count("shrunk"))
                .field("added", b.count("added"))
                .field("removed", b.count("removed"));
        w.name("changes").beginArray();
        for (Change c : b.functions()) {
            change(w, c);
        }
        w.endArray().endObject().endObject();
    }

    private static void budget(JsonWriter w, BudgetCheck b) {
        w.beginObject().field("file", b.file()).field("within", b.within());
        w.name("checks").beginArray();
        for (BudgetLine l : b.lines()) {
            w.beginObject()
                    .field("name", l.name())
                    .field("limit", l.limit())
                    .field("actual", l.actual())
                    .field("over", l.over())
                    .field("within", l.within())
                    .endObject();
        }
        w.endArray().endObject();
    }
}
