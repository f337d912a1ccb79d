package vn.congvu.backup;

import java.nio.file.Path;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A copy of the node's running database, taken while it keeps serving: Derby's online backup, which does not stop
 * writers. Registered by the province store and by the ministry store, whichever runs. A database on a PostgreSQL
 * server is not in the node's folders: its copies are the server's business.
 */
@ProviderType
public interface DatabaseBackup {

    /** @return the folder of the running database, absolute; empty when the database is on a server */
    Optional<Path> database();

    /** @return where the database is, for people: its folder, or its server's address (no credentials) */
    String location();

    /**
     * Copies the running database, consistent as of one moment, into the folder, as a folder of the
     * database's own name ({@code folder/province-db}). The copy is a database that opens as it is.
     *
     * @param folder an existing folder; the copy must not be there yet
     * @return the copy's folder
     * @throws IllegalStateException if the database is on a server ({@link #database()} is empty)
     * @throws RuntimeException naming both folders, if the database cannot be copied
     */
    Path backupTo(Path folder);
}
