package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Delivery with real processes started by bin/congvu: a province node delivers its outbox with no command
 * typed, abandons a connection that stays silent, and resumes within its own backoff once the ministry is
 * back. Arrivals are read from the ministry's log ("Stored report"), attempts from the province's.
 */
class UplinkDeliveryIT {

    private static final Path LOAD_RULES = Path.of(System.getProperty("congvu.bundles", "target/bundles"),
            "congvu-it-rules-loadtest.jar");
    private static final String SIX_MONTHS = "congvu:catchup 2024-M01 2024-M06";
    private static final int REPORTS = 6;
    private static final String ATTEMPT_FAILED = "not delivered (attempt";

    @Test
    void provinceStartedWithRunAndNoCommandTyped_deliversItsOutbox() throws Exception {
        Path work = CongvuTestSupport.workFolder("uplink-run");
        int port = CongvuTestSupport.freePort();
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path ministry = nodes.ministry("ministry", port);
            Path province = nodes.province("province-04", "04", port, LOAD_RULES);
            fileWhileTheMinistryIsDown(nodes, province);
            Process ministryNode = nodes.start("ministry.out", "run", ministry.toString());
            NodeProcesses.awaitListening(port, ministryNode);

            Process provinceNode = nodes.start("province.out", "run", province.toString());

            NodeProcesses.await("the ministry stores the province's " + REPORTS + " reports and the province holds "
                    + "their receipts", () -> {
                        assertTrue(provinceNode.isAlive(), "the province stopped");
                        return NodeProcesses.logLines(ministry, "Stored report") >= REPORTS
                                && NodeProcesses.logLines(province, "delivered: receipt") >= REPORTS;
                    });
            assertEquals(REPORTS, NodeProcesses.logLines(ministry, "Stored report"));
        }
    }

    @Test
    void silentConnectionThroughAProxy_backlogDeliveredSoonAfterTheProxyForwards() throws Exception {
        Path work = CongvuTestSupport.workFolder("uplink-silent");
        int port = CongvuTestSupport.freePort();
        try (NodeProcesses nodes = new NodeProcesses(work); SilentProxy proxy = new SilentProxy(port)) {
            Path ministry = nodes.ministry("ministry", port);
            Path province = nodes.province("province-04", "04", port, LOAD_RULES);
            fileWhileTheMinistryIsDown(nodes, province);
            Path uplink = province.resolve("etc/vn.congvu.uplink.cfg");
            NodeProcesses.replace(uplink, "ministry.port = " + port, "ministry.port = " + proxy.port());
            NodeProcesses.replace(uplink, "deadline.seconds = 10", "deadline.seconds = " + DEADLINE_SECONDS);
            Process ministryNode = nodes.start("ministry.out", "run", ministry.toString());
            NodeProcesses.awaitListening(port, ministryNode);
            Process provinceNode = nodes.start("province.out", "run", province.toString());
            // the province connects through the proxy, which swallows everything: its attempts time out
            NodeProcesses.await("the province's attempts time out on silent connections", () -> {
                assertTrue(provinceNode.isAlive(), "the province stopped");
                return NodeProcesses.logLines(province, "DEADLINE_EXCEEDED") >= 2 && proxy.silentConnections() >= 1;
            });
            assertEquals(0, NodeProcesses.logLines(ministry, "Stored report"));

            long failedBefore = NodeProcesses.logLines(province, ATTEMPT_FAILED);
            proxy.forward();
            NodeProcesses.await("the first report arrives", () -> NodeProcesses.logLines(ministry, "Stored report") >= 1);
            long failedAfter = NodeProcesses.logLines(province, ATTEMPT_FAILED);
            NodeProcesses.await("the whole backlog arrives", () -> NodeProcesses.logLines(ministry, "Stored report") >= REPORTS);

            // the attempt under way on a silent connection ends at its deadline; the next one dials anew and
            // goes through the forwarding proxy: at most that one attempt fails after the proxy forwards
            assertTrue(failedAfter <= failedBefore + 1, (failedAfter - failedBefore) + " attempts failed after the "
                    + "proxy began forwarding: the silent connection was kept");
            assertTrue(provinceNode.isAlive(), "delivered without a restart");
        }
    }

    @Test
    void ministryDownPastTheLongestBackoff_firstReportArrivesBeforeTheNextBackoffWouldHaveElapsed() throws Exception {
        Path work = CongvuTestSupport.workFolder("uplink-return");
        int port = CongvuTestSupport.freePort();
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path ministry = nodes.ministry("ministry", port);
            Path province = nodes.province("province-04", "04", port, LOAD_RULES);
            fileWhileTheMinistryIsDown(nodes, province);
            Process provinceNode = nodes.start("province.out", "run", province.toString());
            // 500, 1000, 2000, 2000, ... ms: after six failed attempts the backoff has been at its longest for
            // a while, and the channel's own reconnect backoff (1 s growing 1.6 times a try) would exceed it
            long since = System.nanoTime();
            NodeProcesses.await("the province's backoff reaches its longest", () -> {
                assertTrue(provinceNode.isAlive(), "the province stopped");
                return NodeProcesses.logLines(province, ATTEMPT_FAILED) >= 6
                        && System.nanoTime() - since > TimeUnit.SECONDS.toNanos(10);
            });

            Process ministryNode = nodes.start("ministry.out", "run", ministry.toString());
            NodeProcesses.awaitListening(port, ministryNode);
            long failedBefore = NodeProcesses.logLines(province, ATTEMPT_FAILED);
            NodeProcesses.await("the first report arrives", () -> NodeProcesses.logLines(ministry, "Stored report") >= 1);

            // the first attempt after the province's own backoff goes through: at most the attempt that was
            // under way when the ministry came back failed, none because of the channel's own (stale) backoff
            assertTrue(NodeProcesses.logLines(province, ATTEMPT_FAILED) <= failedBefore + 1,
                    "attempts failed after the ministry was back");
            NodeProcesses.await("the whole backlog arrives", () -> NodeProcesses.logLines(ministry, "Stored report") >= REPORTS);
        }
    }

    private static final int DEADLINE_SECONDS = 2;

    /** Files the backlog with no ministry listening, so it waits in the outbox. */
    private static void fileWhileTheMinistryIsDown(NodeProcesses nodes, Path province) throws IOException, InterruptedException {
        NodeProcesses.Result filed = nodes.run("file.out", "exec", province.toString(), SIX_MONTHS + "; congvu:outbox");
        assertEquals(0, filed.exitCode(), filed.output());
        assertTrue(filed.output().contains("Hộp thư đi: " + REPORTS + " chờ gửi"), filed.output());
    }
}
