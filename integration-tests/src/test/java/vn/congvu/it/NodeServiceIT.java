package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.congvu.demo.CaoBangDossiers;

/**
 * Issue 13: a node is a service. A node started with no terminal is driven by {@code bin/congvu exec} through
 * its control socket, with the output and exit codes of {@code exec} on a stopped node, its pid file left
 * alone; and a node with a broken setting never says "ready": it names the file, the key and the value in one
 * line, and {@code status} says the same.
 */
class NodeServiceIT {

    private static final String READY = "ready: its settings are right";

    @Test
    void execOnARunningNode_answersAsOnAStoppedOne_andLeavesItsPidFile() throws Exception {
        Path work = CongvuTestSupport.workFolder("node-service");
        int port = CongvuTestSupport.freePort();
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path ministry = nodes.ministry("ministry", port);
            Path jar = NodeProcesses.DISTRIBUTION.resolve("rules/congvu-rules-caobang.jar");
            Path caoBang = nodes.province("caobang", "04", port, jar);
            Path dossiers = caoBang.resolve("records/dossiers-2022.csv");
            CaoBangDossiers.write(dossiers);
            Process ministryNode = nodes.start("ministry.out", "run", ministry.toString());
            NodeProcesses.awaitListening(port, ministryNode);

            NodeProcesses.Result wrongStopped = nodes.run("wrong-stopped.out", "exec", caoBang.toString(), "congvu:file");
            NodeProcesses.Result planStopped = nodes.run("plan-stopped.out", "exec", caoBang.toString(), "congvu:plan " + jar);
            NodeProcesses.Result intakeStopped = nodes.run("intake-stopped.out", "exec", caoBang.toString(),
                    "congvu:intake dossier " + dossiers);
            assertEquals(0, intakeStopped.exitCode(), intakeStopped.output());
            assertEquals(2, wrongStopped.exitCode(), wrongStopped.output());
            assertTrue(wrongStopped.output().contains("congvu:file: wrong arguments; usage:\n  congvu:file PERIOD"),
                    wrongStopped.output());

            Process node = nodes.start("caobang.out", "run", caoBang.toString());
            NodeProcesses.await("the province says it is ready", () -> nodes.readQuietly("caobang.out").contains(READY));
            String pid = Files.readString(caoBang.resolve("data/node.pid")).trim();
            assertEquals(Long.toString(node.pid()), pid);

            NodeProcesses.Result wrongRunning = nodes.run("wrong-running.out", "exec", caoBang.toString(), "congvu:file");
            NodeProcesses.Result planRunning = nodes.run("plan-running.out", "exec", caoBang.toString(), "congvu:plan " + jar);
            NodeProcesses.Result filed = nodes.run("file.out", "exec", caoBang.toString(),
                    "congvu:intake dossier " + dossiers + "; congvu:file 2022 120; congvu:modules");
            NodeProcesses.Result swapped = nodes.run("update.out", "exec", caoBang.toString(), "congvu:update " + jar);
            NodeProcesses.Result status = nodes.run("status.out", "status", caoBang.toString());

            assertEquals(wrongStopped.exitCode(), wrongRunning.exitCode(), wrongRunning.output());
            assertEquals(commandOutput(wrongStopped), commandOutput(wrongRunning));
            assertEquals(planStopped.exitCode(), planRunning.exitCode(), planRunning.output());
            assertEquals(commandOutput(planStopped), commandOutput(planRunning));
            assertEquals(0, filed.exitCode(), filed.output());
            assertTrue(filed.output().contains("biên nhận BNV-"), filed.output());
            assertTrue(filed.output().contains("vn.congvu.rules.caobang"), filed.output());
            assertTrue(swapped.exitCode() == 0 || swapped.output().contains(jar.getFileName().toString()), swapped.output());
            assertEquals(new NodeProcesses.Result(0, "ready\n"), status);
            assertEquals(pid, Files.readString(caoBang.resolve("data/node.pid")).trim(), "the running node's pid file");
            assertTrue(node.isAlive());

            NodeProcesses.Result stopped = nodes.run("stop.out", "stop", caoBang.toString());
            assertEquals(0, stopped.exitCode(), stopped.output());
            assertTrue(node.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, node.exitValue());
            assertFalse(Files.exists(caoBang.resolve("data/node.pid")));
            assertEquals(3, nodes.run("status-stopped.out", "status", caoBang.toString()).exitCode());
        }
    }

    @Test
    void eachBrokenSetting_isOneLineNamingFileAndKey_neverReady_andStatusSaysTheSame() throws Exception {
        Path work = CongvuTestSupport.workFolder("broken-settings");
        try (NodeProcesses nodes = new NodeProcesses(work); ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path misspelt = nodes.province("misspelt", "04", 7443);
            NodeProcesses.replace(misspelt.resolve("etc/vn.congvu.engine.cfg"), "province.code = 04", "provice.code = 04");
            assertNotReady(nodes, "misspelt", misspelt,
                    "etc/vn.congvu.engine.cfg: provice.code is not a setting; did you mean province.code?");

            Path wrongType = nodes.province("wrong-type", "04", 7443);
            NodeProcesses.replace(wrongType.resolve("etc/vn.congvu.uplink.cfg"), "ministry.port = 7443", "ministry.port = abc");
            assertNotReady(nodes, "wrong-type", wrongType,
                    "etc/vn.congvu.uplink.cfg: ministry.port = abc is not a whole number (gRPC port of the ministry node)");

            Path unknownProvince = nodes.province("unknown-province", "04", 7443);
            NodeProcesses.replace(unknownProvince.resolve("etc/vn.congvu.engine.cfg"), "province.code = 04", "province.code = 99");
            assertNotReady(nodes, "unknown-province", unknownProvince,
                    "etc/vn.congvu.engine.cfg: province.code = 99 is not an official provincial code");

            Path noHost = nodes.province("no-host", "04", 7443);
            NodeProcesses.replace(noHost.resolve("etc/vn.congvu.uplink.cfg"), "ministry.host = 127.0.0.1", "");
            assertNotReady(nodes, "no-host", noHost, "etc/vn.congvu.uplink.cfg: ministry.host is missing");

            Path portInUse = nodes.ministry("port-in-use", taken.getLocalPort());
            assertNotReady(nodes, "port-in-use", portInUse, "etc/vn.congvu.ministry.cfg: port = " + taken.getLocalPort()
                    + ": the ministry cannot listen on 127.0.0.1:" + taken.getLocalPort());

            Path readOnly = nodes.province("read-only", "04", 7443);
            Path database = readOnlyFolder(work).resolve("province-db");
            NodeProcesses.replace(readOnly.resolve("etc/vn.congvu.store.province.cfg"),
                    "database = ${congvu.home}/data/province-db", "database = " + database);
            assertNotReady(nodes, "read-only", readOnly, "etc/vn.congvu.store.province.cfg: database = " + database
                    + ": the node cannot write there");

            NodeProcesses.Result exec = nodes.run("exec-broken.out", "exec", wrongType.toString(), "congvu:outbox");
            assertEquals(1, exec.exitCode(), exec.output());
            assertTrue(exec.output().contains("not ready: " + wrongType + "\n  etc/vn.congvu.uplink.cfg: ministry.port = abc"),
                    exec.output());
        }
    }

    /** What the commands printed, without the log lines a node started for them prints on the console. */
    private static String commandOutput(NodeProcesses.Result result) {
        return String.join("\n", result.output().lines().filter(line -> !line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).toList());
    }

    /** Starts the node with no terminal: it must say the line, never "ready", and status must say the same. */
    private static void assertNotReady(NodeProcesses nodes, String name, Path home, String line) throws Exception {
        Process node = nodes.start(name + ".out", "run", home.toString());
        NodeProcesses.await(name + " says it is not ready", () -> nodes.readQuietly(name + ".out").contains("NOT READY"));
        NodeProcesses.Result status = nodes.run(name + "-status.out", "status", home.toString());
        assertEquals(1, status.exitCode(), status.output());
        assertTrue(status.output().startsWith("not ready: " + home + "\n"), status.output());
        assertTrue(status.output().contains("\n  " + line), "status of " + name + " should say: " + line + "\n" + status.output());
        String output = nodes.readQuietly(name + ".out");
        assertTrue(output.contains("  " + line), "the node " + name + " should say: " + line + "\n" + output);
        assertFalse(output.contains(READY), output);
        assertEquals(0, nodes.run(name + "-stop.out", "stop", home.toString()).exitCode());
        assertTrue(node.waitFor(60, TimeUnit.SECONDS));
    }

    /** A folder this process cannot write: mode 555, or, for root whom modes do not bind, a folder of /proc. */
    private static Path readOnlyFolder(Path work) throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/proc/congvu-read-only");
        }
        Path folder = Files.createDirectories(work.resolve("read-only"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        return folder;
    }
}
