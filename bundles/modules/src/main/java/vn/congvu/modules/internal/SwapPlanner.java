package vn.congvu.modules.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.modules.SwapAction;
import vn.congvu.modules.SwapPlan;
import vn.congvu.modules.SwapRecord;

/**
 * Works out what a swap to a candidate jar would do and whether it may: its signature (only jars signed by a
 * trusted publisher, unless the development setting allows unsigned ones), its version (never lower than the
 * running one, except by rolling back), its compatibility with the node's packages, and a trial of its
 * figures against the catalog check.
 */
final class SwapPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(SwapPlanner.class);
    static final String UNSIGNED = "unsigned";

    private final InstalledRuleBundles installed;
    private final WiringDiagnostics wiring;
    private final SwapArchive archive;
    private final PublisherTrust trust;
    private final boolean allowUnsigned;
    private final CatalogTrial trial;
    private final Clock clock;

    SwapPlanner(InstalledRuleBundles installed, WiringDiagnostics wiring, SwapArchive archive, PublisherTrust trust,
                boolean allowUnsigned, CatalogTrial trial, Clock clock) {
        this.installed = installed;
        this.wiring = wiring;
        this.archive = archive;
        this.trust = trust;
        this.allowUnsigned = allowUnsigned;
        this.trial = trial;
        this.clock = clock;
    }

    /**
     * @param candidate the jar
     * @param requested the action asked for (install or update: refused when the node's state says the other),
     *                  or null to install or update as the node's state says
     * @param tryFirst  whether to try the candidate's figures on a period before accepting it (not for a jar the
     *                  node ran before, as at a restart or a rollback)
     * @return the plan, with every reason to refuse it
     */
    SwapPlan plan(CandidateJar candidate, SwapAction requested, boolean tryFirst) {
        Optional<Bundle> current = installed.current(candidate.symbolicName());
        SwapAction action = requested == SwapAction.ROLLBACK ? requested
                : current.isPresent() ? SwapAction.UPDATE : SwapAction.INSTALL;
        String fromVersion = current.map(bundle -> bundle.getVersion().toString()).orElse(null);
        List<String> refusals = new ArrayList<>();
        if (requested == SwapAction.INSTALL && action == SwapAction.UPDATE) {
            refusals.add(candidate.symbolicName() + " is already installed (" + fromVersion + "): use congvu:update");
        } else if (requested == SwapAction.UPDATE && action == SwapAction.INSTALL) {
            refusals.add(candidate.symbolicName() + " is not installed: use congvu:install");
        }
        List<String> notes = new ArrayList<>();
        Signature signature = signature(candidate);
        String signer = signature.signer();
        notes.addAll(signature.notes());
        refusals.addAll(signature.refusals());
        if (action != SwapAction.ROLLBACK) {
            // the version running, or (none running: a restart, a restore) the version this node ran last
            Optional<String> newest = current.isPresent() ? Optional.of(fromVersion)
                    : archive.lastDone(candidate.symbolicName()).map(SwapRecord::toVersion);
            if (newest.isPresent() && candidate.version().compareTo(Version.parseVersion(newest.get())) < 0) {
                refusals.add("its version " + candidate.version() + " is lower than the " + (current.isPresent() ? "running "
                        : "last run ") + newest.get() + "; a lower version is installed only by rolling back (congvu:rollback "
                        + candidate.symbolicName() + ")");
            }
        }
        refusals.addAll(Compatibility.problems(candidate, wiring.exports()));
        boolean alreadyRunning = current.map(installed::checksum).map(candidate.sha256()::equals).orElse(false);
        if (refusals.isEmpty() && tryFirst && !alreadyRunning) {
            CatalogTrial.Outcome tried = trial.trial(candidate, fromVersion);
            notes.addAll(tried.notes());
            refusals.addAll(tried.refusals());
        }
        return new SwapPlan(action, candidate.symbolicName(), fromVersion, current.map(installed::checksum).orElse(null),
                candidate.version().toString(), candidate.sha256(), signer, current.map(wiring::dependants).orElse(List.of()),
                notes, refusals);
    }

    /**
     * Whether the node may run the jar's code at all, by its signature.
     *
     * @param signer   who signed it, as verified; {@value #UNSIGNED} when taken unsigned; null when refused
     * @param notes    what the operator should know (an unsigned jar taken)
     * @param refusals why its signature is not accepted; empty when it is
     */
    record Signature(String signer, List<String> notes, List<String> refusals) {
        boolean accepted() {
            return refusals.isEmpty();
        }
    }

    /**
     * @param candidate the jar
     * @return whether its signature lets it run here, and who signed it
     */
    Signature signature(CandidateJar candidate) {
        // this very jar's swaps that were done here, from one read of the history
        List<SwapRecord> ranHere = archive.history().stream()
                .filter(swap -> swap.done() && candidate.sha256().equals(swap.toSha256())).toList();
        JarSignatures.Verdict verdict = JarSignatures.verify(candidate.path(), trust.read(), clock.instant(), !ranHere.isEmpty());
        // a release that did not check signatures wrote no signer into its history lines (every swap since says
        // who signed, "unsigned" included)
        if (verdict.unsigned() && ranHere.stream().anyMatch(swap -> !swap.note().contains("signed by"))) {
            // installed by a release that did not yet require signatures: refusing it now would stop the node's rules
            LOG.warn("Rule jar {} {} is unsigned; taken because this node ran it before signatures were required."
                    + " Install a signed version", candidate.symbolicName(), candidate.version());
            return new Signature(UNSIGNED, List.of("UNSIGNED: this very jar ran on this node before signatures were required;"
                    + " a new version must be signed"), List.of());
        }
        if (verdict.unsigned() && allowUnsigned) {
            LOG.warn("UNSIGNED rule jar {} {} accepted because allow.unsigned = true: development only", candidate.symbolicName(),
                    candidate.version());
            return new Signature(UNSIGNED, List.of("UNSIGNED: taken only because allow.unsigned = true in"
                    + " etc/vn.congvu.modules.cfg (for development; never on a node that files for real)"), List.of());
        }
        return new Signature(verdict.signer(), List.of(), verdict.problems());
    }

    /** @return whether the history says this jar is the one its bundle ran last */
    boolean ranLast(CandidateJar candidate) {
        return archive.lastDone(candidate.symbolicName()).map(last -> candidate.sha256().equals(last.toSha256())).orElse(false);
    }
}
