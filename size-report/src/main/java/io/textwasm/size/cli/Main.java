package io.textwasm.size.cli;

import io.textwasm.size.SizeReportException;
import io.textwasm.size.analysis.Report;
import io.textwasm.size.analysis.ReportRequest;
import io.textwasm.size.analysis.ReportRequest.Input;
import io.textwasm.size.analysis.SizeReports;
import io.textwasm.size.emit.Format;
import io.textwasm.size.emit.Names;
import java.io.PrintStream;

/** Command line: parse arguments, build the report, pick an emitter. All logic is in the library. */
public final class Main {
    private Main() {}
    public static void main(String[] args) {
        System.exit(run(args, Output.stdout(), System.err));
    }

    /** Library entry point: returns the exit status, never calls System.exit, never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Host.system());
    }
    public static int run(String[] args, PrintStream out, PrintStream err, Host host) {
        try {
            CliOptions o = CliOptions.parse(args);
            if (o.help()) {
                Output.write(out, CliOptions.USAGE);
                return 0;
            }
            Input budget = o.budget() == null ? null : new Input(o.budget(), host.files().read(o.budget()));
            Input baseline = o.baseline() == null ? null : new Input(o.baseline(), host.files().read(o.baseline()));
            Input module = new Input(o.input(), host.files().read(o.input()));
            Report report = SizeReports.build(
                    new ReportRequest(module, baseline, budget, o.rollupDepth(), o.top()), host.gzip(), host.brotli());
            String rendered = o.format().emitter().render(report);
            Output.write(out, rendered);
            // The verdict before the step summary, so that a summary that cannot be written does not hide it.
            report.budgetWarnings().forEach(warning -> err.println("warning: " + Names.printable(warning)));
            report.overruns().forEach(overrun -> err.println(Names.printable(overrun.overrunMessage())));
            String summary = host.env().apply(StepSummary.VARIABLE);
            if (o.format() == Format.MARKDOWN && summary != null && !summary.isBlank()) {
                StepSummary.append(summary, rendered);
            }
            return report.withinBudget() ? 0 : 1;
        } catch (Output.Failed e) {
            return e.closedPipe() ? Output.CLOSED_PIPE : error(err, "cannot write the report: " + e.getMessage());
        } catch (SizeReportException e) {
            return error(err, e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            // A bug, not bad input; still one line, because callers embed this as a library.
            return error(err, "internal error: " + e);
        }
    }

    /** One line on stderr (names from the input may hold control characters), and status 2. */
    private static int error(PrintStream err, String message) {
        err.println("error: " + Names.printable(String.valueOf(message)));
        return 2;
    }
}
