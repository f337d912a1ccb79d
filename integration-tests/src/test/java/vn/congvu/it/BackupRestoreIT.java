package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operator's backup and restore, with real processes: Cao Bằng's node runs and files 2022; it is backed
 * up while it runs ({@code congvu:backup} through {@code congvu exec} on the running node), restored into a
 * new home, and stopped; the restored node files 2022 again with a corrected record and gets the next
 * revision, which the ministry accepts.
 */
class BackupRestoreIT {

    @Test
    void runningProvinceBackedUp_restoredIntoANewHome_filesTheNextRevision() throws Exception {
        Path work = CongvuTestSupport.workFolder("backup");
        int port = CongvuTestSupport.freePort();
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path ministry = nodes.ministry("ministry", port);
            Path caoBang = nodes.province("caobang", "04", port,
                    NodeProcesses.DISTRIBUTION.resolve("rules/congvu-rules-caobang.jar"),
                    NodeProcesses.DISTRIBUTION.resolve("rules/congvu-rules-national.jar"));
            Process ministryNode = nodes.start("ministry.out", "run", ministry.toString());
            NodeProcesses.awaitListening(port, ministryNode);
            Process province = nodes.start("caobang.out", "run", caoBang.toString());
            nodes.awaitReady(caoBang, province, "caobang.out");

            Path dossiers = dossiers(work.resolve("dossier-2022.csv"), "2022-03-20");
            NodeProcesses.Result filed = nodes.run("file.out", "exec", caoBang.toString(),
                    "congvu:intake dossier " + dossiers + "; congvu:file 2022 120");
            assertEquals(0, filed.exitCode(), filed.output());
            assertTrue(filed.output().contains("Đã nộp báo cáo Cao Bằng kỳ 2022, lần 1"), filed.output());
            assertTrue(filed.output().contains("Bộ Nội vụ đã nhận"), filed.output());

            Path backups = work.resolve("backups");
            NodeProcesses.Result backedUp = nodes.run("backup.out", "exec", caoBang.toString(), "congvu:backup " + backups);
            assertEquals(0, backedUp.exitCode(), backedUp.output());
            assertTrue(province.isAlive(), "the node runs on after its backup");
            Path backup = backupFolder(backedUp.output());
            assertEquals(backups, backup.getParent());
            assertTrue(Files.isDirectory(backup.resolve("data/province-db/seg0")), backedUp.output());
            assertTrue(Files.exists(backup.resolve("data/modules/history.tsv")), backedUp.output());
            assertTrue(Files.exists(backup.resolve("deploy/congvu-rules-caobang.jar")), backedUp.output());
            assertTrue(Files.exists(backup.resolve("etc/tls/node.key.pem")), backedUp.output());

            NodeProcesses.Result intoRunningHome = nodes.run("restore-refused.out", "restore", backup.toString(),
                    caoBang.toString());
            assertEquals(1, intoRunningHome.exitCode(), intoRunningHome.output());
            Path restored = work.resolve("caobang-restored");
            NodeProcesses.Result restore = nodes.run("restore.out", "restore", backup.toString(), restored.toString());
            assertEquals(0, restore.exitCode(), restore.output());

            NodeProcesses.Result stopped = nodes.run("stop.out", "stop", caoBang.toString());
            assertEquals(0, stopped.exitCode(), stopped.output());
            assertTrue(province.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, province.exitValue());

            Path corrected = dossiers(work.resolve("dossier-2022-corrected.csv"), "2022-03-14");
            NodeProcesses.Result refiled = nodes.run("refile.out", "exec", restored.toString(),
                    "congvu:intake dossier " + corrected + "; congvu:file 2022 120");
            assertEquals(0, refiled.exitCode(), refiled.output());
            assertTrue(refiled.output().contains("đạt 100,00% (2/2 hồ sơ; trễ hạn 0)"), refiled.output());
            assertTrue(refiled.output().contains("Đã nộp báo cáo Cao Bằng kỳ 2022, lần 2"), refiled.output());
            assertTrue(refiled.output().contains("Bộ Nội vụ đã nhận"), refiled.output());
            assertFalse(Files.exists(restored.resolve("data/node.pid")));

            assertEquals(0, nodes.run("stop-ministry.out", "stop", ministry.toString()).exitCode());
            assertTrue(ministryNode.waitFor(60, TimeUnit.SECONDS));
            NodeProcesses.Result report = nodes.run("report.out", "exec", ministry.toString(), "congvu:report 04 2022");
            assertEquals(0, report.exitCode(), report.output());
            assertTrue(report.output().contains("Báo cáo Cao Bằng (04), kỳ 2022, lần 2 - biên nhận BNV-"), report.output());
        }
    }

    /** Two dossiers of a department: one on time, one resolved on the day given (due 15 March). */
    private static Path dossiers(Path file, String secondResolved) throws IOException {
        return Files.writeString(file, "id,level,unit,received,due,resolved\n"
                + "CB-B-1,department,\"Sở Tư pháp tỉnh Cao Bằng\",2022-02-01,2022-02-15,2022-02-10\n"
                + "CB-B-2,department,\"Sở Nội vụ tỉnh Cao Bằng\",2022-03-01,2022-03-15," + secondResolved + "\n",
                StandardCharsets.UTF_8);
    }

    /** The folder named on the command's first line: "Đã sao lưu / backed up HOME into FOLDER". */
    private static Path backupFolder(String output) {
        String line = output.lines().filter(text -> text.startsWith("Đã sao lưu / backed up "))
                .findFirst().orElseThrow(() -> new AssertionError("no backup folder named:\n" + output));
        return Path.of(line.substring(line.lastIndexOf(" into ") + " into ".length()).trim());
    }
}
