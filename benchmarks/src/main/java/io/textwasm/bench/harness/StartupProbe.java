package io.textwasm.bench.harness;

import io.textwasm.Backend;
import io.textwasm.NormalizationForm;
import io.textwasm.TextEngine;
import io.textwasm.bench.contender.Contender;
import java.time.Duration;
import java.time.Instant;

/**
 * Run in a fresh JVM by {@link StartupStage}: the time from the JVM's start to the first
 * normalized string, with nothing warmed up or cached.
 *
 * <pre>java -cp ... io.textwasm.bench.harness.StartupProbe aot|compiler|interpreter|icu4j|jdk STAMP</pre>
 *
 * STAMP is the parent's System.nanoTime() taken just before it started this process. On Linux both
 * JVMs read the same CLOCK_MONOTONIC without an offset, so the difference is the whole start-up,
 * process creation included. The process's own start time (10 ms resolution) is printed as a check.
 */
public final class StartupProbe {
    private StartupProbe() {}

    public static void main(String[] args) {
        String who = args[0];
        long stamp = Long.parseLong(args[1]);
        long mainAt = System.nanoTime();
        String r;
        long engineReady;
        if (who.equals("icu4j") || who.equals("jdk")) {
            Contender c = Contender.create(who);
            engineReady = System.nanoTime();
            r = c.normalize("ｶﾞｰﾃﾞﾝ", NormalizationForm.NFKC);
        } else {
            TextEngine e = TextEngine.builder().backend(Backend.parse(who)).build();
            engineReady = System.nanoTime();
            r = e.normalize("ｶﾞｰﾃﾞﾝ", NormalizationForm.NFKC);
        }
        long done = System.nanoTime();
        double byProcessStart = ProcessHandle.current().info().startInstant()
                .map(t -> Duration.between(t, Instant.now()).toNanos() / 1e6).orElse(Double.NaN);
        System.out.printf(java.util.Locale.ROOT,
                "{\"runtime\":\"%s\",\"firstResultMs\":%.3f,\"mainMs\":%.3f,\"engineMs\":%.3f,\"byProcessStartMs\":%.1f,\"result\":\"%s\"}%n",
                who, (done - stamp) / 1e6, (mainAt - stamp) / 1e6, (engineReady - mainAt) / 1e6, byProcessStart, r);
    }
}
