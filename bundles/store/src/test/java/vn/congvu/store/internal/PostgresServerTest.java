package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tests' PostgreSQL: a real server from Debian's package, a database and a role of its own per test. */
class PostgresServerTest {

    private static final PostgresServer SERVER = PostgresServer.shared();

    @Test
    void shared_isOneRealServerOnLoopbackWithItsSocketInItsOwnFolder() throws SQLException {
        assertTrue(PostgresServer.shared() == SERVER);
        PostgresServer.Database database = SERVER.createDatabase();
        try (Connection connection = connect(database)) {
            String version = text(connection, "SELECT version()");
            assertTrue(version.startsWith("PostgreSQL "), version);
            assertEquals("127.0.0.1", text(connection, "SHOW listen_addresses"));
            assertEquals(Integer.toString(SERVER.port()), text(connection, "SHOW port"));
            assertTrue(Integer.parseInt(text(connection, "SHOW max_connections")) >= 100);
            Path socket = SERVER.socketDirectory().resolve(".s.PGSQL." + SERVER.port());
            assertTrue(socket.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), socket.toString());
            assertTrue(Files.exists(socket), socket.toString());
            assertFalse(Files.exists(Path.of("/var/run/postgresql/.s.PGSQL." + SERVER.port())));
            assertEquals("on", text(connection, "SHOW fsync"));
            assertEquals("UTF8", text(connection, "SHOW server_encoding"));
            assertEquals(database.user(), text(connection, "SELECT current_user"));
            assertEquals("false", text(connection, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"));
        }
    }

    @Test
    void createDatabase_twice_twoEmptyDatabasesEachOpenOnlyToItsOwnRoleWithItsOwnPassword() throws SQLException {
        PostgresServer.Database first = SERVER.createDatabase();
        PostgresServer.Database second = SERVER.createDatabase();

        assertNotEquals(first.jdbcUrl(), second.jdbcUrl());
        assertNotEquals(first.user(), second.user());
        assertNotEquals(first.password(), second.password());
        assertTrue(first.jdbcUrl().matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/\\w+"), first.jdbcUrl());
        try (Connection a = connect(first); Connection b = connect(second)) {
            assertEquals(List.of(), tables(a));
            assertEquals(List.of(), tables(b));
            try (Statement statement = a.createStatement()) {
                statement.execute("CREATE TABLE dossier (id TEXT PRIMARY KEY, unit TEXT NOT NULL)");
                statement.execute("INSERT INTO dossier VALUES ('HS-1', 'UBND huyện Bảo Lạc')");
            }
            assertEquals(List.of("dossier"), tables(a));
            assertEquals(List.of(), tables(b));
        }

        SQLException otherDatabase = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                second.jdbcUrl(), first.user(), first.password()).close());
        assertTrue(otherDatabase.getMessage().contains("permission denied for database"), otherDatabase.getMessage());
        SQLException otherPassword = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                first.jdbcUrl(), first.user(), second.password()).close());
        assertTrue(otherPassword.getMessage().contains("password authentication failed"), otherPassword.getMessage());
        SQLException superuser = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                first.jdbcUrl(), "postgres", "postgres").close());
        assertTrue(superuser.getMessage().contains("password authentication failed"), superuser.getMessage());
    }

    @Test
    void dropDatabase_afterACommitSeenByAnotherConnection_closesItsConnectionsAndTheRoleCannotLogIn()
            throws SQLException {
        PostgresServer.Database database = SERVER.createDatabase();
        Connection open = connect(database);
        try (Statement statement = open.createStatement()) {
            open.setAutoCommit(false);
            statement.execute("CREATE TABLE receipt (id BIGINT PRIMARY KEY)");
            statement.execute("INSERT INTO receipt VALUES (1), (2)");
            open.commit();
            statement.execute("INSERT INTO receipt VALUES (3)"); // never committed
        }
        try (Connection other = connect(database)) {
            assertEquals("2", text(other, "SELECT count(*) FROM receipt"));
        }

        SERVER.dropDatabase(database);

        assertThrows(SQLException.class, () -> text(open, "SELECT count(*) FROM receipt"));
        open.close();
        SQLException gone = assertThrows(SQLException.class, () -> connect(database).close());
        assertTrue(gone.getMessage().contains("password authentication failed"), gone.getMessage());
    }

    private static Connection connect(PostgresServer.Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), sql);
            return rows.getString(1);
        }
    }

    /** The tables of every schema but PostgreSQL's own. */
    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY table_name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
