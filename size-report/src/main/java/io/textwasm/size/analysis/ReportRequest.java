package io.textwasm.size.analysis;

/**
 * Inputs of one report, already read into memory.
 *
 * @param module the module to analyse
 * @param baseline a previous module or JSON report, or null
 * @param budget a budget file, or null
 */
public record ReportRequest(Input module, Input baseline, Input budget, int rollupDepth, int top) {

    /**
     * A file's bytes and its path as the user gave it. Errors name the path as given; reports
     * show only the base name, so they do not depend on the directory the build ran in.
     */
    public record Input(String path, byte[] bytes) {
        public String baseName() {
            String p = path.replace('\\', '/');
            int slash = p.lastIndexOf('/');
            return slash >= 0 && slash < p.length() - 1 ? p.substring(slash + 1) : p;
        }
    }
}
