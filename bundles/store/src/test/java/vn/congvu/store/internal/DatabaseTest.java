package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.store.StoreBusyException;
import vn.congvu.store.StoreException;

class DatabaseTest {

    @TempDir
    Path folder;

    @Test
    void aTransactionThatLostALockConflict_isRunAgain_andOnlyItsLastRunCounts() {
        try (Database database = new Database(folder.resolve("db"), "province", List.of("001-initial.sql"))) {
            database.inTransaction("making a table", connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE attempts (n INT)");
                }
                return null;
            });
            AtomicInteger runs = new AtomicInteger();
            int result = database.inTransaction("inserting", connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT INTO attempts VALUES (" + runs.incrementAndGet() + ")");
                }
                if (runs.get() < 3) {
                    throw new SQLException("A lock could not be obtained within the time requested", "40XL1");
                }
                return runs.get();
            });
            assertEquals(3, result);
            int stored = database.inTransaction("counting", connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("SELECT COUNT(*), MAX(n) FROM attempts")) {
                    row.next();
                    assertEquals(3, row.getInt(2), "only the last run was committed");
                    return row.getInt(1);
                }
            });
            assertEquals(1, stored);

            StoreException other = assertThrows(StoreException.class, () -> database.inTransaction("failing", connection -> {
                throw new SQLException("no such table", "42X05");
            }));
            assertTrue(other.getMessage().startsWith("failing in "), other.getMessage());

            // a conflict that outlasts every attempt: busy, to be tried again later, never a fault of the content
            AtomicInteger tries = new AtomicInteger();
            StoreBusyException busy = assertThrows(StoreBusyException.class, () -> database.inTransaction("conflicting",
                    connection -> {
                        tries.incrementAndGet();
                        throw new SQLException("A lock could not be obtained within the time requested", "40XL1");
                    }));
            assertEquals(5, tries.get());
            assertTrue(busy.getMessage().startsWith("conflicting in "), busy.getMessage());
        }
    }
}
