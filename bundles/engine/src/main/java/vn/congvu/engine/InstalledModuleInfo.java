package vn.congvu.engine;

import java.time.Instant;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.rule.ModuleDescriptor;

/**
 * A rule module as this node runs it.
 *
 * @param descriptor   what the module declares
 * @param provenance   its id, bundle version and jar checksum
 * @param bundle       the symbolic name of the bundle that holds it
 * @param since        when this version started serving
 */
public record InstalledModuleInfo(ModuleDescriptor descriptor, ModuleProvenance provenance, String bundle, Instant since) {
}
