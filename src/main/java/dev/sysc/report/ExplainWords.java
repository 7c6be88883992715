package dev.sysc.report;

import dev.sysc.explain.Activation;
import dev.sysc.explain.VulnerabilityRow;

/** The sentences and small words explain's page builds from its data; the page and the tests share them. */
final class ExplainWords {
    private ExplainWords() {}

    /** What the mitigation of one vulnerability file adds to the path on this host, in a sentence. */
    static String addsHere(VulnerabilityRow r) {
        if (r.mitigation() == null) {
            return "sysc has no notes on this file.";
        }
        String adds = r.mitigation().adds();
        if (r.onPath().isActive()) {
            return adds;
        }
        if (r.onPath().active() == null) {
            return capital(r.onPath().reason()) + ".";
        }
        if (r.mitigation().condition().startsWith("never:")) {
            return capital(r.onPath().reason()) + ".";
        }
        if (r.status().startsWith("Not affected")) {
            return "Nothing here: the CPU is not affected. Where mitigated: " + adds;
        }
        if (r.status().startsWith("Vulnerable")) {
            return "Nothing here: left unmitigated. Mitigated it would add: " + adds;
        }
        return "Nothing on the path in this mode. Other modes: " + adds;
    }

    static String yesNo(Activation a) {
        return a.active() == null ? "?" : a.isActive() ? "yes" : "no";
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    /** Markdown as plain text: drops the backticks and bold markers, keeps everything else. */
    static String plain(String markdown) {
        return markdown.replace("`", "").replace("**", "");
    }
}
