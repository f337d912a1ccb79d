package vn.congvu.store;

/** Where an outbox entry stands. */
public enum OutboxState {
    /** Waiting to be sent, or being retried. */
    PENDING,
    /** The ministry holds it and issued a receipt. */
    DELIVERED,
    /** The ministry refused it; the reasons are kept for the operator and it is never retried. */
    REJECTED
}
