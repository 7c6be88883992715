package dev.sysc.report;

import dev.sysc.batch.BatchPoint;
import dev.sysc.batch.BatchRun;
import dev.sysc.batch.BatchSeries;
import dev.sysc.batch.WorkloadInfo;
import dev.sysc.batch.WorkloadResult;
import java.util.ArrayList;
import java.util.List;

/** Batch as Markdown: per workload a table and the sentences, the socket filter's listing where there is one. */
final class BatchMarkdown {
    private BatchMarkdown() {}

    /**
     * The receiver's table (when measured) and the whole batch's (ns per wanted item), then the program that
     * does the selecting, disassembled.
     */
    private static String markdownSelection(WorkloadResult w) {
        WorkloadInfo info = w.info();
        StringBuilder sb = new StringBuilder();
        if (w.receiver() != null) {
            sb.append("The receiver alone (each batch less the send alone); share = ")
                    .append(info.batched())
                    .append(" / ")
                    .append(info.loop())
                    .append(":\n\n");
            List<String> headers = SelectionWords.receiverHeaders(
                    w, s -> s + " receiver (ns/" + info.unit() + ")", s -> s + " receiver (ns/datagram sent)");
            MarkdownTable t = MarkdownTable.withFigures(0, headers.toArray(String[]::new));
            SelectionWords.receiverRows(w, Long::toString).forEach(t::row);
            sb.append(t).append('\n');
        }
        sb.append("The whole batch, the send of all ")
                .append(info.selection().perBatch())
                .append(" included:\n\n");
        List<String> headers = new ArrayList<>(List.of("1 in K", "wanted"));
        for (BatchSeries s : w.series()) {
            headers.add(s.strategy() + " (ns/" + info.unit() + ")");
        }
        headers.addAll(List.of("speedup", "crossings", "saved"));
        MarkdownTable t = MarkdownTable.withFigures(0, headers.toArray(String[]::new));
        SelectionWords.selectionRows(w, Long::toString).forEach(t::row);
        sb.append(t);
        List<String> program = info.selection().program();
        if (!program.isEmpty()) {
            sb.append("\nThe socket filter (classic BPF), as attached with `setsockopt(SO_ATTACH_FILTER)`:\n\n```\n");
            program.forEach(line -> sb.append(line).append('\n'));
            sb.append("```\n");
        }
        return sb.toString();
    }

    static String markdown(BatchRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append("**Host:** ").append(Cells.hostLine(run.host())).append("\n");
        for (WorkloadResult w : run.workloads()) {
            sb.append("\n## ")
                    .append(w.name())
                    .append("\n\n")
                    .append(w.info().title())
                    .append(".\n\n");
            if (!w.available()) {
                sb.append("**Unavailable:** ").append(w.reason()).append("\n");
                continue;
            }
            WorkloadInfo info = w.info();
            if (info.kind() == WorkloadInfo.Kind.SELECT) {
                sb.append(markdownSelection(w));
            } else if (info.kind() == WorkloadInfo.Kind.BUFFER) {
                MarkdownTable t = MarkdownTable.withFigures(0, "bytes", "ns per read", "ns per byte");
                for (BatchPoint p : w.series().get(0).points()) {
                    t.row(
                            BatchWords.bytes(p.batch()),
                            Numbers.ns(p.nsPerOp() * p.batch()),
                            Numbers.perUnit(p.nsPerOp()));
                }
                sb.append(t);
            } else {
                List<String> headers = new ArrayList<>(List.of("batch"));
                for (BatchSeries s : w.series()) {
                    headers.add(s.strategy() + " (ns/" + info.unit() + ")");
                }
                for (BatchSeries s : BatchWords.others(w)) {
                    headers.add("speedup " + s.strategy());
                }
                MarkdownTable t = MarkdownTable.withFigures(0, headers.toArray(String[]::new));
                BatchSeries loop = w.series(info.loop()).orElseThrow();
                for (int size : w.sizes()) {
                    List<String> row = new ArrayList<>(List.of(Integer.toString(size)));
                    for (BatchSeries s : w.series()) {
                        row.add(Numbers.perUnit(s.at(size)));
                    }
                    for (BatchSeries s : BatchWords.others(w)) {
                        row.add(BatchWords.speedup(loop.at(size), s.at(size)));
                    }
                    t.row(row);
                }
                sb.append(t);
            }
            sb.append('\n');
            for (String line : BatchWords.sentences(w)) {
                sb.append("- ").append(line).append('\n');
            }
            if (info.note() != null) {
                sb.append("- Note: ").append(info.note()).append(".\n");
            }
        }
        sb.append('\n')
                .append(BatchWords.legend(run).replace("\n", " ").strip())
                .append('\n');
        return sb.toString();
    }
}
