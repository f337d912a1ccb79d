package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.congvu.demo.CaoBangDossiers;

/**
 * The distribution as an operator runs it: the ministry and Cao Bằng's node as separate processes
 * started by bin/congvu. The province files; the ministry process is stopped and started again; the
 * report is read back from its Derby database by a ministry command, with the seed's figures and the
 * receipt the province was given.
 */
class DistributionIT {

    @Test
    void caoBangFiles_ministryRestarts_reportStillInItsStoreWithTheSeedFigures() throws Exception {
        Path work = CongvuTestSupport.workFolder("distribution");
        int port = CongvuTestSupport.freePort();
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path ministry = nodes.ministry("ministry", port);
            Path caoBang = nodes.province("caobang", "04", port,
                    NodeProcesses.DISTRIBUTION.resolve("rules/congvu-rules-caobang.jar"));
            Path dossiers = caoBang.resolve("records/dossiers-2022.csv");
            CaoBangDossiers.write(dossiers);

            Process ministryNode = nodes.start("ministry.out", "run", ministry.toString());
            NodeProcesses.awaitListening(port, ministryNode);

            NodeProcesses.Result filed = nodes.run("caobang.out", "exec", caoBang.toString(),
                    "congvu:intake dossier " + dossiers + "; congvu:file 2022 120");
            assertEquals(0, filed.exitCode(), filed.output());
            String receipt = filed.output().lines().filter(line -> line.contains("biên nhận BNV-")).findFirst()
                    .map(line -> line.substring(line.indexOf("BNV-")).split(" ")[0]).orElseThrow(() ->
                            new AssertionError("no receipt in the province's output:\n" + filed.output()));

            NodeProcesses.Result stopped = nodes.run("stop.out", "stop", ministry.toString());
            assertEquals(0, stopped.exitCode(), stopped.output());
            assertTrue(ministryNode.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, ministryNode.exitValue());

            NodeProcesses.Result report = nodes.run("report.out", "exec", ministry.toString(), "congvu:report 04 2022");
            assertEquals(0, report.exitCode(), report.output());
            assertTrue(report.output().contains("biên nhận " + receipt), report.output());
            // the rate per level with its parts, and the module that computed it (the console's table, as text)
            assertTrue(report.output().matches("(?s).*Tỷ lệ hồ sơ giải quyết đúng hạn +Sở, ban, ngành +99,50% +% +48\\.207 +48\\.447 "
                    + "+caobang\\.dossier-timeliness .*"), report.output());
            assertTrue(report.output().matches("(?s).*Tỷ lệ hồ sơ giải quyết đúng hạn +UBND cấp huyện +99,29% +% +12\\.560 +12\\.650 .*"),
                    report.output());
            assertTrue(report.output().matches("(?s).*Hồ sơ giải quyết trễ hạn +UBND cấp xã +907 .*"), report.output());
            assertTrue(Files.exists(dossiers));
        }
    }

    /**
     * Issue 11: a node has no remote shell. Gogo's shell bundle is active and its other commands work
     * through {@code congvu exec}, but its telnet daemon (a shell with no login) is an unknown command,
     * with or without its scope.
     */
    @Test
    void gogoTelnetd_isAnUnknownCommand_otherGogoCommandsStillWork() throws Exception {
        Path work = CongvuTestSupport.workFolder("distribution-telnetd");
        int telnetPort = CongvuTestSupport.freePort();
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path ministry = nodes.ministry("ministry", CongvuTestSupport.freePort());

            NodeProcesses.Result shell = nodes.run("telnetd.out", "exec", ministry.toString(),
                    "gogo:echo gogo-still-here; lb; telnetd -p " + telnetPort + " start");
            assertEquals(1, shell.exitCode(), shell.output());
            assertTrue(shell.output().contains("gogo-still-here"), shell.output());
            assertTrue(shell.output().contains("|Active     |    1|Apache Felix Gogo Shell ("), shell.output());
            assertTrue(shell.output().contains("Command not found: telnetd"), shell.output());
            assertFalse(shell.output().contains("telnetd is running"), shell.output());

            NodeProcesses.Result scoped = nodes.run("gogo-telnetd.out", "exec", ministry.toString(),
                    "gogo:telnetd -p " + telnetPort + " start");
            assertEquals(1, scoped.exitCode(), scoped.output());
            assertTrue(scoped.output().contains("Command not found: gogo:telnetd"), scoped.output());
            assertFalse(scoped.output().contains("telnetd is running"), scoped.output());
        }
    }
}
