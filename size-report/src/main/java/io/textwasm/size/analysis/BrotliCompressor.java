package io.textwasm.size.analysis;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.IOException;

/**
 * Brotli at quality 11 and a 16 MiB window (lgwin 24): the settings a CDN uses for static
 * assets, so this is the size users download. Brotli4j wraps the reference C encoder, so the
 * result matches {@code brotli -q 11 -w 24} byte for byte.
 */
public final class BrotliCompressor implements Compressor {
    static final int QUALITY = 11;
    static final int WINDOW = 24;

    @Override
    public long compressedSize(byte[] data) {
        ensureNatives();
        try {
            return Encoder.compress(data, new Encoder.Parameters().setQuality(QUALITY).setWindow(WINDOW)).length;
        } catch (IOException e) {
            throw new CompressionUnavailableException("brotli: encoder failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String settings() {
        return "quality " + QUALITY + ", window " + WINDOW + " (Brotli4j)";
    }

    private static void ensureNatives() {
        try {
            Brotli4jLoader.ensureAvailability();
        } catch (LinkageError | RuntimeException e) {
            // ensureAvailability throws UnsatisfiedLinkError; turn it into one readable line that
            // says what to add instead of a linkage stack trace.
            String platform = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
            throw new CompressionUnavailableException("brotli: native library unavailable on " + platform
                    + " (add the matching com.aayushatharva.brotli4j:native-* artifact to the classpath)", e);
        }
    }
}
