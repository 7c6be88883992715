package dev.sysc.report;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.ErrnoText;
import dev.sysc.host.HostInfo;
import java.util.Locale;

/**
 * The cells and lines the renderers share, so none calls another renderer for them: a call's kernel, net,
 * spread and cost cells, the host line, and dimmed lines.
 */
final class Cells {
    private Cells() {}

    /** Each line dimmed on its own, so that a wrapped paragraph stays dim on every line. */
    static String dimLines(String text, Style style) {
        if (!style.enabled()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            sb.append(line.isEmpty() ? "" : style.dim(line)).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }

    /** What one call costs here, in a cell: its net median, or why there is none. */
    static String cost(CallResult r) {
        if (!r.ok()) {
            return r.errno() != 0 ? "refused (" + ErrnoText.name(r.errno()) + ")" : "failed";
        }
        return netCell(r);
    }

    /** The net median, or "< 0.5 ns" when it cannot be told from zero: never a negative number. */
    static String netCell(CallResult r) {
        return r.belowResolution()
                ? "< " + Numbers.ns(dev.sysc.bench.Defaults.RESOLUTION_NS) + " ns"
                : Numbers.ns(r.net().median()) + " ns";
    }

    /** The p05–p95 range of net, each end floored at the resolution: a net figure is never shown negative. */
    static String spread(CallResult r) {
        return atResolution(r.net().p05()) + "–" + atResolution(r.net().p95());
    }

    private static String atResolution(double ns) {
        return ns < dev.sysc.bench.Defaults.RESOLUTION_NS
                ? "<" + Numbers.ns(dev.sysc.bench.Defaults.RESOLUTION_NS)
                : Numbers.ns(ns);
    }

    static String kernel(CallResult r) {
        if (r.crossesKernel()) {
            return r.crossings() > 1 ? "crosses ×" + r.crossings() : "crosses";
        }
        return r.name().equals("ffi-noop") ? "never" : "vDSO";
    }

    /** The host line wrapped to {@code width}, continued under a two-space indent; ends in a newline. */
    static String hostLine(HostInfo h, int width) {
        return TextWidth.indent(hostLine(h), width, "", "  ");
    }

    /** The one-line description of a host that every report starts with. */
    static String hostLine(HostInfo h) {
        String vdso = h.vdsoClockUsable() ? "the vDSO can read it" : "the vDSO cannot read it";
        return String.format(
                Locale.ROOT,
                "%s — Linux %s %s, %s, %d CPUs, clocksource %s (%s)",
                h.hostname(),
                h.kernel(),
                h.arch(),
                h.cpuModel(),
                h.cpus(),
                h.clocksource(),
                vdso);
    }
}
