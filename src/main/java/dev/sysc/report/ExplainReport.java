package dev.sysc.report;

/**
 * Renders {@code sysc explain}: a text page or Markdown for handouts ({@link ExplainPage}), {@code sysc/explain/v1}
 * JSON ({@link ExplainJson}), or CSV rows ({@link ExplainCsv}).
 */
public final class ExplainReport {
    public static final String SCHEMA = "sysc/explain/v1";

    private ExplainReport() {}

    public static String render(ExplainRun run, Format format) {
        return render(run, format, Style.NONE);
    }

    /** {@code style} colors the text page only: active steps and on-path mitigations stand out. */
    public static String render(ExplainRun run, Format format, Style style) {
        return render(run, format, style, TextWidth.DEFAULT);
    }

    /** {@code width} applies to the text page: its prose wraps and its tables fold to fit. */
    public static String render(ExplainRun run, Format format, Style style, int width) {
        switch (format) {
            case JSON:
                return ExplainJson.json(run);
            case CSV:
                return ExplainCsv.csv(run);
            case MARKDOWN:
                return new ExplainPage(run, true, Style.NONE, Integer.MAX_VALUE).render();
            default:
                return new ExplainPage(run, false, style, width).render();
        }
    }
}
