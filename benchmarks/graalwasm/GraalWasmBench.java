// The textwasm module under GraalWasm (Truffle) on JDK 25, called through the same ABI and with
// the same host choices as the Java host and benchmarks/node/bench.mjs. A single-file program:
// the harness runs it with JDK 25's source launcher, the GraalWasm jars on the module path and
// the Graal JIT on the upgrade module path (see GraalWasmStage.java), so this module's own build
// stays on Java 17.
//
//   java ... GraalWasmBench.java bench    --wasm W --corpora DIR --ops a,b --corpora-ids c,d --sizes 1KB
//                                         [--warmup-ms 1000 --iterations 3 --iteration-ms 500]
//   java ... GraalWasmBench.java fidelity --wasm W --cases FILE --out FILE
//   java ... GraalWasmBench.java startup  --wasm W --stamp NANOS
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;

public class GraalWasmBench {
    // tw_call operations and flags (wasm-module/src/abi.rs).
    static final int OP_INIT = 0, OP_NORMALIZE = 2, OP_IS_NORMALIZED = 3, OP_SEGMENT = 4, OP_COUNT = 5, OP_TOKENIZE = 6,
            OP_TRUNCATE = 7;
    static final int UNCHANGED = 1, NEED_MORE_INPUT = -5;
    /** The core ABI major version this host speaks (wasm-module/ABI.md). */
    static final int ABI_MAJOR = 2;
    static final int SEG_WORDS = 1, SEG_UTF16 = 2, COUNT_GRAPHEMES = 1, COUNT_WORDS = 2, TOK_UTF16 = 2, TOKEN_WORDS = 5;
    static final int TRUNC_PARTIAL = 1 << 7;
    static final int TRUNCATE_BYTES = 280;
    static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    record Token(String text, int kind, int start, int end) {}

    static final class Host {
        final Value call;
        /** Per-operation exports of modules built before tw_call (see bench.mjs); null when tw_call exists. */
        final Value alloc;
        final Value free;
        final Value memory;
        final int resultPtr;
        int inPtr;
        int inCap;

        Host(Context ctx, byte[] wasm) {
            Value module = ctx.eval(Source.newBuilder("wasm", ByteSequence.create(wasm), "textwasm.wasm").buildLiteral());
            Value exports = module.newInstance().getMember("exports");
            int abi = exports.invokeMember("tw_abi_version").asInt();
            if (abi >>> 16 != ABI_MAJOR) {
                throw new IllegalStateException("core module ABI " + (abi >>> 16) + " does not match this host (" + ABI_MAJOR + ".x)");
            }
            call = exports.getMember("tw_call");
            if (call == null) {
                throw new IllegalStateException("the module does not export tw_call (ABI 1.0): " + exports.getMemberKeys());
            }
            alloc = exports.getMember("tw_alloc");
            free = exports.getMember("tw_free");
            memory = exports.getMember("memory");
            resultPtr = exports.invokeMember("tw_result").asInt();
            int st = invoke(OP_INIT, 0, 0, 0, 0, 0);
            if (st != 0) {
                throw new IllegalStateException("the core could not initialise its tables: status " + st);
            }
        }

        int invoke(int op, int p, int n, int flags, int a, int b) {
            return call.execute(op, p, n, flags, a, b).asInt();
        }

        int result(int word) {
            return memory.readBufferInt(LE, resultPtr + 4L * word);
        }

        /** Copies UTF-8 into the input buffer, eight bytes per polyglot call; returns its address. */
        int input(byte[] b) {
            if (b.length > inCap) {
                if (inPtr != 0) {
                    free.execute(inPtr);
                }
                int cap = Math.max(b.length, Math.max(4096, inCap * 2));
                inPtr = alloc.execute(cap).asInt();
                if (inPtr == 0) {
                    throw new IllegalStateException("the core's linear memory cannot hold " + b.length + " bytes");
                }
                inCap = cap;
            }
            int i = 0;
            for (; i + 8 <= b.length; i += 8) {
                long v = (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
                        | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48 | (b[i + 7] & 0xFFL) << 56;
                memory.writeBufferLong(LE, inPtr + i, v);
            }
            for (; i < b.length; i++) {
                memory.writeBufferByte(inPtr + i, b[i]);
            }
            return inPtr == 0 ? 4096 : inPtr;
        }

        int op(int op, byte[] in, int flags, int a, int b) {
            int p = input(in);
            int st = invoke(op, p, in.length, flags, a, b);
            if (st < 0 && st != NEED_MORE_INPUT) {
                throw new IllegalStateException("operation " + op + ": the core returned status " + st);
            }
            return st;
        }

        byte[] read(int ptr, int len) {
            byte[] out = new byte[len];
            memory.readBuffer(ptr, out, 0, len);
            return out;
        }

        int[] words(int ptr, int count) {
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = memory.readBufferInt(LE, ptr + 4L * i);
            }
            return out;
        }

        byte[] normalizeBytes(byte[] in, int form) {
            return op(OP_NORMALIZE, in, form, 0, 0) == UNCHANGED ? in : read(result(0), result(1));
        }

        String normalize(String s, int form) {
            byte[] in = utf8(s);
            return op(OP_NORMALIZE, in, form, 0, 0) == UNCHANGED ? s : new String(read(result(0), result(1)), StandardCharsets.UTF_8);
        }

        boolean isNormalized(String s, int form) {
            op(OP_IS_NORMALIZED, utf8(s), form, 0, 0);
            return result(2) != 0;
        }

        int count(String s, int what) {
            op(OP_COUNT, utf8(s), what, 0, 0);
            return result(2);
        }

        int[] segment(String s, boolean words) {
            op(OP_SEGMENT, utf8(s), SEG_UTF16 | (words ? SEG_WORDS : 0), 0, 0);
            return words(result(0), result(1));
        }

        List<Token> tokenize(String s) {
            op(OP_TOKENIZE, utf8(s), TOK_UTF16, 0, 0);
            int[] r = words(result(0), result(1));
            List<Token> out = new ArrayList<>(r.length / TOKEN_WORDS);
            for (int i = 0; i + TOKEN_WORDS <= r.length; i += TOKEN_WORDS) {
                out.add(new Token(s.substring(r[i], r[i + 1]), r[i + 2] & 7, r[i], r[i + 1]));
            }
            return out;
        }

        String truncateUtf8(String s, int max) {
            if (utf8LengthUpTo(s, max) <= max) {
                return s;
            }
            int want = max + 64;
            while (true) {
                int len = Math.min(s.length(), want);
                if (len < s.length() && Character.isHighSurrogate(s.charAt(len - 1))) {
                    len++;
                }
                int st = op(OP_TRUNCATE, utf8(s.substring(0, len)), len < s.length() ? TRUNC_PARTIAL : 0, max, 0);
                if (st == NEED_MORE_INPUT) {
                    want *= 2;
                    continue;
                }
                return result(4) == 0 ? s : s.substring(0, result(3));
            }
        }
    }

    /** UTF-8 with lone surrogates as U+FFFD, as the Java host encodes (String.getBytes writes '?'). */
    static byte[] utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                StringBuilder sb = new StringBuilder(s.length());
                for (int j = 0; j < s.length(); j++) {
                    char d = s.charAt(j);
                    if (Character.isHighSurrogate(d) && j + 1 < s.length() && Character.isLowSurrogate(s.charAt(j + 1))) {
                        sb.append(d).append(s.charAt(++j));
                    } else {
                        sb.append(Character.isSurrogate(d) ? '\uFFFD' : d);
                    }
                }
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
        return b;
    }

    static long utf8LengthUpTo(String s, long cap) {
        long n = 0;
        for (int i = 0; i < s.length() && n <= cap; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    static final Map<String, Function<String, Object>> OPS = new HashMap<>();
    static long sink;

    static void consume(Object r) {
        sink += r instanceof String s ? s.length() : r instanceof List<?> l ? l.size() : r instanceof Boolean b ? (b ? 1 : 0) : ((Number) r).longValue();
    }

    static Map<String, String> args(String[] a) {
        Map<String, String> m = new HashMap<>();
        for (int i = 1; i + 1 < a.length; i += 2) {
            m.put(a[i].replaceFirst("^--", ""), a[i + 1]);
        }
        return m;
    }

    static Context context() {
        // One engine, warnings off: the interpreter-only fallback warning is reported by the harness.
        return Context.newBuilder("wasm").engine(Engine.newBuilder("wasm").option("engine.WarnInterpreterOnly", "false").build()).build();
    }

    public static void main(String[] argv) throws IOException {
        String mode = argv.length > 0 ? argv[0] : "";
        Map<String, String> a = args(argv);
        switch (mode) {
            case "bench" -> bench(a);
            case "fidelity" -> fidelity(a);
            case "startup" -> startup(a);
            default -> {
                System.err.println("usage: GraalWasmBench bench|fidelity|startup --wasm FILE ...");
                System.exit(2);
            }
        }
    }

    static void bench(Map<String, String> a) throws IOException {
        try (Context ctx = context()) {
            Host h = new Host(ctx, Files.readAllBytes(Path.of(a.get("wasm"))));
            OPS.put("normalize-nfc", s -> h.normalize(s, 0));
            OPS.put("normalize-nfkc", s -> h.normalize(s, 2));
            OPS.put("normalize-nfkc-cf", s -> h.normalize(s, 4));
            OPS.put("is-normalized-nfc", s -> h.isNormalized(s, 0));
            OPS.put("count-words", s -> h.count(s, COUNT_WORDS));
            OPS.put("count-graphemes", s -> h.count(s, COUNT_GRAPHEMES));
            OPS.put("tokenize", h::tokenize);
            OPS.put("truncate", s -> h.truncateUtf8(s, TRUNCATE_BYTES));
            long warmup = Long.parseLong(a.getOrDefault("warmup-ms", "1000"));
            int its = Integer.parseInt(a.getOrDefault("iterations", "3"));
            long itMs = Long.parseLong(a.getOrDefault("iteration-ms", "500"));
            StringBuilder json = new StringBuilder("{\"runtime\":\"graalwasm\",\"jdk\":\"" + System.getProperty("java.version")
                    + "\",\"truffleRuntime\":\"" + ctx.getEngine().getImplementationName() + "\",\"results\":[");
            boolean first = true;
            for (String op : a.get("ops").split(",")) {
                Function<String, Object> fn = OPS.get(op);
                if (fn == null) {
                    throw new IllegalArgumentException("unknown operation '" + op + "'");
                }
                for (String corpus : a.get("corpora-ids").split(",")) {
                    for (String size : a.get("sizes").split(",")) {
                        Path file = corpus.startsWith("seed-") ? Path.of(a.get("corpora"), corpus + ".txt") : Path.of(a.get("corpora"), corpus + "-" + size + ".txt");
                        byte[] bytes = Files.readAllBytes(file);
                        String s = new String(bytes, StandardCharsets.UTF_8);
                        double[] rates = measure(() -> fn.apply(s), warmup, its, itMs);
                        double mean = 0;
                        for (double r : rates) {
                            mean += r / rates.length;
                        }
                        double var = 0;
                        for (double r : rates) {
                            var += (r - mean) * (r - mean) / Math.max(1, rates.length - 1);
                        }
                        json.append(first ? "" : ",").append("{\"op\":\"").append(op).append("\",\"corpus\":\"").append(corpus)
                                .append("\",\"size\":\"").append(size).append("\",\"bytes\":").append(bytes.length)
                                .append(",\"opsPerSec\":").append(mean).append(",\"stdev\":").append(Math.sqrt(var)).append('}');
                        first = false;
                    }
                }
            }
            System.out.println(json.append("],\"sink\":").append(sink).append('}'));
        }
    }

    static double[] measure(java.util.function.Supplier<Object> fn, long warmupMs, int iterations, long iterationMs) {
        long t0 = System.nanoTime();
        do {
            consume(fn.get());
        } while (System.nanoTime() - t0 < warmupMs * 1_000_000);
        double[] rates = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            long n = 0;
            long el;
            do {
                consume(fn.get());
                n++;
                el = System.nanoTime() - t;
            } while (el < iterationMs * 1_000_000);
            rates[i] = n / (el / 1e9);
        }
        return rates;
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return sb.toString().toUpperCase(java.util.Locale.ROOT);
    }

    static String join(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(v[i]);
        }
        return sb.toString();
    }

    /** One line per case, the format of io.textwasm.bench.harness.Fidelity. */
    static void fidelity(Map<String, String> a) throws IOException {
        try (Context ctx = context()) {
            Host h = new Host(ctx, Files.readAllBytes(Path.of(a.get("wasm"))));
            List<String> lines = Files.readAllLines(Path.of(a.get("cases")));
            List<String> out = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                StringBuilder sb = new StringBuilder();
                for (String hx : lines.get(i).split(" ")) {
                    if (!hx.isEmpty()) {
                        sb.appendCodePoint(Integer.parseInt(hx, 16));
                    }
                }
                String s = sb.toString();
                byte[] in = utf8(s);
                List<String> f = new ArrayList<>();
                f.add(String.valueOf(i));
                for (int form = 0; form < 5; form++) {
                    f.add(hex(h.normalizeBytes(in, form)));
                }
                f.add(join(h.segment(s, false)));
                f.add(join(h.segment(s, true)));
                List<String> toks = new ArrayList<>();
                for (Token t : h.tokenize(s)) {
                    toks.add(t.start() + ":" + t.end() + ":" + t.kind());
                }
                f.add(String.join(",", toks));
                out.add(String.join("\t", f));
            }
            Files.write(Path.of(a.get("out")), out);
        }
    }

    static void startup(Map<String, String> a) throws IOException {
        try (Context ctx = context()) {
            Host h = new Host(ctx, Files.readAllBytes(Path.of(a.get("wasm"))));
            String r = h.normalize("ｶﾞｰﾃﾞﾝ", 2);
            long now = System.nanoTime();
            double ms = (now - Long.parseLong(a.get("stamp"))) / 1e6;
            System.out.println("{\"runtime\":\"graalwasm\",\"firstResultMs\":" + ms + ",\"result\":\"" + r + "\"}");
        }
    }
}
