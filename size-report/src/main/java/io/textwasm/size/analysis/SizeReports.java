package io.textwasm.size.analysis;

import io.textwasm.size.SizeReportException;
import io.textwasm.size.wasm.WasmModule;
import io.textwasm.size.wasm.WasmParser;
import java.util.function.Supplier;

/** The library entry point: parse, measure, compare, check. The CLI only adds I/O around it. */
public final class SizeReports {
    private static final byte[] WASM_MAGIC = {0x00, 0x61, 0x73, 0x6d};

    private SizeReports() {}

    public static Report build(ReportRequest request, Compressor gzip, Compressor brotli) {
        ReportRequest.Input in = request.module();
        // The budget is read first: a broken budget file is the cheapest error to report.
        Budget budget = request.budget() == null ? null
                : about(request.budget(), () -> Budget.parse(request.budget().bytes()));
        WasmModule module = about(in, () -> WasmParser.parse(in.bytes()));
        ModuleSizes sizes = about(in, () ->
                SizeAnalyzer.analyze(in.baseName(), in.bytes(), module, gzip, brotli, request.rollupDepth()));
        BaselineDiff diff = null;
        if (request.baseline() != null) {
            ReportRequest.Input b = request.baseline();
            SizeSnapshot old = about(b, () -> baseline(b, gzip, brotli, request.rollupDepth()));
            diff = BaselineDiff.compare(old, SizeSnapshot.of(sizes, "wasm"));
        }
        BudgetCheck check = budget == null ? null : budget.check(request.budget().baseName(), sizes);
        return new Report(sizes, diff, check, request.top());
    }

    /** A baseline is a module when it starts with the wasm magic, otherwise a JSON report. */
    private static SizeSnapshot baseline(ReportRequest.Input b, Compressor gzip, Compressor brotli, int depth) {
        if (startsWithMagic(b.bytes())) {
            WasmModule old = WasmParser.parse(b.bytes());
            return SizeSnapshot.of(SizeAnalyzer.analyze(b.baseName(), b.bytes(), old, gzip, brotli, depth), "wasm");
        }
        return SizeSnapshot.fromJsonReport(b.baseName(), b.bytes());
    }

    private static boolean startsWithMagic(byte[] bytes) {
        if (bytes.length < WASM_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < WASM_MAGIC.length; i++) {
            if (bytes[i] != WASM_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static <T> T about(ReportRequest.Input input, Supplier<T> step) {
        try {
            return step.get();
        } catch (InputException e) {
            throw e;
        } catch (SizeReportException e) {
            throw InputException.wrap(input.path(), e);
        }
    }
}
