package dev.sysc.report;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.ErrnoText;
import dev.sysc.host.HostInfo;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.CatalogEntry;
import dev.sysc.probe.Via;
import java.util.ArrayList;
import java.util.List;

/** The one-line notes that say why a result looks the way it does, derived from the result, catalog and host. */
final class CallNotes {
    private CallNotes() {
    }

    static List<String> of(CallResult r, HostInfo host) {
        List<String> notes = new ArrayList<>();
        CatalogEntry e = Catalog.builtIn().find(r.name()).orElse(null);
        if (!r.ok()) {
            notes.add(r.errno() != 0 ? "refused: " + ErrnoText.describe(r.errno()) + ", so there is no cost to report"
                    : "failed: " + r.failure());
            return notes;
        }
        if (e != null) {
            notes.add(kindNote(r, e, host));
        }
        if (r.noisy()) {
            double outliers = (double) (r.raw().lowOutliers() + r.raw().highOutliers()) / r.raw().n();
            String why = outliers > dev.sysc.bench.Defaults.NOISY_OUTLIER_SHARE
                    ? Numbers.percent(outliers) + " of samples are outliers (the machine changed pace during the run)"
                    : "the bulk of the samples is widely spread";
            notes.add("noisy: " + why + "; the median holds, but for tighter numbers pin with --cpu N and stop "
                    + "other work");
        }
        if (r.baseline() != null && r.net().median() < 0.5 * Math.max(1, r.baseline().median()) && r.crossesKernel()) {
            notes.add("net cost is small next to the FFI baseline: treat the figure with care");
        }
        return notes;
    }

    private static String kindNote(CallResult r, CatalogEntry e, HostInfo host) {
        if (e.via() == Via.NONE) {
            return "never enters the kernel: this is the cost of calling C from Java, subtracted from the others";
        }
        if (e.name().equals("enosys")) {
            return "the bare entry and exit: the kernel rejects the number at once (ENOSYS)";
        }
        boolean vdsoCapable = e.via() == Via.VDSO || e.via() == Via.VDSO_CLOCK;
        if (vdsoCapable && r.path().equals("syscall")) {
            return "forced through syscall(2): the crossing the vDSO normally avoids";
        }
        if (vdsoCapable && !r.crossesKernel()) {
            return "served by the vDSO: no mode switch, the answer is read in user space";
        }
        if (vdsoCapable) {
            return "the vDSO cannot read the " + host.clocksource()
                    + " clocksource, so it falls back to a real syscall";
        }
        if (e.crossings() > 1) {
            return e.crossings() + " crossings per invocation (" + String.join(" + ", e.syscalls()) + ")";
        }
        return "1 crossing per invocation";
    }
}
