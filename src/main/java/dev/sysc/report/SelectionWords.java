package dev.sysc.report;

import dev.sysc.batch.BatchSeries;
import dev.sysc.batch.CountedCrossings;
import dev.sysc.batch.ReceiverFigures;
import dev.sysc.batch.WorkloadInfo;
import dev.sysc.batch.WorkloadResult;
import dev.sysc.stats.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentences and cells of a selection workload (batch filter: N items, 1 in K wanted), in the
 * batch table, its Markdown and explain bpf: the whole-batch rows, the receiver's rows (each batch
 * less the send alone), the counted crossings and recv calls, and what they add up to.
 */
final class SelectionWords {
    private SelectionWords() {}

    /**
     * A selection's whole-batch rows, per K: the wanted items, each strategy's ns per wanted item (the send
     * included), the speedup, and the crossings one batch was counted to make without the program and with
     * it; {@code count} writes the whole numbers.
     */
    static List<List<String>> selectionRows(WorkloadResult w, java.util.function.LongFunction<String> count) {
        WorkloadInfo info = w.info();
        BatchSeries loop = w.series(info.loop()).orElseThrow();
        BatchSeries batched = w.series(info.batched()).orElseThrow();
        List<List<String>> rows = new ArrayList<>();
        for (int k : w.sizes()) {
            List<String> row = new ArrayList<>(List.of(count.apply(k), count.apply(info.operations(k))));
            for (BatchSeries s : w.series()) {
                row.add(Numbers.perUnit(s.at(k)));
            }
            Long without = crossings(w, info.loop(), k);
            Long with = crossings(w, info.batched(), k);
            row.add(BatchWords.speedup(loop.at(k), batched.at(k)));
            row.add(fromTo(without, with, count));
            row.add(without == null || with == null ? "—" : count.apply(without - with));
            rows.add(row);
        }
        return rows;
    }

    /**
     * The receiver's rows, per K: its recv calls without the program and with it (counted), each
     * strategy's receiver ns per wanted item, the share (the program's over receiving everything), and
     * each strategy's receiver ns per item sent.
     */
    static List<List<String>> receiverRows(WorkloadResult w, java.util.function.LongFunction<String> count) {
        WorkloadInfo info = w.info();
        ReceiverFigures r = w.receiver();
        List<List<String>> rows = new ArrayList<>();
        for (int k : w.sizes()) {
            List<String> row = new ArrayList<>(List.of(count.apply(k)));
            row.add(fromTo(recvCalls(w, info.loop(), k), recvCalls(w, info.batched(), k), count));
            for (BatchSeries s : r.receiver()) {
                row.add(receiverCell(s.at(k)));
            }
            row.add(share(w.receiverShare(k)));
            for (BatchSeries s : r.receiver()) {
                row.add(receiverCell(w.receiverPerSent(s.strategy(), k)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The receiver table's headers: {@code perWanted} and {@code perSent} name a strategy's two columns. */
    static List<String> receiverHeaders(
            WorkloadResult w,
            java.util.function.Function<String, String> perWanted,
            java.util.function.Function<String, String> perSent) {
        List<String> headers = new ArrayList<>(List.of("1 in K", "recv calls"));
        w.receiver().receiver().forEach(s -> headers.add(perWanted.apply(s.strategy())));
        headers.add("share");
        w.receiver().receiver().forEach(s -> headers.add(perSent.apply(s.strategy())));
        return headers;
    }

    private static String fromTo(Long from, Long to, java.util.function.LongFunction<String> count) {
        return from == null || to == null ? "—" : count.apply(from) + " → " + count.apply(to);
    }

    /**
     * A receiver figure, or {@code —} when it is not positive: a difference of two batches that came out
     * at or below zero is lost in their noise, not a cost.
     */
    static String receiverCell(double ns) {
        return ns > 0 ? Numbers.perUnit(ns) : "—";
    }

    /** A receiver figure in a sentence: {@code 450.3 ns}, or what {@link #receiverCell} says by a dash. */
    private static String receiverWords(double ns) {
        return ns > 0 ? Numbers.perUnit(ns) + " ns" : "a figure lost in noise";
    }

    /** A share as a percentage, {@code —} for no figure. */
    static String share(double fraction) {
        return Double.isFinite(fraction) ? Numbers.percent(fraction) : "—";
    }

    /**
     * The system calls one batch of {@code strategy} at {@code size} was counted to make, each one crossing
     * into the kernel; null when it was not counted.
     */
    static Long crossings(WorkloadResult w, String strategy, int size) {
        return counted(w, strategy, size).map(CountedCrossings::crossings).orElse(null);
    }

    /** The recv calls one batch of {@code strategy} at {@code size} was counted to make; null when not counted. */
    static Long recvCalls(WorkloadResult w, String strategy, int size) {
        return counted(w, strategy, size).map(CountedCrossings::recvCalls).orElse(null);
    }

    static java.util.Optional<CountedCrossings> counted(WorkloadResult w, String strategy, int size) {
        return w.receiver() == null ? java.util.Optional.empty() : w.receiver().counted(strategy, size);
    }

    /**
     * The crossings counted, what the receiver alone spends, why the whole batch cannot fall with K, what
     * the crossings saved come to, and from which K the program pays for itself.
     */
    static List<String> selectionSentences(WorkloadResult w) {
        WorkloadInfo info = w.info();
        WorkloadInfo.Selection sel = info.selection();
        int[] ks = w.sizes();
        int largest = ks[ks.length - 1];
        List<String> out = new ArrayList<>();
        Long without = crossings(w, info.loop(), largest);
        Long with = crossings(w, info.batched(), largest);
        if (without != null && with != null) {
            out.add(String.format(
                    Locale.ROOT,
                    "Every batch carries %d %ss. Receiving them all took %s crossings a batch; "
                            + "with %s it took %s at 1 in %d (%s saved), counted as a batch ran.",
                    sel.perBatch(),
                    sel.item(),
                    Numbers.count(without),
                    info.batchedPhrase(),
                    Numbers.count(with),
                    largest,
                    Numbers.count(without - with)));
        }
        out.addAll(receiverSentences(w));
        long saved = without == null || with == null ? 0 : without - with;
        double perBatch = (w.series(info.loop()).orElseThrow().at(largest)
                        - w.series(info.batched()).orElseThrow().at(largest))
                * info.operations(largest);
        if (saved > 0 && !(perBatch > 0) && Double.isFinite(perBatch)) {
            out.add(String.format(
                    Locale.ROOT,
                    "At 1 in %d the filter saves %d crossings a batch but no time here: its "
                            + "own work costs as much as the recv calls it spares.",
                    largest,
                    saved));
        } else if (saved > 0 && Double.isFinite(perBatch)) {
            out.add(String.format(
                    Locale.ROOT,
                    "At 1 in %d a batch costs %s ns less with the filter: about %s ns for each "
                            + "crossing saved (a recv of one %s, less the filter's own work).",
                    largest,
                    Numbers.ns(perBatch),
                    Numbers.ns(perBatch / saved),
                    sel.item()));
        }
        Integer from = w.breakEven();
        if (from == null) {
            out.add(String.format(
                    Locale.ROOT,
                    "%s never costs less per %s than %s at the K measured (up to 1 in %d).",
                    BatchWords.capitalize(info.batchedPhrase()),
                    info.unit(),
                    info.loopPhrase(),
                    largest));
        } else if (from == ks[0] && ks.length > 1) {
            out.add(String.format(
                    Locale.ROOT,
                    "At every K measured (1 in %d to 1 in %d), %s costs less per %s than %s.",
                    ks[0],
                    largest,
                    info.batchedPhrase(),
                    info.unit(),
                    info.loopPhrase()));
        } else {
            out.add(String.format(
                    Locale.ROOT,
                    "Break-even (whole batch): from 1 in %d wanted on, %s costs less per %s than %s here.",
                    from,
                    info.batchedPhrase(),
                    info.unit(),
                    info.loopPhrase()));
        }
        return out;
    }

    /**
     * The receiver alone: with the program about one recv per wanted item at every K, without it about K;
     * the share at the largest K against 1/K; and why the whole batch's figure rises with K all the same.
     */
    static List<String> receiverSentences(WorkloadResult w) {
        ReceiverFigures r = w.receiver();
        if (r == null) {
            return List.of();
        }
        WorkloadInfo info = w.info();
        WorkloadInfo.Selection sel = info.selection();
        int[] ks = w.sizes();
        int first = ks[0];
        int largest = ks[ks.length - 1];
        BatchSeries batched = r.receiver(info.batched()).orElseThrow();
        BatchSeries loop = r.receiver(info.loop()).orElseThrow();
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (int k : ks) {
            low = Math.min(low, batched.at(k));
            high = Math.max(high, batched.at(k));
        }
        List<String> out = new ArrayList<>();
        out.add(String.format(
                Locale.ROOT,
                "The receiver alone (each batch less the send alone): with %s it spends %s per %s at 1 in "
                        + "%d and %s at 1 in %d, about one recv each; receiving everything, %s and %s, "
                        + "since it must receive K %ss for each one it keeps.",
                info.batchedPhrase(),
                receiverWords(batched.at(first)),
                info.unit(),
                first,
                receiverWords(batched.at(largest)),
                largest,
                receiverWords(loop.at(first)),
                receiverWords(loop.at(largest)),
                sel.item()));
        double share = w.receiverShare(largest);
        if (Double.isFinite(share)) {
            out.add(String.format(
                    Locale.ROOT,
                    "At 1 in %d the receiver with %s does %s of the work per %s that receiving everything "
                            + "does (1/K is %s).",
                    largest,
                    info.batchedPhrase(),
                    Numbers.percent(share),
                    info.unit(),
                    Numbers.percent(1.0 / largest)));
        }
        out.add(String.format(
                Locale.ROOT,
                "The whole batch's cost per %s cannot fall with K: the sender still sends all %d %ss (here "
                        + "about %s ns each, delivery and the filter included), and they are spread over fewer "
                        + "wanted ones; what falls is the receiver's work.",
                info.unit(),
                sel.perBatch(),
                sel.item(),
                Numbers.perUnit(Statistics.median(r.send().points().stream()
                        .mapToDouble(dev.sysc.batch.BatchPoint::nsPerOp)
                        .toArray()))));
        return out;
    }
}
