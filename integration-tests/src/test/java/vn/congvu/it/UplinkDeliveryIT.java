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
    /** NodeProcesses gives provinces this longest backoff. */
    private static final long RETRY_MAX_MILLIS = 2_000;
    /**
     * What one delivery may take besides the backoff: a connection on loopback, one submission, the
     * ministry's commit and log line, and this test's polling. Small beside the channel's own reconnect
     * backoff (up to 120 s), which the uplink must not wait for.
     */
    private static final long ONE_DELIVERY_MILLIS = 3_000;
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

            proxy.forward();
            long forwardedAt = System.nanoTime();
            NodeProcesses.await("the first report arrives", () -> NodeProcesses.logLines(ministry, "Stored report") >= 1);
            long firstAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - forwardedAt);
            NodeProcesses.await("the whole backlog arrives", () -> NodeProcesses.logLines(ministry, "Stored report") >= REPORTS);

            // an attempt under way on a silent connection ends at its deadline; the next one dials anew,
            // through the forwarding proxy, after at most the longest backoff
            long bound = TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS) + RETRY_MAX_MILLIS + ONE_DELIVERY_MILLIS;
            assertTrue(firstAfterMillis < bound, "first report " + firstAfterMillis + " ms after the proxy forwarded; "
                    + "deadline + longest backoff + one delivery = " + bound + " ms");
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
            long backAt = System.nanoTime();
            long failedBefore = NodeProcesses.logLines(province, ATTEMPT_FAILED);
            NodeProcesses.await("the first report arrives", () -> NodeProcesses.logLines(ministry, "Stored report") >= 1);
            long firstAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - backAt);

            assertTrue(firstAfterMillis < RETRY_MAX_MILLIS + ONE_DELIVERY_MILLIS, "first report " + firstAfterMillis
                    + " ms after the ministry listened; longest backoff " + RETRY_MAX_MILLIS + " ms");
            // at most the attempt that was under way when the ministry came back failed: no failure of the
            // channel's own (stale) backoff after the ministry was back
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
