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
 * runs in HotSpot's interpreter). The image names the SHA-256 of the module it was taken from; an
 * image of other module bytes, or none (a class path without the build's output), is not used,
 * and then the first instance expands the tables and its memory becomes the image for the next
 * ones. The image costs its size in heap once per JVM (832 KiB for the module of 2026-11-27).
 */
public final class InitImage {
    static final String RESOURCE = "/io/textwasm/internal/textwasm.init";
    private static final byte[] MAGIC = "TWINIT1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int PAGE = 65536;

    private static volatile InitImage shared;
    private static volatile boolean resourceRead;

    /** The module's SHA-256 (hex) the image belongs to. */
    private final String moduleSha256;
    private final int pages;
    private final byte[] memory;

    private InitImage(String moduleSha256, int pages, byte[] memory) {
        this.moduleSha256 = moduleSha256;
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
        return new InitImage(CoreModule.sha256(), memory.pages(), memory.readBytes(0, memory.pages() * PAGE));
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
            return raw == null ? null : read(raw, CoreModule.sha256());
        } catch (IOException e) {
            return null; // the tables are expanded instead; nothing is lost but time
        }
    }

    /** An image written by {@link #write}, or null when it is malformed or not of module {@code sha256}. */
    static InitImage read(InputStream raw, String sha256) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
            return null;
        }
        String sha = new String(in.readNBytes(64), StandardCharsets.US_ASCII);
        int pages = sha.equals(sha256) ? in.readInt() : -1;
        if (pages <= 0 || pages > 1 << 10) {
            return null;
        }
        byte[] memory = in.readNBytes(pages * PAGE);
        return memory.length == pages * PAGE && in.read() < 0 ? new InitImage(sha, pages, memory) : null;
    }

    void write(OutputStream os) throws IOException {
        DataOutputStream out = new DataOutputStream(os);
        out.write(MAGIC);
        out.write(moduleSha256.getBytes(StandardCharsets.US_ASCII));
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
        System.out.println("textwasm: init image " + out + ": " + image.pages + " pages, module sha256 " + image.moduleSha256);
    }
}
