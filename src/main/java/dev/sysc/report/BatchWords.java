package dev.sysc.report;

import dev.sysc.batch.BatchFit;
import dev.sysc.batch.BatchRun;
import dev.sysc.batch.BatchSeries;
import dev.sysc.batch.Strategy;
import dev.sysc.batch.WorkloadInfo;
import dev.sysc.batch.WorkloadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sentences and cells batch's table, Markdown and explain's batching section share. */
final class BatchWords {
    private BatchWords() {}

    static List<BatchSeries> others(WorkloadResult w) {
        List<BatchSeries> others = new ArrayList<>();
        for (BatchSeries s : w.series()) {
            if (!s.strategy().equals(w.info().loop())) {
                others.add(s);
            }
        }
        return others;
    }

    static String speedup(double loop, double other) {
        if (!(loop > 0) || !(other > 0)) {
            return "—";
        }
        return Numbers.ratio(loop / other);
    }

    /** 512 B, 4 KiB, 1 MiB. */
    static String bytes(long n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1 << 10 && n % (1 << 10) == 0) {
            return (n >> 10) + " KiB";
        }
        return n + " B";
    }

    static String count(long n, WorkloadInfo info) {
        if (info.kind() == WorkloadInfo.Kind.BUFFER) {
            return bytes(n);
        }
        return Numbers.count(n) + " " + (n == 1 ? info.unit() : info.units());
    }

    /** The fit, and the break-even in one plain sentence. */
    static List<String> sentences(WorkloadResult w) {
        WorkloadInfo info = w.info();
        BatchFit fit = w.fit();
        int[] sizes = w.sizes();
        List<String> out = new ArrayList<>();
        if (info.kind() == WorkloadInfo.Kind.SELECT) {
            return SelectionWords.selectionSentences(w);
        }
        if (info.kind() == WorkloadInfo.Kind.BUFFER) {
            if (fit == null) {
                out.add("Too few sizes to fit a cost line (give --sizes at least two).");
                return out;
            }
            out.add(String.format(
                    Locale.ROOT,
                    "fit (%s): one call ≈ %s ns + S × %s ns per byte (r² %.3f)",
                    fit.strategy(),
                    Numbers.ns(fit.fixedNs()),
                    Numbers.perUnit(fit.perOpNs()),
                    fit.r2()));
            String tail = w.breakEven() == null
                    ? "at every size measured (up to " + bytes(sizes[sizes.length - 1])
                            + "), the crossing costs more than the bytes."
                    : "from " + bytes(w.breakEven()) + " on, copying the bytes costs more than the crossing itself.";
            out.add(String.format(
                    Locale.ROOT,
                    "One %s costs about %s ns whatever its size, plus %s ns per byte: %s",
                    fit.strategy(),
                    Numbers.ns(fit.fixedNs()),
                    Numbers.perUnit(fit.perOpNs()),
                    tail));
            return out;
        }
        Strategy loop = info.strategy(info.loop());
        if (fit != null) {
            out.add(String.format(
                    Locale.ROOT,
                    "fit (%s): one batch ≈ %s ns + N × %s ns per %s (r² %.3f); %s: %s ns per %s",
                    fit.strategy(),
                    Numbers.ns(fit.fixedNs()),
                    Numbers.perUnit(fit.perOpNs()),
                    info.unit(),
                    fit.r2(),
                    loop.name(),
                    Numbers.perUnit(w.loopPerOp()),
                    info.unit()));
        }
        String largest = count(sizes[sizes.length - 1], info);
        BatchSeries loopSeries = w.series(info.loop()).orElseThrow();
        BatchSeries batchedSeries = w.series(info.batched()).orElseThrow();
        int bestSize = -1;
        double best = 1;
        for (int size : sizes) {
            double ratio = loopSeries.at(size) / batchedSeries.at(size);
            if (ratio > best) {
                best = ratio;
                bestSize = size;
            }
        }
        if (w.breakEven() == null && bestSize > 0) {
            out.add(String.format(
                    Locale.ROOT,
                    "%s beats %s only at some sizes, not from any size on (at best %s, at %s): "
                            + "here the work per %s, not the crossing, is most of the cost.",
                    capitalize(info.batchedPhrase()),
                    info.loopPhrase(),
                    Numbers.ratio(best),
                    count(bestSize, info),
                    info.unit()));
        } else if (w.breakEven() == null) {
            out.add(capitalize(info.batchedPhrase()) + " never beats " + info.loopPhrase()
                    + " at the sizes measured (up to " + largest + ").");
        } else if (w.breakEven() == sizes[0] && sizes.length > 1) {
            out.add(String.format(
                    Locale.ROOT,
                    "At every size measured (%s to %s), %s beats %s here.",
                    count(sizes[0], info),
                    largest,
                    info.batchedPhrase(),
                    info.loopPhrase()));
        } else {
            out.add(String.format(
                    Locale.ROOT,
                    "From %s on, %s beats %s here.",
                    count(w.breakEven(), info),
                    info.batchedPhrase(),
                    info.loopPhrase()));
        }
        return out;
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String legend(BatchRun run) {
        WorkloadInfo selection = run.workloads().stream()
                .map(WorkloadResult::info)
                .filter(i -> i.kind() == WorkloadInfo.Kind.SELECT)
                .findFirst()
                .orElse(null);
        boolean selections = selection != null;
        boolean others = run.workloads().stream().anyMatch(w -> w.info().kind() != WorkloadInfo.Kind.SELECT);
        StringBuilder sb = new StringBuilder();
        if (others) {
            sb.append(
                    "Times are ns per operation (per byte for read): the median time of one batch divided by its size.\n");
        }
        if (selections) {
            String item = selection.selection().item();
            sb.append("For " + selection.name() + " the x axis is K (1 in K " + item + "s wanted) and times are ns per "
                    + selection.unit() + ". The whole batch, send included: the median time of one batch divided by "
                    + "the " + item
                    + "s kept. The receiver: the same less the send alone, round by round (— where that "
                    + "came out at or below zero, lost in noise); share = "
                    + selection.batched() + "'s receiver figure / " + selection.loop() + "'s. Crossings and recv calls "
                    + "are counted on a batch of each run after the timing.\n");
        }
        if (run.spec().baseline()) {
            sb.append(
                    "They are net of the Java-to-C call cost: each strategy has the FFI baseline (ffi-noop) "
                            + "subtracted once per native call it makes — a loop N times, a batch once — as sysc measure does.\n");
        } else {
            sb.append("They include the Java-to-C call cost (--no-baseline): a loop pays it N times, a batch once.\n");
        }
        if (others) {
            sb.append("speedup = the loop's ns per operation / the strategy's. The fit is least squares on the cost of "
                    + "one batch, weighted by 1/cost² so that the biggest batches do not drown the fixed cost.\n");
        }
        if (selections) {
            sb.append("For " + selection.name() + ", speedup = " + selection.loop() + "'s whole-batch ns per "
                    + selection.unit() + " / " + selection.batched() + "'s.\n");
        }
        return sb.toString();
    }
}
