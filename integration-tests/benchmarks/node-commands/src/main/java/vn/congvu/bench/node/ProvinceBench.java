package vn.congvu.bench.node;

import com.google.gson.stream.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.engine.CandidateModules;
import vn.congvu.engine.Evaluation;
import vn.congvu.engine.FilingResult;
import vn.congvu.engine.ImportResult;
import vn.congvu.engine.InstalledModuleInfo;
import vn.congvu.engine.ModuleInventory;
import vn.congvu.engine.RecordIntake;
import vn.congvu.engine.ReportFiling;
import vn.congvu.modules.RuleBundles;
import vn.congvu.modules.SwapOutcome;

/**
 * Province benchmarks, timed inside the node against its real services: {@code bench:parse},
 * {@code bench:province} and {@code bench:swap}. Each prints one {@code RESULT} line the harness reads.
 */
@Component(service = ProvinceBench.class, property = {"osgi.command.scope=bench", "osgi.command.function=parse",
        "osgi.command.function=province", "osgi.command.function=swap"})
public class ProvinceBench {

    private final RecordIntake intake;
    private final ReportFiling filing;
    private final ModuleInventory inventory;
    private final RuleBundles bundles;
    private final BundleContext context;

    /**
     * @param intake    the record intake
     * @param filing    the engine
     * @param inventory the modules serving
     * @param bundles   the rule bundle manager
     * @param context   to update a bundle the naive way, for the baseline
     */
    @Activate
    public ProvinceBench(@Reference RecordIntake intake, @Reference ReportFiling filing, @Reference ModuleInventory inventory,
                         @Reference RuleBundles bundles, BundleContext context) {
        this.intake = intake;
        this.filing = filing;
        this.inventory = inventory;
        this.bundles = bundles;
        this.context = context;
    }

    /**
     * The baseline of {@code bench:province}: reads every file of the folder, splits each CSV line into
     * its fields and each JSON object into its members, and discards them.
     *
     * @param folder record files named after their record type
     * @return {@code RESULT parse records=... millis=...}
     */
    public String parse(String folder) {
        long started = System.nanoTime();
        long[] counts = new long[2];
        for (Path file : files(folder)) {
            if (file.toString().endsWith(".json")) {
                parseJson(file, counts);
            } else {
                parseCsv(file, counts);
            }
        }
        return String.format("RESULT parse records=%d fields=%d millis=%d", counts[0], counts[1], millis(started));
    }

    /** Adds the file's records and fields to counts[0] and counts[1]. */
    private static void parseCsv(Path file, long[] counts) {
        long rows = 0;
        long fields = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                boolean quoted = false;
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        quoted = !quoted;
                    } else if (c == ',' && !quoted) {
                        fields++;
                    }
                }
                fields++;
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counts[0] += rows;
        counts[1] += fields;
    }

    private static void parseJson(Path file, long[] counts) {
        long rows = 0;
        long fields = 0;
        try (JsonReader reader = new JsonReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            reader.beginArray();
            while (reader.hasNext()) {
                reader.beginObject();
                while (reader.hasNext()) {
                    reader.nextName();
                    reader.skipValue();
                    fields++;
                }
                reader.endObject();
                rows++;
            }
            reader.endArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counts[0] += rows;
        counts[1] += fields;
    }

    /**
     * Imports every file of the folder through the node's intake, then evaluates the period with every
     * installed rule module and files the report.
     *
     * @param period the period
     * @param folder record files named after their record type
     * @return {@code RESULT province records=... intakeMillis=... evaluateMillis=... peakHeapMb=... rssMb=... maxHeapMb=...}
     */
    public String province(String period, String folder) {
        Measures.resetHeapPeak();
        long started = System.nanoTime();
        long records = 0;
        for (Path file : files(folder)) {
            String name = file.getFileName().toString();
            ImportResult result = intake.importFile(file, name.substring(0, name.lastIndexOf('.')));
            if (!result.accepted()) {
                throw new IllegalStateException(file + " refused: " + result.errors().subList(0, Math.min(3, result.errors().size())));
            }
            records += result.records();
        }
        long intakeMillis = millis(started);
        long evaluating = System.nanoTime();
        FilingResult filed = filing.file(Period.parse(period));
        if (!filed.filed()) {
            throw new IllegalStateException("nothing filed: " + filed.problems());
        }
        return String.format("RESULT province records=%d intakeMillis=%d evaluateMillis=%d modules=%d peakHeapMb=%d rssMb=%d "
                        + "maxHeapMb=%d", records, intakeMillis, millis(evaluating), filed.modules().size(), Measures.heapPeakMb(),
                Measures.rssMb(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /**
     * Swaps a rule bundle back and forth under continuous evaluation: first through the rule bundle
     * manager (update, then rollbacks), then, as the baseline, the naive way (update in place and
     * refresh). Measures from the command to the new version serving, and counts the evaluations that
     * failed or missed a module.
     *
     * @param candidateJar the other version's jar
     * @param swaps        how many swaps of each kind
     * @param period       the period evaluated meanwhile
     * @return {@code RESULT swap ...}
     */
    public String swap(String candidateJar, int swaps, String period) throws Exception {
        Period evaluated = Period.parse(period);
        String symbolicName = bundles.plan(Path.of(candidateJar)).symbolicName();
        List<String> expectedModules = filing.evaluate(evaluated, new CandidateModules(symbolicName, "", "", List.of()))
                .report().orElseThrow().modules().stream().map(ModuleProvenance::moduleId).sorted().toList();
        String moduleId = inventory.modules().stream().filter(module -> module.bundle().equals(symbolicName))
                .map(module -> module.descriptor().id()).findFirst().orElseThrow();
        String firstVersion = servingVersion(moduleId);
        String otherVersion = bundles.plan(Path.of(candidateJar)).toVersion();

        // the first update, untimed: it tries the candidate on a period first (evaluations of its own); every
        // timed swap after it is a rollback to the other version, which is the same swap without that trial
        SwapOutcome first = bundles.apply(Path.of(candidateJar));
        if (!first.done()) {
            throw new IllegalStateException("the update was refused: " + first.plan().refusals());
        }
        Load load = new Load(evaluated, expectedModules);
        load.start();
        List<Long> managed = new ArrayList<>();
        long managedFailures;
        try {
            for (int swap = 0; swap < swaps; swap++) {
                String target = swap % 2 == 0 ? firstVersion : otherVersion;
                load.awaitEvaluations(3);
                long started = System.nanoTime();
                Thread serving = watchFor(moduleId, target, started, managed);
                SwapOutcome outcome = bundles.rollback(symbolicName);
                if (!outcome.done()) {
                    throw new IllegalStateException("swap " + swap + " refused: " + outcome.plan().refusals());
                }
                serving.join();
            }
            load.awaitEvaluations(3);
            managedFailures = load.failures.getAndSet(0);
        } finally {
            load.stop();
        }
        long managedEvaluations = load.evaluations.get();

        // the baseline: update the bundle in place and refresh it, as a plain OSGi shell would
        Load naiveLoad = new Load(evaluated, expectedModules);
        naiveLoad.start();
        List<Long> naive = new ArrayList<>();
        try {
            Bundle bundle = inventory.modules().stream().filter(module -> module.descriptor().id().equals(moduleId))
                    .map(module -> context.getBundle(module.bundleId())).findFirst().orElseThrow();
            Path firstJar = Path.of(java.net.URI.create(bundle.getLocation()));
            String servingNow = servingVersion(moduleId);
            for (int swap = 0; swap < swaps; swap++) {
                boolean toOther = servingNow.equals(firstVersion);
                String target = toOther ? otherVersion : firstVersion;
                naiveLoad.awaitEvaluations(3);
                long started = System.nanoTime();
                Thread serving = watchFor(moduleId, target, started, naive);
                try (InputStream in = Files.newInputStream(toOther ? Path.of(candidateJar) : firstJar)) {
                    bundle.update(in);
                }
                refresh(bundle);
                serving.join();
                servingNow = target;
            }
            naiveLoad.awaitEvaluations(3);
        } finally {
            naiveLoad.stop();
        }
        return String.format("RESULT swap swaps=%d managedMedianMillis=%.1f managedMaxMillis=%.1f managedFailed=%d "
                        + "managedEvaluations=%d naiveMedianMillis=%.1f naiveMaxMillis=%.1f naiveFailed=%d naiveEvaluations=%d",
                swaps, median(managed), max(managed), managedFailures, managedEvaluations, median(naive), max(naive),
                naiveLoad.failures.get(), naiveLoad.evaluations.get());
    }

    /** Evaluations run back to back on two threads; one failed when it gave no report or missed a module. */
    private final class Load {
        private final Period period;
        private final List<String> expectedModules;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong evaluations = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final List<Thread> threads = new ArrayList<>();

        Load(Period period, List<String> expectedModules) {
            this.period = period;
            this.expectedModules = expectedModules;
        }

        void start() {
            for (int t = 0; t < 2; t++) {
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        try {
                            Evaluation evaluation = filing.evaluate(period, new CandidateModules("", "", "", List.of()));
                            List<String> modules = evaluation.report().map(report -> report.modules().stream()
                                    .map(ModuleProvenance::moduleId).sorted().toList()).orElse(List.of());
                            if (!modules.equals(expectedModules)) {
                                failures.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                        synchronized (evaluations) {
                            evaluations.incrementAndGet();
                            evaluations.notifyAll();
                        }
                    }
                }, "bench-evaluator-" + t);
                thread.start();
                threads.add(thread);
            }
        }

        void awaitEvaluations(int more) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            synchronized (evaluations) {
                long target = evaluations.get() + more;
                while (evaluations.get() < target) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IllegalStateException("the evaluations stalled for 120 s");
                    }
                    evaluations.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    private Thread watchFor(String moduleId, String version, long started, List<Long> times) {
        CountDownLatch watching = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            watching.countDown();
            long deadline = started + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (version.equals(servingVersion(moduleId))) {
                    synchronized (times) {
                        times.add(System.nanoTime() - started);
                    }
                    return;
                }
                LockSupport.parkNanos(100_000);
            }
        }, "bench-swap-watcher");
        watcher.start();
        try {
            watching.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return watcher;
    }

    private String servingVersion(String moduleId) {
        return inventory.modules().stream().filter(module -> module.descriptor().id().equals(moduleId) && module.serving())
                .map(InstalledModuleInfo::provenance).map(ModuleProvenance::version).findFirst().orElse("");
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle),
                event -> {
                    if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                        refreshed.countDown();
                    }
                });
        refreshed.await(60, TimeUnit.SECONDS);
    }

    private static List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static long millis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static double median(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static double max(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(-1) / 1e6;
    }
}
