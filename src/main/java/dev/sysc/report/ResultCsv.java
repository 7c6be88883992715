package dev.sysc.report;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.MeasureRun;
import java.util.Locale;

/** One CSV row per result, with the header the design fixes (scripts depend on it). */
public final class ResultCsv {
    public static final String HEADER = "name,path,crosses_kernel,net_median_ns,net_p05_ns,net_p95_ns,"
            + "raw_median_ns,baseline_median_ns,cv,samples,errno,loop,note";

    private ResultCsv() {
    }

    public static String render(MeasureRun run) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (CallResult r : run.results()) {
            sb.append(r.name()).append(',').append(r.path()).append(',').append(r.crossesKernel()).append(',');
            if (r.ok()) {
                sb.append(r.belowResolution() ? "" : num(r.net().median())).append(',')
                        .append(num(r.net().p05())).append(',')
                        .append(num(r.net().p95())).append(',')
                        .append(num(r.raw().median())).append(',')
                        .append(r.baseline() == null ? "" : num(r.baseline().median())).append(',')
                        .append(String.format(Locale.ROOT, "%.4f", r.net().cv())).append(',');
            } else {
                sb.append(",,,,,,");
            }
            sb.append(r.samples()).append(',').append(r.errno()).append(',')
                    .append(r.loop() == null ? "" : r.loop()).append(',')
                    .append(r.belowResolution() ? ResultJson.belowResolution() : "").append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
