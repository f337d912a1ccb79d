package vn.congvu.modules;

/** What a swap does to a rule bundle. */
public enum SwapAction {
    /** A bundle not installed before. */
    INSTALL,
    /** A new jar for an installed bundle. */
    UPDATE,
    /** Back to the jar that ran before the last swap. */
    ROLLBACK,
    /** The bundle stops and is uninstalled. */
    REMOVE
}
