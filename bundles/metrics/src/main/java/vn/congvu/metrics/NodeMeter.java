package vn.congvu.metrics;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the bundles that do a node's work report what they did and how long it took, so that the node's
 * metrics endpoint can show it. Every method returns at once and never throws: a meter must not slow or
 * break the work it counts. Users take it as an optional, dynamic reference and do their work the same
 * when it is absent.
 */
@ProviderType
public interface NodeMeter {

    /**
     * A record file was imported, or refused whole.
     *
     * @param accepted whether its records were stored
     * @param took     how long the import took, reading and storing
     */
    void recordImport(boolean accepted, Duration took);

    /**
     * The rule modules of one period were evaluated (for a filing or a dry run).
     *
     * @param reportMade whether every module finished and a report could be assembled
     * @param took       how long the evaluation took
     */
    void evaluation(boolean reportMade, Duration took);

    /**
     * A filing ended.
     *
     * @param outcome what it gave
     */
    void filing(FilingOutcome outcome);

    /** The ministry refused a report this node sent; it will not be sent again. */
    void refusal();

    /**
     * A rule bundle swap (install, update, rollback or removal) ended.
     *
     * @param done whether the swap was made; false when it was refused and the running version stayed
     */
    void swap(boolean done);

    /** What one filing gave. */
    enum FilingOutcome {
        /** a new revision was stored and queued for the ministry */
        FILED,
        /** the latest revision already had these figures: nothing was queued */
        UNCHANGED,
        /** no report: the period is not open for filing, or a module failed, or the figures were refused */
        NOT_FILED
    }
}
