package vn.congvu.modules;

import java.time.Instant;

/**
 * One line of the swap history.
 *
 * @param at           when the swap ended
 * @param action       what it did
 * @param symbolicName the rule bundle
 * @param fromVersion  the version before, or null
 * @param fromSha256   its jar's SHA-256, or null
 * @param toVersion    the version after, or null
 * @param toSha256     its jar's SHA-256, or null
 * @param done         false when it was refused
 * @param note         why it was refused, or how long it took
 */
public record SwapRecord(Instant at, SwapAction action, String symbolicName, String fromVersion, String fromSha256,
                         String toVersion, String toSha256, boolean done, String note) {
}
