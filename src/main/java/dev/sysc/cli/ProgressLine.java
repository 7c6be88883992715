package dev.sysc.cli;

import dev.sysc.bench.MeasureListener;
import java.io.PrintWriter;
import java.util.Locale;

/** A single progress line on standard error, redrawn in place and erased when the work is done. */
final class ProgressLine implements MeasureListener {
    private final PrintWriter err;
    private boolean drawn;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(String call, int index, int count, Phase phase, double fraction) {
        String what = phase == Phase.WARMUP ? "warming up" : "sampling";
        String position = count > 1 ? String.format(Locale.ROOT, " (%d/%d)", index + 1, count) : "";
        err.print(String.format(Locale.ROOT, "\r\033[Kmeasuring %s%s: %s %3.0f%%", call, position, what,
                fraction * 100));
        err.flush();
        drawn = true;
    }

    /** Erases the line, if one was drawn. */
    void clear() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }
}
