package dev.sysc.explain;

/**
 * An explain topic: a Markdown text whose first line is "# title", and what sysc explain measures
 * live beside it.
 */
public record Topic(String id, String title, String markdown, LivePlan live) {
    /** The text without its title line. */
    public String body() {
        int nl = markdown.indexOf('\n');
        return nl < 0 ? "" : markdown.substring(nl + 1).strip() + "\n";
    }
}
