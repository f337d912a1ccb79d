package vn.congvu.modules;

import java.time.Instant;
import java.util.List;
import vn.congvu.engine.InstalledModuleInfo;

/**
 * A rule bundle installed on the node.
 *
 * @param symbolicName its symbolic name
 * @param version      its version
 * @param bundleId     the framework's id for it
 * @param state        its framework state, such as ACTIVE
 * @param jarSha256    the SHA-256 of its jar
 * @param since        when this version was installed
 * @param modules      the rule modules of this province it provides, as the engine runs them
 */
public record RuleBundle(String symbolicName, String version, long bundleId, String state, String jarSha256,
                         Instant since, List<InstalledModuleInfo> modules) {

    /** Copies the list. */
    public RuleBundle {
        modules = List.copyOf(modules);
    }
}
