package dev.sysc.bench;

import java.time.Duration;

/** Every default and limit of a measurement, in one place. */
public final class Defaults {
    /** Measuring time per call: enough for thousands of samples of any call in the catalog. */
    public static final Duration TIME = Duration.ofMillis(300);
    /** Upper bound on warm-up per call; warm-up usually ends sooner, when batch times stop falling. */
    public static final Duration WARMUP = Duration.ofMillis(200);
    /** Warm-up never ends before this: C2 needs a few milliseconds to compile the loop. */
    public static final Duration MIN_WARMUP = Duration.ofMillis(25);
    /** One timed batch lasts about this long, so System.nanoTime's ~25 ns cost is under 0.1 %. */
    public static final long TARGET_BATCH_NANOS = 40_000;
    /** A calibrated batch never exceeds this many calls. */
    public static final int MAX_BATCH = 1 << 20;
    /** Fewest samples a measurement takes, however short its time. */
    public static final int MIN_SAMPLES = 10;
    /** Most samples a measurement takes (--samples is refused above this). */
    public static final int MAX_SAMPLES = 1_000_000;

    /** The longest seccomp filter --seccomp N may ask for: the kernel's limit, BPF_MAXINSNS. */
    public static final int MAX_SECCOMP_INSTRUCTIONS = dev.sysc.os.SeccompFilter.MAX_INSTRUCTIONS;
    /** Longest --time or --warmup accepted. */
    public static final Duration MAX_TIME = Duration.ofSeconds(60);
    /** Above this robust coefficient of variation (MAD-based) of the raw samples, a result is flagged as noisy. */
    public static final double NOISY_CV = 0.05;
    /** A spread smaller than this (ns, robust standard deviation) never counts as noise. */
    public static final double NOISY_MIN_SPREAD_NS = 2.0;
    /** Above this share of samples outside the Tukey fences, a result is flagged as noisy. */
    public static final double NOISY_OUTLIER_SHARE = 0.10;
    /** How long the Java-to-C bridge (ffi-noop on the Java loop) is sampled, besides the native measurements. */
    public static final Duration BRIDGE_TIME = Duration.ofMillis(10);
    /** Its warm-up bound: the Java loop must be compiled before its figure means anything. */
    public static final Duration BRIDGE_WARMUP = Duration.ofMillis(40);
    /**
     * A net cost below this (ns per call, a couple of CPU cycles) cannot be told from zero by a
     * difference of two timed loops: it is reported as below the resolution, never as a number.
     */
    public static final double RESOLUTION_NS = 0.5;
    /** Progress is reported at most this often. */
    public static final long PROGRESS_INTERVAL_NANOS = 50_000_000;

    private Defaults() {}

    // ---- the presets of the commands that measure on the side: here, so that every duration sysc
    // ---- chooses for the user is in one place

    /** sysc batch: sampling time per batch size, and its warm-up (the whole sweep takes under 10 s). */
    public static final Duration BATCH_TIME = Duration.ofMillis(50);

    public static final Duration BATCH_WARMUP = Duration.ofMillis(50);
    /** sysc explain: the quick live measurement under an explanation. */
    public static final MeasureSpec EXPLAIN_QUICK =
            new MeasureSpec(Duration.ofMillis(100), Duration.ofMillis(50), 0, -1, true);
    /** sysc tour: each page's live measurement, and its batching page's points. */
    public static final MeasureSpec TOUR_QUICK =
            new MeasureSpec(Duration.ofMillis(150), Duration.ofMillis(100), 0, -1, true);

    public static final Duration TOUR_BATCH_TIME = Duration.ofMillis(60);
    public static final Duration TOUR_BATCH_WARMUP = Duration.ofMillis(40);
    /** sysc profile: the unit-cost measurement per catalog call, and how long -p watches by default. */
    public static final Duration PROFILE_UNIT_TIME = Duration.ofMillis(20);

    public static final Duration PROFILE_ATTACH_FOR = Duration.ofSeconds(10);
}
