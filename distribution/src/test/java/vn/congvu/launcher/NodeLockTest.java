package vn.congvu.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process owns a home; its pid file is written and removed by it alone. */
class NodeLockTest {

    @TempDir
    Path home;

    @Test
    void aSecondTaker_isRefused_andToldWhoHoldsTheHome() throws Exception {
        try (NodeLock held = NodeLock.take(home).orElseThrow()) {
            assertEquals(Optional.empty(), NodeLock.take(home));
            assertEquals(Optional.of(ProcessHandle.current().pid()), NodeLock.holder(home));
        }
        assertEquals(Optional.empty(), NodeLock.holder(home));
        assertFalse(Files.exists(home.resolve("data/node.pid")));
    }

    @Test
    void closing_leavesAPidFileAnotherProcessWrote() throws Exception {
        NodeLock held = NodeLock.take(home).orElseThrow();
        Files.writeString(home.resolve("data/node.pid"), "424242", StandardCharsets.US_ASCII);
        held.close();
        assertEquals("424242", Files.readString(home.resolve("data/node.pid")));
    }

    @Test
    void aLongHome_getsAShortSocketPath_thatIsTheSameForEveryCaller() {
        Path longHome = home.resolve("x".repeat(120));
        Path socket = ControlProtocol.socket(longHome);
        assertTrue(socket.toString().length() <= 100 + System.getProperty("java.io.tmpdir").length(), socket.toString());
        assertEquals(socket, ControlProtocol.socket(longHome));
        assertEquals(home.resolve("data/control/node.sock"), ControlProtocol.socket(home));
    }
}
