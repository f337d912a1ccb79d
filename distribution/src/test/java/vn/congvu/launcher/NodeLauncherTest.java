package vn.congvu.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeLauncherTest {

    @Test
    void splitCommands_semicolonsInsideQuotesStay() {
        assertEquals(List.of("congvu:intake dossier \"hồ sơ; 2022.csv\"", "congvu:file 2022 120", "lb"),
                GogoSession.splitCommands(" congvu:intake dossier \"hồ sơ; 2022.csv\"; congvu:file 2022 120 ;; lb;"));
    }
}
