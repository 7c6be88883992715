package dev.sysc.report;

import java.util.List;

/**
 * The one CSV writer of the renderers (RFC 4180): a cell holding a comma, a quote, CR or LF is quoted and
 * its quotes doubled; any other cell is written as is, so plain names and numbers stay unquoted.
 */
final class Csv {
    private Csv() {}

    /** One cell; {@code null} is an empty cell. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** One line: the cells quoted as needed, joined by commas, ended by a line feed. */
    static String row(Object... cells) {
        return row(List.of(nullsToEmpty(cells)));
    }

    static String row(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        return sb.append('\n').toString();
    }

    // List.of rejects nulls; an absent value is an empty cell.
    private static Object[] nullsToEmpty(Object[] cells) {
        Object[] out = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = cells[i] == null ? "" : cells[i];
        }
        return out;
    }
}
