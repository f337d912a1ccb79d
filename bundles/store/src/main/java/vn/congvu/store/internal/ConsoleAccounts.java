package vn.congvu.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.congvu.store.ConsoleAccount;

/** The web console's accounts: the SQL of the ministry's console_accounts table. */
final class ConsoleAccounts {

    private static final String COLUMNS = "name, display_name, role, password_hash, created_at, last_sign_in";

    private final Database database;

    ConsoleAccounts(Database database) {
        this.database = database;
    }

    Optional<ConsoleAccount> find(String name) {
        return database.inTransaction("reading console account " + name, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM console_accounts WHERE name = ?")) {
                query.setString(1, name);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    List<ConsoleAccount> all() {
        return database.inTransaction("listing console accounts", connection -> {
            List<ConsoleAccount> accounts = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM console_accounts ORDER BY name")) {
                while (rows.next()) {
                    accounts.add(read(rows));
                }
            }
            return accounts;
        });
    }

    boolean create(ConsoleAccount account) {
        return database.inTransaction("creating console account " + account.name(), connection -> {
            // checked first rather than by catching the key violation, which would roll back and log as a failure
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM console_accounts WHERE name = ?")) {
                exists.setString(1, account.name());
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO console_accounts (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, NULL)")) {
                insert.setString(1, account.name());
                insert.setString(2, account.displayName());
                insert.setString(3, account.role().name());
                insert.setString(4, account.passwordHash());
                insert.setTimestamp(5, Timestamp.from(account.createdAt()));
                insert.executeUpdate();
            }
            return true;
        });
    }

    boolean changePasswordHash(String name, String passwordHash) {
        return update("changing the password of console account " + name,
                "UPDATE console_accounts SET password_hash = ? WHERE name = ?", passwordHash, name);
    }

    boolean recordSignIn(String name, Instant at) {
        return update("recording a sign-in of console account " + name,
                "UPDATE console_accounts SET last_sign_in = ? WHERE name = ?", Timestamp.from(at), name);
    }

    boolean remove(String name) {
        return database.inTransaction("removing console account " + name, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM console_accounts WHERE name = ?")) {
                delete.setString(1, name);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private boolean update(String doing, String sql, Object value, String name) {
        return database.inTransaction(doing, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setObject(1, value);
                update.setString(2, name);
                return update.executeUpdate() > 0;
            }
        });
    }

    private static ConsoleAccount read(ResultSet row) throws SQLException {
        Timestamp lastSignIn = row.getTimestamp(6);
        return new ConsoleAccount(row.getString(1), row.getString(2), ConsoleAccount.Role.valueOf(row.getString(3)),
                row.getString(4), row.getTimestamp(5).toInstant(), lastSignIn == null ? null : lastSignIn.toInstant());
    }
}
