package dev.sysc.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.batch.BatchPoint;
import dev.sysc.batch.BatchSeries;
import dev.sysc.batch.ReceiverFigures;
import dev.sysc.batch.RingFactory;
import dev.sysc.batch.WorkloadResult;
import dev.sysc.batch.Workloads;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receiver's rows of the filter workload: figures, share, and a difference lost in noise. */
class BatchReceiverTableTest {
    private static final WorkloadResult FILTER = HandMadeBatch.result(
            Workloads.find("filter", RingFactory.KERNEL).orElseThrow(), new int[] {1, 10, 100}, 2500);

    @Test
    void eachRowHasTheCountedRecvCallsTheFiguresPerWantedAndPerSentAndTheShare() {
        assertThat(SelectionWords.receiverHeaders(FILTER, s -> s, s -> s + "/sent"))
                .containsExactly(
                        "1 in K", "recv calls", "discard", "bpf-filter", "share", "discard/sent", "bpf-filter/sent");
        assertThat(SelectionWords.receiverRows(FILTER, Numbers::count))
                .containsExactly(
                        List.of("1", "100 → 100", "400.5", "450.3", "112.4%", "400.5", "450.3"),
                        List.of("10", "100 → 10", "4,005", "450.3", "11.2%", "400.5", "45.0"),
                        List.of("100", "100 → 1", "40,050", "450.3", "1.1%", "400.5", "4.50"));
        assertThat(BatchReport.render(run(FILTER), Format.TABLE).replaceAll("\\s*\\n\\s*", " "))
                .contains("At 1 in 100 the receiver with the BPF socket filter does 1.1% of the work per wanted "
                        + "datagram that receiving everything does (1/K is 1.0%).");
    }

    @Test
    void aReceiverFigureAtOrBelowZeroIsShownAsLostNotAsACost() {
        ReceiverFigures r = FILTER.receiver();
        BatchSeries noisy = new BatchSeries(
                "bpf-filter", List.of(new BatchPoint(1, 450), new BatchPoint(10, 300), new BatchPoint(100, -80)));
        WorkloadResult w = new WorkloadResult(
                FILTER.info(),
                true,
                null,
                false,
                FILTER.series(),
                null,
                FILTER.breakEven(),
                Double.NaN,
                new ReceiverFigures(
                        r.sendOnly(), r.send(), List.of(r.receiver("discard").orElseThrow(), noisy), r.counted()));

        List<String> last = SelectionWords.receiverRows(w, Numbers::count).get(2);

        assertThat(last).containsExactly("100", "100 → 1", "40,050", "—", "—", "400.5", "—");
        String text = BatchReport.render(run(w), Format.TABLE);
        assertThat(text).doesNotContain("-80");
        assertThat(text.replaceAll("\\s*\\n\\s*", " "))
                .contains("a figure lost in noise at 1 in 100")
                .as("no share of a figure lost in noise")
                .doesNotContain("of the work per");
    }

    private static dev.sysc.batch.BatchRun run(WorkloadResult w) {
        return new dev.sysc.batch.BatchRun(
                "test", java.time.Instant.EPOCH, TestHosts.BOX, dev.sysc.bench.MeasureSpec.defaults(), List.of(w));
    }
}
