package dev.sysc.cli;

import dev.sysc.bench.MeasureListener;
import dev.sysc.report.Style;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on standard error, redrawn in place and erased when the work is done. Work that ends
 * within half a second never draws it: a flash of a bar is noise. Commands only create one when
 * standard error is a terminal and -q is not given.
 */
final class ProgressLine implements MeasureListener {
    static final long SHOW_AFTER_NANOS = 500_000_000L;
    private static final int BAR_CELLS = 24;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private boolean drawn;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(String call, int index, int count, Phase phase, double fraction) {
        if (System.nanoTime() - start < SHOW_AFTER_NANOS) {
            return;
        }
        err.print(Style.eraseLine() + line(call, index, count, phase, fraction));
        err.flush();
        drawn = true;
    }

    /** {@code getpid@libc (2/3) [██████████░░░░░░░░░░░░░░]  42% sampling}. */
    static String line(String call, int index, int count, Phase phase, double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        int full = (int) Math.round(f * BAR_CELLS);
        String position = count > 1 ? String.format(Locale.ROOT, " (%d/%d)", index + 1, count) : "";
        return String.format(
                Locale.ROOT,
                "%s%s [%s%s] %3.0f%% %s",
                call,
                position,
                "█".repeat(full),
                "░".repeat(BAR_CELLS - full),
                f * 100,
                phase == Phase.WARMUP ? "warming up" : "sampling");
    }

    /** Erases the bar, if one was drawn. */
    void clear() {
        if (drawn) {
            err.print(Style.eraseLine());
            err.flush();
            drawn = false;
        }
    }
}
