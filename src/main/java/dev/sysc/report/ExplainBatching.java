package dev.sysc.report;

import dev.sysc.batch.WorkloadInfo;
import dev.sysc.batch.WorkloadResult;
import java.util.ArrayList;
import java.util.List;

/** The section of explain's page that shows a live batch run (the batching and bpf topics). */
final class ExplainBatching {
    private ExplainBatching() {}

    /** The batching topic's live run: one crossing for N writes against N crossings. */
    static void write(PageWriter page, WorkloadResult b) {
        if (b == null) {
            return;
        }
        if (b.info().kind() == WorkloadInfo.Kind.SELECT) {
            selection(page, b);
            return;
        }
        page.heading(2, "Measured here: N writes, one crossing or N");
        if (!b.available()) {
            page.para("Not measured: " + b.reason());
            return;
        }
        int[] sizes = b.sizes();
        List<String> headers = new ArrayList<>(List.of("how"));
        for (int n : sizes) {
            headers.add("ns per byte, N=" + n);
        }
        List<List<String>> rows = new ArrayList<>();
        for (var series : b.series()) {
            String how = b.info().strategies().stream()
                    .filter(st -> st.name().equals(series.strategy()))
                    .map(st -> st.description())
                    .findFirst()
                    .orElse(series.strategy());
            List<String> row = new ArrayList<>(List.of(how));
            for (int n : sizes) {
                row.add(String.format(java.util.Locale.ROOT, "%.1f", series.at(n)));
            }
            rows.add(row);
        }
        page.table(headers, rows);
        int n = sizes[sizes.length - 1];
        double loop = b.series(b.info().loop()).map(x -> x.at(n)).orElse(Double.NaN);
        double batched = b.series(b.info().batched()).map(x -> x.at(n)).orElse(Double.NaN);
        String verdict = batched > 0 && loop > 0
                ? String.format(
                        java.util.Locale.ROOT,
                        "At N=%d one writev costs %.1f ns per byte against %.1f ns for a write per byte: %.0f× less, "
                                + "because it crosses once instead of %d times. ",
                        n,
                        batched,
                        loop,
                        loop / batched,
                        n)
                : "";
        String text = verdict + "Measured with sysc batch's write workload (short points, native loop); more "
                + "sizes: `sysc batch write --sizes 1,4,16,64,256`.";
        page.para(page.md ? text : ExplainWords.plain(text));
    }

    /** The bpf topic's live run: the filter workload at a few K, ns per wanted datagram and crossings. */
    private static void selection(PageWriter page, WorkloadResult b) {
        page.heading(2, "Measured here: 1 in K datagrams wanted, sorted in user space or by a socket filter");
        if (!b.available()) {
            page.para("Not measured: " + b.reason());
            return;
        }
        var info = b.info();
        List<String> headers = new ArrayList<>(List.of("how"));
        for (int k : b.sizes()) {
            headers.add("1 in " + k);
        }
        List<List<String>> rows = new ArrayList<>();
        for (var series : b.series()) {
            if (b.receiver() != null) {
                List<String> receiver =
                        new ArrayList<>(List.of(series.strategy() + ", receiver, ns per " + info.unit()));
                for (int k : b.sizes()) {
                    receiver.add(SelectionWords.receiverCell(b.receiver()
                            .receiver(series.strategy())
                            .map(s -> s.at(k))
                            .orElse(Double.NaN)));
                }
                rows.add(receiver);
            }
            List<String> row = new ArrayList<>(List.of(series.strategy() + ", whole batch, ns per " + info.unit()));
            for (int k : b.sizes()) {
                row.add(Numbers.perUnit(series.at(k)));
            }
            rows.add(row);
            List<String> crossings = new ArrayList<>(List.of(series.strategy() + ", crossings a batch"));
            for (int k : b.sizes()) {
                Long counted = SelectionWords.crossings(b, series.strategy(), k);
                crossings.add(counted == null ? "—" : Long.toString(counted));
            }
            rows.add(crossings);
        }
        if (b.receiver() != null) {
            List<String> share = new ArrayList<>(List.of("receiver's share, " + info.batched() + " / " + info.loop()));
            for (int k : b.sizes()) {
                share.add(SelectionWords.share(b.receiverShare(k)));
            }
            rows.add(share);
        }
        page.table(headers, rows);
        String text = String.join(" ", SelectionWords.selectionSentences(b)) + " Measured with sysc batch's filter "
                + "workload (short points, native loop); more K and the filter's listing: "
                + "`sysc batch filter --format markdown`.";
        page.para(page.md ? text : ExplainWords.plain(text));
    }
}
