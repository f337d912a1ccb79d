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
 * @param signer       who signed its jar, as the node verified it before installing it: the publisher
 *                     certificate's subject and the first 12 hex digits of its SHA-256 fingerprint, such as
 *                     {@code CN=Sở Nội vụ Cao Bằng, O=UBND tỉnh Cao Bằng (sha256 1a2b3c4d5e6f)}; {@code "unsigned"}
 *                     for a jar taken unsigned under the development setting {@code allow.unsigned};
 *                     {@code "unknown"} for a bundle the node did not install itself
 * @param modules      the rule modules of this province it provides, as the engine runs them
 */
public record RuleBundle(String symbolicName, String version, long bundleId, String state, String jarSha256,
                         Instant since, String signer, List<InstalledModuleInfo> modules) {

    /** Copies the list. */
    public RuleBundle {
        modules = List.copyOf(modules);
    }
}
