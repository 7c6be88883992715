package dev.sysc.report;

import dev.sysc.bench.CallResult;
import java.util.List;

/** One page of the tour, as text at the prompt or as a section of a Markdown handout. */
public final class TourReport {
    private TourReport() {}

    /** What a tour page shows: its number, title, filled-in paragraphs and the live measurements. */
    public record Page(int number, int of, String title, List<String> paragraphs, List<CallResult> measured) {
        public Page {
            paragraphs = List.copyOf(paragraphs);
            measured = List.copyOf(measured);
        }
    }

    public static String text(Page p, Style style) {
        return text(p, style, TextWidth.DEFAULT);
    }

    /** The page at the prompt, its paragraphs wrapped to {@code width}. */
    public static String text(Page p, Style style, int width) {
        StringBuilder sb = new StringBuilder();
        String number = p.number() + "/" + p.of() + "  ";
        String heading = TextWidth.indent(p.title(), width, number, " ".repeat(number.length()));
        sb.append('\n')
                .append(heading)
                .append("─".repeat(TextWidth.widest(heading)))
                .append("\n\n");
        if (!p.measured().isEmpty()) {
            TextTable t = new TextTable(List.of("call", "path", "kernel", "measured here"), false, false, false, true)
                    .color(2, style::kernelColor, style)
                    .color(3, style::emphasis, style);
            for (CallResult r : p.measured()) {
                t.add(List.of(r.name(), r.path(), Cells.kernel(r), Cells.cost(r)));
            }
            sb.append(t.render(width)).append('\n');
        }
        for (String para : p.paragraphs()) {
            sb.append(TextWidth.indent(para, width, "")).append('\n');
        }
        return sb.toString();
    }

    public static String markdown(Page p) {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(p.number()).append(". ").append(p.title()).append("\n\n");
        if (!p.measured().isEmpty()) {
            MarkdownTable t = MarkdownTable.withFigures(3, "call", "path", "kernel", "measured here (ns per call)");
            for (CallResult r : p.measured()) {
                t.row(MarkdownTable.code(r.name()), r.path(), Cells.kernel(r), Cells.cost(r));
            }
            sb.append(t).append('\n');
        }
        for (String para : p.paragraphs()) {
            sb.append(para).append("\n\n");
        }
        return sb.toString();
    }

    /** The handout's opening: what it is and where the numbers come from. */
    public static String markdownHeader(String hostLine) {
        return "# What a system call costs: a tour with this machine's numbers\n\n**Host:** " + hostLine
                + "\n\nEvery figure below was measured live by sysc on this machine (net of the Java-to-C call), "
                + "a few hundred milliseconds per call.\n\n";
    }
}
