package vn.congvu.uplink;

/** Where a filed report stands on its way to the ministry. */
public enum DeliveryState {
    /** Waiting to be sent, or being retried. */
    PENDING,
    /** The ministry holds it and issued a receipt. */
    DELIVERED,
    /**
     * The ministry refused it for its content; the reasons are kept for the operator and it is never retried.
     * Filing the period again, even with the same content, files a new revision.
     */
    REFUSED,
    /**
     * It could not be sent because something failed inside this node before sending (the error is kept); never
     * retried by itself. Filing the period again, even with the same content, files a new revision.
     */
    FAILED
}
