package vn.congvu.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.store.StoreException;

/**
 * One embedded Derby database on disk, brought to the latest schema version on open, with durability on
 * (every commit reaches the disk).
 */
final class Database implements AutoCloseable {

    /** Work done inside one transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_ATTEMPTS = 5;

    private final Path path;
    private final EmbeddedDataSource dataSource;

    /**
     * Opens (creating if needed) the database and applies the migrations it lacks.
     *
     * @param path       the database folder
     * @param schemaName which migrations: {@code province} or {@code ministry}
     * @param migrations the migration file names, in order; the n-th is schema version n
     */
    Database(Path path, String schemaName, List<String> migrations) {
        this.path = path.toAbsolutePath();
        requireWritable(this.path);
        this.dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(this.path.toString());
        dataSource.setCreateDatabase("create");
        migrate(schemaName, migrations);
    }

    /**
     * Derby says "Database not found" of a folder it may not write: name the folder and the user instead.
     *
     * @throws IllegalStateException naming the setting, the folder and the user, if the process cannot write there
     */
    private static void requireWritable(Path path) {
        try {
            // Derby creates the database folder itself (and refuses one that exists empty): probe the folder it
            // will be in, or the database folder when it exists; a probe rather than the permission bits, which do
            // not bind root, where a read-only mount binds everyone
            Path folder = Files.isDirectory(path) ? path : Files.createDirectories(path.getParent());
            Files.delete(Files.createTempFile(folder, "write-probe", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("database = " + path + ": the node cannot write there as the user "
                    + System.getProperty("user.name") + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); make the folder writable (chown or chmod), or set another folder", e);
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
                if (attempt < MAX_ATTEMPTS && dialect().isTransient(e)) {
                    LOG.warn("Database {}: {} met a lock conflict ({}); trying again ({} of {})", path, doing,
                            e.getMessage(), attempt + 1, MAX_ATTEMPTS);
                    pause(attempt);
                    continue;
                }
                throw new StoreException(doing + " in " + path, e);
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
                throw new StoreException(doing + " in " + path, e);
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

    /** @return how this database's SQL differs from the standard form */
    SqlDialect dialect() {
        return SqlDialect.DERBY;
    }

    /** @return the database folder, absolute */
    Path path() {
        return path;
    }

    /**
     * Derby's online backup into {@code folder/<this database's folder name>}: it copies the database as of
     * one moment while transactions go on (only unlogged operations, which congvu never runs, would wait).
     *
     * @param folder an existing folder
     * @return the copy
     * @throws StoreException naming both folders, if Derby cannot copy
     */
    Path backupTo(Path folder) {
        Path target = folder.toAbsolutePath();
        Path copy = target.resolve(path.getFileName());
        if (Files.exists(copy)) {
            throw new IllegalStateException("backing up " + path + ": " + copy + " already exists; nothing copied");
        }
        // its own connection in auto-commit: the procedure refuses to run inside a transaction with unlogged work
        try (Connection connection = dataSource.getConnection();
             java.sql.CallableStatement backup = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            backup.setString(1, target.toString());
            backup.execute();
        } catch (SQLException e) {
            throw new StoreException("backing up " + path + " into " + target, e);
        }
        LOG.info("Database {}: backed up into {}", path, copy);
        return copy;
    }

    /** Shuts the database down cleanly, so the next open needs no recovery. */
    @Override
    public void close() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(path.toString());
        shutdown.setShutdownDatabase("shutdown");
        try {
            shutdown.getConnection().close();
        } catch (SQLException e) {
            // Derby reports a clean shutdown as SQLState 08006
            if (!"08006".equals(e.getSQLState())) {
                LOG.warn("Database {} did not shut down cleanly", path, e);
            }
        }
    }

    private void migrate(String schemaName, List<String> migrations) {
        inTransaction("migrating the " + schemaName + " schema", connection -> {
            int current = currentVersion(connection);
            for (int version = current + 1; version <= migrations.size(); version++) {
                String file = migrations.get(version - 1);
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements(schemaName + "/" + file)) {
                        statement.execute(sql);
                    }
                    statement.executeUpdate("INSERT INTO schema_version (version, file) VALUES ("
                            + version + ", '" + file + "')");
                }
                LOG.info("Database {}: schema {} migrated to version {} ({})", path, schemaName, version, file);
            }
            return null;
        });
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "SCHEMA_VERSION", null)) {
            if (!tables.next()) {
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
        try (InputStream in = Database.class.getResourceAsStream("migrations/" + resource)) {
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
