package vn.congvu.uplink.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.modules.RuleBundle;
import vn.congvu.modules.RuleBundles;

/**
 * The signers of the rule bundles, as the rule bundle manager verified each jar before installing it. The only
 * class of the uplink that uses {@code vn.congvu.modules} (an optional import): it exists while the manager runs.
 */
@Component(service = SignerSource.class)
public class RuleBundleSigners implements SignerSource {

    private final RuleBundles bundles;

    /** @param bundles the rule bundle manager */
    @Activate
    public RuleBundleSigners(@Reference RuleBundles bundles) {
        this.bundles = bundles;
    }

    @Override
    public Signers signers() {
        return of(bundles.installed());
    }

    /**
     * @param installed the rule bundles installed
     * @return their signers, by bundle id and by jar SHA-256, as the protocol takes them
     */
    static Signers of(List<RuleBundle> installed) {
        Map<Long, String> byBundleId = new HashMap<>();
        Map<String, String> byJarSha256 = new HashMap<>();
        for (RuleBundle bundle : installed) {
            String signer = Signers.asSent(bundle.signer());
            byBundleId.put(bundle.bundleId(), signer);
            if (bundle.jarSha256() != null) {
                // two bundles of one jar (a swap to the same content) were verified alike
                byJarSha256.putIfAbsent(bundle.jarSha256(), signer);
            }
        }
        return new Signers(byBundleId, byJarSha256);
    }
}
