package io.textwasm.plugin;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.CompType;
import com.dylibso.chicory.wasm.types.CustomSection;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.RecType;
import com.dylibso.chicory.wasm.types.SubType;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableLimits;
import com.dylibso.chicory.wasm.types.UnknownCustomSection;
import com.dylibso.chicory.wasm.types.ValType;
import io.textwasm.plugin.PluginInspection.Kind;
import io.textwasm.plugin.PluginInspection.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plugin ABI's static rules (docs/plugin-abi.md), checked on the parsed module before any
 * of it runs. Every problem is collected, so `textwasm plugin inspect` can list them all;
 * loading fails on the first.
 */
final class AbiCheck {
    private AbiCheck() {}

    static final String NAMESPACE = "textwasm";
    static final String MEMORY = "memory";
    static final String ALLOC = "tw_plugin_alloc";
    static final String FREE = "tw_plugin_free";
    static final String TRANSFORM_PREFIX = "tw_transform_";
    static final int MAX_NAME = 64;
    /**
     * Tables are arrays on the JVM heap, sized by the module; a module could ask for 2^32
     * entries. No compiler emits more than a few thousand for indirect calls.
     */
    static final long MAX_TABLE_ENTRIES = 65_536;
    /**
     * Functions in a module. Compiling is not bounded by the call timeout, and a module of
     * 300,000 empty functions took 20 s and 1.3 GB of heap to compile; text plugins have a few
     * hundred (the examples: under 100).
     */
    static final int MAX_FUNCTIONS = 50_000;
    /**
     * Parameters and locals of one function. A function past the JVM's limits runs in Chicory's
     * interpreter, which keeps each frame's locals on the heap: 50,000 of them made each level of
     * a recursion 400 KB, and a deep one gigabytes.
     */
    static final int MAX_LOCALS = 4_096;

    static final FunctionType ALLOC_TYPE = fn(List.of(ValType.I32), List.of(ValType.I32));
    static final FunctionType FREE_TYPE = fn(List.of(ValType.I32, ValType.I32), List.of());
    static final FunctionType TRANSFORM_TYPE = fn(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));

    /** The host functions, by name, with their signatures (HostFunctions implements them). */
    static final Map<String, FunctionType> HOST = hostFunctions();

    private static Map<String, FunctionType> hostFunctions() {
        Map<String, FunctionType> m = new LinkedHashMap<>();
        ValType i = ValType.I32;
        m.put("log", fn(List.of(i, i, i), List.of()));
        m.put("normalize", fn(List.of(i, i, i, i), List.of(ValType.I64)));
        m.put("segment", fn(List.of(i, i, i), List.of(ValType.I64)));
        m.put("count", fn(List.of(i, i, i), List.of(ValType.I64)));
        m.put("truncate", fn(List.of(i, i, i, i, i), List.of(ValType.I64)));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static FunctionType fn(List<ValType> params, List<ValType> results) {
        return FunctionType.of(params, results);
    }

    static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    }

    /** Checks {@code m}; {@code capPages} is the memory limit the module will run under. */
    static PluginInspection inspect(WasmModule m, String sha256, long size, int capPages) {
        List<Problem> problems = new ArrayList<>();
        List<FunctionType> funcTypes = new ArrayList<>();

        List<PluginInspection.Import> imports = new ArrayList<>();
        for (int k = 0; k < m.importSection().importCount(); k++) {
            Import imp = m.importSection().getImport(k);
            String where = imp.module() + "." + imp.name();
            String kind = kind(imp.importType());
            String type = "";
            String refusal = null;
            if (imp.importType() == ExternalType.FUNCTION) {
                FunctionType t = m.typeSection().getType(((FunctionImport) imp).typeIndex());
                funcTypes.add(t);
                type = signature(t);
                FunctionType offered = NAMESPACE.equals(imp.module()) ? HOST.get(imp.name()) : null;
                if (!NAMESPACE.equals(imp.module())) {
                    refusal = "refused import " + where;
                } else if (offered == null) {
                    refusal = "refused import " + where + ": the host offers " + String.join(", ", HOST.keySet());
                } else if (!offered.equals(t)) {
                    refusal = "refused import " + where + ": declared as " + type + ", the host's is " + signature(offered);
                }
            } else {
                refusal = "refused import " + where + " (a " + kind + "; plugins may import only functions from '" + NAMESPACE + "')";
            }
            if (refusal != null) {
                problems.add(new Problem(Kind.REFUSED_IMPORT, refusal));
            }
            imports.add(new PluginInspection.Import(imp.module(), imp.name(), kind, type, refusal == null));
        }
        for (int k = 0; k < m.functionSection().functionCount(); k++) {
            funcTypes.add(m.typeSection().getType(m.functionSection().getFunctionType(k)));
        }

        // Memory: exactly one, the module's own, within the cap.
        long minPages = -1;
        long maxPages = -1;
        int memories = m.memorySection().map(s -> s.memoryCount()).orElse(0);
        if (memories == 0) {
            problems.add(new Problem(Kind.ABI_VIOLATION, "no memory: a plugin defines one memory and exports it as '" + MEMORY + "'"));
        } else if (memories > 1) {
            problems.add(new Problem(Kind.ABI_VIOLATION, memories + " memories: a plugin has exactly one"));
        } else {
            MemoryLimits limits = m.memorySection().get().getMemory(0).limits();
            minPages = limits.initialPages();
            maxPages = limits.maximumPages() == MemoryLimits.MAX_PAGES ? -1 : limits.maximumPages();
            if (limits.shared()) {
                problems.add(new Problem(Kind.ABI_VIOLATION, "shared memory: plugins run single-threaded and may not declare it"));
            }
            if (limits.initialPages() > capPages) {
                problems.add(new Problem(Kind.MEMORY_LIMIT, "memory limit " + Units.bytes((long) capPages << 16)
                        + " exceeded: the module's memory starts at " + limits.initialPages() + " pages ("
                        + Units.bytes((long) limits.initialPages() << 16) + ")"));
            }
        }

        // Tables: every entry is heap, so the limit is on all tables together (one per table let
        // 20,000 tables of 65,536 entries through).
        long tableEntries = 0;
        for (int k = 0; k < m.tableSection().tableCount(); k++) {
            Table t = m.tableSection().getTable(k);
            long max = t.limits().max();
            if (t.limits().min() > MAX_TABLE_ENTRIES || max > MAX_TABLE_ENTRIES) {
                String extent = max >= TableLimits.LIMIT_MAX ? "has no maximum" : "may grow to " + max + " entries";
                problems.add(new Problem(Kind.ABI_VIOLATION, "table " + k + " " + extent + "; plugins may declare at most "
                        + MAX_TABLE_ENTRIES + " entries"));
            }
            tableEntries += Math.min(max, MAX_TABLE_ENTRIES + 1);
        }
        if (tableEntries > MAX_TABLE_ENTRIES && m.tableSection().tableCount() > 1) {
            problems.add(new Problem(Kind.ABI_VIOLATION, m.tableSection().tableCount() + " tables may grow to "
                    + tableEntries + " entries together; plugins may declare at most " + MAX_TABLE_ENTRIES + " in all"));
        }
        gcTypes(m, problems);
        int functions = m.functionSection().functionCount();
        if (functions > MAX_FUNCTIONS) {
            problems.add(new Problem(Kind.ABI_VIOLATION, functions + " functions; plugins may define at most " + MAX_FUNCTIONS));
        } else {
            for (int k = 0; k < m.codeSection().functionBodyCount(); k++) {
                int locals = m.codeSection().getFunctionBody(k).localTypes().size();
                int params = k < m.functionSection().functionCount()
                        ? m.typeSection().getType(m.functionSection().getFunctionType(k)).params().size() : 0;
                if (params + locals > MAX_LOCALS) {
                    problems.add(new Problem(Kind.ABI_VIOLATION, "function " + (m.importSection().count(ExternalType.FUNCTION) + k)
                            + " has " + (params + locals) + " parameters and locals; plugins may have at most " + MAX_LOCALS));
                    break;
                }
            }
        }

        // Exports.
        List<PluginInspection.Export> exports = new ArrayList<>();
        Map<String, Export> byName = new LinkedHashMap<>();
        List<String> transforms = new ArrayList<>();
        for (int k = 0; k < m.exportSection().exportCount(); k++) {
            Export e = m.exportSection().getExport(k);
            byName.put(e.name(), e);
            String type = "";
            if (e.exportType() == ExternalType.FUNCTION && e.index() < funcTypes.size()) {
                type = signature(funcTypes.get(e.index()));
            }
            exports.add(new PluginInspection.Export(e.name(), kind(e.exportType()), type));
            if (e.name().startsWith(TRANSFORM_PREFIX)) {
                String name = e.name().substring(TRANSFORM_PREFIX.length());
                if (name.isEmpty() || name.length() > MAX_NAME || !name.chars().allMatch(c -> isNameChar((char) c))) {
                    problems.add(new Problem(Kind.ABI_VIOLATION, "export '" + e.name() + "': a transform name is 1 to " + MAX_NAME
                            + " of A-Z a-z 0-9 . _ -"));
                } else if (expect(problems, e, funcTypes, TRANSFORM_TYPE)) {
                    transforms.add(name);
                }
            }
        }
        Export mem = byName.get(MEMORY);
        if (mem == null) {
            problems.add(new Problem(Kind.ABI_VIOLATION, "missing export '" + MEMORY + "'"));
        } else if (mem.exportType() != ExternalType.MEMORY) {
            problems.add(new Problem(Kind.ABI_VIOLATION, "export '" + MEMORY + "' is a " + kind(mem.exportType()) + ", not a memory"));
        }
        Export alloc = byName.get(ALLOC);
        if (alloc == null) {
            problems.add(new Problem(Kind.ABI_VIOLATION, "missing export '" + ALLOC + "'"));
        } else {
            expect(problems, alloc, funcTypes, ALLOC_TYPE);
        }
        Export free = byName.get(FREE);
        if (free != null) {
            expect(problems, free, funcTypes, FREE_TYPE);
        }
        if (transforms.isEmpty() && byName.keySet().stream().noneMatch(n -> n.startsWith(TRANSFORM_PREFIX))) {
            problems.add(new Problem(Kind.ABI_VIOLATION, "missing export: no transforms (functions named "
                    + TRANSFORM_PREFIX + "<name>)"));
        }

        PluginMetadata metadata = PluginMetadata.NONE;
        CustomSection section = m.customSection(PluginMetadata.SECTION);
        if (section instanceof UnknownCustomSection) {
            try {
                metadata = PluginMetadata.parse(((UnknownCustomSection) section).bytes());
                String d = metadata.defaultTransform().orElse(null);
                if (d != null && !byName.containsKey(TRANSFORM_PREFIX + d)) {
                    problems.add(new Problem(Kind.ABI_VIOLATION, "metadata names the default transform '" + d
                            + "', which the module does not export as " + TRANSFORM_PREFIX + d));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(Kind.ABI_VIOLATION, "metadata section '" + PluginMetadata.SECTION + "': " + e.getMessage()));
            }
        }
        return new PluginInspection(sha256, size, List.copyOf(imports), List.copyOf(exports), List.copyOf(transforms),
                minPages, maxPages, metadata, List.copyOf(problems));
    }

    /**
     * Struct and array types (the GC proposal, which Chicory accepts) are refused: their objects
     * live on the JVM heap, outside the memory limit, and a loop of array.new ran the JVM out of
     * heap. Without such types no instruction can allocate them.
     */
    private static void gcTypes(WasmModule m, List<Problem> problems) {
        int index = 0;
        for (int r = 0; r < m.typeSection().typeCount(); r++) {
            RecType rec = m.typeSection().getRecType(r);
            SubType[] subs = rec == null || rec.isLegacy() ? new SubType[0] : rec.subTypes();
            for (SubType sub : subs) {
                CompType c = sub == null ? null : sub.compType();
                if (c != null && (c.structType() != null || c.arrayType() != null)) {
                    problems.add(new Problem(Kind.ABI_VIOLATION, "type " + index + " is a GC " + (c.structType() != null ? "struct" : "array")
                            + "; plugins may define only function types (GC objects would live outside the memory limit)"));
                    return;
                }
                index++;
            }
            if (subs.length == 0) {
                index++;
            }
        }
    }

    private static boolean expect(List<Problem> problems, Export e, List<FunctionType> funcTypes, FunctionType want) {
        if (e.exportType() != ExternalType.FUNCTION) {
            problems.add(new Problem(Kind.ABI_VIOLATION, "export '" + e.name() + "' is a " + kind(e.exportType()) + ", not a function"));
            return false;
        }
        FunctionType got = e.index() < funcTypes.size() ? funcTypes.get(e.index()) : null;
        if (got == null || !got.equals(want)) {
            problems.add(new Problem(Kind.ABI_VIOLATION, "export '" + e.name() + "' has type "
                    + (got == null ? "?" : signature(got)) + ", the ABI needs " + signature(want)));
            return false;
        }
        return true;
    }

    static String kind(ExternalType t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    /** "(i32, i32) -> i32", "(i32) -> ()". */
    static String signature(FunctionType t) {
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < t.params().size(); k++) {
            b.append(k > 0 ? ", " : "").append(valType(t.params().get(k)));
        }
        b.append(") -> ");
        List<ValType> r = t.returns();
        if (r.size() == 1) {
            return b.append(valType(r.get(0))).toString();
        }
        b.append('(');
        for (int k = 0; k < r.size(); k++) {
            b.append(k > 0 ? ", " : "").append(valType(r.get(k)));
        }
        return b.append(')').toString();
    }

    private static String valType(ValType v) {
        if (v.equals(ValType.I32)) {
            return "i32";
        }
        if (v.equals(ValType.I64)) {
            return "i64";
        }
        if (v.equals(ValType.F32)) {
            return "f32";
        }
        if (v.equals(ValType.F64)) {
            return "f64";
        }
        return v.toString().toLowerCase(Locale.ROOT);
    }
}
