package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricsProcessor;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.walkers.CollectorPrometheusMetricsWalker;
import org.junit.jupiter.api.Test;
import vn.congvu.demo.CaoBangDossiers;

/**
 * Issue 13: a running node answers GET /health (readiness as JSON: 503 while a required part is down, 200
 * once it runs) and GET /metrics (the Prometheus text format, read here by a Prometheus text-format parser),
 * on the loopback port its etc/org.apache.felix.http.cfg sets.
 */
class HealthMetricsIT {

    private static final Pattern WAITING = Pattern.compile("outbox: (\\d+) waiting");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void metrics_outboxDepthIsWhatCongvuOutboxCounts_andEveryIssueMetricParses() throws Exception {
        Path work = CongvuTestSupport.workFolder("health-metrics-outbox");
        // no ministry listens there: the filed report waits in the outbox
        int ministryPort = CongvuTestSupport.freePort();
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path caoBang = nodes.province("caobang", "04", ministryPort,
                    NodeProcesses.DISTRIBUTION.resolve("rules/congvu-rules-caobang.jar"));
            Path dossiers = caoBang.resolve("records/dossiers-2022.csv");
            CaoBangDossiers.write(dossiers);
            NodeProcesses.Result filed = nodes.run("file.out", "exec", caoBang.toString(),
                    "congvu:intake dossier " + dossiers + "; congvu:file 2022; congvu:outbox");
            assertEquals(0, filed.exitCode(), filed.output());
            long waiting = waiting(filed.output());
            assertEquals(1, waiting, filed.output());

            Process node = nodes.start("caobang.out", "run", caoBang.toString());
            int port = NodeProcesses.httpPort(caoBang);
            NodeProcesses.awaitListening(port, node);
            // Jetty listens before the whiteboard has the servlet (404 until then), and the outbox gauges come with
            // the store
            NodeProcesses.await("/metrics shows the outbox", () -> get(port, "/metrics")
                    .filter(answer -> answer.statusCode() == 200 && answer.body().contains("congvu_outbox_depth "))
                    .isPresent());
            Map<String, MetricFamily> metrics = scrape(port);

            assertEquals(waiting, (long) value(metrics, "congvu_outbox_depth"));
            assertTrue(value(metrics, "congvu_outbox_oldest_age_seconds") > 0, "the waiting report has an age");
            for (String name : new String[] {"congvu_outbox_entries", "congvu_filings_total", "congvu_refusals_total",
                    "congvu_swaps_total", "congvu_record_import_duration_seconds", "congvu_evaluation_duration_seconds",
                    "jvm_memory_used_bytes"}) {
                assertTrue(metrics.containsKey(name), name + " missing from " + metrics.keySet());
            }

            // the running node's own congvu:outbox (through its control channel) says the same as its metrics
            NodeProcesses.Result outbox = nodes.run("outbox.out", "exec", caoBang.toString(), "congvu:outbox");
            assertEquals(0, outbox.exitCode(), outbox.output());
            assertEquals(waiting(outbox.output()), (long) value(scrape(port), "congvu_outbox_depth"));

            // what the running node does is counted: an import (the same file again), an evaluation, a filing
            NodeProcesses.Result again = nodes.run("again.out", "exec", caoBang.toString(),
                    "congvu:intake dossier " + dossiers + "; congvu:file 2022");
            assertEquals(0, again.exitCode(), again.output());
            Map<String, MetricFamily> after = scrape(port);
            assertEquals(1, ((Histogram) sample(after, "congvu_record_import_duration_seconds", "outcome", "accepted"))
                    .getSampleCount());
            assertEquals(1, ((Histogram) sample(after, "congvu_evaluation_duration_seconds", "report", "made"))
                    .getSampleCount());
            assertEquals(1.0, ((Counter) sample(after, "congvu_filings_total", "outcome", "unchanged")).getValue());
            assertEquals(0.0, ((Counter) sample(after, "congvu_filings_total", "outcome", "filed")).getValue());
        }
    }

    @Test
    void health_notReadyWhileTheUplinkSettingIsBroken_orItsBundleIsDown_readyOnceFixed() throws Exception {
        Path work = CongvuTestSupport.workFolder("health-metrics-readiness");
        int ministryPort = CongvuTestSupport.freePort();
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path caoBang = nodes.province("caobang", "04", ministryPort,
                    NodeProcesses.DISTRIBUTION.resolve("rules/congvu-rules-caobang.jar"));
            Path uplink = caoBang.resolve("etc/vn.congvu.uplink.cfg");
            NodeProcesses.replace(uplink, "ministry.port = " + ministryPort, "ministry.port = abc");

            Process node = nodes.start("caobang.out", "run", caoBang.toString());
            int port = NodeProcesses.httpPort(caoBang);
            NodeProcesses.awaitListening(port, node);
            NodeProcesses.await("/health names the broken uplink setting", () -> health(port)
                    .filter(answer -> answer.statusCode() == 503 && answer.body().contains("vn.congvu.uplink"))
                    .isPresent());
            JsonObject broken = JsonParser.parseString(health(port).orElseThrow().body()).getAsJsonObject();
            assertFalse(broken.get("ready").getAsBoolean(), broken.toString());
            assertFalse(broken.getAsJsonArray("problems").isEmpty(), broken.toString());

            NodeProcesses.replace(uplink, "ministry.port = abc", "ministry.port = " + ministryPort);
            NodeProcesses.await("/health says ready", () -> health(port)
                    .filter(answer -> answer.statusCode() == 200).isPresent());
            HttpResponse<String> ready = health(port).orElseThrow();
            assertEquals("{\"ready\":true,\"problems\":[]}", ready.body());
            assertTrue(ready.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

            // a part of the node down, its settings right: not ready, and ready again once it runs
            assertEquals(0, nodes.run("stop-uplink.out", "exec", caoBang.toString(), "stop vn.congvu.uplink").exitCode());
            NodeProcesses.await("/health says the uplink bundle is down", () -> health(port)
                    .filter(answer -> answer.statusCode() == 503 && answer.body().contains("bundle vn.congvu.uplink")).isPresent());
            NodeProcesses.Result status = nodes.run("status-down.out", "status", caoBang.toString());
            assertEquals(1, status.exitCode(), status.output());
            assertTrue(status.output().contains("bundle vn.congvu.uplink: is stopped"), status.output());
            Matcher start = Pattern.compile("'(start \\d+)' in congvu shell").matcher(status.output());
            assertTrue(start.find(), "the problem says how to start the bundle again:\n" + status.output());
            NodeProcesses.Result started = nodes.run("start-uplink.out", "exec", caoBang.toString(), start.group(1));
            assertEquals(0, started.exitCode(), started.output());
            assertTrue(started.output().startsWith("warning: not ready: "), started.output());
            NodeProcesses.await("/health says ready again", () -> health(port)
                    .filter(answer -> answer.statusCode() == 200).isPresent());
            assertEquals(new NodeProcesses.Result(0, "ready\n"), nodes.run("status-up.out", "status", caoBang.toString()));
        }
    }

    private static long waiting(String outboxOutput) {
        Matcher matcher = WAITING.matcher(outboxOutput);
        assertTrue(matcher.find(), "no outbox line in:\n" + outboxOutput);
        return Long.parseLong(matcher.group(1));
    }

    private Optional<HttpResponse<String>> health(int port) {
        return get(port, "/health");
    }

    private Optional<HttpResponse<String>> get(int port, String path) {
        try {
            return Optional.of(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException notYet) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** GET /metrics, parsed by a Prometheus text-format parser: a malformed exposition fails here. */
    private Map<String, MetricFamily> scrape(int port) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                answer.headers().toString());
        CollectorPrometheusMetricsWalker walker = new CollectorPrometheusMetricsWalker();
        new TextPrometheusMetricsProcessor(new ByteArrayInputStream(answer.body()), walker).walk();
        return walker.getAllMetricFamilies().stream()
                .collect(Collectors.toMap(MetricFamily::getName, Function.identity()));
    }

    /** The sample of a metric with the label given. */
    private static Metric sample(Map<String, MetricFamily> metrics, String name, String label, String value) {
        MetricFamily family = metrics.get(name);
        assertTrue(family != null, name + " missing from " + metrics.keySet());
        return family.getMetrics().stream().filter(metric -> value.equals(metric.getLabels().get(label))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no " + label + "=" + value));
    }

    /** The value of a gauge of one sample. */
    private static double value(Map<String, MetricFamily> metrics, String name) {
        MetricFamily family = metrics.get(name);
        assertTrue(family != null, name + " missing from " + metrics.keySet());
        assertEquals(1, family.getMetrics().size(), name);
        return ((Gauge) family.getMetrics().get(0)).getValue();
    }
}
