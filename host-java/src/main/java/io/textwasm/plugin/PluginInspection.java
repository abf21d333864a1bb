package io.textwasm.plugin;

import java.util.List;

/**
 * What a module imports and exports, what it says about itself, and whether it follows the
 * plugin ABI, found without running any of it ({@link PluginHost#inspect}).
 *
 * @param sha256 the module's SHA-256, hex
 * @param size the module's size in bytes
 * @param imports every import, in order, with whether the host offers it
 * @param exports every export, in order
 * @param transforms the transform names (exports {@code tw_transform_<name>}), in order
 * @param memoryMinPages the memory's declared minimum in 64 KiB pages, -1 when it has none
 * @param memoryMaxPages the memory's declared maximum in pages, -1 when undeclared
 * @param metadata the metadata section's fields (all empty when there is none)
 * @param problems every way the module breaks the ABI; empty when it can be loaded
 */
public record PluginInspection(
        String sha256,
        long size,
        List<Import> imports,
        List<Export> exports,
        List<String> transforms,
        long memoryMinPages,
        long memoryMaxPages,
        PluginMetadata metadata,
        List<Problem> problems) {

    /** {@code kind} is "function", "memory", "table", "global" or "tag"; {@code type} a signature for functions. */
    public record Import(String module, String name, String kind, String type, boolean offered) {}

    public record Export(String name, String kind, String type) {}

    /** What kind of load failure a problem causes. */
    public enum Kind {
        /** Loading throws {@link RefusedImportException}. */
        REFUSED_IMPORT,
        /** Loading throws {@link PluginMemoryLimitException}. */
        MEMORY_LIMIT,
        /** Loading throws {@link PluginAbiException}. */
        ABI_VIOLATION
    }

    /** One departure from the ABI; the message may quote the module's names, escaped as log lines are. */
    public record Problem(Kind kind, String message) {
        public Problem {
            message = PluginInstance.printable(message);
        }
    }

    public boolean followsAbi() {
        return problems.isEmpty();
    }
}
