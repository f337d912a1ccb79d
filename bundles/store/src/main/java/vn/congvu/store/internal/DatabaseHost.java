package vn.congvu.store.internal;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;

/** Where a database lives and what its engine does beyond SQL: open connections, copy it, close it. */
interface DatabaseHost extends AutoCloseable {

    /** @return where connections come from */
    DataSource dataSource();

    /** @return how the engine's SQL differs */
    SqlDialect dialect();

    /** @return where the database is, for messages (a folder, or a JDBC address without credentials) */
    String describe();

    /** @return the database's folder on this machine, or empty for a database on a server */
    Optional<Path> folder();

    /**
     * Copies the running database, consistent as of one moment, into the folder.
     *
     * @param folder an existing folder
     * @return the copy
     * @throws IllegalStateException if the engine copies its databases with its own tools
     */
    Path backupTo(Path folder);

    /** Closes the database or the connections to it. */
    @Override
    void close();
}
