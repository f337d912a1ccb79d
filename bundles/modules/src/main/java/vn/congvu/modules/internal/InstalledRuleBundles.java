package vn.congvu.modules.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The rule bundles installed in the framework (those that provide rule modules), with what the node knows of
 * each jar: its checksum, and who signed it as verified before it was installed.
 */
final class InstalledRuleBundles {

    private final BundleContext context;
    private final Function<Path, String> verifiedSigner;
    private final Map<Long, String> checksums = new ConcurrentHashMap<>();
    private final Map<Long, String> signers = new ConcurrentHashMap<>();

    /**
     * @param context        the framework
     * @param verifiedSigner who signed a jar, verified as for an install (null when it would be refused): for a
     *                       bundle this instance did not install (the manager restarted while it ran)
     */
    InstalledRuleBundles(BundleContext context, Function<Path, String> verifiedSigner) {
        this.context = context;
        this.verifiedSigner = verifiedSigner;
    }

    /** @return every rule bundle installed, in the framework's order */
    List<Bundle> all() {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String provided = bundle.getHeaders("").get("Provide-Capability");
            if (bundle.getState() != Bundle.UNINSTALLED && provided != null && provided.contains(CandidateJar.RULE_MODULE)) {
                bundles.add(bundle);
            }
        }
        return bundles;
    }

    /** @return the installed rule bundle of that name (outside a swap there is at most one) */
    Optional<Bundle> current(String symbolicName) {
        return all().stream().filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .max(Comparator.comparingLong(Bundle::getBundleId));
    }

    /** Remembers what was verified of the jar a bundle was just installed from. */
    void installed(Bundle bundle, String sha256, String signer) {
        checksums.put(bundle.getBundleId(), sha256);
        signers.put(bundle.getBundleId(), signer);
    }

    /** Forgets a bundle uninstalled. */
    void uninstalled(Bundle bundle) {
        checksums.remove(bundle.getBundleId());
        signers.remove(bundle.getBundleId());
    }

    /** @return who signed the bundle's jar, or "unknown" when its jar is not a file or would now be refused */
    String signer(Bundle bundle) {
        // verified once: the uplink asks every second
        return signers.computeIfAbsent(bundle.getBundleId(), id -> jarOf(bundle).map(verifiedSigner).orElse("unknown"));
    }

    /** @return the checksum of the jar a bundle was installed from */
    String checksum(Bundle bundle) {
        return checksums.computeIfAbsent(bundle.getBundleId(), id -> jarOf(bundle).map(jar -> {
            try {
                return CandidateJar.sha256(jar);
            } catch (Exception e) {
                return null;
            }
        }).orElse("unknown (installed from " + bundle.getLocation() + ")"));
    }

    /** @return the jar a bundle was installed from, when it was a file */
    static Optional<Path> jarOf(Bundle bundle) {
        String location = bundle.getLocation().replaceFirst("^reference:", "");
        if (!location.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(URI.create(location)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
