package vn.congvu.engine;

import java.util.List;
import java.util.Objects;
import vn.congvu.api.rule.RuleModule;

/**
 * The rule modules of a jar that is not installed, evaluated in a dry run in place of the installed
 * modules of the bundle of the same symbolic name.
 *
 * @param bundleSymbolicName the symbolic name of the candidate's bundle
 * @param version            its bundle version, which the figures are credited to
 * @param jarSha256          the SHA-256 of its jar
 * @param modules            its rule modules, ready to evaluate
 */
public record CandidateModules(String bundleSymbolicName, String version, String jarSha256, List<RuleModule> modules) {

    /** Copies the list. */
    public CandidateModules {
        Objects.requireNonNull(bundleSymbolicName, "candidate modules: bundle symbolic name is missing");
        Objects.requireNonNull(version, "candidate modules: version is missing");
        Objects.requireNonNull(jarSha256, "candidate modules: jar checksum is missing");
        modules = List.copyOf(modules);
    }
}
