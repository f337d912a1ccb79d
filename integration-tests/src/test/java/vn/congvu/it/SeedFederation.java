package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The demo's federation as demo.sh makes it, from the built distribution: a ministry node serving its console, and the
 * six seed provinces, each importing its demo records and filing its periods with the ministry as a separate process,
 * then stopping. The ministry keeps running, with one analyst account, until {@link #close()}.
 */
final class SeedFederation implements AutoCloseable {

    /** Vietnam's zone: the ministry dates filings in it. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String ANALYST = "analyst";
    static final String ANALYST_NAME = "Nguyễn Văn A";
    private static final Pattern PASSWORD = Pattern.compile("password, shown once: (\\S+)");
    private static final Pattern RECEIPT = Pattern.compile("biên nhận (BNV-\\d{4}-\\d+)");

    /**
     * A seed province of the demo.
     *
     * @param code   its code
     * @param name   its name
     * @param bundle its rule bundle, {@code rules/congvu-rules-BUNDLE.jar}
     * @param years  the annual periods it files
     */
    record Seed(String code, String name, String bundle, List<Integer> years) {
    }

    /** demo.sh's provinces and periods: the five seeds on the 2019-2023 map, and Thái Nguyên on the 2025 map. */
    static final List<Seed> SEEDS = List.of(new Seed("08", "Tuyên Quang", "tuyenquang", List.of(2019)),
            new Seed("06", "Bắc Kạn", "backan", List.of(2019, 2020, 2021)),
            new Seed("04", "Cao Bằng", "caobang", List.of(2022)),
            new Seed("01", "Hà Nội", "hanoi", List.of(2023)),
            new Seed("42", "Hà Tĩnh", "hatinh", List.of(2023)),
            new Seed("19", "Thái Nguyên", "thainguyen", List.of(2026)));

    private final Path work;
    private final NodeProcesses nodes;
    private final Map<String, List<String>> receipts = new LinkedHashMap<>();
    private int ministryPort;
    private Path ministry;
    private Process ministryNode;
    private String password;
    private LocalDate firstFilingDay;
    private LocalDate lastFilingDay;

    private SeedFederation(Path work) {
        this.work = work;
        this.nodes = new NodeProcesses(work);
    }

    /** Starts the ministry, makes the analyst's account and has every seed province file; stops all if one fails. */
    static SeedFederation start(Path work) throws Exception {
        SeedFederation federation = new SeedFederation(work);
        try {
            federation.startMinistry();
            federation.fileSeeds();
            return federation;
        } catch (Exception | AssertionError e) {
            federation.close();
            throw e;
        }
    }

    private void startMinistry() throws IOException, InterruptedException {
        ministryPort = CongvuTestSupport.freePort();
        ministry = nodes.ministry("ministry", ministryPort);
        ministryNode = nodes.start("ministry.out", "run", ministry.toString());
        nodes.awaitReady(ministry, ministryNode, "ministry.out");
        NodeProcesses.awaitListening(NodeProcesses.httpsPort(ministry), ministryNode);

        NodeProcesses.Result account = nodes.run("account.out", "exec", ministry.toString(),
                "congvu:account add " + ANALYST + " ANALYST " + ANALYST_NAME);
        assertEquals(0, account.exitCode(), account.output());
        Matcher shown = PASSWORD.matcher(account.output());
        if (!shown.find()) {
            throw new AssertionError("congvu:account add printed no password:\n" + account.output());
        }
        password = shown.group(1);
    }

    private void fileSeeds() throws IOException, InterruptedException {
        firstFilingDay = LocalDate.now(VIETNAM);
        // two provinces at a time: each is a JVM of its own, and the machine may have two cores
        for (int first = 0; first < SEEDS.size(); first += 2) {
            List<Seed> pair = SEEDS.subList(first, Math.min(first + 2, SEEDS.size()));
            List<Process> filing = new ArrayList<>();
            for (Seed seed : pair) {
                filing.add(nodes.start(seed.bundle() + ".out", "exec", province(seed).toString(), commands(seed)));
            }
            for (int index = 0; index < pair.size(); index++) {
                Seed seed = pair.get(index);
                NodeProcesses.Result filed = nodes.finish(filing.get(index), seed.bundle() + ".out");
                assertEquals(0, filed.exitCode(), seed.bundle() + " could not file:\n" + filed.output());
                receipts.put(seed.code(), receiptsPrinted(filed.output()));
                assertEquals(seed.years().size(), receipts.get(seed.code()).size(),
                        "one receipt per period filed by " + seed.bundle() + ":\n" + filed.output());
            }
        }
        lastFilingDay = LocalDate.now(VIETNAM);
    }

    private Path province(Seed seed) throws IOException, InterruptedException {
        Path rules = NodeProcesses.DISTRIBUTION.resolve("rules");
        Path home = nodes.province(seed.bundle(), seed.code(), ministryPort,
                rules.resolve("congvu-rules-" + seed.bundle() + ".jar"), rules.resolve("congvu-rules-national.jar"));
        Path records = Files.createDirectories(home.resolve("records"));
        NodeProcesses.Result made = nodes.run("demo-data-" + seed.code() + ".out", "demo-data", seed.code(), records.toString());
        assertEquals(0, made.exitCode(), made.output());
        return home;
    }

    /** demo.sh's commands: every demo record file taken in under its name, then each period filed. */
    private String commands(Seed seed) throws IOException {
        StringBuilder commands = new StringBuilder();
        try (Stream<Path> files = Files.list(work.resolve(seed.bundle()).resolve("records"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                commands.append("congvu:intake ").append(name, 0, name.lastIndexOf('.')).append(' ').append(file).append("; ");
            }
        }
        seed.years().forEach(year -> commands.append("congvu:file ").append(year).append(" 120; "));
        return commands.toString();
    }

    private static List<String> receiptsPrinted(String output) {
        Set<String> found = new LinkedHashSet<>();
        Matcher receipt = RECEIPT.matcher(output);
        while (receipt.find()) {
            found.add(receipt.group(1));
        }
        return List.copyOf(found);
    }

    /** @return the console's HTTPS address */
    URI console() throws IOException {
        return URI.create("https://127.0.0.1:" + NodeProcesses.httpsPort(ministry));
    }

    /** @return the ministry's plain HTTP address (health and metrics) */
    URI plainHttp() throws IOException {
        return URI.create("http://127.0.0.1:" + NodeProcesses.httpPort(ministry));
    }

    /** @return the test CA's certificate, which the ministry's node has beside its own */
    Path caCertificate() {
        return ministry.resolve("etc/tls/ca.crt.pem");
    }

    String password() {
        return password;
    }

    /** @return the receipts the province's node printed, one per period it filed, in the order filed */
    List<String> receipts(String code) {
        return receipts.get(code);
    }

    /** @return the day (in Vietnam) the last province finished filing */
    LocalDate lastFilingDay() {
        return lastFilingDay;
    }

    /** @return whether the day is one on which the provinces filed (the filing may cross midnight) */
    boolean filedOn(LocalDate day) {
        return !day.isBefore(firstFilingDay) && !day.isAfter(lastFilingDay);
    }

    /** Runs Gogo commands in the running ministry node, as an operator does with {@code congvu exec}. */
    String shell(String commands) throws IOException, InterruptedException {
        NodeProcesses.Result result = nodes.run("shell.out", "exec", ministry.toString(), commands);
        assertEquals(0, result.exitCode(), result.output());
        return result.output();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (ministryNode != null && ministryNode.isAlive()) {
                nodes.run("stop.out", "stop", ministry.toString());
                ministryNode.waitFor(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.close();
        }
    }
}
