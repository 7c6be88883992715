package dev.sysc.profile;

/** Nothing can count system calls here: perf events are not allowed and strace is not installed. */
public final class CountingUnavailableException extends RuntimeException {
    public CountingUnavailableException(String message) {
        super(message);
    }
}
