package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one schema, written in Derby's SQL, in each engine's types. */
class SqlDialectTest {

    private static final String DDL = "ALTER TABLE reports ADD COLUMN values_text CLOB(16M); problems CLOB, payload "
            + "BLOB(256M), CAST(fields AS CLOB) FROM records; note VARCHAR(4000) -- MYCLOB(2M) and BLOBS are no types; "
            + "accepted_at TIMESTAMP NOT NULL, at TIMESTAMP WITH TIME ZONE, CURRENT_TIMESTAMP";

    @Test
    void postgresql_takesTextForEveryClob_byteaForEveryBlob_instantsForTimestamps_andLeavesTheRest() {
        assertEquals("ALTER TABLE reports ADD COLUMN values_text TEXT; problems TEXT, payload BYTEA, CAST(fields AS TEXT) "
                + "FROM records; note VARCHAR(4000) -- MYCLOB(2M) and BLOBS are no types; accepted_at TIMESTAMP WITH TIME ZONE "
                + "NOT NULL, at TIMESTAMP WITH TIME ZONE, CURRENT_TIMESTAMP", SqlDialect.POSTGRESQL.inEngineTypes(DDL));
    }

    @Test
    void derby_runsTheSchemaAsWritten() {
        assertEquals(DDL, SqlDialect.DERBY.inEngineTypes(DDL));
    }
}
