package vn.congvu.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeRestoreTest {

    @TempDir
    Path folder;
    private Path backup;

    @BeforeEach
    void aBackup() throws IOException {
        backup = folder.resolve("congvu-caobang-20261201-183000Z");
        Files.createDirectories(backup.resolve("data/province-db/seg0"));
        Files.writeString(backup.resolve("data/province-db/seg0/c10.dat"), "bảng");
        Files.createDirectories(backup.resolve("etc"));
        Files.writeString(backup.resolve("etc/vn.congvu.store.province.cfg"), "database = ${congvu.home}/data/province-db\n");
        Files.writeString(backup.resolve(NodeRestore.MANIFEST), "home = /srv/congvu-caobang\ndatabases = data/province-db\n");
    }

    @Test
    void restore_intoANewFolder_copiesTheHomeWithoutTheManifest() throws IOException {
        Path home = folder.resolve("restored");

        NodeRestore.Outcome outcome = NodeRestore.restore(backup, home);

        assertEquals(0, outcome.exitCode(), outcome.lines().toString());
        assertEquals("bảng", Files.readString(home.resolve("data/province-db/seg0/c10.dat")));
        assertTrue(Files.exists(home.resolve("etc/vn.congvu.store.province.cfg")));
        assertFalse(Files.exists(home.resolve(NodeRestore.MANIFEST)));
        assertFalse(Files.exists(folder.resolve(".restored.restoring")));
        assertFalse(String.join("\n", outcome.lines()).contains("WARNING"), outcome.lines().toString());
    }

    @Test
    void restore_intoAnEmptyFolder_restores() throws IOException {
        Path home = Files.createDirectories(folder.resolve("empty"));

        assertEquals(0, NodeRestore.restore(backup, home).exitCode());
        assertTrue(Files.exists(home.resolve("data/province-db/seg0/c10.dat")));
    }

    @Test
    void restore_intoAFolderThatIsNotEmpty_refusedAndUntouched() throws IOException {
        Path home = Files.createDirectories(folder.resolve("running"));
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("data/node.pid"), "4242");

        NodeRestore.Outcome outcome = NodeRestore.restore(backup, home);

        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.lines().get(0).contains("node.pid"), outcome.lines().toString());
        assertEquals("4242", Files.readString(home.resolve("data/node.pid")));
        assertFalse(Files.exists(home.resolve("etc")));
    }

    @Test
    void restore_aFolderThatIsNoBackup_refused() throws IOException {
        Files.delete(backup.resolve(NodeRestore.MANIFEST));

        NodeRestore.Outcome outcome = NodeRestore.restore(backup, folder.resolve("restored"));

        assertEquals(2, outcome.exitCode());
        assertFalse(Files.exists(folder.resolve("restored")));
    }

    @Test
    void restore_settingsNamingTheOldHome_warned() throws IOException {
        Files.writeString(backup.resolve("etc/vn.congvu.store.province.cfg"), "database = /srv/congvu-caobang/data/province-db\n");

        NodeRestore.Outcome outcome = NodeRestore.restore(backup, folder.resolve("restored"));

        assertEquals(0, outcome.exitCode());
        assertTrue(outcome.lines().stream().anyMatch(line -> line.contains("WARNING: etc/vn.congvu.store.province.cfg")),
                outcome.lines().toString());
    }
}
