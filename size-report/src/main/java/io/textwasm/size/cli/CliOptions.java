package io.textwasm.size.cli;

import io.textwasm.size.emit.Format;

/**
 * Parsed command line. Options take their value as the next argument or after {@code =}.
 *
 * @param baseline path of a previous module or JSON report, or null
 * @param budget path of a budget file, or null
 */
public record CliOptions(
        boolean help, String input, Format format, int top, int rollupDepth, String baseline, String budget) {

    public static final String USAGE = """
            usage: textwasm size [options] <module.wasm | ->
                   java -jar textwasm-size-report-*-all.jar [options] <module.wasm | ->

            Reports the size of a WebAssembly module by section, function and data segment,
            with gzip (zlib level 9, as java.util.zip writes it; within about 1% of gzip -9) and
            Brotli (quality 11, window 24) sizes, and checks it against a budget. A file name of
            - reads standard input (for at most one of the module, --budget and --baseline).

            options:
              --format text|markdown|json  output format (default: text). With markdown, the
                                           report is also appended to $GITHUB_STEP_SUMMARY
                                           when that variable is set.
              --top N                      functions, rollup groups and changes to list in text
                                           and markdown (default: 20); json lists all
              --rollup-depth K             group functions by the first K path segments
                                           (default: 2, e.g. core::fmt)
              --baseline FILE              compare with an older module or JSON report
              --budget FILE                check limits from a JSON budget file
              -h, --help                   print this help

            exit status: 0 within budget (or no budget), 1 over budget,
                         2 unreadable or malformed input, bad budget file, bad usage, or a
                           report that could not be written,
                         141 the reader of the output went away (as cat's, quietly)
            """;

    public static CliOptions parse(String[] args) {
        boolean help = false;
        String input = null;
        Format format = Format.TEXT;
        int top = 20;
        int depth = 2;
        String baseline = null;
        String budget = null;
        boolean onlyFiles = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (onlyFiles || !arg.startsWith("-") || arg.equals("-")) {
                if (input != null) {
                    throw new UsageException("more than one input file: " + input + ", " + arg);
                }
                input = arg;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--" -> onlyFiles = true;
                case "-h", "--help" -> help = true;
                case "--format" -> {
                    String v = value != null ? value : next(args, ++i, name);
                    format = Format.parse(v);
                    if (format == null) {
                        throw new UsageException("unknown format '" + v + "' (expected text, markdown or json)");
                    }
                }
                case "--top" -> top = number(value != null ? value : next(args, ++i, name), name, 0);
                case "--rollup-depth" -> depth = number(value != null ? value : next(args, ++i, name), name, 1);
                case "--baseline" -> baseline = value != null ? value : next(args, ++i, name);
                case "--budget" -> budget = value != null ? value : next(args, ++i, name);
                default -> throw new UsageException("unknown option '" + name + "'");
            }
        }
        if (!help && input == null) {
            throw new UsageException("no input file (give a .wasm file, or - for standard input)");
        }
        int fromStdin = (Host.STDIN.equals(input) ? 1 : 0) + (Host.STDIN.equals(baseline) ? 1 : 0)
                + (Host.STDIN.equals(budget) ? 1 : 0);
        if (fromStdin > 1) {
            throw new UsageException("standard input (-) can be read only once");
        }
        return new CliOptions(help, input, format, top, depth, baseline, budget);
    }

    private static String next(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException("option " + option + " needs a value");
        }
        return args[i];
    }

    private static int number(String value, String option, int min) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new UsageException("option " + option + " needs a whole number >= " + min + ", got '" + value + "'");
    }
}
