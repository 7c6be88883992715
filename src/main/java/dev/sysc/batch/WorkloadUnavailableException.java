package dev.sysc.batch;

/** The kernel refused what a workload needs; the reason is one sentence for the report. */
public final class WorkloadUnavailableException extends RuntimeException {
    public WorkloadUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
