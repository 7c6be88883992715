package dev.sysc.report;

import dev.sysc.bench.MeasureRun;

/** Renders a measurement in the chosen format. */
public final class MeasureReport {
    private MeasureReport() {}

    public static String render(MeasureRun run, Format format) {
        return render(run, format, Style.NONE);
    }

    /** {@code style} applies to the table only; machine formats never carry color. */
    public static String render(MeasureRun run, Format format, Style style) {
        return render(run, format, style, TextWidth.DEFAULT);
    }

    /** {@code width}: the table's, in columns; machine formats have no width. */
    public static String render(MeasureRun run, Format format, Style style, int width) {
        switch (format) {
            case JSON:
                return ResultJson.render(run);
            case CSV:
                return ResultCsv.render(run);
            case MARKDOWN:
                return MeasureMarkdown.render(run);
            default:
                return MeasureTable.render(run, style, width);
        }
    }
}
