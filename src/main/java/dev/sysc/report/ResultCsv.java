package dev.sysc.report;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.MeasureRun;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One CSV row per result, with the header the design fixes (scripts depend on it). */
public final class ResultCsv {
    public static final String HEADER = "name,path,crosses_kernel,net_median_ns,net_p05_ns,net_p95_ns,"
            + "raw_median_ns,baseline_median_ns,cv,samples,errno,loop,note";

    private ResultCsv() {}

    public static String render(MeasureRun run) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (CallResult r : run.results()) {
            sb.append(Csv.row(cells(r)));
        }
        return sb.toString();
    }

    /** The cells of one result's row, in {@link #HEADER}'s order (compare appends its ratio). */
    static List<Object> cells(CallResult r) {
        boolean ok = r.ok();
        return Arrays.asList(
                r.name(),
                r.path(),
                r.crossesKernel(),
                ok && !r.belowResolution() ? num(r.net().median()) : "",
                ok ? num(r.net().p05()) : "",
                ok ? num(r.net().p95()) : "",
                ok ? num(r.raw().median()) : "",
                ok && r.baseline() != null ? num(r.baseline().median()) : "",
                ok ? String.format(Locale.ROOT, "%.4f", r.net().cv()) : "",
                r.samples(),
                r.errno(),
                r.loop(),
                r.belowResolution() ? ResultJson.belowResolution() : "");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
