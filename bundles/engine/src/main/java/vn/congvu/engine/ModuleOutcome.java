package vn.congvu.engine;

import java.time.Duration;

/**
 * How one rule module's evaluation went.
 *
 * @param moduleId the module id
 * @param version  the version of the bundle that holds it
 * @param status   whether it finished
 * @param error    what went wrong, or null
 * @param took     how long it ran
 */
public record ModuleOutcome(String moduleId, String version, Status status, String error, Duration took) {

    /** Whether a module finished. */
    public enum Status {
        /** It returned its figures. */
        COMPLETED,
        /** It threw an exception. */
        FAILED,
        /** It ran past its time limit and was cancelled. */
        TIMED_OUT
    }

    /** @return whether the module returned its figures */
    public boolean completed() {
        return status == Status.COMPLETED;
    }
}
