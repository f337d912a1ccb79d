package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A platform upgrade with the data kept: a Cao Bằng node home made and used by the previous release
 * (commit 4385170; {@code upgrade/make-fixture.sh} says how), with five dossiers of 2022 and its 2022
 * report delivered, is started by this release's bin/congvu as it is (only the ministry's port changed).
 */
class UpgradeIT {

    private static final String FIXTURE = "/upgrade/caobang-4385170.zip";

    @Test
    void homeOfThePreviousRelease_keepsRecordsReportAndOutbox_andFilesItsNextReport() throws Exception {
        Path work = CongvuTestSupport.workFolder("upgrade");
        int port = CongvuTestSupport.freePort();
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path caoBang = unzip(work);
            // the fixture files in plaintext to a loopback ministry, so it carries no key
            Path uplink = caoBang.resolve("etc/vn.congvu.uplink.cfg");
            Files.writeString(uplink, Files.readString(uplink, StandardCharsets.UTF_8)
                    .replaceAll("(?m)^ministry\\.port = \\d+$", "ministry.port = " + port), StandardCharsets.UTF_8);
            Path ministry = nodes.ministry("ministry", port);
            NodeProcesses.replace(ministry.resolve("etc/vn.congvu.ministry.cfg"), "plaintext = false", "plaintext = true");
            Process ministryNode = nodes.start("ministry.out", "run", ministry.toString());
            NodeProcesses.awaitListening(port, ministryNode);
            Path dossiers2023 = caoBang.resolve("records/dossier-2023.csv");
            Files.writeString(dossiers2023, """
                    id,level,unit,received,due,resolved
                    CB-UP-1001,department,"Sở Nội vụ tỉnh Cao Bằng",2023-02-01,2023-02-15,2023-02-14
                    CB-UP-1002,commune,"UBND xã Đức Long",2023-03-01,2023-03-15,2023-03-30
                    """, StandardCharsets.UTF_8);

            NodeProcesses.Result upgraded = nodes.run("caobang.out", "exec", caoBang.toString(),
                    "congvu:outbox; congvu:file 2022; congvu:intake dossier " + dossiers2023 + "; congvu:file 2023 120; "
                            + "congvu:outbox");

            String out = upgraded.output();
            assertEquals(0, upgraded.exitCode(), out);
            assertTrue(out.contains("outbox: 0 waiting, 1 delivered, 0 refused, 0 failed"), "the outbox's history:\n" + out);
            assertTrue(out.contains("đạt 50,00% (1/2 hồ sơ; trễ hạn 1)"), "2022 from the kept records:\n" + out);
            assertTrue(out.contains("Không có gì mới: đã nộp báo cáo Cao Bằng kỳ 2022, lần 1"),
                    "the kept 2022 report, same content, not filed again:\n" + out);
            assertTrue(out.contains("Đã nộp báo cáo Cao Bằng kỳ 2023, lần 1"), out);
            assertTrue(out.contains("Bộ Nội vụ đã nhận: biên nhận BNV-"), out);
            assertTrue(out.contains("outbox: 0 waiting, 2 delivered, 0 refused, 0 failed"), out);
            assertEquals(0, NodeProcesses.logLines(caoBang, "migrated to version 1 (001-initial.sql)"),
                    "the previous release's database was opened, not made anew");
            // a setting the new release adds takes its default, and the default of a listening port is loopback:
            // the home has no etc/org.apache.felix.http.cfg, which came with this release
            assertTrue(NodeProcesses.logLines(caoBang, "{127.0.0.1:8080}") > 0, "the endpoint on this machine's default port");
            assertEquals(0, NodeProcesses.logLines(caoBang, "{0.0.0.0:"),
                    "the upgraded node's HTTP endpoint listens on every interface (Jetty's default); see log/congvu.log");
        }
    }

    /** The fixture's home, unpacked into the work folder; its files as the previous release left them. */
    private static Path unzip(Path work) throws IOException {
        try (InputStream fixture = UpgradeIT.class.getResourceAsStream(FIXTURE);
             ZipInputStream zip = new ZipInputStream(fixture)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = work.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(work), "the fixture names a file outside its folder: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        return work.resolve("caobang");
    }
}
