package vn.congvu.store.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens a node's database on the engine its settings name: embedded Derby in a folder by default, or a PostgreSQL
 * database (the same settings for a province's store and the ministry's).
 */
final class StoreDatabases {

    private StoreDatabases() {
    }

    /**
     * @param settings   the store's settings
     * @param schemaName which migrations: {@code province} or {@code ministry}
     * @param migrations the schema's migrations
     * @return the database, migrated
     * @throws IllegalArgumentException naming the setting that is missing, contradicts another, or cannot be read
     */
    static Database open(StoreSettings settings, String schemaName, List<String> migrations) {
        String url = settings.url() == null ? "" : settings.url().strip();
        String folder = settings.database() == null ? "" : settings.database().strip();
        if (url.isEmpty()) {
            return new Database(Path.of(requireSet(folder)), schemaName, migrations);
        }
        if (!folder.isEmpty()) {
            throw new IllegalArgumentException("database = " + folder + " and url = " + url + ": set one, the embedded "
                    + "database's folder or the PostgreSQL database's address");
        }
        if (settings.user() == null || settings.user().isBlank() || settings.password_file() == null
                || settings.password_file().isBlank()) {
            throw new IllegalArgumentException("url = " + url + ": set user and password.file too (a file holding the "
                    + "role's password)");
        }
        return new Database(new PostgresHost(url, settings.user().strip(), password(Path.of(settings.password_file())),
                settings.pool_size()), schemaName, migrations);
    }

    private static String requireSet(String database) {
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("the store's 'database' setting is empty: set it to the database folder, "
                    + "or url, user and password.file to a PostgreSQL database");
        }
        return database;
    }

    private static String password(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new IllegalArgumentException("password.file = " + file + ": the file is empty; write the "
                        + "PostgreSQL role's password on its first line");
            }
            return lines.get(0);
        } catch (IOException e) {
            throw new IllegalArgumentException("password.file = " + file + ": cannot be read as the user "
                    + System.getProperty("user.name") + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }
}
