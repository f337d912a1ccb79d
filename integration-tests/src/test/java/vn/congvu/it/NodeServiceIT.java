package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
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
        int stoppedPort = CongvuTestSupport.freePort();
        int runningPort = CongvuTestSupport.freePort();
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path jar = NodeProcesses.DISTRIBUTION.resolve("rules/congvu-rules-caobang.jar");
            TestPublisher publisher = TestPublisher.create(work.resolve("publisher"), "Sở Nội vụ Cao Bằng");
            Path v2 = publisher.sign(RuleJars.variant(jar, work.resolve("congvu-rules-caobang-9.0.0.jar"),
                    Map.of("Bundle-Version", "9.0.0"), Map.of()));
            // two provinces alike, each filing with a ministry of its own: one driven while stopped, one while running
            Path stopped = nodes.province("stopped", "04", stoppedPort, jar);
            Path running = nodes.province("running", "04", runningPort, jar);
            publisher.trustedBy(stopped.resolve("etc/publishers"));
            publisher.trustedBy(running.resolve("etc/publishers"));
            Path dossiers = work.resolve("dossiers-2022.csv");
            CaoBangDossiers.write(dossiers);
            for (int port : new int[] {stoppedPort, runningPort}) {
                Process ministry = nodes.start("ministry-" + port + ".out", "run", nodes.ministry("ministry-" + port, port).toString());
                NodeProcesses.awaitListening(port, ministry);
            }
            Process node = nodes.start("running.out", "run", running.toString());
            NodeProcesses.await("the running province says it is ready", () -> nodes.readQuietly("running.out").contains(READY));
            String pid = Files.readString(running.resolve("data/node.pid")).trim();
            assertEquals(Long.toString(node.pid()), pid);

            List<String> script = List.of("congvu:file", "congvu:intake dossier " + dossiers, "congvu:file 2022 120",
                    "congvu:intake dossier relative.csv", "congvu:plan " + v2, "congvu:update " + v2, "congvu:modules");
            for (int step = 0; step < script.size(); step++) {
                NodeProcesses.Result whileStopped = nodes.run("stopped-" + step + ".out", "exec", stopped.toString(), script.get(step));
                NodeProcesses.Result whileRunning = nodes.run("running-" + step + ".out", "exec", running.toString(), script.get(step));
                assertEquals(whileStopped.exitCode(), whileRunning.exitCode(), script.get(step) + ":\n" + whileRunning.output());
                assertEquals(comparable(whileStopped), comparable(whileRunning), script.get(step));
            }
            NodeProcesses.Result modules = nodes.run("modules.out", "exec", running.toString(), "congvu:modules");
            assertTrue(modules.output().contains("9.0.0"), "the swapped version serves:\n" + modules.output());
            assertEquals(2, nodes.run("wrong.out", "exec", running.toString(), "congvu:file").exitCode());
            assertEquals(0, nodes.run("filed.out", "exec", running.toString(), "congvu:file 2022 120").exitCode());
            assertEquals(1, nodes.run("relative.out", "exec", running.toString(), "congvu:intake dossier relative.csv").exitCode());
            assertEquals(new NodeProcesses.Result(0, "ready\n"), nodes.run("status.out", "status", running.toString()));
            assertEquals(pid, Files.readString(running.resolve("data/node.pid")).trim(), "the running node's pid file");
            assertTrue(node.isAlive());
            NodeProcesses.Result refused = nodes.run("second-run.out", "run", running.toString());
            assertEquals(1, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("is held by process " + pid), refused.output());
            assertEquals(pid, Files.readString(running.resolve("data/node.pid")).trim(), "a refused run leaves the pid file");

            NodeProcesses.Result stop = nodes.run("stop.out", "stop", running.toString());
            assertEquals(0, stop.exitCode(), stop.output());
            assertTrue(node.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, node.exitValue());
            assertFalse(Files.exists(running.resolve("data/node.pid")));
            assertEquals(3, nodes.run("status-stopped.out", "status", running.toString()).exitCode());
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

    /**
     * What a command printed, comparable between two provinces: without log lines, and with receipts, times,
     * durations, checksums and bundle numbers, which differ between any two nodes, masked.
     */
    private static String comparable(NodeProcesses.Result result) {
        return String.join("\n", result.output().lines()
                .filter(line -> !line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"))
                .map(line -> line.replaceAll("BNV-[\\w-]+", "BNV-*").replaceAll("\\d{4}-\\d\\d-\\d\\d[T ]?[\\d:.]*Z?", "DATE")
                        .replaceAll("\\d\\d:\\d\\d(:\\d\\d)?", "TIME").replaceAll("[0-9a-f]{12,64}", "HASH").replaceAll("\\d+ ms", "N ms").replaceAll("số \\d+", "số N")
                        .replace("/stopped/", "/HOME/").replace("/running/", "/HOME/"))
                .toList());
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
