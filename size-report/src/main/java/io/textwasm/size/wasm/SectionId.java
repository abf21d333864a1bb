package io.textwasm.size.wasm;

/**
 * Section ids from the core spec (binary format, section 5.5.2) plus the two later ones the size
 * report must recognise: {@code datacount} (bulk memory) and {@code tag} (exception handling).
 * The lower-case names are the ones used in reports and budget files.
 */
public enum SectionId {
    CUSTOM(0, "custom", 0),
    TYPE(1, "type", 1),
    IMPORT(2, "import", 2),
    FUNCTION(3, "function", 3),
    TABLE(4, "table", 4),
    MEMORY(5, "memory", 5),
    GLOBAL(6, "global", 7),
    EXPORT(7, "export", 8),
    START(8, "start", 9),
    ELEMENT(9, "element", 10),
    CODE(10, "code", 12),
    DATA(11, "data", 13),
    DATACOUNT(12, "datacount", 11),
    TAG(13, "tag", 6);

    private static final SectionId[] BY_ID = values();

    private final int id;
    private final String reportName;
    // Position in the order the spec requires; tag sits between memory and global, and
    // datacount between element and code, which is why this is not simply the id.
    private final int order;

    SectionId(int id, String reportName, int order) {
        this.id = id;
        this.reportName = reportName;
        this.order = order;
    }

    public int id() {
        return id;
    }

    public String reportName() {
        return reportName;
    }

    int order() {
        return order;
    }

    /** Returns the section for an id byte, or null when the spec defines none. */
    public static SectionId of(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    /** Returns the known section for a report name (not "custom:..."), or null. */
    public static SectionId byReportName(String name) {
        for (SectionId s : BY_ID) {
            if (s != CUSTOM && s.reportName.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
