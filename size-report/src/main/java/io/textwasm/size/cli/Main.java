package io.textwasm.size.cli;

import io.textwasm.size.SizeReportException;
import io.textwasm.size.analysis.Report;
import io.textwasm.size.analysis.ReportRequest;
import io.textwasm.size.analysis.ReportRequest.Input;
import io.textwasm.size.analysis.SizeReports;
import io.textwasm.size.emit.Format;
import java.io.PrintStream;

/** Command line: parse arguments, build the report, pick an emitter. All logic is in the library. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Library entry point: returns the exit status, never calls System.exit, never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Host.system());
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Host host) {
        try {
            CliOptions o = CliOptions.parse(args);
            if (o.help()) {
                out.print(CliOptions.USAGE);
                return 0;
            }
            Input budget = o.budget() == null ? null : new Input(o.budget(), host.files().read(o.budget()));
            Input baseline = o.baseline() == null ? null : new Input(o.baseline(), host.files().read(o.baseline()));
            Input module = new Input(o.input(), host.files().read(o.input()));
            Report report = SizeReports.build(
                    new ReportRequest(module, baseline, budget, o.rollupDepth(), o.top()), host.gzip(), host.brotli());
            String rendered = o.format().emitter().render(report);
            out.print(rendered);
            String summary = host.env().apply(StepSummary.VARIABLE);
            if (o.format() == Format.MARKDOWN && summary != null && !summary.isBlank()) {
                StepSummary.append(summary, rendered);
            }
            report.overruns().forEach(overrun -> err.println(oneLine(overrun.overrunMessage())));
            return report.withinBudget() ? 0 : 1;
        } catch (SizeReportException e) {
            err.println("error: " + oneLine(e.getMessage()));
            return 2;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            // A bug, not bad input; still one line, because callers embed this as a library.
            err.println("error: internal error: " + oneLine(String.valueOf(e)));
            return 2;
        } finally {
            out.flush();
        }
    }

    /** Names from the input (section names, budget keys) may hold control characters. */
    private static String oneLine(String s) {
        return String.valueOf(s).replaceAll("\\p{Cntrl}+", " ");
    }
}
