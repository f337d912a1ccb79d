package vn.congvu.modules.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.modules.SwapOutcome;

/**
 * Acts on what changed in {@code deploy/}: a jar ready is swapped in (or set aside in {@code deploy/refused/}
 * with its reason, the running version's jar put back), a jar deleted removes its bundle. Called with the
 * manager's swap lock held.
 */
final class DeployTaker {

    private static final Logger LOG = LoggerFactory.getLogger(DeployTaker.class);

    private final DeployFolder deploy;
    private final Swaps swaps;
    private final SwapPlanner planner;
    private final InstalledRuleBundles installed;
    private final SwapArchive archive;

    DeployTaker(DeployFolder deploy, Swaps swaps, SwapPlanner planner, InstalledRuleBundles installed, SwapArchive archive) {
        this.deploy = deploy;
        this.archive = archive;
        this.swaps = swaps;
        this.planner = planner;
        this.installed = installed;
    }

    /** Looks at deploy/ once and acts on what changed; a failure is logged and the next look tries again. */
    void scan() {
        try {
            boolean starting = deploy.starting();
            DeployFolder.Changes changes = deploy.scan();
            take(changes.ready(), starting);
            for (String symbolicName : changes.deleted()) {
                installed.current(symbolicName).ifPresent(bundle -> {
                    LOG.info("The jar of rule bundle {} was deleted from deploy/: removing it", symbolicName);
                    swaps.remove(bundle);
                });
            }
        } catch (RuntimeException e) {
            // a failed look must not end the schedule: the next one tries again
            LOG.error("Looking at the deploy folder failed; trying again", e);
        }
    }

    /**
     * Takes the jars ready in deploy/. Of several jars of one bundle, the one the node ran last comes first
     * (so a restart never loses the running version), then the others in version order, each as an update.
     * The jars in deploy/ when the node starts are taken without a trial on a period: a restart is neither slowed
     * by evaluations nor left without rules; a jar dropped while the node runs is tried first.
     */
    private void take(List<Path> ready, boolean starting) {
        // each jar verified and installed from a private copy: the same bytes, whatever happens in deploy/ meanwhile
        Map<CandidateJar, Path> candidates = new LinkedHashMap<>();
        try {
            for (Path jar : ready) {
                Path staged = null;
                try {
                    staged = archive.stage(jar);
                    candidates.put(CandidateJar.read(staged), jar);
                } catch (CandidateJar.InvalidJarException e) {
                    if (staged != null) {
                        archive.unstage(staged);
                    }
                    deploy.refuse(jar, List.of(e.getMessage()));
                }
            }
            Set<String> ranLast = candidates.keySet().stream().filter(planner::ranLast).map(CandidateJar::sha256)
                    .collect(Collectors.toSet());
            List<CandidateJar> ordered = new ArrayList<>(candidates.keySet());
            ordered.sort(Comparator.comparing((CandidateJar candidate) -> !ranLast.contains(candidate.sha256()))
                    .thenComparing(CandidateJar::version).thenComparing(candidate -> candidates.get(candidate).toFile().lastModified()));
            for (CandidateJar candidate : ordered) {
                take(candidate, candidates.get(candidate), starting);
            }
        } finally {
            candidates.keySet().forEach(candidate -> archive.unstage(candidate.path()));
        }
    }

    private void take(CandidateJar candidate, Path jar, boolean starting) {
        LOG.info("deploy/{}: {} {} ({})", jar.getFileName(), candidate.symbolicName(), candidate.version(), candidate.shortSha());
        SwapOutcome outcome = swaps.swap(candidate, null, !starting);
        if (outcome.plan().refused()) {
            deploy.refuse(jar, outcome.plan().refusals());
            installed.current(candidate.symbolicName()).ifPresent(running -> InstalledRuleBundles.jarOf(running)
                    .ifPresent(runningJar -> deploy.restore(candidate.symbolicName(), running.getVersion().toString(), runningJar)));
        } else {
            deploy.taken(jar, candidate.symbolicName());
        }
    }
}
