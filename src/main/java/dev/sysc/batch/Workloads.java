package dev.sysc.batch;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The workloads {@code sysc batch} knows, in the order it runs them. */
public final class Workloads {
    private Workloads() {}

    /** All workloads, io_uring's rings opened by {@code rings}. */
    public static List<Workload> all(RingFactory rings) {
        return List.of(
                new WriteWorkload(),
                new ReadWorkload(),
                new IoUringWorkload(rings),
                new SendmmsgWorkload(),
                new FilterWorkload());
    }

    public static List<String> names() {
        return all(RingFactory.KERNEL).stream().map(Workload::name).collect(Collectors.toList());
    }

    public static Optional<Workload> find(String name, RingFactory rings) {
        return all(rings).stream().filter(w -> w.name().equals(name)).findFirst();
    }
}
