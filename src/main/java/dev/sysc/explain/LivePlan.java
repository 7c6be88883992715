package dev.sysc.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code sysc explain} measures live for one topic (or for the machine's view), as topics.tsv
 * says: catalog calls side by side, a batch workload at some sizes, the indirect-cost experiments.
 *
 * @param calls          catalog call specs (NAME[@PATH]) timed together
 * @param vsyscallCalls  calls added when this process can call the legacy vsyscall page
 * @param batch          a batch workload and its sizes, or empty
 * @param experiments    whether the indirect-cost experiments run
 */
public record LivePlan(List<String> calls, List<String> vsyscallCalls, Optional<Batch> batch, boolean experiments) {
    /** A batch workload at the given sizes. */
    public record Batch(String workload, List<Integer> sizes) {
        public Batch {
            sizes = List.copyOf(sizes);
        }

        /** WORKLOAD:N,N,... as topics.tsv writes it. */
        static Batch parse(String field) {
            int colon = field.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("topics.tsv: batch must be WORKLOAD:N,N,...: " + field);
            }
            List<Integer> sizes = new ArrayList<>();
            for (String n : field.substring(colon + 1).split(",")) {
                sizes.add(Integer.parseInt(n.strip()));
            }
            return new Batch(field.substring(0, colon), sizes);
        }

        public int[] sizeArray() {
            return sizes.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    public LivePlan {
        calls = List.copyOf(calls);
        vsyscallCalls = List.copyOf(vsyscallCalls);
    }

    /** The calls to time on this machine: the vsyscall ones only where the page can be called. */
    public List<String> calls(boolean vsyscallCallable) {
        if (!vsyscallCallable || vsyscallCalls.isEmpty()) {
            return calls;
        }
        List<String> all = new ArrayList<>(calls);
        all.addAll(vsyscallCalls);
        return all;
    }
}
