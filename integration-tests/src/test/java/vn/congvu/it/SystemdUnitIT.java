package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The systemd unit the distribution ships ({@code systemd/congvu@.service}), checked by systemd's own
 * {@code systemd-analyze} where it is installed (CI installs it). The unit names /opt/congvu and /srv:
 * a copy pointing into the built distribution and a test folder is verified, so that the check of
 * ExecStart's program is a real one.
 */
class SystemdUnitIT {

    private static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");

    private Path unit;

    @BeforeEach
    void theShippedUnitPointedAtTheBuiltDistribution() throws IOException {
        assumeTrue(Files.isExecutable(ANALYZE), "systemd-analyze is not installed here");
        Path work = CongvuTestSupport.workFolder("systemd");
        String shipped = Files.readString(NodeProcesses.DISTRIBUTION.resolve("systemd/congvu@.service"),
                StandardCharsets.UTF_8);
        assertTrue(shipped.contains("ExecStart=/opt/congvu/bin/congvu run /srv/congvu-%i"), shipped);
        unit = work.resolve("congvu@trial.service");
        Files.writeString(unit, shipped.replace("/opt/congvu", NodeProcesses.DISTRIBUTION.toAbsolutePath().normalize().toString())
                .replace("/srv/congvu-%i", work.resolve("home-%i").toString()), StandardCharsets.UTF_8);
    }

    @Test
    void verify_passesWithoutAWord() throws Exception {
        List<String> output = analyze("verify", "--man=no", unit.toString());

        assertEquals(List.of("exit 0"), output, String.join("\n", output));
    }

    @Test
    void security_exposureAtMostTwo_stopsCleanlyAndRestartsOnFailure() throws Exception {
        // systemd's exposure scale is 0-10, its threshold 0-100
        List<String> output = analyze("security", "--offline=true", "--threshold=20", "--no-pager", unit.toString());

        assertEquals("exit 0", output.get(output.size() - 1), String.join("\n", output));
        String text = Files.readString(unit, StandardCharsets.UTF_8);
        for (String line : List.of("KillSignal=SIGTERM", "Restart=on-failure", "User=congvu", "ProtectSystem=strict",
                "StandardOutput=journal", "NoNewPrivileges=yes")) {
            assertTrue(text.lines().anyMatch(line::equals), "the unit has no '" + line + "'");
        }
    }

    /** Runs systemd-analyze; its output lines, then "exit N". */
    private static List<String> analyze(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ANALYZE.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "systemd-analyze did not end");
        List<String> lines = new ArrayList<>(output.lines().filter(line -> !line.isBlank()).toList());
        lines.add("exit " + process.exitValue());
        return lines;
    }
}
