package vn.congvu.store.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opens the ministry's database on the engine its settings name: embedded Derby by default, or PostgreSQL. */
final class MinistryDatabases {

    private MinistryDatabases() {
    }

    /**
     * @param config     the store's settings
     * @param migrations the ministry schema's migrations
     * @return the database, migrated
     * @throws IllegalArgumentException naming the setting that is missing, contradicts another, or cannot be read
     */
    static Database open(JdbcMinistryStore.Config config, List<String> migrations) {
        String url = config.url().strip();
        if (url.isEmpty()) {
            return new Database(Path.of(DerbyProvinceStore.requireSet(config.database())), "ministry", migrations);
        }
        if (!config.database().isBlank()) {
            throw new IllegalArgumentException("database = " + config.database() + " and url = " + url + ": set one, "
                    + "the embedded database's folder or the PostgreSQL database's address");
        }
        if (config.user().isBlank() || config.password_file().isBlank()) {
            throw new IllegalArgumentException("url = " + url + ": set user and password.file too (a file holding the "
                    + "role's password)");
        }
        return new Database(new PostgresHost(url, config.user().strip(), password(Path.of(config.password_file())),
                config.pool_size()), "ministry", migrations);
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
