package vn.congvu.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What differs between the SQL engines a store runs on, in one place: the rest of the store's SQL is written in the
 * standard form every supported engine reads ({@code FETCH FIRST n ROWS ONLY}, identity columns and generated keys,
 * SQLSTATE classes).
 */
enum SqlDialect {

    /** Apache Derby, embedded: one process owns the database. */
    DERBY(Set.of("40XL1", "40001"), " WITH UR", "VALUES 1") {
        @Override
        String inEngineTypes(String ddl) {
            return ddl;
        }

        @Override
        void lockForMigration(Connection connection) {
            // an embedded database has one process: nobody else migrates it
        }
    },

    /**
     * PostgreSQL, which several ministry nodes share. A unique violation is transient here too: every write checks
     * before it inserts, so a row another node inserted between the check and the insert is found when the
     * transaction runs again (a report stored by the other node is then answered as a duplicate).
     */
    POSTGRESQL(Set.of("40001", "40P01", "23505"), "", "SELECT 1") {
        @Override
        String inEngineTypes(String ddl) {
            // PostgreSQL's TEXT and BYTEA hold any length; its large objects (what pgjdbc maps CLOB and BLOB to) are
            // another thing
            // and instants as instants: two nodes in two time zones read the same moment
            String types = BLOB.matcher(CLOB.matcher(ddl).replaceAll("TEXT")).replaceAll("BYTEA");
            return TIMESTAMP.matcher(types).replaceAll("TIMESTAMP WITH TIME ZONE");
        }

        @Override
        void lockForMigration(Connection connection) throws SQLException {
            // held until the migrating transaction ends: a second node starting at the same moment waits, then
            // finds the schema migrated
            try (Statement lock = connection.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(4242170)");
            }
        }
    };

    private static final Pattern CLOB = Pattern.compile("\\bCLOB\\b(\\(\\d+[KMG]?\\))?");
    private static final Pattern BLOB = Pattern.compile("\\bBLOB\\b(\\(\\d+[KMG]?\\))?");
    private static final Pattern TIMESTAMP = Pattern.compile("\\bTIMESTAMP\\b(?! WITH)");

    private final Set<String> transientStates;
    private final String readUncommittedSuffix;
    private final String probe;

    SqlDialect(Set<String> transientStates, String readUncommittedSuffix, String probe) {
        this.transientStates = transientStates;
        this.readUncommittedSuffix = readUncommittedSuffix;
        this.probe = probe;
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
     * @return it reading rows other transactions have not committed yet, where the engine can: for estimates that
     *     must not wait (PostgreSQL never makes a reader wait for a writer)
     */
    String readingUncommitted(String query) {
        return query + readUncommittedSuffix;
    }

    /** @return the cheapest query the engine answers, to tell whether it answers */
    String probeQuery() {
        return probe;
    }

    /**
     * The schema's migrations are written once, in Derby's SQL, which is standard but for its types.
     *
     * @param ddl a migration's statement
     * @return it in this engine's types
     */
    abstract String inEngineTypes(String ddl);

    /** Keeps other processes from migrating the same schema until the caller's transaction ends. */
    abstract void lockForMigration(Connection connection) throws SQLException;
}
