package dev.sysc.report;

import dev.sysc.bench.IndirectCostResults;
import dev.sysc.bench.PollutionResult;
import dev.sysc.bench.ReturnStackResult;
import dev.sysc.bench.SeccompResult;
import java.util.Locale;

/** The indirect-costs experiments as CSV rows in explain's columns (kind, id, status, active, reason); status holds the figure in ns. */
final class IndirectCostsCsv {
    private IndirectCostsCsv() {}

    static String csv(IndirectCostResults r) {
        StringBuilder sb = new StringBuilder();
        if (r.returnStack() != null) {
            for (ReturnStackResult.Point p : r.returnStack().points()) {
                row(
                        sb,
                        "return-stack",
                        "frames=" + p.frames(),
                        p.crossingNs(),
                        String.format(
                                Locale.ROOT,
                                "crossing ns; with %.1f, without %.1f",
                                p.withCrossingNs(),
                                p.withoutCrossingNs()));
            }
            row(sb, "return-stack", "per_frame_penalty", r.returnStack().perFramePenaltyNs(), "ns per frame, fitted");
        }
        if (r.pollution() != null) {
            for (PollutionResult.Point p : r.pollution().points()) {
                row(
                        sb,
                        "pollution",
                        p.workingSetBytes() + ":" + p.walk() + ":" + p.crossing(),
                        p.extraNs(),
                        String.format(
                                Locale.ROOT,
                                "extra ns per pass; alone %.1f, after the crossing %.1f, the crossing %.1f",
                                p.aloneNs(),
                                p.afterNs(),
                                p.crossingNs()));
            }
        }
        if (r.seccomp() != null) {
            for (SeccompResult.Point p : r.seccomp().points()) {
                row(
                        sb,
                        "seccomp",
                        p.instructions() + (p.inspectsArgument() ? ":argument" : ":number"),
                        p.netNs(),
                        "getpid ns under the filter");
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String kind, String id, double value, String reason) {
        sb.append(Csv.row(kind, id, Numbers.oneDecimal(value), "", reason));
    }
}
