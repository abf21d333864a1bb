package io.textwasm.cli;

import io.textwasm.Backend;
import io.textwasm.InvalidUtf8Exception;
import io.textwasm.LimitExceededException;
import io.textwasm.TextEngine;
import io.textwasm.internal.Json;
import io.textwasm.plugin.Plugin;
import io.textwasm.plugin.PluginHost;
import io.textwasm.plugin.PluginInspection;
import io.textwasm.plugin.PluginLog;
import io.textwasm.plugin.PluginMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `textwasm plugin run|inspect` (see docs/plugin-abi.md). */
final class PluginCommands {
    private PluginCommands() {}

    static final String HELP = String.join("\n",
            "usage: textwasm plugin run PLUGIN.wasm [--function NAME] [--timeout DURATION] [--max-memory SIZE]",
            "                           [--max-input SIZE] [--max-output SIZE] [--sha256 HEX] [--cache-dir DIR]",
            "                           [--lossy] [--log] [FILE...]",
            "       textwasm plugin inspect PLUGIN.wasm [--max-memory SIZE] [--format text|json]",
            "",
            "run      Runs a WebAssembly text plugin in the sandbox on each FILE (or standard input) and",
            "         writes its output to standard output. --function picks a transform (default: the",
            "         plugin's default, or its only one). Limits: --timeout per input (default 5s),",
            "         --max-memory (64MiB), --max-input (16MiB), --max-output (64MiB). --sha256 refuses any",
            "         other module; --cache-dir keeps compiled plugins for the next run (a private",
            "         directory); --lossy replaces invalid UTF-8 input with U+FFFD; --log prints the",
            "         plugin's log messages to standard error.",
            "inspect  Lists a plugin's exports, imports, metadata and the ABI check, without running it.",
            "         Exits 1 when the module does not follow the ABI.",
            "",
            "DURATION is like 500ms, 1s, 2m; SIZE like 65536, 512KiB, 16MiB.");

    static int run(Args a, Commands.TextEngineFactory engines, InputStream stdin, PrintStream out, PrintStream err) throws IOException {
        if (!a.hasNext()) {
            throw new UsageException("plugin needs a command: run or inspect (see textwasm plugin --help)");
        }
        String sub = a.next();
        switch (sub) {
            case "run": return runPlugin(a, engines, stdin, out, err);
            case "inspect": return inspect(a, out, err);
            case "--help":
            case "-h":
            case "help":
                return Commands.help(out, HELP);
            default:
                throw new UsageException("unknown plugin command '" + sub + "' (expected run or inspect)");
        }
    }

    private static int runPlugin(Args a, Commands.TextEngineFactory engines, InputStream stdin, OutputStream stdout, PrintStream err)
            throws IOException {
        String function = null;
        Duration timeout = PluginHost.DEFAULT_TIMEOUT;
        long maxMemory = PluginHost.DEFAULT_MAX_MEMORY;
        long maxInput = PluginHost.DEFAULT_MAX_INPUT;
        long maxOutput = PluginHost.DEFAULT_MAX_OUTPUT;
        String sha256 = null;
        Path cacheDir = null;
        boolean lossy = false;
        boolean log = false;
        while (a.hasNext()) {
            String arg = a.next();
            String name = Args.name(arg);
            switch (name) {
                case "--function": function = a.value(name, arg); break;
                case "--timeout": timeout = duration(name, a.value(name, arg)); break;
                case "--max-memory": maxMemory = size(name, a.value(name, arg)); break;
                case "--max-input": maxInput = size(name, a.value(name, arg)); break;
                case "--max-output": maxOutput = size(name, a.value(name, arg)); break;
                case "--sha256": sha256 = a.value(name, arg); break;
                case "--cache-dir": cacheDir = Path.of(a.value(name, arg)); break;
                case "--lossy": lossy = true; break;
                case "--log": log = true; break;
                case "--help": return Commands.help(stdout, HELP);
                default: operand("plugin run", arg, a);
            }
        }
        List<String> operands = new ArrayList<>(a.operands());
        if (operands.isEmpty()) {
            throw new UsageException("plugin run needs the plugin's .wasm file (see textwasm plugin --help)");
        }
        Path wasm = pluginFile(operands.remove(0));
        checkMaxMemory(maxMemory);
        if (maxInput > Integer.MAX_VALUE - 8 || maxOutput > Integer.MAX_VALUE - 8) {
            throw new UsageException("--max-input and --max-output must be below 2GiB");
        }
        PluginLog sink = log ? (plugin, level, message) -> err.println("textwasm: plugin '" + plugin + "': "
                + level.name().toLowerCase(Locale.ROOT) + ": " + message) : PluginLog.discard();
        TextEngine engine = engines.get();
        PluginHost.Builder hb = PluginHost.builder()
                .engine(engine)
                .backend(engine.backend() == Backend.INTERPRETER ? Backend.INTERPRETER : Backend.COMPILER)
                .log(sink);
        if (cacheDir != null) {
            hb.cacheDirectory(cacheDir);
        }
        PluginHost host;
        try {
            host = hb.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cache-dir: " + e.getMessage());
        }
        try (host) {
            PluginHost.Loader loader = host.loader(wasm)
                    .timeout(timeout)
                    .maxMemory(maxMemory)
                    .maxInputBytes((int) maxInput)
                    .maxOutputBytes((int) maxOutput)
                    .maxInstances(1);
            if (sha256 != null) {
                try {
                    loader.sha256(sha256);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--sha256: " + e.getMessage());
                }
            }
            Plugin plugin = loader.load();
            String fn = function != null ? function : plugin.defaultTransform().orElseThrow(() -> new UsageException(
                    "plugin '" + plugin.name() + "' has several transforms (" + String.join(", ", plugin.transforms())
                            + "); pick one with --function"));
            if (!plugin.transforms().contains(fn)) {
                throw new UsageException("plugin '" + plugin.name() + "' has no transform '" + fn + "' (it has: "
                        + String.join(", ", plugin.transforms()) + ")");
            }
            final boolean l = lossy;
            final long limit = maxInput;
            int code = Inputs.forEach(operands, stdin, err, (name, in, size) -> {
                byte[] text = readUpTo(name, in, limit);
                if (l) {
                    text = io.textwasm.internal.Utf8.decodeLossy(text, 0, text.length).getBytes(StandardCharsets.UTF_8);
                }
                byte[] result;
                try {
                    result = plugin.transform(fn, text);
                } catch (InvalidUtf8Exception e) {
                    throw new InvalidUtf8Exception(e.offset(), name);
                }
                stdout.write(result);
            });
            stdout.flush();
            return code;
        }
    }

    private static int inspect(Args a, PrintStream out, PrintStream err) throws IOException {
        long maxMemory = PluginHost.DEFAULT_MAX_MEMORY;
        boolean json = false;
        while (a.hasNext()) {
            String arg = a.next();
            String name = Args.name(arg);
            switch (name) {
                case "--max-memory": maxMemory = size(name, a.value(name, arg)); break;
                case "--format": {
                    String f = a.value(name, arg);
                    if (!f.equals("text") && !f.equals("json")) {
                        throw new UsageException("unknown format '" + f + "' (expected text or json)");
                    }
                    json = f.equals("json");
                    break;
                }
                case "--help": return Commands.help(out, HELP);
                default: operand("plugin inspect", arg, a);
            }
        }
        if (a.operands().size() != 1) {
            throw new UsageException("plugin inspect needs exactly one .wasm file");
        }
        checkMaxMemory(maxMemory); // as run does: inspect used to report a bad value as the module's ABI failure
        Path wasm = pluginFile(a.operands().get(0));
        if (Files.size(wasm) > PluginHost.MAX_MODULE_BYTES) {
            throw new LimitExceededException(wasm + ": larger than the " + sizeText(PluginHost.MAX_MODULE_BYTES) + " a plugin may be");
        }
        PluginInspection r = PluginHost.inspect(Files.readAllBytes(wasm), maxMemory);
        String file = LineEscape.of(wasm.getFileName().toString());
        out.print(json ? PluginReport.json(file, r, maxMemory) : PluginReport.text(file, r, maxMemory));
        out.flush();
        if (!r.followsAbi()) {
            int more = r.problems().size() - 1;
            err.println("textwasm: error: " + file + " does not follow the plugin ABI: " + r.problems().get(0).message()
                    + (more > 0 ? " (and " + more + " more)" : ""));
            return 1;
        }
        return 0;
    }

    private static void checkMaxMemory(long maxMemory) {
        if (maxMemory < 65536 || maxMemory > PluginHost.MAX_MEMORY) {
            throw new UsageException("--max-memory must be between 64KiB and " + (PluginHost.MAX_MEMORY >> 20) + "MiB");
        }
    }

    private static Path pluginFile(String f) {
        Path p = Path.of(f);
        String shown = LineEscape.of(f); // a file name may hold anything but '/' and NUL
        if (Files.isDirectory(p)) {
            throw new UsageException(shown + ": is a directory");
        }
        if (!Files.exists(p)) {
            throw new UsageException(shown + ": no such file");
        }
        if (!Files.isRegularFile(p)) {
            throw new UsageException(shown + ": not a regular file (a plugin is read whole, from a file)");
        }
        return p;
    }

    /** Reads a whole input, refusing one past the plugin's input limit before buffering it all. */
    private static byte[] readUpTo(String name, InputStream in, long limit) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (b.length > limit) {
            throw new LimitExceededException(name + ": longer than the plugin's input limit of " + sizeText(limit) + " (raise it with --max-input)");
        }
        return b;
    }

    private static void operand(String command, String arg, Args a) {
        if (arg.startsWith("--") || (arg.startsWith("-") && arg.length() > 1)) {
            throw new UsageException("unknown option '" + arg + "' for '" + command + "' (see textwasm plugin --help)");
        }
        a.operand(arg);
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})(B|KiB|MiB|GiB)?");

    /** 500ms, 1s, 2m, 1h. */
    static Duration duration(String opt, String v) {
        Matcher m = DURATION.matcher(v.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UsageException(opt + " needs a positive duration like 500ms, 1s or 2m, not '" + v + "'");
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "ms": return Duration.ofMillis(n);
            case "s": return Duration.ofSeconds(n);
            case "m": return Duration.ofMinutes(n);
            default: return Duration.ofHours(n);
        }
    }

    /** 65536, 64KiB, 16MiB, 1GiB (binary units, as in the limits they set). */
    static long size(String opt, String v) {
        Matcher m = SIZE.matcher(v.trim());
        if (!m.matches()) {
            throw new UsageException(opt + " needs a size like 65536, 512KiB or 16MiB, not '" + v + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        int shift = unit.equals("KiB") ? 10 : unit.equals("MiB") ? 20 : unit.equals("GiB") ? 30 : 0;
        if (n > (Long.MAX_VALUE >> 31)) {
            throw new UsageException(opt + " is too large: '" + v + "'");
        }
        return n << shift;
    }

    static String sizeText(long n) {
        if (n > 0 && n % (1 << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n > 0 && n % 1024 == 0) {
            return (n >> 10) + " KiB";
        }
        return n + " bytes";
    }

    /** The two emitters of `plugin inspect`. */
    static final class PluginReport {
        private PluginReport() {}

        static String text(String file, PluginInspection r, long maxMemory) {
            StringBuilder b = new StringBuilder();
            PluginMetadata md = r.metadata();
            line(b, "plugin", file);
            line(b, "sha256", r.sha256());
            line(b, "size", r.size() + " bytes");
            line(b, "name", md.name().orElse("(none)"));
            line(b, "version", md.version().orElse("(none)"));
            line(b, "description", LineEscape.of(md.description().orElse("(none)")));
            line(b, "transforms", r.transforms().isEmpty() ? "(none)" : String.join(", ", r.transforms())
                    + md.defaultTransform().map(d -> " (default " + d + ")").orElse(""));
            line(b, "memory", r.memoryMinPages() < 0 ? "(none)" : pages(r.memoryMinPages()) + " minimum, "
                    + (r.memoryMaxPages() < 0 ? "no maximum" : pages(r.memoryMaxPages()) + " maximum") + " (limit " + sizeText(maxMemory) + ")");
            line(b, "imports", Integer.toString(r.imports().size()));
            for (PluginInspection.Import i : r.imports()) {
                b.append("  ").append(pad(LineEscape.of(i.module() + "." + i.name()), 32)).append(pad(i.kind(), 9)).append(pad(i.type(), 36))
                        .append(i.offered() ? "offered" : "REFUSED").append('\n');
            }
            line(b, "exports", Integer.toString(r.exports().size()));
            for (PluginInspection.Export e : r.exports()) {
                b.append(("  " + pad(LineEscape.of(e.name()), 32) + pad(e.kind(), 9) + e.type()).stripTrailing()).append('\n');
            }
            line(b, "ABI check", r.followsAbi() ? "ok" : r.problems().size() + (r.problems().size() == 1 ? " problem" : " problems"));
            for (PluginInspection.Problem p : r.problems()) {
                b.append("  ").append(LineEscape.of(p.message())).append('\n');
            }
            return b.toString();
        }

        static String json(String file, PluginInspection r, long maxMemory) {
            PluginMetadata md = r.metadata();
            StringBuilder b = new StringBuilder("{");
            b.append("\"file\":").append(Json.quote(file));
            b.append(",\"sha256\":\"").append(r.sha256()).append('"');
            b.append(",\"size\":").append(r.size());
            b.append(",\"metadata\":{\"name\":").append(opt(md.name().orElse(null)))
                    .append(",\"version\":").append(opt(md.version().orElse(null)))
                    .append(",\"description\":").append(opt(md.description().orElse(null)))
                    .append(",\"default\":").append(opt(md.defaultTransform().orElse(null))).append('}');
            b.append(",\"transforms\":[");
            for (int k = 0; k < r.transforms().size(); k++) {
                b.append(k > 0 ? "," : "").append(Json.quote(r.transforms().get(k)));
            }
            b.append("],\"memory\":{\"min_pages\":").append(r.memoryMinPages() < 0 ? "null" : Long.toString(r.memoryMinPages()))
                    .append(",\"max_pages\":").append(r.memoryMaxPages() < 0 ? "null" : Long.toString(r.memoryMaxPages()))
                    .append(",\"limit_bytes\":").append(maxMemory).append('}');
            b.append(",\"imports\":[");
            for (int k = 0; k < r.imports().size(); k++) {
                PluginInspection.Import i = r.imports().get(k);
                b.append(k > 0 ? "," : "").append("{\"module\":").append(Json.quote(i.module())).append(",\"name\":").append(Json.quote(i.name()))
                        .append(",\"kind\":\"").append(i.kind()).append("\",\"type\":").append(Json.quote(i.type()))
                        .append(",\"offered\":").append(i.offered()).append('}');
            }
            b.append("],\"exports\":[");
            for (int k = 0; k < r.exports().size(); k++) {
                PluginInspection.Export e = r.exports().get(k);
                b.append(k > 0 ? "," : "").append("{\"name\":").append(Json.quote(e.name())).append(",\"kind\":\"").append(e.kind())
                        .append("\",\"type\":").append(Json.quote(e.type())).append('}');
            }
            b.append("],\"abi\":{\"ok\":").append(r.followsAbi()).append(",\"problems\":[");
            for (int k = 0; k < r.problems().size(); k++) {
                PluginInspection.Problem p = r.problems().get(k);
                b.append(k > 0 ? "," : "").append("{\"kind\":\"").append(p.kind().name().toLowerCase(Locale.ROOT))
                        .append("\",\"message\":").append(Json.quote(p.message())).append('}');
            }
            return b.append("]}}\n").toString();
        }

        private static String pages(long n) {
            return n + (n == 1 ? " page" : " pages");
        }

        private static String opt(String s) {
            return s == null ? "null" : Json.quote(s);
        }

        private static void line(StringBuilder b, String key, String value) {
            b.append(pad(key, 13)).append(value).append('\n');
        }

        private static String pad(String s, int width) {
            return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
        }
    }
}
