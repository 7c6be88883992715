package dev.sysc.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Columns of text aligned with spaces; numeric columns align right. Given a width, a table that is
 * too wide folds: the one wrapping column (prose: a description, a status) wraps inside its cell, or,
 * when it is the last column and too little room is left, moves under its row as an indented
 * paragraph; optional columns are dropped, least important first, when folding is not enough.
 */
final class TextTable {
    /** A wrapping column narrower than this reads as a word per line: better under the row. */
    static final int MIN_WRAP = 24;

    private static final String GAP = "  ";
    private static final String BELOW = "    ";

    private final List<String> headers;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();
    private final Map<Integer, Function<String, String>> colors = new HashMap<>();
    private final List<Integer> optional = new ArrayList<>();
    private int wrapping = -1;
    private String reset = "";

    TextTable(List<String> headers, boolean... rightAligned) {
        this.headers = headers;
        this.right = rightAligned;
    }

    /**
     * Colors column {@code column}: {@code colorOf} maps a cell's text to the escape sequence that
     * starts its color ("" for none). Colors are applied after padding, so alignment is unaffected.
     */
    TextTable color(int column, Function<String, String> colorOf, Style style) {
        colors.put(column, colorOf);
        reset = style.reset();
        return this;
    }

    /** Column {@code column} holds prose that may wrap when the table is too wide. */
    TextTable wrapping(int column) {
        wrapping = column;
        return this;
    }

    /** Columns that may be dropped when the table is too wide, the first given dropped first. */
    TextTable optional(int... columns) {
        for (int c : columns) {
            optional.add(c);
        }
        return this;
    }

    void add(List<String> row) {
        rows.add(row);
    }

    /** The table at its natural width, however wide that is. */
    String render() {
        return render(Integer.MAX_VALUE);
    }

    /** The table folded to fit {@code width} columns where it can be. */
    String render(int width) {
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            shown.add(c);
        }
        List<Integer> droppable = new ArrayList<>(optional);
        while (true) {
            int[] natural = naturalWidths(shown);
            int total = total(natural);
            if (total <= width) {
                return lines(shown, natural, -1, false, width);
            }
            int w = shown.indexOf(wrapping);
            if (w >= 0) {
                int room = width - (total - natural[w]);
                if (room >= MIN_WRAP) {
                    natural[w] = room;
                    return lines(shown, natural, w, false, width);
                }
                if (w == shown.size() - 1 && total - natural[w] - GAP.length() <= width) {
                    return lines(shown, natural, w, true, width);
                }
            }
            if (droppable.isEmpty()) {
                // Nothing more to give up: fold what can be folded and let the rest run over.
                return w >= 0
                        ? lines(shown, natural, w, w == shown.size() - 1, width)
                        : lines(shown, natural, -1, false, width);
            }
            shown.remove(droppable.remove(0));
        }
    }

    private int[] naturalWidths(List<Integer> shown) {
        int[] width = new int[shown.size()];
        for (int i = 0; i < width.length; i++) {
            int c = shown.get(i);
            width[i] = headers.get(c).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(c).length());
            }
        }
        return width;
    }

    private static int total(int[] widths) {
        int sum = GAP.length() * Math.max(0, widths.length - 1);
        for (int w : widths) {
            sum += w;
        }
        return sum;
    }

    /**
     * The rows, column {@code fold} (an index into {@code shown}, or -1) wrapped to its width, or
     * with {@code below} wrapped under each row instead.
     */
    private String lines(List<Integer> shown, int[] widths, int fold, boolean below, int width) {
        List<Integer> inline = new ArrayList<>(shown);
        int[] inlineWidths = widths;
        if (below) {
            inline.remove(fold);
            inlineWidths = java.util.Arrays.copyOf(widths, widths.length - 1);
        }
        StringBuilder sb = new StringBuilder();
        int foldInline = below ? -1 : fold;
        emit(sb, headers, inline, inlineWidths, foldInline, false);
        for (List<String> row : rows) {
            emit(sb, row, inline, inlineWidths, foldInline, true);
            if (below) {
                String prose = row.get(shown.get(fold));
                if (!prose.isBlank()) {
                    sb.append(TextWidth.indent(prose, width, BELOW));
                }
            }
        }
        return sb.toString();
    }

    /**
     * One row (its cells in {@code columns}, original indexes): as many lines as its wrapping cell
     * ({@code fold}, an index into {@code columns}) needs, the other cells on the first.
     */
    private void emit(
            StringBuilder sb, List<String> row, List<Integer> columns, int[] widths, int fold, boolean colored) {
        List<String> folded = fold >= 0 ? TextWidth.wrap(row.get(columns.get(fold)), widths[fold]) : List.of();
        int height = Math.max(1, folded.size());
        for (int line = 0; line < height; line++) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                int c = columns.get(i);
                String cell = i == fold ? folded.get(line) : line == 0 ? row.get(c) : "";
                String pad = " ".repeat(Math.max(0, widths[i] - cell.length()));
                if (i > 0) {
                    out.append(GAP);
                }
                boolean alignRight = c < right.length && right[c] && i != fold;
                String padded = alignRight ? pad + cell : cell + pad;
                if (i == columns.size() - 1) {
                    padded = padded.stripTrailing();
                }
                String color = colored && colors.containsKey(c) && !cell.isEmpty()
                        ? colors.get(c).apply(cell)
                        : "";
                out.append(color.isEmpty() ? padded : color + padded + reset);
            }
            sb.append(out.toString().stripTrailing()).append('\n');
        }
    }
}
