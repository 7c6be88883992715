package dev.sysc.profile;

/** The command or process to profile is wrong (not found, not executable, no such process); nothing ran. */
public final class ProfileUsageException extends RuntimeException {
    public ProfileUsageException(String message) {
        super(message);
    }
}
