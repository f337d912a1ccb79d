package vn.congvu.engine;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Watches long work (an import, an evaluation): is told how it goes, and asked whether to stop. The work
 * calls {@link #progress} about once a second and {@link #cancelled} often; a cancelled import stores
 * nothing, a cancelled evaluation files nothing.
 */
@ConsumerType
public interface WorkWatcher {

    /** Watches nothing and never cancels. */
    WorkWatcher NONE = new WorkWatcher() {
    };

    /**
     * @param progress how far the work is
     */
    default void progress(Progress progress) {
    }

    /** @return true to stop the work as soon as it can, leaving nothing of it behind */
    default boolean cancelled() {
        return false;
    }
}
