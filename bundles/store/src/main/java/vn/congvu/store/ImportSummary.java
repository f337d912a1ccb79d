package vn.congvu.store;

import java.time.Instant;

/**
 * What importing a file did.
 *
 * @param importId     the import's id (that of the first import when the file was already imported)
 * @param recordCount  how many records the file holds
 * @param importedAt   when the file was (first) imported
 * @param alreadyKnown true when the same file had been imported before and nothing changed
 */
public record ImportSummary(long importId, int recordCount, Instant importedAt, boolean alreadyKnown) {
}
