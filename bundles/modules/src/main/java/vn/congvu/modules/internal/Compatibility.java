package vn.congvu.modules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.osgi.framework.Version;

/**
 * Whether a rule bundle jar can run on this node, said in plain words before anything is installed: every
 * package it imports must be exported by the node in a version it accepts. A jar built against another
 * major version of the congvu api is named as such.
 */
final class Compatibility {

    private static final String API_PACKAGE = "vn.congvu.api";

    private Compatibility() {
    }

    /**
     * @param jar     the candidate
     * @param exports the packages the node's bundles export, with their versions
     * @return why the jar cannot run here; empty when it can
     */
    static List<String> problems(CandidateJar jar, Map<String, List<Version>> exports) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> apiMismatches = new TreeMap<>();
        Set<String> apiOffered = new TreeSet<>();
        if (!jar.providesRuleModules()) {
            problems.add(jar.path().getFileName() + " (" + jar.symbolicName() + ") is not a rule bundle: it declares no "
                    + CandidateJar.RULE_MODULE + " service, so it cannot be installed as a module");
        }
        for (CandidateJar.PackageImport wanted : jar.imports()) {
            if (wanted.optional() || wanted.name().startsWith("java.")) {
                continue;
            }
            List<Version> available = exports.getOrDefault(wanted.name(), List.of());
            if (available.stream().anyMatch(wanted.range()::includes)) {
                continue;
            }
            String offered = available.stream().map(Version::toString).collect(Collectors.joining(", "));
            if (available.isEmpty()) {
                problems.add("it needs the package " + wanted.name() + ", which no bundle on this node provides");
            } else if (wanted.name().equals(API_PACKAGE) || wanted.name().startsWith(API_PACKAGE + ".")) {
                apiMismatches.computeIfAbsent(wanted.range().toString(), range -> new ArrayList<>()).add(wanted.name());
                apiOffered.add(offered);
            } else {
                problems.add("it needs the package " + wanted.name() + " in versions " + wanted.range()
                        + ", and this node provides only " + offered);
            }
        }
        apiMismatches.forEach((range, packages) -> problems.add(0, "it was built for another version of the congvu api: "
                + "it accepts only api versions " + range + " (" + String.join(", ", new TreeSet<>(packages)) + "), and this node runs api "
                + String.join(", ", apiOffered) + "; rebuild the module against this node's api, or upgrade the node first"));
        return problems;
    }
}
