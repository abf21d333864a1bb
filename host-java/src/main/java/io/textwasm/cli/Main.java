package io.textwasm.cli;

import io.textwasm.Backend;
import io.textwasm.InvalidUtf8Exception;
import io.textwasm.TextEngine;
import io.textwasm.TextwasmException;
import io.textwasm.size.cli.FailingStdout;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code textwasm} command line. Parses global options, picks the command and maps failures
 * to exit codes: 0 success, 1 the input could not be processed, 2 a usage mistake. Errors are
 * one line on standard error, never a stack trace (set TEXTWASM_DEBUG=1 to see one).
 */
public final class Main {
    static final String HELP = String.join("\n",
            "usage: textwasm [--backend aot|compiler|interpreter] COMMAND [OPTIONS] [FILE...]",
            "",
            "Unicode 16.0.0 text processing by one WebAssembly module, with the same results on every JVM.",
            "",
            "commands:",
            "  normalize   NFC, NFD, NFKC, NFKD or NFKC_Casefold, with case folding and whitespace options",
            "  count       words, grapheme clusters, code points or bytes",
            "  segment     UAX #29 grapheme clusters or word segments, one per line",
            "  tokenize    word segments with kinds and byte offsets (text or JSON Lines)",
            "  truncate    shorten to a budget without splitting a grapheme cluster",
            "  size        analyse a .wasm file's size by section, function and data (size-report)",
            "  plugin      run or inspect a sandboxed WebAssembly text plugin",
            "",
            "options:",
            "  --backend B   aot (default, compiled at build time), compiler (at start-up) or interpreter",
            "  --version     version, module SHA-256, Unicode version and backend",
            "  --help        this text; COMMAND --help for a command's options",
            "",
            "Files are read as UTF-8; with no FILE, standard input is read.");

    private Main() {}

    /** Chicory's Parser reads this system property once: the digest algorithm, or "none". */
    private static final String CHICORY_DIGEST = "com.dylibso.chicory.wasm.Parser.DIGEST_ALGORITHM";

    public static void main(String[] args) {
        // UTF-8 whatever the locale: the input is UTF-8 and the offsets count its bytes, while
        // System.out encodes with the locale's charset (US-ASCII under LANG=C turned every other
        // character into '?'). Buffered without autoflush: System.out flushes at every line,
        // which made tokenize one write(2) per token (a 20 MB file took 17 s, 13 s of it writes).
        PrintStream out = new PrintStream(new BufferedOutputStream(new FailingStdout(OutputFailed::new), 1 << 16), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (!java.util.Arrays.asList(args).contains("plugin") && System.getProperty(CHICORY_DIGEST) == null) {
            // Chicory hashes every module it parses (SHA-256), for caches of compiled code; only
            // `plugin` uses one (DiskCache is keyed by that hash). The core is compiled already,
            // and the first hash in a process loads the security providers: with the AOT module
            // parsed without validation (CoreModule), a one-line count went from a median of 0.41
            // to 0.36 s. Here and not in run(): the property is read once per process, and the
            // tests run every command, plugins included, in one JVM.
            System.setProperty(CHICORY_DIGEST, "none");
        }
        int code = run(args, System.in, out, err);
        try {
            out.flush();
        } catch (OutputFailed e) {
            // What is left in the buffer after a write that failed; a command that already
            // failed (and said why) keeps its own status and message.
            if (code == 0) {
                code = e.report(err);
            }
        }
        err.flush();
        System.exit(code);
    }

    /** A write to standard output failed; unchecked so that PrintStream lets it through. */
    static final class OutputFailed extends RuntimeException {
        OutputFailed(IOException cause) {
            super(cause.getMessage(), cause);
        }

        /**
         * The exit code, after a message unless the reader simply closed the pipe: then the
         * command ends quietly with the status a process killed by SIGPIPE has (141), as
         * {@code cat} and {@code grep} do.
         */
        int report(PrintStream stderr) {
            String m = String.valueOf(getMessage());
            if (m.contains("Broken pipe")) {
                return 141;
            }
            stderr.println("textwasm: error: writing the output: " + m);
            return 1;
        }
    }

    public static int run(String[] argv, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        boolean tty = Boolean.getBoolean("textwasm.stderr.tty");
        Backend backend = Backend.AOT;
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        TextEngine[] engine = {null};
        try {
            while (!args.isEmpty() && args.get(0).startsWith("--backend")) {
                String a = args.remove(0);
                if (!a.contains("=") && args.isEmpty()) {
                    throw new UsageException("--backend needs a value: aot, compiler or interpreter");
                }
                String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : args.remove(0);
                try {
                    backend = Backend.parse(v);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
            if (args.isEmpty()) {
                stderr.println(HELP);
                return 2;
            }
            if (args.get(0).equals("help") && args.size() > 1) {
                args = new ArrayList<>(List.of(args.get(1), "--help")); // `textwasm help normalize`
            }
            if (args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
                stdout.println(HELP);
                return 0;
            }
            final Backend b = backend;
            Commands.TextEngineFactory engines = () -> {
                if (engine[0] == null) {
                    engine[0] = TextEngine.builder().backend(b).maxInstances(1).build();
                }
                return engine[0];
            };
            String command = args.remove(0);
            Args a = new Args(args);
            switch (command) {
                case "--version":
                    stdout.println("textwasm " + TextEngine.version());
                    stdout.println("module sha256 " + io.textwasm.internal.CoreModule.sha256());
                    stdout.println("unicode " + TextEngine.UNICODE_VERSION);
                    stdout.println("backend " + backend.cliName());
                    return 0;
                case "normalize": return Commands.normalize(a, engines, stdin, stdout, stderr, tty);
                case "count": return Commands.count(a, engines, stdin, stdout, stderr);
                case "segment": return Commands.segment(a, engines, stdin, stdout, stderr);
                case "tokenize": return Commands.tokenize(a, engines, stdin, stdout, stderr);
                case "truncate": return Commands.truncate(a, engines, stdin, stdout, stderr);
                case "size": return io.textwasm.size.cli.Main.run(args.toArray(new String[0]), stdout, stderr);
                case "plugin": return PluginCommands.run(a, engines, stdin, stdout, stderr);
                default:
                    throw new UsageException("unknown command '" + command + "' (see textwasm --help)");
            }
        } catch (OutputFailed e) {
            return e.report(stderr);
        } catch (UsageException e) {
            stderr.println("textwasm: " + e.getMessage());
            return 2;
        } catch (InvalidUtf8Exception e) {
            // The library's message speaks of "the lossy option"; here it has a name.
            debug(e);
            stderr.println("textwasm: error: " + (e.source() == null ? "" : e.source() + ": ") + "invalid UTF-8 at byte offset "
                    + e.offset() + " (--lossy replaces ill-formed sequences with U+FFFD)");
            return 1;
        } catch (TextwasmException e) {
            debug(e);
            stderr.println("textwasm: error: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            debug(e);
            stderr.println("textwasm: error: I/O: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            stderr.println("textwasm: error: out of Java heap; give the JVM more memory (JAVA_OPTS=-Xmx...)");
            return 1;
        } finally {
            if (engine[0] != null) {
                engine[0].close();
            }
        }
    }

    private static void debug(Throwable t) {
        if (System.getenv("TEXTWASM_DEBUG") != null) {
            t.printStackTrace();
        }
    }
}
