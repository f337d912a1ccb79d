package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one schema, written in Derby's SQL, in each engine's types. */
class SqlDialectTest {

    private static final String DDL = "ALTER TABLE reports ADD COLUMN values_text CLOB(16M); problems CLOB(1M) NOT NULL, "
            + "note VARCHAR(4000) -- MYCLOB(2M) is no type";

    @Test
    void postgresql_takesTextForEveryClob_andLeavesTheRest() {
        assertEquals("ALTER TABLE reports ADD COLUMN values_text TEXT; problems TEXT NOT NULL, "
                + "note VARCHAR(4000) -- MYCLOB(2M) is no type", SqlDialect.POSTGRESQL.inEngineTypes(DDL));
    }

    @Test
    void derby_runsTheSchemaAsWritten() {
        assertEquals(DDL, SqlDialect.DERBY.inEngineTypes(DDL));
    }
}
