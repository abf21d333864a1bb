package io.textwasm;

import java.util.Objects;

/**
 * How {@link TextEngine#truncate} shortens text: a budget in one unit, an optional ellipsis that
 * counts inside the budget, and optionally backing off to the end of a word. The result never
 * splits a grapheme cluster. Immutable.
 */
public final class Truncation {
    /** The unit a budget is measured in. */
    public enum Unit {
        UTF8_BYTES(0, "UTF-8 bytes"),
        UTF16_UNITS(1, "UTF-16 units"),
        CODE_POINTS(2, "code points"),
        GRAPHEMES(3, "grapheme clusters");

        final int abiCode;
        private final String words;

        Unit(int abiCode, String words) {
            this.abiCode = abiCode;
            this.words = words;
        }

        /** The unit in words, for messages: "UTF-8 bytes". */
        @Override
        public String toString() {
            return words;
        }
    }

    private final Unit unit;
    private final int limit;
    private final String ellipsis;
    private final boolean atWordBoundary;

    private Truncation(Unit unit, int limit, String ellipsis, boolean atWordBoundary) {
        if (limit < 0) {
            throw new IllegalArgumentException("truncation limit must not be negative: " + limit);
        }
        this.unit = unit;
        this.limit = limit;
        this.ellipsis = ellipsis;
        this.atWordBoundary = atWordBoundary;
    }

    public static Truncation utf8Bytes(int max) {
        return new Truncation(Unit.UTF8_BYTES, max, "", false);
    }

    public static Truncation utf16Units(int max) {
        return new Truncation(Unit.UTF16_UNITS, max, "", false);
    }

    public static Truncation codePoints(int max) {
        return new Truncation(Unit.CODE_POINTS, max, "", false);
    }

    public static Truncation graphemes(int max) {
        return new Truncation(Unit.GRAPHEMES, max, "", false);
    }

    /** Appends {@code ellipsis} when the text is cut; its size counts inside the budget. */
    public Truncation withEllipsis(String ellipsis) {
        return new Truncation(unit, limit, Objects.requireNonNull(ellipsis, "ellipsis"), atWordBoundary);
    }

    /** Backs off to the last end of a word within the budget, when there is one. */
    public Truncation atWordBoundary() {
        return new Truncation(unit, limit, ellipsis, true);
    }

    public Unit unit() {
        return unit;
    }

    public int limit() {
        return limit;
    }

    public String ellipsis() {
        return ellipsis;
    }

    public boolean isAtWordBoundary() {
        return atWordBoundary;
    }

    @Override
    public String toString() {
        return "Truncation[" + unit + " " + limit + (ellipsis.isEmpty() ? "" : ", ellipsis '" + ellipsis + "'")
                + (atWordBoundary ? ", at word boundary" : "") + "]";
    }
}
