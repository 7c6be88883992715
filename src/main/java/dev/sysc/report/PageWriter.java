package dev.sysc.report;

import java.util.List;

/**
 * A page of prose for the terminal or for Markdown, written section by section: headings, paragraphs,
 * lines with a hanging indent, tables. {@code md} switches the markup; the text page is wrapped to
 * {@code width}, Markdown never is (its viewer does that).
 */
final class PageWriter {
    final boolean md;
    final int width;
    private final StringBuilder sb = new StringBuilder();

    PageWriter(boolean md, int width) {
        this.md = md;
        this.width = width;
    }

    /** A heading: {@code #} marks in Markdown; on the text page underlined, = for level 1, - below it. */
    void heading(int level, String text) {
        if (md) {
            sb.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        } else {
            String lines = TextWidth.indent(text, width, "");
            sb.append(lines)
                    .append((level == 1 ? "=" : "-").repeat(TextWidth.widest(lines)))
                    .append("\n\n");
        }
    }

    /** A paragraph and the blank line after it. */
    void para(String text) {
        sb.append(md ? text + "\n" : TextWidth.indent(text, width, "")).append('\n');
    }

    /** A line with a hanging indent: {@code first} before it, {@code rest} under it on the text page. */
    void line(String text, String first, String rest) {
        sb.append(md ? first + text + "\n" : TextWidth.indent(text, width, first, rest));
    }

    /**
     * A table whose last column is a figure (aligned right) and whose first names the row (a call, a
     * way of writing): on the text page that first column wraps when the table is too wide.
     */
    void table(List<String> headers, List<List<String>> rows) {
        if (md) {
            markdownTable(headers, rows);
            return;
        }
        boolean[] right = new boolean[headers.size()];
        right[headers.size() - 1] = true;
        TextTable t = new TextTable(headers, right).wrapping(0);
        rows.forEach(t::add);
        sb.append(t.render(width)).append('\n');
    }

    void markdownTable(List<String> headers, List<List<String>> rows) {
        MarkdownTable t = MarkdownTable.left(headers.toArray(String[]::new));
        rows.forEach(t::row);
        sb.append(t).append('\n');
    }

    PageWriter append(Object text) {
        sb.append(text);
        return this;
    }

    PageWriter append(char c) {
        sb.append(c);
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
