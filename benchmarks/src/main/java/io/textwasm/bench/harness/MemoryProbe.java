package io.textwasm.bench.harness;

import io.textwasm.Backend;
import io.textwasm.NormalizationForm;
import io.textwasm.TextEngine;
import io.textwasm.bench.corpus.Corpora;
import io.textwasm.bench.corpus.Corpus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a fresh JVM by {@link MemoryStage}: memory per engine instance. N engines, each with one
 * live core instance, are held while the heap is measured after full collections; the difference
 * from before, divided by N, is the Java heap one engine costs (with the Chicory backends the
 * wasm linear memory is a Java byte[] on that heap, so it is included).
 *
 * <pre>java -XX:+UseSerialGC -cp ... io.textwasm.bench.harness.MemoryProbe aot|compiler|interpreter N</pre>
 */
public final class MemoryProbe {
    private MemoryProbe() {}

    /**
     * Live heap: what the heap pools held right after the last full collection. Not
     * {@code MemoryMXBean.getHeapMemoryUsage()}, which also counts whatever was allocated after the
     * collection: in identical runs it read about 2 MB high or 0.7 MB low now and then (a class
     * histogram showed the same live objects either way), which moved the per-engine figure
     * between 837 and 733 KiB from one run to the next (2026-11-28).
     */
    static long heapUsed() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        long used = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = p.getType() == MemoryType.HEAP ? p.getCollectionUsage() : null;
            if (afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used;
    }

    static long metaspaceUsed() {
        long n = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getName().equals("Metaspace")) {
                n += p.getUsage().getUsed();
            }
        }
        return n;
    }

    public static void main(String[] args) {
        Backend backend = Backend.parse(args[0]);
        int n = Integer.parseInt(args[1]);
        // One engine first, dropped, so the measurement counts instances, not class loading and
        // the static caches the first engine fills (among them the tables engines of a backend
        // share: the stable set, mappings and piece answers this NFC call derives).
        try (TextEngine warm = TextEngine.builder().backend(backend).maxInstances(1).build()) {
            warm.normalize("e\u0301", NormalizationForm.NFC);
        }
        long heap0 = heapUsed();
        long meta0 = metaspaceUsed();
        List<TextEngine> engines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TextEngine e = TextEngine.builder().backend(backend).maxInstances(1).build();
            // The byte API always runs the core, so this creates the pooled instance (the String
            // API may answer from the shared tables without one).
            e.normalize(new byte[] {'e', (byte) 0xCC, (byte) 0x81}, NormalizationForm.NFC, io.textwasm.NormalizationOptions.DEFAULT);
            engines.add(e);
        }
        long heap1 = heapUsed();
        long meta1 = metaspaceUsed();
        long[] idle = engines.get(0).instanceMemory();
        String mb = Corpora.text(Corpus.FRENCH_NFD, "1MB");
        engines.get(0).normalize(mb, NormalizationForm.NFC);
        long[] afterMb = engines.get(0).instanceMemory();
        System.out.printf(java.util.Locale.ROOT,
                "{\"backend\":\"%s\",\"engines\":%d,\"heapPerEngine\":%d,\"metaspacePerEngine\":%d,\"linearMemory\":%d,\"tableBytes\":%d,"
                        + "\"linearMemoryAfter1MB\":%d,\"inputBytes1MB\":%d}%n",
                backend.cliName(), n, (heap1 - heap0) / n, (meta1 - meta0) / n, idle[0], idle[1], afterMb[0], Corpora.utf8Length(mb));
        engines.forEach(TextEngine::close);
    }
}
