package io.textwasm.bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured, gathered by the stages and read by the emitters. */
final class Results {
    final List<Measurement> measurements = new ArrayList<>();
    /** Contender or stage → why it did not run (or ran only in part), verbatim where there was an error. */
    final Map<String, String> notRun = new LinkedHashMap<>();
    /** Free-form notes for the report, in order. */
    final List<String> notes = new ArrayList<>();
    /** Runtime → milliseconds from process start to the first result, one entry per fresh process. */
    final Map<String, List<Double>> startupMs = new LinkedHashMap<>();
    /** Rows of the memory table: what → value, already formatted. */
    final List<String[]> memory = new ArrayList<>();
    /** Contender|op → ops/s by thread count. */
    final Map<String, Map<Integer, Double>> scaling = new LinkedHashMap<>();
    /** One line per runtime compared, e.g. "node: identical on 40,424 cases". */
    final List<String> fidelity = new ArrayList<>();
    boolean fidelityPassed = true;
    final Map<String, String> machine = new LinkedHashMap<>();
    /** The module's raw size, and one idle AOT instance's linear memory (NaN until measured), for the seed's claims. */
    double moduleBytes = Double.NaN;
    double aotLinearBytes = Double.NaN;
    /** Runtime → seconds its stage took. */
    final Map<String, Double> stageSeconds = new LinkedHashMap<>();

    synchronized void add(Measurement m) {
        measurements.add(m);
    }

    Measurement find(String op, String corpus, String size, String contender) {
        for (Measurement m : measurements) {
            if (m.op().equals(op) && m.corpus().equals(corpus) && m.size().equals(size) && m.contender().equals(contender)) {
                return m;
            }
        }
        return null;
    }

    boolean ran(String contender) {
        return measurements.stream().anyMatch(m -> m.contender().equals(contender));
    }
}
