package vn.congvu.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.store.StoreBusyException;
import vn.congvu.store.StoreException;

/**
 * One database, on whichever engine its host runs, brought to the latest schema version on open: transactions that
 * are run again when they lost a conflict, and the schema's migrations.
 */
final class Database implements AutoCloseable {

    /** Work done inside one transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_ATTEMPTS = 5;

    private final DatabaseHost host;
    private final String where;
    private final DataSource dataSource;

    /**
     * Opens (creating if needed) an embedded Derby database and applies the migrations it lacks.
     *
     * @param path       the database folder
     * @param schemaName which migrations: {@code province} or {@code ministry}
     * @param migrations the migration file names, in order; the n-th is schema version n
     */
    Database(Path path, String schemaName, List<String> migrations) {
        this(new DerbyHost(path), schemaName, migrations);
    }

    /**
     * Opens the host's database and applies the migrations it lacks (one process at a time, where several share it).
     *
     * @param host       where the database lives; closed with this database
     * @param schemaName which migrations: {@code province} or {@code ministry}
     * @param migrations the migration file names, in order; the n-th is schema version n
     */
    Database(DatabaseHost host, String schemaName, List<String> migrations) {
        this.host = host;
        this.where = host.describe();
        this.dataSource = host.dataSource();
        try {
            migrate(schemaName, migrations);
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    /**
     * Runs work in one transaction: committed if it returns, rolled back if it throws. A transaction that
     * lost a lock conflict is run again, up to {@value #MAX_ATTEMPTS} times in all.
     *
     * @param doing what the work does, for the error message
     * @param work  the work
     * @return what the work returned
     * @throws StoreException naming what was being done, if the database fails
     */
    <T> T inTransaction(String doing, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                // Derby's identity generators give up at once when another transaction holds their
                // catalog row ("a lock could not be obtained"): the whole transaction was rolled back and
                // is run again, as are deadlocks. Every unit of work here starts by reading what it needs.
                if (dialect().isTransient(e)) {
                    if (attempt < MAX_ATTEMPTS) {
                        LOG.warn("Database {}: {} met a conflict ({}); trying again ({} of {})", where, doing,
                                e.getMessage(), attempt + 1, MAX_ATTEMPTS);
                        pause(attempt);
                        continue;
                    }
                    // still conflicting: nothing of it was done, and the same request may succeed later (never a
                    // fault of the request's content, which a unique violation would otherwise be taken for)
                    LOG.warn("Database {}: {} still met a conflict after {} attempts: {}", where, doing, MAX_ATTEMPTS,
                            e.getMessage());
                    throw new StoreBusyException(doing + " in " + where, 1_000);
                }
                throw new StoreException(doing + " in " + where, e);
            }
        }
    }

    /**
     * A transaction left open for work that comes in pieces (a staged import), with the value its first
     * statements gave. Its owner commits or rolls back, and closes the connection.
     *
     * @param connection the connection, not auto-committing
     * @param value      what the first statements gave
     * @param <T>        the value's type
     */
    record Open<T>(Connection connection, T value) {
    }

    /**
     * Opens a transaction that outlives this call: its first statements are run again on a lock conflict, as
     * {@link #inTransaction} runs whole work, and the transaction is left open.
     *
     * @param doing what the work does, for the error message
     * @param first the transaction's first statements
     * @return the open transaction
     * @throws StoreException naming what was being done, if the database fails
     */
    <T> Open<T> begin(String doing, Work<T> first) {
        for (int attempt = 1; ; attempt++) {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                return new Open<>(connection, first.run(connection));
            } catch (SQLException e) {
                abandon(connection);
                if (attempt < MAX_ATTEMPTS && dialect().isTransient(e)) {
                    pause(attempt);
                    continue;
                }
                if (dialect().isTransient(e)) {
                    throw new StoreBusyException(doing + " in " + where, 1_000);
                }
                throw new StoreException(doing + " in " + where, e);
            } catch (RuntimeException e) {
                abandon(connection);
                throw e;
            }
        }
    }

    /**
     * Rolls back what the connection's transaction holds, if anything, and closes it (and its statements);
     * quietly, since a failure being reported says more.
     */
    static void abandon(Connection connection) {
        if (connection == null) {
            return;
        }
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("A failed transaction did not roll back cleanly: {}", e.getMessage());
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return where the database is, for messages (a folder, or a JDBC address without credentials) */
    String describe() {
        return where;
    }

    /** @return how this database's SQL differs from the standard form */
    SqlDialect dialect() {
        return host.dialect();
    }

    /** @return the database folder, absolute, or empty for a database on a server */
    Optional<Path> folder() {
        return host.folder();
    }

    /**
     * A copy of the database as of one moment, taken while transactions go on, into {@code folder/<its name>}.
     *
     * @param folder an existing folder
     * @return the copy
     * @throws StoreException naming both folders, if the engine cannot copy
     * @throws IllegalStateException if the engine copies its databases with its own tools
     */
    Path backupTo(Path folder) {
        return host.backupTo(folder);
    }

    /** Closes the database cleanly (an embedded one needs no recovery at the next open). */
    @Override
    public void close() {
        host.close();
    }

    private void migrate(String schemaName, List<String> migrations) {
        inTransaction("migrating the " + schemaName + " schema", connection -> {
            dialect().lockForMigration(connection);
            int current = currentVersion(connection);
            for (int version = current + 1; version <= migrations.size(); version++) {
                String file = migrations.get(version - 1);
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements("migrations/" + schemaName + "/" + file)) {
                        statement.execute(dialect().inEngineTypes(sql));
                    }
                    statement.executeUpdate("INSERT INTO schema_version (version, file) VALUES ("
                            + version + ", '" + file + "')");
                }
                LOG.info("Database {}: schema {} migrated to version {} ({})", where, schemaName, version, file);
            }
            return null;
        });
    }

    private static int currentVersion(Connection connection) throws SQLException {
        // Derby keeps unquoted names in upper case, PostgreSQL in lower case; only the connection's own schema counts
        // (another schema of the same database may hold a table of that name)
        String schema = connection.getSchema();
        try (ResultSet upper = connection.getMetaData().getTables(null, schema, "SCHEMA_VERSION", null);
             ResultSet lower = connection.getMetaData().getTables(null, schema, "schema_version", null)) {
            if (!upper.next() && !lower.next()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE schema_version (version INT PRIMARY KEY, file VARCHAR(200) NOT NULL)");
                }
                return 0;
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT MAX(version) FROM schema_version");
             ResultSet result = query.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    private static List<String> statements(String resource) {
        try (InputStream in = Database.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the store bundle");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return java.util.Arrays.stream(text.split(";\\s*(\\r?\\n|$)"))
                    .map(sql -> sql.lines().filter(line -> !line.trim().startsWith("--"))
                            .collect(java.util.stream.Collectors.joining("\n")).trim())
                    .filter(sql -> !sql.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + resource, e);
        }
    }
}
