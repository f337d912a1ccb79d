package vn.congvu.store;

import java.time.Instant;

/**
 * The ministry's receipt for a stored report.
 *
 * @param receiptId  such as {@code BNV-2026-000001}
 * @param acceptedAt when the report was stored
 */
public record Receipt(String receiptId, Instant acceptedAt) {
}
