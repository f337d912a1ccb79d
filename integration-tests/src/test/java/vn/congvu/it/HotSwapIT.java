package vn.congvu.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.rule.RuleModule;
import vn.congvu.engine.FilingResult;
import vn.congvu.engine.InstalledModuleInfo;
import vn.congvu.engine.ModuleInventory;
import vn.congvu.engine.ReportFiling;
import vn.congvu.modules.DryRun;
import vn.congvu.modules.FigureComparison;
import vn.congvu.modules.RuleBundles;
import vn.congvu.modules.SwapAction;
import vn.congvu.modules.SwapOutcome;
import vn.congvu.modules.SwapRecord;

/**
 * Rule bundles swapped while a province node evaluates: updates and rollbacks under continuous load,
 * refused jars, the class loaders of retired versions, dry runs and the deploy folder. The subject is the
 * test-only national module {@code loadtest.feedback}, installed through deploy/ as on a real node.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class HotSwapIT extends LoadTestNodeSupport {

    private static final int FEEDBACK_PER_MONTH = 250;

    @Configuration
    public Option[] configuration() {
        return congvuRuntime();
    }

    /** A Cao Bằng node whose deploy/ holds the load-test rule bundle, with a year of feedback records (2001). */
    private RuleBundles startProvince() throws Exception {
        List<String> lines = new ArrayList<>(List.of("id,received,resolved,channel"));
        for (int month = 1; month <= 12; month++) {
            for (int i = 0; i < FEEDBACK_PER_MONTH; i++) {
                String day = String.format("2001-%02d-%02d", month, 1 + i % 28);
                lines.add(String.format("PAKN-2001-%02d-%04d,%s,%s,Cổng dịch vụ công", month, i, day, i % 5 == 0 ? "" : day));
            }
        }
        return startLoadTestNode("hotswap", lines);
    }

    @Test
    public void evaluationsRunThroughRepeatedUpdatesAndRollbacks_withoutAFailure() throws Exception {
        RuleBundles bundles = startProvince();
        ReportFiling filing = service(ReportFiling.class);
        String v1 = RuleJars.version(original);
        Path v2Jar = trustedPublisher().sign(RuleJars.variant(original, work.resolve("loadtest-2.0.0.jar"), Map.of("Bundle-Version", "2.0.0"), Map.of()));
        // the version serving after each swap: an update, then rollbacks, each going back to the other version
        List<String> serving = List.of(v1, "2.0.0", v1, "2.0.0", v1, "2.0.0", v1);
        AtomicInteger swapsDone = new AtomicInteger();
        AtomicInteger evaluations = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> events = recordBundleEvents();

        List<Thread> evaluators = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t * 6;
            Thread evaluator = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    Period period = Period.parse(String.format("2001-M%02d", 1 + (offset + i) % 12));
                    int before = swapsDone.get();
                    FilingResult result;
                    try {
                        result = filing.file(period);
                    } catch (RuntimeException e) {
                        failures.add(period + ": " + e);
                        continue;
                    }
                    int after = swapsDone.get();
                    if (!result.filed()) {
                        failures.add(period + ": " + result.problems());
                        continue;
                    }
                    String version = result.report().get().modules().stream().filter(module -> module.moduleId().equals(MODULE))
                            .map(ModuleProvenance::version).findFirst().orElse("none");
                    // the version serving when the evaluation started, or one swapped in while it ran
                    List<String> possible = serving.subList(before, Math.min(after + 2, serving.size()));
                    if (!possible.contains(version)) {
                        failures.add(period + " computed by " + version + ", which did not serve between swaps "
                                + before + " and " + after);
                    }
                    evaluations.incrementAndGet();
                }
            }, "evaluator-" + t);
            evaluator.start();
            evaluators.add(evaluator);
        }
        try {
            for (int swap = 1; swap < serving.size(); swap++) {
                int seen = evaluations.get();
                eventually("evaluations run before the next swap", () -> evaluations.get() >= seen + 4);
                SwapOutcome outcome = swap == 1 ? bundles.apply(v2Jar) : bundles.rollback(MODULE);
                assertTrue("swap " + swap + " done: " + outcome.plan().refusals(), outcome.done());
                swapsDone.incrementAndGet();
                assertEquals(serving.get(swap), servingVersion().orElseThrow());
            }
            int seen = evaluations.get();
            eventually("evaluations run after the last swap", () -> evaluations.get() >= seen + 4);
        } finally {
            running.set(false);
            for (Thread evaluator : evaluators) {
                evaluator.join(60_000);
            }
        }

        assertEquals("failed evaluations", List.of(), failures);
        assertTrue("evaluations ran: " + evaluations.get(), evaluations.get() >= 4 * serving.size());
        List<String> others = events.stream().filter(event -> !event.startsWith(LOADTEST + " ")).toList();
        assertEquals("bundle events of bundles other than the swapped one", List.of(), others);
        assertEquals("a new version installed per swap: " + events, serving.size() - 1,
                events.stream().filter(event -> event.endsWith(" INSTALLED")).count());
        assertEquals("the old version uninstalled per swap: " + events, serving.size() - 1,
                events.stream().filter(event -> event.endsWith(" UNINSTALLED")).count());
        assertEquals(1, loadTestBundles().size());
        assertEquals(serving.size() - 1, bundles.history().stream().filter(SwapRecord::done).count() - 1);
        assertEquals("deploy/ holds the running version's jar alone", List.of(LOADTEST + "-" + v1 + ".jar"), listDeploy());
    }

    @Test
    public void brokenAndIncompatibleJars_areRefusedInPlainWords_andTheRunningVersionKeepsServing() throws Exception {
        RuleBundles bundles = startProvince();
        Bundle running = loadTestBundles().get(0);
        String version = servingVersion().orElseThrow();
        Path broken = trustedPublisher().sign(RuleJars.variant(original, work.resolve("loadtest-broken.jar"), Map.of("Bundle-Version", "3.0.0",
                "Import-Package", "vn.congvu.api;version=\"[1.0,2)\",com.example.pdf;version=\"[1.2,2)\""), Map.of()));
        Path incompatible = trustedPublisher().sign(RuleJars.variant(original, work.resolve("loadtest-api2.jar"), Map.of("Bundle-Version", "4.0.0",
                "Import-Package", "vn.congvu.api;version=\"[2.0,3)\",vn.congvu.api.rule;version=\"[2.0,3)\","
                        + "vn.congvu.api.record;version=\"[2.0,3)\""), Map.of()));
        List<String> events = recordBundleEvents();

        SwapOutcome refusedBroken = bundles.apply(broken);
        assertFalse(refusedBroken.done());
        assertEquals(List.of("it needs the package com.example.pdf, which no bundle on this node provides"),
                refusedBroken.plan().refusals());
        SwapOutcome refusedIncompatible = bundles.apply(incompatible);
        assertFalse(refusedIncompatible.done());
        assertEquals(1, refusedIncompatible.plan().refusals().size());
        String reason = refusedIncompatible.plan().refusals().get(0);
        assertTrue(reason, reason.startsWith("it was built for another version of the congvu api: it accepts only api versions "
                + "[2.0.0,3.0.0) (vn.congvu.api, vn.congvu.api.record, vn.congvu.api.rule), and this node runs api 1.0.0"));

        assertEquals("nothing was installed, nothing restarted", List.of(), events);
        assertEquals(List.of(running), loadTestBundles());
        assertEquals(Bundle.ACTIVE, running.getState());
        assertEquals(version, servingVersion().orElseThrow());
        FilingResult filed = service(ReportFiling.class).file(Period.parse("2001-M03"));
        assertTrue(filed.problems().toString(), filed.filed());
        assertEquals(version, filed.report().get().modules().get(0).version());
        assertEquals(2, bundles.history().stream().filter(swap -> !swap.done()).count());

        // the same jar dropped into deploy/ is refused there too, and set aside with its reason
        Files.copy(broken, deploy.resolve("loadtest-broken.jar"));
        Path reasonFile = deploy.resolve("refused").resolve("loadtest-broken.jar.txt");
        eventually("the broken jar is set aside", () -> Files.exists(reasonFile));
        assertTrue(Files.readString(reasonFile).contains("com.example.pdf"));
        assertFalse(Files.exists(deploy.resolve("loadtest-broken.jar")));
        assertTrue(Files.exists(deploy.resolve("congvu-it-rules-loadtest.jar")));
        assertEquals(List.of(running), loadTestBundles());
    }

    @Test
    public void afterManySwaps_theRetiredVersionsClassLoadersAreReleased() throws Exception {
        RuleBundles bundles = startProvince();
        ReportFiling filing = service(ReportFiling.class);
        Path v2Jar = trustedPublisher().sign(RuleJars.variant(original, work.resolve("loadtest-2.0.0.jar"), Map.of("Bundle-Version", "2.0.0"), Map.of()));
        List<WeakReference<ClassLoader>> retired = new ArrayList<>();
        int swaps = 20;
        for (int swap = 0; swap < swaps; swap++) {
            retired.add(new WeakReference<>(moduleClassLoader()));
            assertTrue(filing.file(Period.parse("2001-M0" + (1 + swap % 9))).filed());
            SwapOutcome outcome = swap == 0 ? bundles.apply(v2Jar) : bundles.rollback(LOADTEST);
            assertTrue(outcome.plan().refusals().toString(), outcome.done());
        }
        assertTrue(filing.file(Period.parse("2001-M12")).filed());
        WeakReference<ClassLoader> serving = new WeakReference<>(moduleClassLoader());

        for (int attempt = 0; attempt < 50 && retired.stream().anyMatch(loader -> loader.get() != null); attempt++) {
            System.gc();
            Thread.sleep(100);
        }
        long leaked = retired.stream().filter(loader -> loader.get() != null).count();
        assertEquals("class loaders of retired versions still reachable, of " + swaps, 0, leaked);
        assertTrue("the serving version's class loader is in use", serving.get() != null);
    }

    /** @return the class loader of the serving load-test module (the test keeps no other reference to it) */
    private ClassLoader moduleClassLoader() throws Exception {
        long bundleId = service(ModuleInventory.class).modules().stream()
                .filter(module -> module.descriptor().id().equals(MODULE) && module.serving())
                .mapToLong(InstalledModuleInfo::bundleId).findFirst().orElseThrow();
        for (ServiceReference<RuleModule> reference : context.getServiceReferences(RuleModule.class, null)) {
            if (reference.getBundle().getBundleId() == bundleId) {
                try {
                    return context.getService(reference).getClass().getClassLoader();
                } finally {
                    context.ungetService(reference);
                }
            }
        }
        throw new AssertionError("no load-test module service from bundle " + bundleId);
    }

    @Test
    public void dryRun_comparesACandidateWithTheInstalledVersion_withoutInstallingIt() throws Exception {
        RuleBundles bundles = startProvince();
        String version = servingVersion().orElseThrow();
        Path candidate = trustedPublisher().sign(RuleJars.variant(original, work.resolve("loadtest-5.0.0.jar"), Map.of("Bundle-Version", "5.0.0"),
                Map.of("loadtest-rule.properties", "received.extra = 7\n")));
        List<String> events = recordBundleEvents();

        DryRun run = bundles.dryRun(candidate, Period.parse("2001-Q1"));

        assertEquals(List.of(), run.candidateProblems());
        assertTrue(run.wouldFile());
        assertEquals(version, run.installedVersion());
        assertEquals("5.0.0", run.candidateVersion());
        long received = 3L * FEEDBACK_PER_MONTH;
        long resolved = 3L * (FEEDBACK_PER_MONTH - FEEDBACK_PER_MONTH / 5);
        assertEquals(List.of(new FigureComparison("feedback.received", "total", java.math.BigDecimal.valueOf(received),
                java.math.BigDecimal.valueOf(received + 7))), run.changes());
        assertEquals(List.of(new FigureComparison("feedback.resolved", "total", java.math.BigDecimal.valueOf(resolved),
                java.math.BigDecimal.valueOf(resolved))), run.figures().stream().filter(figure -> !figure.changed()).toList());
        assertEquals("the candidate was never installed", List.of(), events);
        assertEquals(version, servingVersion().orElseThrow());
        assertEquals("only the first install is in the history", 1, bundles.history().size());
    }

    @Test
    public void aJarDroppedIntoDeploy_updatesTheBundle_andDeletingItRemovesTheBundle() throws Exception {
        RuleBundles bundles = startProvince();
        Path v2Jar = trustedPublisher().sign(RuleJars.variant(original, work.resolve("loadtest-2.0.0.jar"), Map.of("Bundle-Version", "2.0.0"), Map.of()));
        List<String> events = recordBundleEvents();

        Files.copy(v2Jar, deploy.resolve("loadtest-2.0.0.jar"));
        eventually("version 2.0.0 serves", () -> servingVersion().equals(java.util.Optional.of("2.0.0")));
        eventually("deploy/ holds only the running jar", () -> listDeploy().equals(List.of("loadtest-2.0.0.jar")));
        assertEquals(1, loadTestBundles().size());
        eventually("the update is in the history", () -> "2.0.0".equals(lastSwap(bundles).toVersion()));

        Files.delete(deploy.resolve("loadtest-2.0.0.jar"));
        eventually("the module is gone", () -> servingVersion().isEmpty());
        // a swap is written to the history once it is done, a moment after the module serves or leaves
        eventually("the removal is in the history",
                () -> lastSwap(bundles).action() == SwapAction.REMOVE);
        assertEquals(List.of(), loadTestBundles());
        assertTrue(events.stream().allMatch(event -> event.startsWith(LOADTEST + " ")));
        assertTrue(Files.exists(work.resolve("archive").resolve(LOADTEST).resolve("2.0.0-"
                + bundles.history().get(bundles.history().size() - 2).toSha256().substring(0, 12) + ".jar")));
    }

    private static SwapRecord lastSwap(RuleBundles bundles) {
        List<SwapRecord> history = bundles.history();
        return history.get(history.size() - 1);
    }

    @Test
    public void aBundleInstalledByOtherMeans_isKeptWhenSwapped_soTheSwapCanBeRolledBack() throws Exception {
        RuleBundles bundles = startProvince();
        Bundle installedByPaxExam = bundle("vn.congvu.rules.caobang");
        String version = installedByPaxExam.getVersion().toString();
        Path jar = Path.of(System.getProperty("congvu.bundles"), "congvu-rules-caobang.jar");
        Path next = trustedPublisher().sign(RuleJars.variant(jar, work.resolve("caobang-7.0.0.jar"), Map.of("Bundle-Version", "7.0.0"), Map.of()));

        assertTrue(bundles.apply(next).done());
        eventually("Cao Bằng 7.0.0 serves", () -> caoBangVersion().equals("7.0.0"));
        SwapOutcome back = bundles.rollback("caobang.dossier-timeliness");

        assertTrue(back.plan().refusals().toString(), back.done());
        assertEquals(version, back.plan().toVersion());
        eventually("the first version serves again", () -> caoBangVersion().equals(version));
        assertEquals(Bundle.UNINSTALLED, installedByPaxExam.getState());
    }

    private String caoBangVersion() {
        try {
            return service(ModuleInventory.class).modules().stream()
                    .filter(module -> module.descriptor().id().equals("caobang.dossier-timeliness") && module.serving())
                    .map(module -> module.provenance().version()).findFirst().orElse("");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
