package vn.congvu.modules;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import vn.congvu.api.Period;

/**
 * The rule bundles of a province node, swapped while the node runs.
 *
 * <p>A swap installs the new version beside the old one, waits until the engine serves its modules, and
 * only then retires the old version: there is no moment when a module is missing, and evaluations that
 * started on the old version finish on it. Only the swapped bundle and the bundles wired to it are
 * refreshed. Every jar the node ran is kept, so a swap can be rolled back, and every swap is written to
 * the history.
 *
 * <p>Only jars signed (standard JAR signing, as {@code jarsigner} signs) by a publisher whose certificate the
 * node trusts are installed, every entry covered by the signature; a lower version than the running one only
 * by rolling back; and before an install or update, the candidate is tried on a period, and refused when its
 * figures would not pass the checks a filing must pass.
 *
 * <p>One swap runs at a time. A refusal (a jar unsigned, changed after signing or signed by a publisher not
 * trusted; a jar that does not resolve, that was built for another version of the congvu api, whose modules
 * do not start, or whose figures would not file) is an outcome, not an exception: the running version stays,
 * and the refusal is in the history.
 */
@ProviderType
public interface RuleBundles {

    /** @return the rule bundles installed, by symbolic name */
    List<RuleBundle> installed();

    /**
     * What installing or updating from the jar would do, without doing it: from which version to which,
     * what would restart, and any reason it would be refused.
     *
     * @param jar a rule bundle jar
     * @return the plan
     */
    SwapPlan plan(Path jar);

    /**
     * Installs the jar's rule bundle, or updates the installed one to it (also to a jar of the same version
     * with other content).
     *
     * @param jar a rule bundle jar
     * @return what was done, or why it was refused
     */
    SwapOutcome apply(Path jar);

    /**
     * As {@link #apply(Path)}, refused when the jar's bundle is not in the state the action expects: already
     * installed for {@link SwapAction#INSTALL}, not installed for {@link SwapAction#UPDATE}.
     *
     * @param jar      a rule bundle jar
     * @param expected {@link SwapAction#INSTALL} or {@link SwapAction#UPDATE}
     * @return what was done, or why it was refused
     */
    SwapOutcome apply(Path jar, SwapAction expected);

    /**
     * Goes back to the version that ran before the bundle's last swap.
     *
     * @param bundleOrModule the bundle's symbolic name, or the id of one of its modules
     * @return what was done, or why it was refused
     */
    SwapOutcome rollback(String bundleOrModule);

    /**
     * Stops and uninstalls a rule bundle; its jar stays in the archive, so it can be installed again.
     *
     * @param bundleOrModule the bundle's symbolic name, or the id of one of its modules
     * @return what was done, or why it was refused
     */
    SwapOutcome remove(String bundleOrModule);

    /** @return every swap this node made or refused, oldest first */
    List<SwapRecord> history();

    /**
     * Evaluates a past period with the jar's modules in place of the installed version's, without
     * installing the jar, and compares the figures indicator by indicator.
     *
     * @param jar    a rule bundle jar
     * @param period the period to evaluate
     * @return the differences, or why the jar cannot be tried
     */
    DryRun dryRun(Path jar, Period period);
}
