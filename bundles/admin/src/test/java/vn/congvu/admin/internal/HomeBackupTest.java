package vn.congvu.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.backup.DatabaseBackup;

class HomeBackupTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T18:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;
    private Path home;

    @BeforeEach
    void aNodeHome() throws IOException {
        home = folder.resolve("caobang");
        Files.createDirectories(home.resolve("etc/tls"));
        Files.writeString(home.resolve("etc/vn.congvu.engine.cfg"), "province.code = 04\n");
        Files.writeString(home.resolve("etc/tls/node.key.pem"), "khóa");
        Files.createDirectories(home.resolve("deploy"));
        Files.writeString(home.resolve("deploy/congvu-rules-caobang.jar"), "jar");
        Files.createDirectories(home.resolve("data/modules"));
        Files.writeString(home.resolve("data/modules/history.tsv"), "INSTALL\n");
        Files.createDirectories(home.resolve("data/felix-cache"));
        Files.createDirectories(home.resolve("log"));
        Files.writeString(home.resolve("log/congvu.log"), "log");
    }

    @Test
    void writeInto_copiesDatabaseAndFoldersIntoADatedFolderWithAManifest() throws IOException {
        String printed = new HomeBackup(home, List.of(new FakeStore(home.resolve("data/province-db"))), CLOCK)
                .writeInto(folder.resolve("backups"));

        Path backup = folder.resolve("backups/congvu-caobang-20261201-183000Z");
        assertTrue(printed.contains(backup.toString()), printed);
        assertTrue(printed.contains("data/province-db/"), printed);
        assertEquals("bảng", Files.readString(backup.resolve("data/province-db/seg0.dat")));
        assertEquals("khóa", Files.readString(backup.resolve("etc/tls/node.key.pem")));
        assertEquals("jar", Files.readString(backup.resolve("deploy/congvu-rules-caobang.jar")));
        assertEquals("INSTALL\n", Files.readString(backup.resolve("data/modules/history.tsv")));
        assertFalse(Files.exists(backup.resolve("log")));
        assertFalse(Files.exists(backup.resolve("data/felix-cache")));
        String manifest = Files.readString(backup.resolve(HomeBackup.MANIFEST), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("home = " + home.toAbsolutePath()), manifest);
        assertTrue(manifest.contains("databases = data/province-db"), manifest);
        try (Stream<Path> left = Files.list(folder.resolve("backups"))) {
            assertEquals(List.of(backup), left.toList());
        }
    }

    @Test
    void writeInto_databaseOnAServer_copiesTheHomeAndSaysTheDatabaseIsNotInIt() throws IOException {
        DatabaseBackup onPostgresql = new DatabaseBackup() {
            @Override
            public Optional<Path> database() {
                return Optional.empty();
            }

            @Override
            public String location() {
                return "jdbc:postgresql://db.bnv.local:5432/congvu";
            }

            @Override
            public Path backupTo(Path target) {
                throw new IllegalStateException("the database is on a server");
            }
        };

        String printed = new HomeBackup(home, List.of(onPostgresql), CLOCK).writeInto(folder.resolve("backups"));

        Path backup = folder.resolve("backups/congvu-caobang-20261201-183000Z");
        assertTrue(printed.contains("the database is on a server, not copied: jdbc:postgresql://db.bnv.local:5432/congvu"),
                printed);
        assertEquals("khóa", Files.readString(backup.resolve("etc/tls/node.key.pem")));
        assertTrue(Files.readString(backup.resolve(HomeBackup.MANIFEST), StandardCharsets.UTF_8).contains("databases = \n"));
    }

    @Test
    void writeInto_databaseCopyFails_nothingLeftBehind() throws IOException {
        DatabaseBackup broken = new FakeStore(home.resolve("data/province-db")) {
            @Override
            public Path backupTo(Path target) {
                throw new IllegalStateException("disk full");
            }
        };

        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> new HomeBackup(home, List.of(broken), CLOCK).writeInto(folder.resolve("backups")));

        assertTrue(failed.getMessage().contains("nothing kept") && failed.getMessage().contains("disk full"),
                failed.getMessage());
        try (Stream<Path> left = Files.list(folder.resolve("backups"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void writeInto_noDatabaseRuns_refused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new HomeBackup(home, List.of(), CLOCK).writeInto(folder.resolve("backups")));

        assertTrue(refused.getMessage().contains("no database runs"), refused.getMessage());
        assertFalse(Files.exists(folder.resolve("backups")));
    }

    @Test
    void writeInto_folderInsideTheNodesData_refused() {
        assertThrows(IllegalArgumentException.class, () -> new HomeBackup(home,
                List.of(new FakeStore(home.resolve("data/province-db"))), CLOCK).writeInto(home.resolve("data/bk")));
    }

    @Test
    void writeInto_relativeFolder_refused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new HomeBackup(home,
                List.of(new FakeStore(home.resolve("data/province-db"))), CLOCK).writeInto(Path.of("backups")));

        assertTrue(refused.getMessage().contains("absolute"), refused.getMessage());
    }

    /** Writes one file where Derby would write the database's copy. */
    private static class FakeStore implements DatabaseBackup {
        private final Path database;

        FakeStore(Path database) {
            this.database = database;
        }

        @Override
        public Optional<Path> database() {
            return Optional.of(database);
        }

        @Override
        public String location() {
            return database.toString();
        }

        @Override
        public Path backupTo(Path target) {
            try {
                Path copy = Files.createDirectories(target.resolve(database.getFileName()));
                Files.writeString(copy.resolve("seg0.dat"), "bảng");
                return copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
