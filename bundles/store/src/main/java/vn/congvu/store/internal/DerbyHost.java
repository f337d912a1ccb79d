package vn.congvu.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.store.StoreException;

/** An embedded Derby database in a folder of the node's, with durability on (every commit reaches the disk). */
final class DerbyHost implements DatabaseHost {

    private static final Logger LOG = LoggerFactory.getLogger(DerbyHost.class);

    private final Path path;
    private final EmbeddedDataSource dataSource;

    /**
     * @param path the database folder, created on first use
     * @throws IllegalStateException naming the folder and the user, if the process cannot write there
     */
    DerbyHost(Path path) {
        this.path = path.toAbsolutePath();
        requireWritable(this.path);
        this.dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(this.path.toString());
        dataSource.setCreateDatabase("create");
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

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public SqlDialect dialect() {
        return SqlDialect.DERBY;
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public Optional<Path> folder() {
        return Optional.of(path);
    }

    /**
     * Derby's online backup into {@code folder/<this database's folder name>}: it copies the database as of
     * one moment while transactions go on (only unlogged operations, which congvu never runs, would wait).
     *
     * @throws StoreException naming both folders, if Derby cannot copy
     */
    @Override
    public Path backupTo(Path folder) {
        Path target = folder.toAbsolutePath();
        Path copy = target.resolve(path.getFileName());
        if (Files.exists(copy)) {
            throw new IllegalStateException("backing up " + path + ": " + copy + " already exists; nothing copied");
        }
        // its own connection in auto-commit: the procedure refuses to run inside a transaction with unlogged work
        try (Connection connection = dataSource.getConnection();
             CallableStatement backup = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
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
}
