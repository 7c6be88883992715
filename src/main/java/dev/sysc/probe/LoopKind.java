package dev.sysc.probe;

import java.util.Locale;

/** What runs the calls of a timed batch. */
public enum LoopKind {
    /**
     * Machine code generated at run time: a C-like loop calling the same entry point a C program would,
     * entered once per batch through jffi. Per call it costs what a C loop costs.
     */
    NATIVE,
    /**
     * The Java loop: every call crosses the Java-to-C bridge (jnr-ffi/jffi), whose cost the FFI
     * baseline then subtracts. What a Java caller pays.
     */
    JAVA;

    /** The lower-case name used by {@code --loop} and in result files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The loop named {@code id}, or null. */
    public static LoopKind byId(String id) {
        for (LoopKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }
}
