package dev.sysc.report;

import dev.sysc.batch.BatchSeries;
import dev.sysc.batch.WorkloadInfo;
import dev.sysc.batch.WorkloadResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A terminal chart of ns per operation against batch size: one column per size measured (sizes are
 * usually powers of two, so the x axis is a log axis too), the y axis logarithmic, one mark per strategy.
 */
final class BatchChart {
    static final int HEIGHT = 10;
    /** Columns per batch size when there is room; narrower screens get narrower columns, down to {@link #MIN_COLUMN}. */
    static final int COLUMN = 4;

    static final int MIN_COLUMN = 2;
    static final char[] MARKS = {'o', '*', '+', 'x'};
    static final char OVERLAP = '#';

    private BatchChart() {}

    static String render(WorkloadResult w) {
        return render(w, Integer.MAX_VALUE);
    }

    /** The chart in at most {@code width} columns where the sizes allow it (two columns each at least). */
    static String render(WorkloadResult w, int width) {
        int[] sizes = w.sizes();
        // A selection with receiver figures charts the receiver: the whole batch's rise with K is the sender's.
        boolean receiver = w.receiver() != null;
        List<BatchSeries> series = receiver ? w.receiver().receiver() : w.series();
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (BatchSeries s : series) {
            for (int size : sizes) {
                double v = s.at(size);
                if (v > 0) {
                    lo = Math.min(lo, Math.log10(v));
                    hi = Math.max(hi, Math.log10(v));
                }
            }
        }
        if (lo > hi) {
            return "(nothing to chart: no positive figures)\n";
        }
        if (hi - lo < 0.05) {
            lo -= 0.025;
            hi += 0.025;
        }
        String unit =
                w.info().kind() == WorkloadInfo.Kind.BUFFER ? "byte" : w.info().unit();
        List<String> labels = new ArrayList<>();
        int labelWidth = 0;
        for (int r = 0; r < HEIGHT; r++) {
            String label = r % 3 == 0 || r == HEIGHT - 1
                    ? Numbers.perUnit(Math.pow(10, hi - (hi - lo) * r / (HEIGHT - 1)))
                    : "";
            labels.add(label);
            labelWidth = Math.max(labelWidth, label.length());
        }
        long room = (long) width - labelWidth - 4; // the margin, and room for the last size label to overhang
        int column = (int) Math.max(MIN_COLUMN, Math.min(COLUMN, room / sizes.length));
        int plot = sizes.length * column;
        char[][] grid = new char[HEIGHT][plot];
        for (char[] row : grid) {
            java.util.Arrays.fill(row, ' ');
        }
        for (int i = 0; i < series.size(); i++) {
            char mark = MARKS[i % MARKS.length];
            for (int k = 0; k < sizes.length; k++) {
                double v = series.get(i).at(sizes[k]);
                if (!(v > 0)) {
                    continue;
                }
                int row = row(Math.log10(v), lo, hi);
                int col = k * column + column / 2;
                grid[row][col] = grid[row][col] == ' ' ? mark : OVERLAP;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(" ".repeat(labelWidth + 1))
                .append(receiver ? "the receiver's ns per " : "ns per ")
                .append(unit)
                .append(" (log scale)\n");
        for (int r = 0; r < HEIGHT; r++) {
            String label = labels.get(r);
            sb.append(" ".repeat(labelWidth - label.length()))
                    .append(label)
                    .append(label.isEmpty() ? " │" : " ┤")
                    .append(new String(grid[r]).stripTrailing())
                    .append('\n');
        }
        sb.append(" ".repeat(labelWidth + 1))
                .append('└')
                .append("─".repeat(plot))
                .append('\n');
        String margin = " ".repeat(labelWidth + 2);
        String axis = axis(sizes, w.info().kind() == WorkloadInfo.Kind.BUFFER, column);
        String axisName = axisName(w.info().kind());
        if (margin.length() + axis.length() + 2 + axisName.length() <= width) {
            sb.append(margin).append(axis).append("  ").append(axisName).append('\n');
        } else {
            // No room after the last label: the axis is named on a line of its own, at its right end.
            sb.append(margin).append(axis).append('\n');
            sb.append(" ".repeat(Math.max(0, margin.length() + plot - axisName.length())))
                    .append(axisName)
                    .append('\n');
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            keys.add(MARKS[i % MARKS.length] + " " + series.get(i).strategy());
        }
        if (series.size() > 1) {
            keys.add(OVERLAP + " several");
        }
        StringBuilder legend = new StringBuilder(margin);
        int start = 0;
        for (String key : keys) {
            boolean first = legend.length() - start == margin.length();
            if (!first && legend.length() - start + 3 + key.length() > width) {
                legend.append('\n');
                start = legend.length();
                legend.append(margin);
                first = true;
            }
            legend.append(first ? "" : "   ").append(key);
        }
        sb.append(legend).append('\n');
        return sb.toString();
    }

    private static String axisName(WorkloadInfo.Kind kind) {
        switch (kind) {
            case BUFFER:
                return "bytes";
            case SELECT:
                return "K (1 in K wanted)";
            default:
                return "batch size";
        }
    }

    /** Row 0 is the top (the highest cost). */
    static int row(double logValue, double lo, double hi) {
        int r = (int) Math.round((hi - logValue) / (hi - lo) * (HEIGHT - 1));
        return Math.max(0, Math.min(HEIGHT - 1, r));
    }

    /** Size labels centred under their columns, skipping any that would touch a neighbour. */
    static String axis(int[] sizes, boolean bytes, int column) {
        char[] line = new char[sizes.length * column + 2];
        java.util.Arrays.fill(line, ' ');
        // The largest size is always labelled (it says how far the sweep went); the others where they fit.
        int last = sizes.length - 1;
        int lastStart = sizes.length == 0 ? line.length : labelStart(label(sizes[last], bytes), last, column);
        int free = 0;
        for (int k = 0; k < sizes.length; k++) {
            String label = label(sizes[k], bytes);
            int start = labelStart(label, k, column);
            int end = k == last ? line.length : lastStart - 1;
            if (start < free || start + label.length() > end) {
                continue;
            }
            label.getChars(0, label.length(), line, start);
            free = start + label.length() + 1;
        }
        return new String(line).stripTrailing();
    }

    private static String label(int size, boolean bytes) {
        return bytes ? shortBytes(size) : Integer.toString(size);
    }

    /** Where a label starts to sit centred under column {@code k}. */
    private static int labelStart(String label, int k, int column) {
        return Math.max(0, k * column + column / 2 - (label.length() - 1) / 2);
    }

    /** 512, 4K, 1M: short enough for a column. */
    static String shortBytes(int n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return (n >> 20) + "M";
        }
        if (n >= 1 << 10 && n % (1 << 10) == 0) {
            return (n >> 10) + "K";
        }
        return Integer.toString(n);
    }
}
