package io.textwasm.internal;

import io.textwasm.Backend;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

/**
 * Tables the host derives from the module, taken by the build and shipped in the jar: the stable
 * sets and learnt mappings of the five forms without options, the host tables and the word table.
 *
 * <p>Why: deriving them is most of a cold start's first call. The first NFKC call in a fresh JVM
 * took 170-270 ms, of which about two thirds went to the core computing the stable set and to
 * normalizing every unstable BMP code point to learn the mappings, in AOT code that HotSpot still
 * interprets; the first word count spent 35-65 ms fetching the host tables. Read from the jar,
 * each is an inflate of a few kilobytes.
 *
 * <p>Why they are the module's answers: {@link #main} computes them at build time through the
 * same code the host runs ({@link StableText}, {@link MappedText}, {@link HostTables}) on an AOT
 * instance of the module being built, and each file names that module by length and CRC-32, as
 * {@link InitImage} does; a file of other module bytes, or none, is not used and the table is
 * derived as before. Only the AOT backend reads them, so the runtime compiler and the
 * interpreter still derive their own, which the cross-backend tests compare; and
 * {@code ShippedTablesTest} checks every file against a fresh derivation.
 */
public final class ShippedTables {
    static final String DIR = "/io/textwasm/internal/derived/";
    private static final byte[] MAGIC = "TWTAB01\n".getBytes(StandardCharsets.US_ASCII);
    /** No table is bigger than a map (128 KiB); anything claiming more is not ours. */
    private static final int MAX_BYTES = 1 << 20;

    /** Shipped tables of nothing: every lookup misses, so every table is derived. */
    static final ShippedTables NONE = new ShippedTables(null);
    /** The jar's tables, for the AOT backend. */
    static final ShippedTables RESOURCES = new ShippedTables(DIR);

    /** ABI keys shipped: the five forms (NFC 0 to NFKC_Casefold 4, ABI.md) with no options. */
    static final int FORMS = 5;

    private final String dir;

    private ShippedTables(String dir) {
        this.dir = dir;
    }

    /** The stable set for ABI key {@code key} (see {@link StableText#set}), or null if not shipped. */
    long[] stableSet(int key) {
        ByteBuffer b = littleEndian("stable-" + key, Long.BYTES);
        long[] bits = b == null ? null : new long[b.remaining() / Long.BYTES];
        if (bits != null) {
            b.asLongBuffer().get(bits);
        }
        return bits;
    }

    /** The learnt mappings for ABI key {@code key} (see {@link MappedText}), or null if not shipped. */
    char[] mappings(int key) {
        ByteBuffer b = littleEndian("map-" + key, Character.BYTES);
        char[] map = b == null ? null : new char[b.remaining() / Character.BYTES];
        if (map != null) {
            b.asCharBuffer().get(map);
        }
        return map;
    }

    /** Resource {@code name} as little-endian values of {@code unit} bytes, or null if not shipped or cut short. */
    private ByteBuffer littleEndian(String name, int unit) {
        byte[] b = read(name);
        return b == null || b.length % unit != 0 ? null : ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** HOST_TABLES as {classes, steps}, or null if not shipped. */
    byte[][] hostTables() {
        byte[] classes = read("host-classes");
        byte[] steps = classes == null ? null : read("host-steps");
        return steps == null ? null : new byte[][] {classes, steps};
    }

    /** WORD_TABLE, or null if not shipped. */
    byte[] wordTable() {
        return read("word-table");
    }

    /** The payload of resource {@code name} if it exists and belongs to the embedded module. */
    private byte[] read(String name) {
        if (dir == null) {
            return null;
        }
        try (InputStream in = ShippedTables.class.getResourceAsStream(dir + name)) {
            return in == null ? null : decode(in, InitImage.moduleKey());
        } catch (IOException | DataFormatException e) {
            return null; // derived instead; nothing is lost but time
        }
    }

    /** A file written by {@link #encode}, or null when it is of another module or malformed. */
    static byte[] decode(InputStream raw, long moduleKey) throws IOException, DataFormatException {
        DataInputStream in = new DataInputStream(raw);
        if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC) || in.readLong() != moduleKey) {
            return null;
        }
        int length = in.readInt();
        if (length < 0 || length > MAX_BYTES) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in.readAllBytes());
            byte[] out = new byte[length];
            int n = 0;
            while (n < length && !inflater.finished()) {
                int got = inflater.inflate(out, n, length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                n += got;
            }
            return n == length && inflater.finished() ? out : null;
        } finally {
            inflater.end();
        }
    }

    static void encode(OutputStream os, long moduleKey, byte[] payload) throws IOException {
        DataOutputStream out = new DataOutputStream(os);
        out.write(MAGIC);
        out.writeLong(moduleKey);
        out.writeInt(payload.length);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            DeflaterOutputStream z = new DeflaterOutputStream(out, deflater);
            z.write(payload);
            z.finish();
        } finally {
            deflater.end();
        }
        out.flush();
    }

    static byte[] bytesOf(long[] words) {
        ByteBuffer b = ByteBuffer.allocate(words.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(words);
        return b.array();
    }

    static byte[] bytesOf(char[] units) {
        ByteBuffer b = ByteBuffer.allocate(units.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asCharBuffer().put(units);
        return b.array();
    }

    /**
     * Build step: derives the tables through an AOT instance of the embedded module, exactly as an
     * engine would, and writes them under {@code args[0]} (the class output directory).
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0] + DIR);
        Files.createDirectories(out);
        long key = InitImage.moduleKey();
        long total = 0;
        try (InstancePool pool = new InstancePool(CoreModule.load(Backend.AOT), 1, 1 << 14, 1 << 4)) {
            DerivedTables fresh = DerivedTables.unshared();
            StableText stable = new StableText(pool, fresh);
            MappedText mapped = new MappedText(pool, stable, fresh);
            HostTables host = new HostTables(pool, fresh);
            for (int k = 0; k < FORMS; k++) {
                total += write(out.resolve("stable-" + k), key, bytesOf(stable.set(k)));
                total += write(out.resolve("map-" + k), key, bytesOf(mapped.mappings(k)));
            }
            total += write(out.resolve("host-classes"), key, host.classes());
            total += write(out.resolve("host-steps"), key, host.steps());
            total += write(out.resolve("word-table"), key, host.wordTable());
        }
        System.out.println("textwasm: derived tables " + out + ": " + total + " bytes, module length and CRC-32 " + Long.toHexString(key));
    }

    private static long write(Path file, long moduleKey, byte[] payload) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        encode(buf, moduleKey, payload);
        Files.write(file, buf.toByteArray());
        return buf.size();
    }
}
