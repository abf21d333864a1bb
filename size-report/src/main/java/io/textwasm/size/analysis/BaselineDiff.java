package io.textwasm.size.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Growth and shrinkage against a baseline build.
 *
 * @param file the baseline's file name
 * @param source {@code wasm} or {@code json-report}
 * @param totals raw, gzip and brotli, in that order
 * @param sections every section name of either build: current order first, then removed ones
 * @param functions only functions whose size changed, largest change first (ties by name)
 */
public record BaselineDiff(
        String file, String source, List<Change> totals, List<Change> sections, List<Change> functions) {

    public BaselineDiff {
        totals = List.copyOf(totals);
        sections = List.copyOf(sections);
        functions = List.copyOf(functions);
    }

    public static BaselineDiff compare(SizeSnapshot old, SizeSnapshot now) {
        List<Change> totals = List.of(
                new Change("raw", old.raw(), now.raw(), true, true),
                new Change("gzip", old.gzip(), now.gzip(), true, true),
                new Change("brotli", old.brotli(), now.brotli(), true, true));
        List<Change> sections = union(old.sections(), now.sections());
        List<Change> functions = new ArrayList<>();
        for (Change c : union(old.functions(), now.functions())) {
            if (c.delta() != 0 || c.inOld() != c.inNew()) {
                functions.add(c);
            }
        }
        functions.sort(Comparator.comparingLong((Change c) -> Math.abs(c.delta())).reversed()
                .thenComparing(Change::name));
        return new BaselineDiff(old.file(), old.source(), totals, sections, functions);
    }

    private static List<Change> union(Map<String, Long> old, Map<String, Long> now) {
        Set<String> names = new LinkedHashSet<>(now.keySet());
        names.addAll(old.keySet());
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            changes.add(new Change(name, old.getOrDefault(name, 0L), now.getOrDefault(name, 0L),
                    old.containsKey(name), now.containsKey(name)));
        }
        return changes;
    }

    public long count(String status) {
        return functions.stream().filter(c -> c.status().equals(status)).count();
    }
}
