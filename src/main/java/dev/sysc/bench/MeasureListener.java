package dev.sysc.bench;

/** Progress of a run, for a progress line; called at most every {@link Defaults#PROGRESS_INTERVAL_NANOS}. */
@FunctionalInterface
public interface MeasureListener {
    /**
     * @param call     {@code name@path} of the call being measured
     * @param index    its position in the run, from 0
     * @param count    how many calls the run measures
     * @param phase    what is happening to it
     * @param fraction how far that phase has got, 0 to 1
     */
    void progress(String call, int index, int count, Phase phase, double fraction);

    MeasureListener NONE = (call, index, count, phase, fraction) -> {};

    /** The phases of measuring one call. */
    enum Phase {
        WARMUP,
        SAMPLING
    }
}
