package vn.congvu.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import vn.congvu.api.Period;
import vn.congvu.engine.FilingResult;
import vn.congvu.engine.ReportFiling;
import vn.congvu.modules.DryRun;
import vn.congvu.modules.RuleBundle;
import vn.congvu.modules.RuleBundles;
import vn.congvu.modules.SwapOutcome;
import vn.congvu.modules.SwapRecord;

/**
 * Only rule jars signed by a trusted publisher are installed, and only a candidate whose figures would file:
 * every other jar is refused before anything of it is installed, with the reason in words, in the history and
 * (dropped into deploy/) in deploy/refused/, while the running version keeps serving and filing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class SignedRuleJarsIT extends LoadTestNodeSupport {

    private static final String CLASS = "vn/congvu/it/rules/loadtest/FeedbackCount.class";

    @Configuration
    public Option[] configuration() {
        return congvuRuntime();
    }

    /** A Cao Bằng node running the load-test rule bundle, signed by the build's demo publisher, from deploy/. */
    private RuleBundles startProvince() throws Exception {
        List<String> lines = new ArrayList<>(List.of("id,received,resolved,channel"));
        for (int i = 0; i < 100; i++) {
            String day = String.format("2001-03-%02d", 1 + i % 28);
            lines.add(String.format("PAKN-2001-%04d,%s,%s,Cổng dịch vụ công", i, day, i % 5 == 0 ? "" : day));
        }
        return startLoadTestNode("signed", lines);
    }

    @Test
    public void jarsNotSignedByATrustedPublisher_orOlder_areRefusedBeforeInstall_andTheRunningVersionKeepsServing() throws Exception {
        RuleBundles bundles = startProvince();
        Bundle running = loadTestBundles().get(0);
        String version = servingVersion().orElseThrow();
        assertTrue(signer(bundles), signer(bundles).startsWith("CN=congvu demo publisher,"));
        Path signed = trustedPublisher().sign(variant("loadtest-2.0.0.jar", "2.0.0"));
        byte[] changedClass;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(signed.toFile())) {
            changedClass = zip.getInputStream(zip.getEntry(CLASS)).readAllBytes();
        }
        changedClass[changedClass.length - 1] ^= 1;
        TestPublisher stranger = TestPublisher.create(work.resolve("stranger"), "Nhà phát hành lạ");
        TestPublisher expired = TestPublisher.create(work.resolve("expired"), "Sở Nội vụ (hết hạn)", "-400d", 30);
        expired.trustedBy(work.resolve("publishers")); // trusted, but its certificate has expired
        Map<Path, String> refusals = new LinkedHashMap<>();
        refusals.put(variant("loadtest-unsigned.jar", "2.0.0"), "it is not signed; this node installs only rule jars signed");
        refusals.put(RuleJars.tampered(signed, work.resolve("loadtest-class-changed.jar"), CLASS, changedClass),
                "it was changed after it was signed: " + CLASS);
        refusals.put(RuleJars.tampered(signed, work.resolve("loadtest-extra-entry.jar"), "vn/congvu/it/rules/loadtest/Extra.class",
                changedClass), "it holds entries its signature does not cover (added after signing): vn/congvu/it/rules/loadtest/Extra.class");
        refusals.put(stranger.sign(variant("loadtest-stranger.jar", "2.0.0")),
                "it is signed by CN=Nhà phát hành lạ,O=congvu tests,C=VN \\(sha256 [0-9a-f]{12}\\), a publisher this node does not trust");
        refusals.put(expired.sign(variant("loadtest-expired.jar", "2.0.0")), "whose certificate expired on ");
        refusals.put(trustedPublisher().sign(variant("loadtest-0.0.1.jar", "0.0.1")),
                "its version 0.0.1 is lower than the running " + version + "; a lower version is installed only by rolling back");
        List<String> events = recordBundleEvents();

        for (Map.Entry<Path, String> jar : refusals.entrySet()) {
            SwapOutcome outcome = bundles.apply(jar.getKey());
            assertFalse(jar.getKey().toString(), outcome.done());
            assertEquals(jar.getKey() + ": " + outcome.plan().refusals(), 1, outcome.plan().refusals().size());
            assertTrue(jar.getKey() + ": " + outcome.plan().refusals(), says(outcome.plan().refusals().get(0), jar.getValue()));
        }

        // dropped into deploy/: each set aside beside its reason, the running version's jar left in place
        for (Path jar : refusals.keySet()) {
            Files.copy(jar, deploy.resolve(jar.getFileName()));
        }
        for (Map.Entry<Path, String> jar : refusals.entrySet()) {
            Path reason = deploy.resolve("refused").resolve(jar.getKey().getFileName() + ".txt");
            eventually(jar.getKey().getFileName() + " is set aside", () -> Files.exists(reason));
            assertTrue(Files.readString(reason), says(Files.readString(reason), jar.getValue()));
        }
        assertEquals(List.of("congvu-it-rules-loadtest.jar"), listDeploy());
        assertEquals("nothing of them was installed, nothing restarted", List.of(), events);
        assertEquals(List.of(running), loadTestBundles());
        assertEquals(version, servingVersion().orElseThrow());
        assertEquals("every refusal is in the history, twice (by command, then from deploy/)", 2 * refusals.size(),
                refused(bundles).size());
        // a manifest that does not parse is refused as such, and does not stop the folder being looked at
        Path malformed = trustedPublisher().sign(RuleJars.variant(original, work.resolve("loadtest-malformed.jar"),
                Map.of("Bundle-Version", "2.0.0", "Import-Package", "vn.congvu.api;version=\"abc\""), Map.of()));
        Files.copy(malformed, deploy.resolve(malformed.getFileName()));
        Path malformedReason = deploy.resolve("refused").resolve("loadtest-malformed.jar.txt");
        eventually("the malformed jar is set aside", () -> Files.exists(malformedReason));
        assertTrue(Files.readString(malformedReason), Files.readString(malformedReason).contains(
                "loadtest-malformed.jar has a manifest that cannot be read"));
        FilingResult filed = service(ReportFiling.class).file(Period.parse("2001-M03"));
        assertTrue(filed.problems().toString(), filed.filed());
        assertEquals(version, filed.report().get().modules().get(0).version());

        // the jar signed by the trusted publisher, untouched, is taken
        assertTrue(bundles.apply(signed).done());
        eventually("2.0.0 serves", () -> servingVersion().equals(Optional.of("2.0.0")));
        assertTrue(signer(bundles), signer(bundles).startsWith("CN=congvu test publisher,O=congvu tests,C=VN (sha256 "));
    }

    @Test
    public void aVersionWhoseFiguresFailTheCatalogCheck_wouldNotFile_andUpdateRefusesIt() throws Exception {
        RuleBundles bundles = startProvince();
        String version = servingVersion().orElseThrow();
        // 50 fewer received than counted: 50 received, 80 resolved in March 2001, and a negative count in a year without records
        Path candidate = trustedPublisher().sign(RuleJars.variant(original, work.resolve("loadtest-6.0.0.jar"),
                Map.of("Bundle-Version", "6.0.0"), Map.of("loadtest-rule.properties", "received.extra = -50\n")));

        DryRun run = bundles.dryRun(candidate, Period.parse("2001"));

        assertFalse(run.wouldFile());
        assertEquals(List.of(), run.installedProblems());
        assertTrue(run.candidateProblems().toString(), run.candidateProblems().stream()
                .anyMatch(problem -> problem.contains("feedback.resolved") && problem.contains("feedback.received")));
        assertTrue("the candidate's figures are shown though it would not file: " + run.changes(), run.changes().stream()
                .anyMatch(figure -> figure.code().equals("feedback.received") && figure.candidate() != null
                        && figure.candidate().intValueExact() == 50 && figure.installed().intValueExact() == 100));

        // the node filed 2001: an update is tried on that period, with the node's own records, before it is installed
        assertTrue(service(ReportFiling.class).file(Period.parse("2001")).filed());
        SwapOutcome update = bundles.apply(candidate);
        assertFalse(update.done());
        assertEquals(run.candidateProblems().stream().map(problem -> "tried on 2001, it would not file: " + problem).toList(),
                update.plan().refusals());
        assertEquals(version, servingVersion().orElseThrow());
        SwapRecord last = bundles.history().get(bundles.history().size() - 1);
        assertFalse(last.done());
        assertEquals("6.0.0", last.toVersion());
        assertTrue(last.note(), last.note().contains("it would not file"));
        assertTrue(service(ReportFiling.class).file(Period.parse("2001-M03")).filed());
    }

    @Test
    public void theDevelopmentSetting_takesAnUnsignedJar_andSaysSo_butStillRefusesAChangedOne() throws Exception {
        startProvince();
        Path unsigned = variant("loadtest-3.0.0-unsigned.jar", "3.0.0");
        Path signed = trustedPublisher().sign(variant("loadtest-4.0.0.jar", "4.0.0"));
        byte[] content;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(signed.toFile())) {
            content = zip.getInputStream(zip.getEntry(CLASS)).readAllBytes();
        }
        content[content.length - 1] ^= 1;
        Path changed = RuleJars.tampered(signed, work.resolve("loadtest-4.0.0-changed.jar"), CLASS, content);

        configureRuleBundles(deploy, work.resolve("archive"), true);
        eventually("the manager runs with allow.unsigned = true", () -> {
            try {
                return service(RuleBundles.class).plan(unsigned).notes().stream().anyMatch(note -> note.startsWith("UNSIGNED"));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        RuleBundles bundles = service(RuleBundles.class);

        SwapOutcome refused = bundles.apply(changed);
        assertFalse("a signature that does not match is no development convenience", refused.done());
        assertTrue(refused.plan().refusals().toString(), refused.plan().refusals().get(0).startsWith("it was changed after it was signed"));
        SwapOutcome taken = bundles.apply(unsigned);
        assertTrue(taken.plan().refusals().toString(), taken.done());
        assertEquals("unsigned", taken.plan().signer());
        assertTrue(taken.plan().notes().toString(), taken.plan().notes().get(0).contains("allow.unsigned = true"));
        eventually("3.0.0 serves", () -> servingVersion().equals(Optional.of("3.0.0")));
        assertEquals("unsigned", signer(bundles));
        SwapRecord last = bundles.history().get(bundles.history().size() - 1);
        assertTrue(last.note(), last.done() && last.note().endsWith("signed by unsigned"));
    }

    /** @return whether the text holds the expected words (a regular expression where the test needs one) */
    private static boolean says(String text, String expected) {
        return text.contains(expected) || java.util.regex.Pattern.compile(expected).matcher(text).find();
    }

    private Path variant(String name, String version) throws java.io.IOException {
        return RuleJars.variant(original, work.resolve(name), Map.of("Bundle-Version", version), Map.of());
    }

    private static String signer(RuleBundles bundles) {
        return bundles.installed().stream().filter(bundle -> bundle.symbolicName().equals(LOADTEST)).map(RuleBundle::signer)
                .findFirst().orElse("(not installed)");
    }

    private static List<String> refused(RuleBundles bundles) {
        return bundles.history().stream().filter(swap -> !swap.done()).map(SwapRecord::note).toList();
    }
}
