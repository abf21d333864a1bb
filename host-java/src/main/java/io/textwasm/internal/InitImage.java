package io.textwasm.internal;

import com.dylibso.chicory.runtime.Memory;
import io.textwasm.Backend;
import io.textwasm.EngineException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The core's linear memory right after it expanded its tables (OP_INIT), so that a new instance
 * starts from a copy of it instead of expanding them again.
 *
 * <p>Why a copy is the same instance: the core has no imports and is deterministic, so OP_INIT
 * writes the same bytes into every instance under every backend, and all of the core's state is
 * in linear memory (its only mutable global, the stack pointer, is back at its initial value
 * when a call returns). {@code InitImageTest} checks the copy against a real expansion byte for
 * byte, under each backend.
 *
 * <p>Where it comes from: the build runs {@link #main} (Maven, process-classes) and puts the
 * image in the jar, so even the first instance in a JVM skips the expansion, which is most of a
 * cold start (about 320 of the CLI's 780 ms on the development machine, where the AOT code still
 * runs in HotSpot's interpreter). The image names the module it was taken from by length and CRC-32
 * (a guard against a stale class path, not against an adversary, who could edit the module as
 * easily); an image of other module bytes, or none (a class path without the build's output), is not used,
 * and then the first instance expands the tables and its memory becomes the image for the next
 * ones. The image costs its size in heap once per JVM (11 pages, 704 KiB, for the module of
 * 2026-11-27).
 */
public final class InitImage {
    static final String RESOURCE = "/io/textwasm/internal/textwasm.init";
    private static final byte[] MAGIC = "TWINIT1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int PAGE = 65536;

    private static volatile InitImage shared;
    private static volatile boolean resourceRead;

    /** {@link #moduleKey} of the module the image belongs to. */
    private final long moduleKey;
    private final int pages;
    private final byte[] memory;

    private InitImage(long moduleKey, int pages, byte[] memory) {
        this.moduleKey = moduleKey;
        this.pages = pages;
        this.memory = memory;
    }

    /** The image to start instances of the embedded module from, or null when there is none yet. */
    static InitImage get() {
        InitImage i = shared;
        if (i == null && !resourceRead) {
            synchronized (InitImage.class) {
                if (shared == null && !resourceRead) {
                    shared = fromResource();
                    resourceRead = true;
                }
                i = shared;
            }
        }
        return i;
    }

    /** Keeps {@code memory} of an instance that has just run OP_INIT, if there is no image yet. */
    static void offer(Memory memory) {
        if (shared == null) {
            synchronized (InitImage.class) {
                if (shared == null) {
                    shared = of(memory);
                }
            }
        }
    }

    static InitImage of(Memory memory) {
        return new InitImage(moduleKey(), memory.pages(), memory.readBytes(0, memory.pages() * PAGE));
    }

    /** Gives {@code target}, a new instance's memory, this image's pages and bytes. */
    void restore(Memory target) {
        int grow = pages - target.pages();
        if (grow < 0 || grow > 0 && target.grow(grow) < 0) {
            throw new EngineException("the core could not initialise its tables: its memory limit ("
                    + target.maximumPages() * (long) PAGE / (1 << 20) + " MiB) is below the " + pages * (long) PAGE / (1 << 20)
                    + " MiB the tables need");
        }
        target.write(0, memory);
    }

    int pages() {
        return pages;
    }

    boolean sameBytes(Memory m) {
        return m.pages() == pages && Arrays.equals(m.readBytes(0, pages * PAGE), memory);
    }

    private static InitImage fromResource() {
        try (InputStream raw = InitImage.class.getResourceAsStream(RESOURCE)) {
            return raw == null ? null : read(raw, moduleKey());
        } catch (IOException e) {
            return null; // the tables are expanded instead; nothing is lost but time
        }
    }

    private static volatile long embeddedModuleKey;

    /** The embedded module's length (high 32 bits) and CRC-32 (low 32 bits), computed once. */
    static long moduleKey() {
        long k = embeddedModuleKey;
        if (k == 0) {
            embeddedModuleKey = k = crcKey(CoreModule.bytes());
        }
        return k;
    }

    private static long crcKey(byte[] module) {
        CRC32 crc = new CRC32();
        crc.update(module);
        return (long) module.length << 32 | crc.getValue();
    }

    /** An image written by {@link #write}, or null when it is malformed or not of the module {@code key}. */
    static InitImage read(InputStream raw, long key) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
            return null;
        }
        long imageKey = in.readLong();
        int pages = imageKey == key ? in.readInt() : -1;
        if (pages <= 0 || pages > 1 << 10) {
            return null;
        }
        byte[] memory = in.readNBytes(pages * PAGE);
        return memory.length == pages * PAGE && in.read() < 0 ? new InitImage(imageKey, pages, memory) : null;
    }

    void write(OutputStream os) throws IOException {
        DataOutputStream out = new DataOutputStream(os);
        out.write(MAGIC);
        out.writeLong(moduleKey);
        out.writeInt(pages);
        out.write(memory);
        out.flush();
    }

    /** Build step: expands the tables in one AOT instance and writes its memory to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        CoreInstance ci = new CoreInstance(CoreModule.load(Backend.AOT), 1 << 10, false);
        InitImage image = ci.initImage();
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        try (OutputStream os = Files.newOutputStream(out)) {
            image.write(os);
        }
        System.out.println("textwasm: init image " + out + ": " + image.pages + " pages, module length and CRC-32 " + Long.toHexString(image.moduleKey));
    }
}
