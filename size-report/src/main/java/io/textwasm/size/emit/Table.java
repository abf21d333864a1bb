package io.textwasm.size.emit;

import java.util.ArrayList;
import java.util.List;

/** Rows of cells with a header, rendered either as aligned text or as a markdown table. */
final class Table {
    private final String[] headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** Headers ending in ">" are right-aligned (numbers); the marker is not printed. */
    Table(String... headers) {
        this.headers = new String[headers.length];
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            boolean right = headers[i].endsWith(">");
            this.rightAligned[i] = right;
            this.headers[i] = right ? headers[i].substring(0, headers[i].length() - 1) : headers[i];
        }
    }

    Table row(String... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("expected " + headers.length + " cells");
        }
        rows.add(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Aligned columns, two spaces apart, indented; no trailing spaces. */
    void text(StringBuilder out, String indent) {
        int[] width = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            width[i] = headers[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        textLine(out, indent, headers, width);
        for (String[] r : rows) {
            textLine(out, indent, r, width);
        }
    }

    private void textLine(StringBuilder out, String indent, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(width[i] - cells[i].length());
            line.append(rightAligned[i] ? pad + cells[i] : cells[i] + pad);
        }
        out.append(stripTrailing(line)).append('\n');
    }

    /** A GitHub-flavoured markdown table; cells are escaped by the caller. */
    void markdown(StringBuilder out) {
        out.append('|');
        for (String h : headers) {
            out.append(' ').append(h).append(" |");
        }
        out.append("\n|");
        for (boolean right : rightAligned) {
            out.append(right ? " ---: |" : " :--- |");
        }
        out.append('\n');
        for (String[] r : rows) {
            out.append('|');
            for (String c : r) {
                out.append(' ').append(c).append(" |");
            }
            out.append('\n');
        }
    }

    private static String stripTrailing(StringBuilder s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
