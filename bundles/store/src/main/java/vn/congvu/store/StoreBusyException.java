package vn.congvu.store;

/**
 * The store has more work queued than it accepts: nothing was done, and the same request can succeed
 * later. Carries how long to wait before trying again.
 */
public class StoreBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterMillis;

    /**
     * @param doing            what was refused
     * @param retryAfterMillis how long to wait before trying again
     */
    public StoreBusyException(String doing, long retryAfterMillis) {
        super(doing + " refused: the store is busy; try again in " + retryAfterMillis + " ms");
        this.retryAfterMillis = retryAfterMillis;
    }

    /** @return how long to wait before trying again, in milliseconds */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
