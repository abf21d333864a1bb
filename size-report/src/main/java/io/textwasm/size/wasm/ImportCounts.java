package io.textwasm.size.wasm;

/** How many imports of each kind the import section declares. */
public record ImportCounts(int functions, int tables, int memories, int globals, int tags) {
    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0);

    public int total() {
        return functions + tables + memories + globals + tags;
    }
}
