package dev.sysc.profile;

/** The compiled known-mix test program, for tests outside this package. */
public final class KnownMixPath {
    private KnownMixPath() {}

    public static String get() throws Exception {
        return KnownMix.path();
    }
}
