package vn.congvu.it;

import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import vn.congvu.engine.ModuleInventory;
import vn.congvu.engine.RecordIntake;
import vn.congvu.modules.RuleBundles;

/**
 * A Cao Bằng node whose deploy/ holds the test-only national rule bundle {@code loadtest.feedback} (signed by the
 * build's demo publisher), for the tests of swaps and of the jars a node refuses.
 */
public abstract class LoadTestNodeSupport extends CongvuTestSupport {

    protected static final String LOADTEST = "vn.congvu.it.rules.loadtest";
    protected static final String MODULE = "loadtest.feedback";

    protected Path work;
    protected Path deploy;
    /** The load-test jar as the build made it. */
    protected Path original;

    /**
     * Starts the node with the load-test bundle in deploy/, waits until its module serves, and imports the records.
     *
     * @param name     what the work folder is for
     * @param feedback the lines of a feedback CSV (its header first)
     * @return the node's rule bundles
     */
    protected RuleBundles startLoadTestNode(String name, List<String> feedback) throws Exception {
        work = workFolder(name);
        deploy = Files.createDirectories(work.resolve("deploy"));
        original = Path.of(System.getProperty("congvu.bundles"), "congvu-it-rules-loadtest.jar");
        Files.copy(original, deploy.resolve("congvu-it-rules-loadtest.jar"));
        configureProvince("04", work.resolve("province-db"), freePort());
        configureRuleBundles(deploy, work.resolve("archive"));
        RuleBundles bundles = service(RuleBundles.class);
        eventually("the load-test module serves", () -> servingVersion().isPresent());
        Path records = Files.write(work.resolve("feedback.csv"), feedback, StandardCharsets.UTF_8);
        assertTrue(service(RecordIntake.class).importFile(records, "feedback").accepted());
        return bundles;
    }

    /** @return the version of the load-test module new evaluations use, if it serves */
    protected Optional<String> servingVersion() {
        try {
            return service(ModuleInventory.class).modules().stream()
                    .filter(module -> module.descriptor().id().equals(MODULE) && module.serving())
                    .map(module -> module.provenance().version()).findFirst();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** @return the load-test bundles installed (two only during a swap) */
    protected List<Bundle> loadTestBundles() {
        return Stream.of(context.getBundles()).filter(bundle -> LOADTEST.equals(bundle.getSymbolicName())).toList();
    }

    /** Records every bundle event of the framework from now on. */
    protected List<String> recordBundleEvents() {
        List<String> events = new CopyOnWriteArrayList<>();
        context.addBundleListener((SynchronousBundleListener) event -> events.add(event.getBundle().getSymbolicName() + " "
                + event.getBundle().getVersion() + " " + eventName(event.getType())));
        return events;
    }

    /** @return the names of the files in deploy/, sorted */
    protected List<String> listDeploy() {
        try (Stream<Path> files = Files.list(deploy)) {
            return files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String eventName(int type) {
        return switch (type) {
            case BundleEvent.INSTALLED -> "INSTALLED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            case BundleEvent.UPDATED -> "UPDATED";
            default -> "EVENT " + type;
        };
    }
}
