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
    static final int COLUMN = 4;
    static final char[] MARKS = {'o', '*', '+', 'x'};
    static final char OVERLAP = '#';

    private BatchChart() {
    }

    static String render(WorkloadResult w) {
        int[] sizes = w.sizes();
        List<BatchSeries> series = w.series();
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
        int width = sizes.length * COLUMN;
        char[][] grid = new char[HEIGHT][width];
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
                int col = k * COLUMN + COLUMN / 2;
                grid[row][col] = grid[row][col] == ' ' ? mark : OVERLAP;
            }
        }
        String unit = w.info().kind() == WorkloadInfo.Kind.BUFFER ? "byte" : w.info().unit();
        List<String> labels = new ArrayList<>();
        int labelWidth = 0;
        for (int r = 0; r < HEIGHT; r++) {
            String label = r % 3 == 0 || r == HEIGHT - 1 ? BatchReport.perUnit(Math.pow(10, hi - (hi - lo) * r / (HEIGHT - 1))) : "";
            labels.add(label);
            labelWidth = Math.max(labelWidth, label.length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(" ".repeat(labelWidth + 1)).append("ns per ").append(unit).append(" (log scale)\n");
        for (int r = 0; r < HEIGHT; r++) {
            String label = labels.get(r);
            sb.append(" ".repeat(labelWidth - label.length())).append(label)
                    .append(label.isEmpty() ? " │" : " ┤").append(new String(grid[r]).stripTrailing()).append('\n');
        }
        sb.append(" ".repeat(labelWidth + 1)).append('└').append("─".repeat(width)).append('\n');
        sb.append(" ".repeat(labelWidth + 2)).append(axis(sizes, w.info().kind() == WorkloadInfo.Kind.BUFFER))
                .append("  ").append(axisName(w.info().kind())).append('\n');
        StringBuilder legend = new StringBuilder(" ".repeat(labelWidth + 2));
        for (int i = 0; i < series.size(); i++) {
            legend.append(i > 0 ? "   " : "").append(MARKS[i % MARKS.length]).append(' ').append(series.get(i).strategy());
        }
        if (series.size() > 1) {
            legend.append("   ").append(OVERLAP).append(" several");
        }
        sb.append(legend).append('\n');
        return sb.toString();
    }

    private static String axisName(WorkloadInfo.Kind kind) {
        switch (kind) {
            case BUFFER: return "bytes";
            case SELECT: return "K (1 in K wanted)";
            default: return "batch size";
        }
    }

    /** Row 0 is the top (the highest cost). */
    static int row(double logValue, double lo, double hi) {
        int r = (int) Math.round((hi - logValue) / (hi - lo) * (HEIGHT - 1));
        return Math.max(0, Math.min(HEIGHT - 1, r));
    }

    /** Size labels centred under their columns, skipping any that would touch the previous one. */
    static String axis(int[] sizes, boolean bytes) {
        char[] line = new char[sizes.length * COLUMN + 8];
        java.util.Arrays.fill(line, ' ');
        int free = 0;
        for (int k = 0; k < sizes.length; k++) {
            String label = bytes ? shortBytes(sizes[k]) : Integer.toString(sizes[k]);
            int centre = k * COLUMN + COLUMN / 2;
            int start = Math.max(0, centre - (label.length() - 1) / 2);
            if (start < free || start + label.length() > line.length) {
                continue;
            }
            label.getChars(0, label.length(), line, start);
            free = start + label.length() + 1;
        }
        return new String(line).stripTrailing();
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
