package vn.congvu.store.internal;

import java.sql.SQLException;
import java.util.Set;

/**
 * What differs between the SQL engines a store runs on, in one place: the rest of the store's SQL is written in the
 * standard form every supported engine reads ({@code FETCH FIRST n ROWS ONLY}, generated keys, SQLSTATE classes).
 * Derby, embedded, is the one engine today; a second engine is a second constant here.
 */
enum SqlDialect {

    /** Apache Derby, embedded. */
    DERBY(Set.of("40XL1", "40001"), " WITH UR");

    private final Set<String> transientStates;
    private final String readUncommittedSuffix;

    SqlDialect(Set<String> transientStates, String readUncommittedSuffix) {
        this.transientStates = transientStates;
        this.readUncommittedSuffix = readUncommittedSuffix;
    }

    /**
     * @param failure a failed statement or commit
     * @return whether the transaction lost a lock conflict or a deadlock and was rolled back, so that running it
     *     again may succeed (Derby's lock time-out {@code 40XL1}, serialization failures {@code 40001})
     */
    boolean isTransient(SQLException failure) {
        return failure.getSQLState() != null && transientStates.contains(failure.getSQLState());
    }

    /**
     * @param query a SELECT
     * @return it reading rows other transactions have not committed yet: for estimates that must not wait
     */
    String readingUncommitted(String query) {
        return query + readUncommittedSuffix;
    }
}
