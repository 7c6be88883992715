package dev.sysc.report;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.ErrnoText;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.host.HostInfo;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.CatalogEntry;
import dev.sysc.probe.Via;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The one-line notes that say why a result looks the way it does: which note applies is decided here
 * from the result, catalog and host; the words are data, in {@code notes.properties}.
 */
final class CallNotes {
    private static final Properties TEXT = load();

    private CallNotes() {}

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = CallNotes.class.getResourceAsStream("/dev/sysc/report/notes.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing resource notes.properties");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The note {@code key} with its arguments filled in. */
    static String text(String key, Object... args) {
        String pattern = TEXT.getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("no note '" + key + "' in notes.properties");
        }
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** The notes for {@code r}, measured on {@code host} as {@code spec} says (pinned or not, baseline or not). */
    static List<String> of(CallResult r, HostInfo host, MeasureSpec spec) {
        List<String> notes = new ArrayList<>();
        CatalogEntry e = Catalog.builtIn().find(r.name()).orElse(null);
        if (!r.ok()) {
            notes.add(r.errno() != 0 ? text("refused", ErrnoText.describe(r.errno())) : text("failed", r.failure()));
            return notes;
        }
        if (e != null) {
            notes.add(kindNote(r, e, host, spec));
            if (e.name().equals("ctx_switch")) {
                // lat_ctx reports one switch; an invocation here is a round trip, there and back.
                notes.add(text("per-switch", Numbers.ns(r.net().median() / 2)));
            }
        }
        if (r.noisy()) {
            double outliers = (double) (r.raw().lowOutliers() + r.raw().highOutliers())
                    / r.raw().n();
            boolean manyOutliers = outliers > dev.sysc.bench.Defaults.NOISY_OUTLIER_SHARE;
            if (spec.cpu() >= 0) {
                notes.add(
                        manyOutliers
                                ? text("noisy-outliers-pinned", Numbers.percent(outliers), spec.cpu())
                                : text("noisy-spread-pinned", spec.cpu()));
            } else {
                notes.add(manyOutliers ? text("noisy-outliers", Numbers.percent(outliers)) : text("noisy-spread"));
            }
        }
        if (r.belowResolution()) {
            notes.add(text("below-resolution", Numbers.ns(dev.sysc.bench.Defaults.RESOLUTION_NS)));
        } else if (r.baseline() != null
                && r.net().median() < 0.5 * Math.max(1, r.baseline().median())
                && r.crossesKernel()) {
            notes.add(text("small-net"));
        }
        return notes;
    }

    /** The noisy line of compare, shared by the calls it names. */
    static String compareNoisy(String calls, MeasureSpec spec) {
        return spec.cpu() >= 0 ? text("compare-noisy-pinned", calls, spec.cpu()) : text("compare-noisy", calls);
    }

    private static String kindNote(CallResult r, CatalogEntry e, HostInfo host, MeasureSpec spec) {
        if (e.via() == Via.NONE) {
            if ("native".equals(r.loop())) {
                return text("never-native");
            }
            // "subtracted from the others" only where a baseline was subtracted.
            return !spec.baseline() || r.baseline() == null ? text("never-java-bridge") : text("never");
        }
        if (r.path().equals("vsyscall")) {
            return text("vsyscall");
        }
        if (r.path().equals("raw") && !e.name().equals("enosys")) {
            return text("raw");
        }
        if (e.name().equals("enosys")) {
            return text("enosys");
        }
        boolean vdsoCapable = e.via() == Via.VDSO || e.via() == Via.VDSO_CLOCK;
        if (vdsoCapable && r.path().equals("syscall")) {
            return text("forced-syscall");
        }
        if (vdsoCapable && !r.crossesKernel()) {
            return text("vdso-served");
        }
        if (vdsoCapable) {
            return text("vdso-fallback", host.clocksource());
        }
        if (e.crossings() > 1) {
            // The catalog counts a page fault (an exception entry) among the crossings, not the syscalls.
            String entries = String.join(" + ", e.syscalls())
                    + (e.crossings() > e.syscalls().size() ? " + a page fault" : "");
            return text("crossings", e.crossings(), entries);
        }
        return text("crossing");
    }
}
