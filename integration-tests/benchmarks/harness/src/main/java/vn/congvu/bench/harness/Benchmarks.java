package vn.congvu.bench.harness;

import io.grpc.ChannelCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Runs every congvu benchmark against the real bundles in real Felix runtimes (node processes started
 * from a copy of the distribution, with the benchmark's measuring commands added), each beside its bare
 * baseline in the same run, and prints one table: figure, baseline, ratio, target.
 *
 * <pre>
 * java -cp harness.jar:lib/* vn.congvu.bench.harness.Benchmarks DISTRIBUTION BENCH_BUNDLE WORK [SIZES [ONLY]]
 * </pre>
 * SIZES are the dossier counts of the evaluation curve, such as {@code 10000,100000,1000000,10000000};
 * ONLY names the benchmarks to run (default all): startup, ingestion, evaluation, history, swap, validation.
 */
public final class Benchmarks {

    private static final int REPORTS = 6_000;
    private static final int WARMUP = 1_000;
    private static final int IN_FLIGHT = 64;
    /** The ingestion rounds, in order: true for mutual TLS; ABBA, so that drift weighs on both alike. */
    private static final List<Boolean> ROUNDS = List.of(false, true, true, false);
    private static final int SWAPS = 10;
    private static final int START_RUNS = 3;
    private static final int HISTORY_YEARS = 10;

    private final Path dist;
    private final Path work;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Submissions that failed: any makes the run exit with 1 after the table. */
    private final List<String> failures = new ArrayList<>();
    private BenchPki pki;

    /** One line of the table. */
    private record Row(String benchmark, String figure, String baseline, String ratio, String target, String verdict) {
    }

    private Benchmarks(Path dist, Path work) {
        this.dist = dist;
        this.work = work;
    }

    /**
     * @param args the distribution folder, the bench bundle, the work folder, and optionally the sizes
     */
    public static void main(String[] args) throws Exception {
        Path sourceDist = Path.of(args[0]).toAbsolutePath();
        Path benchBundle = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath();
        List<Integer> sizes = Arrays.stream((args.length > 3 ? args[3] : "10000,100000,1000000,10000000").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        List<String> only = args.length > 4 ? List.of(args[4].split(",")) : List.of("startup", "ingestion", "evaluation",
                "history", "swap", "validation");
        HomeFiles.deleteTree(work);
        Files.createDirectories(work);
        Path dist = work.resolve("congvu");
        HomeFiles.copyTree(sourceDist, dist);
        Files.copy(benchBundle, dist.resolve("bundle").resolve("congvu-bench-node.jar"));
        Benchmarks benchmarks = new Benchmarks(dist, work);
        long started = System.nanoTime();
        if (only.contains("startup")) {
            benchmarks.startUp();
        }
        if (only.contains("ingestion")) {
            benchmarks.ingestion();
        }
        if (only.contains("evaluation")) {
            benchmarks.evaluation(sizes);
        }
        if (only.contains("history")) {
            benchmarks.nationalTableQuery();
        }
        if (only.contains("swap")) {
            benchmarks.hotSwap();
        }
        if (only.contains("validation")) {
            benchmarks.validation();
        }
        benchmarks.print(Math.round((System.nanoTime() - started) / 1e9));
        if (!benchmarks.failures.isEmpty()) {
            System.err.println();
            System.err.println("FAILED: submissions were refused or lost; the figures above do not count:");
            benchmarks.failures.forEach(failure -> System.err.println("  " + failure));
            System.exit(1);
        }
    }

    // ---- 5. start-up ------------------------------------------------------------------------------------

    private void startUp() throws Exception {
        step("Start-up: bare Felix, ministry node, province node (" + START_RUNS + " runs each, median)");
        List<Double> bare = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        for (int run = 0; run < START_RUNS; run++) {
            try (NodeProcess felix = NodeProcess.start(List.of(java, "-cp", classPath, BareFelix.class.getName(),
                    work.resolve("bare-felix").toString()), work.resolve("bare-felix.log"), null)) {
                bare.add(felix.awaitLine(line -> line.equals("ready"), 60));
                felix.awaitSuccess(60);
            }
        }
        int port = freePort();
        // start-up is measured as shipped: mutual TLS by default, so loading the node's key, certificates and CRL
        // and BoringSSL is part of a start (no connection is made, so the network is not what is measured)
        Path ministry = ministryHome("start-ministry", port, true);
        List<Double> ministryMillis = new ArrayList<>();
        long ministryRss = 0;
        for (int run = 0; run <= START_RUNS; run++) {
            try (NodeProcess node = run(ministry, "start-ministry-" + run)) {
                double millis = awaitPort(node, port);
                if (run > 0) { // the first run creates the database: a one-off, not a start-up
                    ministryMillis.add(millis);
                }
                ministryRss = node.rssMb();
            }
        }
        Path province = provinceHome("start-province", true);
        List<Double> provinceMillis = new ArrayList<>();
        long provinceRss = 0;
        for (int run = 0; run <= START_RUNS; run++) {
            try (NodeProcess node = run(province, "start-province-" + run)) {
                double millis = node.awaitLine(line -> line.contains(" ready: its settings are right"), 120);
                if (run > 0) {
                    provinceMillis.add(millis);
                }
                provinceRss = node.rssMb();
            }
        }
        double bareMedian = median(bare);
        double ministryMedian = median(ministryMillis);
        double provinceMedian = median(provinceMillis);
        // issue 13: a node with its HTTP endpoint and metrics ready within 3 x an empty Felix framework
        rows.add(new Row("5. Start-up, ministry (launch to accepting gRPC)", ms(ministryMedian), "bare Felix " + ms(bareMedian),
                ratio(ministryMedian / bareMedian), "< 2 s and <= 3 x bare",
                verdict(ministryMedian < 2000 && ministryMedian <= 3 * bareMedian)));
        rows.add(new Row("5. Start-up, province (launch to \"ready\": settings, parts, rule bundles)", ms(provinceMedian),
                "bare Felix " + ms(bareMedian), ratio(provinceMedian / bareMedian), "< 2 s and <= 3 x bare",
                verdict(provinceMedian < 2000 && provinceMedian <= 3 * bareMedian)));
        rows.add(new Row("5. Resident memory after start, ministry", ministryRss + " MB", "-", "-", "< 256 MB",
                verdict(ministryRss < 256)));
        rows.add(new Row("5. Resident memory after start, province", provinceRss + " MB", "-", "-", "< 256 MB",
                verdict(provinceRss < 256)));
    }

    // ---- 1. ministry ingestion ----------------------------------------------------------------------------

    private void ingestion() throws Exception {
        IngestionLoad load = new IngestionLoad(REPORTS);
        step("Ministry ingestion: " + REPORTS + " full reports (" + load.values() + " figures, " + load.bytes() / 1024
                + " KiB each), " + IN_FLIGHT + " in flight over " + load.provinces().size() + " province channels, first "
                + WARMUP + " not measured; plaintext and mutual TLS (a certificate per province), rounds in the order "
                + roundOrder());
        Function<String, ChannelCredentials> plaintext = IngestionLoad.plaintext();
        Function<String, ChannelCredentials> tls = pki().provinceCredentials(load.provinces());
        Path bareTlsFolder = work.resolve("pki/bare-server");
        pki().ministry(bareTlsFolder);
        // the bare servers run in the harness's JVM: one unmeasured round of each first, so that its JIT is warm
        bareIngestion(load, IngestionLoad.bareServer(), plaintext, "harness warm-up, plaintext (not counted)");
        bareIngestion(load, IngestionLoad.bareTlsServer(bareTlsFolder), tls, "harness warm-up, mutual TLS (not counted)");
        // rounds in ABBA order, so that a machine getting busier or quieter during the run weighs on both kinds alike;
        // every ministry round is a fresh node with an empty database, as the single plaintext round used to be
        Map<Boolean, List<IngestionLoad.Round>> bare = Map.of(false, new ArrayList<>(), true, new ArrayList<>());
        Map<Boolean, List<MinistryRun>> ministry = Map.of(false, new ArrayList<>(), true, new ArrayList<>());
        for (int round = 0; round < ROUNDS.size(); round++) {
            boolean secure = ROUNDS.get(round);
            String kind = secure ? "mutual TLS" : "plaintext";
            Server server = secure ? IngestionLoad.bareTlsServer(bareTlsFolder) : IngestionLoad.bareServer();
            bare.get(secure).add(bareIngestion(load, server, secure ? tls : plaintext, "bare gRPC, " + kind + ", round " + (round + 1)));
        }
        for (int round = 0; round < ROUNDS.size(); round++) {
            boolean secure = ROUNDS.get(round);
            ministry.get(secure).add(ministryIngestion(load, "ingestion-ministry-" + (secure ? "tls" : "plaintext") + "-"
                    + (round + 1), secure, secure ? tls : plaintext, false));
        }
        // the same load on a ministry whose store is on PostgreSQL (plaintext, a new database each round)
        List<MinistryRun> onPostgresql = new ArrayList<>();
        for (int round = 1; round <= ROUNDS.size() / 2; round++) {
            onPostgresql.add(ministryIngestion(load, "ingestion-ministry-postgresql-" + round, false, plaintext, true));
        }
        IngestionLoad.Figures barePlain = IngestionLoad.Figures.of(bare.get(false));
        IngestionLoad.Figures bareTls = IngestionLoad.Figures.of(bare.get(true));
        IngestionLoad.Figures plain = IngestionLoad.Figures.of(ministry.get(false).stream().map(MinistryRun::round).toList());
        IngestionLoad.Figures secure = IngestionLoad.Figures.of(ministry.get(true).stream().map(MinistryRun::round).toList());

        double ratio = plain.reportsPerSecond() / barePlain.reportsPerSecond();
        rows.add(new Row("1. Ministry ingestion, plaintext (validated, deduplicated, durable, receipted)",
                figures(plain, true), "bare gRPC " + figures(barePlain, false), ratio(ratio), ">= 0.50 of bare",
                verdict(ratio >= 0.5 && plain.failed() == 0)));
        double tlsRatio = secure.reportsPerSecond() / bareTls.reportsPerSecond();
        rows.add(new Row("1. Ministry ingestion, mutual TLS (a certificate per province, province checked)",
                figures(secure, true), "bare gRPC, mutual TLS, " + figures(bareTls, false), ratio(tlsRatio),
                ">= 0.50 of bare", verdict(tlsRatio >= 0.5 && secure.failed() == 0)));
        rows.add(new Row("1. What mutual TLS costs the ministry's ingestion", "mutual TLS " + figures(secure, false),
                "plaintext " + figures(plain, false), ratio(secure.reportsPerSecond() / plain.reportsPerSecond()), "-", "-"));
        IngestionLoad.Figures postgresql = IngestionLoad.Figures.of(onPostgresql.stream().map(MinistryRun::round).toList());
        rows.add(new Row("1. Ministry ingestion, plaintext, store on PostgreSQL (a server on this machine)",
                figures(postgresql, true), "store in embedded Derby " + figures(plain, false),
                ratio(postgresql.reportsPerSecond() / plain.reportsPerSecond()), "-", verdict(postgresql.failed() == 0)));
        rows.add(new Row("1. What mutual TLS costs bare gRPC", "mutual TLS " + figures(bareTls, false),
                "plaintext " + figures(barePlain, false), ratio(bareTls.reportsPerSecond() / barePlain.reportsPerSecond()),
                "-", "-"));
        notes.add("Ingestion, each round's reports/s in the order run (" + roundOrder() + "; " + ROUNDS.size() / 2 + " rounds of each kind make "
                + "each row): bare gRPC " + inOrder(barePlain, bareTls) + "; ministry " + inOrder(plain, secure) + ".");
        notes.add(String.format("Ingestion: %d channels connected (outside the measured time) in %.0f ms plaintext and %.0f ms "
                        + "with mutual TLS to the ministry, %.0f ms and %.0f ms to the bare server (means of the rounds).",
                load.provinces().size(), plain.connectMillis(), secure.connectMillis(), barePlain.connectMillis(),
                bareTls.connectMillis()));
        notes.add("Ingestion: TLS in the harness's client by " + (OpenSsl.isAvailable() ? OpenSsl.versionString() : "the JDK") + "; in the ministry: "
                + ministryTlsProvider(ministry.get(true).get(0).log()) + ".");
        for (String crossCheck : ministry.get(true).stream().map(MinistryRun::crossCheck).distinct().toList()) {
            notes.add("Ingestion: a report for " + load.provinces().get(0) + " sent with " + load.provinces().get(1)
                    + "'s certificate to each mutual-TLS ministry after its load: " + crossCheck + ".");
            if (!crossCheck.startsWith("PERMISSION_DENIED")) {
                failures.add("the mutual-TLS ministry did not refuse a report for another province than the certificate's: "
                        + crossCheck);
            }
        }
        notes.add("Ministry resident memory after ingestion: " + ministry.get(false).stream().map(run -> run.rssMb() + " MB")
                .toList() + " plaintext, " + ministry.get(true).stream().map(run -> run.rssMb() + " MB").toList() + " mutual TLS.");
        for (MinistryRun run : List.of(ministry.get(false).get(0), ministry.get(true).get(0))) {
            if (Files.exists(run.recording())) {
                notes.add("Where the ministry's time goes during ingestion, " + (run.tls() ? "mutual TLS" : "plaintext")
                        + " (first round; JFR execution samples, top frames; BoringSSL's native code is not sampled):");
                notes.addAll(Profiles.topFrames(run.recording(), 12));
            }
        }
    }

    private static String roundOrder() {
        return String.join(", ", ROUNDS.stream().map(tls -> tls ? "TLS" : "plaintext").toList());
    }

    private static String inOrder(IngestionLoad.Figures plaintext, IngestionLoad.Figures tls) {
        List<String> figures = new ArrayList<>();
        int[] next = new int[2];
        for (boolean secure : ROUNDS) {
            figures.add(String.format("%.0f", (secure ? tls : plaintext).rounds().get(next[secure ? 1 : 0]++)));
        }
        return String.join(", ", figures);
    }

    private static String ministryTlsProvider(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.contains("TLS by "))
                .map(line -> line.substring(line.indexOf("TLS by ") + "TLS by ".length())).findFirst()
                .orElse("(not in " + log.getFileName() + ")");
    }

    /** What a ministry node did with one round of the load. */
    private record MinistryRun(IngestionLoad.Round round, boolean tls, long rssMb, Path recording, Path log, String crossCheck) {
    }

    private IngestionLoad.Round bareIngestion(IngestionLoad load, Server server, Function<String, ChannelCredentials> credentials,
                                              String what) throws InterruptedException {
        try {
            IngestionLoad.Round round = checked(what, load.run(server.getPort(), credentials, false, IN_FLIGHT, WARMUP));
            System.out.printf("   %s: %.0f reports/s%n", what, round.reportsPerSecond());
            return round;
        } finally {
            server.shutdownNow();
            server.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private MinistryRun ministryIngestion(IngestionLoad load, String name, boolean tls,
                                          Function<String, ChannelCredentials> credentials, boolean postgresql) throws Exception {
        int port = freePort();
        Path home = ministryHome(name, port, tls);
        if (postgresql) {
            HomeFiles.onPostgresql(home);
        }
        Path recording = work.resolve(name + ".jfr");
        Path log = work.resolve(name + ".log");
        try (NodeProcess node = NodeProcess.start(List.of(dist.resolve("bin/congvu").toString(), "run", home.toString()),
                log, "-XX:StartFlightRecording=filename=" + recording + ",settings=profile")) {
            awaitPort(node, port);
            IngestionLoad.Round round = checked(name, load.run(port, credentials, true, IN_FLIGHT, WARMUP));
            System.out.printf("   %s: %.0f reports/s%n", name, round.reportsPerSecond());
            long rss = node.rssMb();
            String crossCheck = tls ? load.otherProvince(port, credentials) : "-";
            return new MinistryRun(round, tls, rss, recording, log, crossCheck);
        }
    }

    /** Notes every failed submission, so that the run ends in failure after the table. */
    private IngestionLoad.Round checked(String what, IngestionLoad.Round figures) {
        if (figures.failed() > 0) {
            String failure = String.format("ingestion, %s: %d of %d submissions failed %s; the first: %s", what,
                    figures.failed(), REPORTS, figures.failures(), figures.firstFailure());
            failures.add(failure);
            notes.add("FAILED " + failure);
            System.out.println("FAILED " + failure);
        }
        return figures;
    }

    private static String figures(IngestionLoad.Figures figures, boolean failed) {
        return String.format("%.0f reports/s, p50 %.1f ms, p99 %.1f ms", figures.reportsPerSecond(), figures.p50Millis(),
                figures.p99Millis()) + (failed ? ", " + figures.failed() + " failed" : "");
    }

    // ---- 2 and 3. province evaluation -----------------------------------------------------------------------

    private void evaluation(List<Integer> sizes) throws Exception {
        Path demo = work.resolve("demo-records");
        exec(List.of(dist.resolve("bin/congvu").toString(), "demo-data", "04", demo.toString()), "demo-data");
        Map<Integer, double[]> curve = new LinkedHashMap<>();
        for (int size : sizes) {
            Path data = work.resolve("records-" + size);
            long records = DataSets.caoBang(demo, size, data);
            step(String.format("Province evaluation: %,d dossiers (%,d records in all)", size, records));
            Path home = provinceHome("evaluation-" + size, false);
            boolean profiled = size == 1_000_000;
            Path recording = work.resolve("evaluation-" + size + ".jfr");
            String options = profiled ? "-XX:StartFlightRecording=filename=" + recording + ",settings=profile" : null;
            // a node run as an operator runs one, under its home's etc/jvm.options; the memory figures are its process's
            Map<String, String> parse;
            MeasuredNode.Work measured;
            try (MeasuredNode node = MeasuredNode.run(dist.resolve("bin/congvu"), home, work, "evaluation-" + size, options)) {
                parse = node.exec("bench:parse " + data, "parse");
                measured = node.measured("bench:province 2022 " + data, "province");
            }
            Map<String, String> province = measured.result();
            MeasuredNode.Memory memory = measured.memory();
            long total = Long.parseLong(province.get("records"));
            double millis = Double.parseDouble(province.get("intakeMillis")) + Double.parseDouble(province.get("evaluateMillis"));
            double perSecond = total / (millis / 1000);
            double bare = Double.parseDouble(parse.get("records")) / (Double.parseDouble(parse.get("millis")) / 1000);
            curve.put(size, new double[] {total, millis, Double.parseDouble(province.get("intakeMillis")),
                    Double.parseDouble(province.get("evaluateMillis"))});
            if (profiled || sizes.size() == 1) {
                rows.add(new Row(String.format("2. Province evaluation, %,d records: files -> intake -> %s modules -> filed",
                        total, province.get("modules")),
                        String.format("%,.0f records/s (intake %s, evaluation %s), peak heap %s MB", perSecond,
                                ms(Double.parseDouble(province.get("intakeMillis"))),
                                ms(Double.parseDouble(province.get("evaluateMillis"))), province.get("peakHeapMb")),
                        String.format("bare parse %,.0f records/s", bare), ratio(perSecond / bare),
                        ">= 0.50 of bare and >= 200,000/s", verdict(perSecond / bare >= 0.5 && perSecond >= 200_000)));
            }
            String label = String.format("5. Resident memory, province node, %,d dossiers (heap limit %s MB, etc/jvm.options%s)",
                    size, province.get("maxHeapMb"), profiled ? "; flight recording on" : "");
            String started = memory.startMb() + " MB once ready";
            rows.add(new Row(label + ": peak during intake and evaluation", memory.peakMb() + " MB", started,
                    ratio((double) memory.peakMb() / memory.startMb()), "completes inside the heap limit", "yes"));
            rows.add(new Row(label + ": " + MeasuredNode.IDLE_SECONDS + " s after", memory.afterMb() + " MB (" + memory.endMb()
                    + " MB when it ended)", started, ratio((double) memory.afterMb() / memory.startMb()), "< 256 MB",
                    verdict(memory.afterMb() < 256)));
            notes.add(String.format("Resident memory of the %,d-dossier province node: %s.", size, memory));
            if (profiled && Files.exists(recording)) {
                notes.add("Where the time of the 1,000,000-dossier run goes (JFR execution samples, top frames):");
                notes.addAll(Profiles.topFrames(recording, 12));
            }
        }
        int first = sizes.get(0);
        double firstPerRecord = curve.get(first)[1] / curve.get(first)[0];
        for (Map.Entry<Integer, double[]> point : curve.entrySet()) {
            double[] figures = point.getValue();
            double perRecord = figures[1] / figures[0];
            rows.add(new Row(String.format("3. Evaluation cost at %,d dossiers", point.getKey()),
                    String.format("%s in all (intake %s, evaluation %s); %.2f µs per record", ms(figures[1]), ms(figures[2]),
                            ms(figures[3]), perRecord * 1000),
                    String.format("%.2f µs per record at %,d", firstPerRecord * 1000, first), ratio(perRecord / firstPerRecord),
                    "linear: per-record cost flat", "-"));
        }
    }

    // ---- 3. the national table as history grows ---------------------------------------------------------------

    private void nationalTableQuery() throws Exception {
        for (boolean postgresql : List.of(false, true)) {
            String engine = postgresql ? "PostgreSQL" : "embedded Derby";
            step("National-table query as stored history grows: 1 to " + HISTORY_YEARS + " years of monthly full reports "
                    + "from 34 provinces, store in " + engine);
            // the queries run inside the node, nothing crosses the network: plaintext on loopback
            Path home = ministryHome("history-ministry-" + (postgresql ? "postgresql" : "derby"), freePort(), false);
            if (postgresql) {
                HomeFiles.onPostgresql(home);
            }
            NodeProcess node = NodeProcess.start(List.of(dist.resolve("bin/congvu").toString(), "exec", home.toString(),
                    "bench:history " + HISTORY_YEARS + " 34"), work.resolve(home.getFileName() + ".log"), null);
            node.awaitSuccess(1800);
            double firstYear = 0;
            for (String line : node.results()) {
                Map<String, String> point = Results.of(List.of(line), "history");
                double millis = Double.parseDouble(point.get("queryMillis"));
                if (firstYear == 0) {
                    firstYear = millis;
                }
                rows.add(new Row(String.format("3. National table of one period, %s year(s) held, %s", point.get("years"), engine),
                        String.format("%.2f ms (%s reports stored)", millis, point.get("reports")),
                        String.format("%.2f ms at 1 year", firstYear), ratio(millis / firstYear), "flat or logarithmic", "-"));
            }
        }
    }

    // ---- 4. hot swap ----------------------------------------------------------------------------------------------

    private void hotSwap() throws Exception {
        step("Hot swap under evaluation load: " + SWAPS + " swaps of the Cao Bằng bundle, then " + SWAPS + " naive ones");
        Path data = work.resolve("records-100000");
        if (!Files.exists(data)) {
            DataSets.caoBang(work.resolve("demo-records"), 100_000, data);
        }
        Path candidate = variant(dist.resolve("rules/congvu-rules-caobang.jar"), work.resolve("congvu-rules-caobang-9.9.9.jar"), "9.9.9");
        Path home = provinceHome("swap", false);
        // the candidate is an unsigned copy (a new version of the signed jar): taken under the development setting
        HomeFiles.edit(home.resolve("etc/vn.congvu.modules.cfg"), Map.of("allow.unsigned", "true"));
        Map<String, String> swap = execNode(home, "swap", null, "bench:province 2022 " + data + "; bench:swap " + candidate
                + " " + SWAPS + " 2022", "province", "swap").get("swap");
        double median = Double.parseDouble(swap.get("managedMedianMillis"));
        long failed = Long.parseLong(swap.get("managedFailed"));
        rows.add(new Row("4. Hot swap under load: update command to new version serving",
                String.format("median %s, max %s; %s failed of %s evaluations", ms(median),
                        ms(Double.parseDouble(swap.get("managedMaxMillis"))), failed, swap.get("managedEvaluations")),
                String.format("naive update+refresh: median %s; %s failed of %s", ms(Double.parseDouble(swap.get("naiveMedianMillis"))),
                        swap.get("naiveFailed"), swap.get("naiveEvaluations")),
                ratio(median / Double.parseDouble(swap.get("naiveMedianMillis"))), "< 200 ms, 0 failed",
                verdict(median < 200 && Double.parseDouble(swap.get("managedMaxMillis")) < 200 && failed == 0)));
    }

    // ---- nodes ------------------------------------------------------------------------------------------------------

    /**
     * @param tls mutual TLS with a server certificate for 127.0.0.1 from the run's CA in etc/tls (the template's
     *            default), or {@code plaintext = true}, which the ministry allows on a loopback host only
     */
    private Path ministryHome(String name, int port, boolean tls) throws IOException, GeneralSecurityException {
        Path home = work.resolve(name);
        HomeFiles.copyTree(dist.resolve("nodes/ministry"), home);
        if (tls) {
            pki().ministry(home.resolve("etc/tls"));
        }
        HomeFiles.edit(home.resolve("etc/vn.congvu.ministry.cfg"), Map.of("port", Integer.toString(port), "host", BenchPki.HOST,
                "print.stored", "false", "plaintext", Boolean.toString(!tls)));
        HomeFiles.freeHttpPort(home);
        return home;
    }

    /**
     * @param tls mutual TLS with a certificate for the template's province (04) from the run's CA in etc/tls, or
     *            {@code plaintext = true}
     */
    private Path provinceHome(String name, boolean tls) throws IOException, GeneralSecurityException {
        Path home = work.resolve(name);
        HomeFiles.copyTree(dist.resolve("nodes/province"), home);
        Files.createDirectories(home.resolve("deploy"));
        for (String rules : List.of("congvu-rules-caobang.jar", "congvu-rules-national.jar")) {
            Files.copy(dist.resolve("rules").resolve(rules), home.resolve("deploy").resolve(rules));
        }
        // no ministry listens there: the reports wait in the outbox, as the benchmark wants
        HomeFiles.edit(home.resolve("etc/vn.congvu.uplink.cfg"), Map.of("ministry.host", BenchPki.HOST,
                "ministry.port", Integer.toString(freePort()), "plaintext", Boolean.toString(!tls)));
        HomeFiles.freeHttpPort(home);
        if (tls) {
            pki().province(HomeFiles.setting(home.resolve("etc/vn.congvu.engine.cfg"), "province.code"), home.resolve("etc/tls"));
        }
        return home;
    }

    /** @return the run's certificate authority, made in the work folder the first time a benchmark needs it */
    private BenchPki pki() throws IOException, GeneralSecurityException {
        if (pki == null) {
            pki = BenchPki.create(work.resolve("pki"));
        }
        return pki;
    }

    private NodeProcess run(Path home, String name) throws IOException {
        return NodeProcess.start(List.of(dist.resolve("bin/congvu").toString(), "run", home.toString()),
                work.resolve(name + ".log"), null);
    }

    private Map<String, Map<String, String>> execNode(Path home, String name, String javaOptions, String commands,
                                                      String... kinds) throws Exception {
        NodeProcess node = NodeProcess.start(List.of(dist.resolve("bin/congvu").toString(), "exec", home.toString(), commands),
                work.resolve(name + ".log"), javaOptions);
        node.awaitSuccess(3600);
        Map<String, Map<String, String>> results = new HashMap<>();
        for (String kind : kinds) {
            results.put(kind, Results.of(node.results(), kind));
        }
        return results;
    }

    private void exec(List<String> command, String name) throws Exception {
        NodeProcess.start(command, work.resolve(name + ".log"), null).awaitSuccess(600);
    }

    private static double awaitPort(NodeProcess node, int port) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return (System.nanoTime() - node.startedNanos()) / 1e6;
            } catch (IOException notYet) {
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("the ministry did not accept on port " + port + " within 120 s");
    }

    /**
     * @return an unsigned copy of a rule jar with another Bundle-Version (so another checksum), as a new release
     *         would be before it is signed
     */
    private static Path variant(Path jar, Path target, String version) throws IOException {
        try (InputStream file = Files.newInputStream(jar); JarInputStream in = new JarInputStream(file)) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            manifest.getEntries().clear();
            try (OutputStream output = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(output, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    if (entry.getName().matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    // ---- 7. validation of a report at every limit ----------------------------------------------------

    private void validation() throws Exception {
        step("Validation of a report at every limit of reporting.proto, in process");
        byte[] request = ValidationBench.reportAtEveryLimit();
        ValidationBench.Measured bare = ValidationBench.bareParse(request);
        ValidationBench.Measured checked = ValidationBench.validation(request);
        rows.add(new Row("7. Validation of a report at every limit (" + request.length / 1024 + " KiB), time",
                String.format("%.0f ms", checked.medianMillis()), String.format("protobuf parse %.0f ms", bare.medianMillis()),
                ratio(checked.medianMillis() / bare.medianMillis()), "bounded (linear in size)", "-"));
        rows.add(new Row("7. Validation of a report at every limit, allocated", checked.allocatedBytes() / (1024 * 1024) + " MB",
                "protobuf parse " + bare.allocatedBytes() / (1024 * 1024) + " MB",
                ratio((double) checked.allocatedBytes() / bare.allocatedBytes()), "bounded (linear in size)", "-"));
    }

    // ---- output -------------------------------------------------------------------------------------------------------

    private void print(long seconds) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("congvu benchmarks, " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        lines.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memoryTotal() + " memory, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + "; the whole run took " + seconds + " s");
        lines.add("");
        lines.add("| benchmark | figure | baseline (same run) | ratio | target | met |");
        lines.add("|---|---|---|---|---|---|");
        for (Row row : rows) {
            lines.add("| " + String.join(" | ", row.benchmark(), row.figure(), row.baseline(), row.ratio(), row.target(),
                    row.verdict()) + " |");
        }
        if (!notes.isEmpty()) {
            lines.add("");
            notes.forEach(note -> lines.add(note.startsWith("  ") ? "    " + note.trim() : note));
        }
        lines.forEach(System.out::println);
        Files.write(work.resolve("results.md"), lines, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println("(also in " + work.resolve("results.md") + "; node logs beside it)");
    }

    private static void step(String what) {
        System.out.println("== " + what);
        System.out.flush();
    }

    private static String memoryTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return String.format("%.1f GB", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String ms(double millis) {
        return millis >= 10_000 ? String.format("%.1f s", millis / 1000) : String.format("%.0f ms", millis);
    }

    private static String ratio(double ratio) {
        return String.format("%.2f", ratio);
    }

    private static String verdict(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
