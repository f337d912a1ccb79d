package vn.congvu.engine;

import java.time.Instant;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.rule.ModuleDescriptor;

/**
 * A rule module as this node runs it.
 *
 * @param descriptor what the module declares
 * @param provenance its id, bundle version and jar checksum
 * @param bundle     the symbolic name of the bundle that holds it
 * @param bundleId   the framework's id of that bundle
 * @param serving    true for the version new evaluations use; false for an older version of the same
 *                   module that only finishes the evaluations it started, during a swap
 * @param since      when this version was bound
 */
public record InstalledModuleInfo(ModuleDescriptor descriptor, ModuleProvenance provenance, String bundle, long bundleId,
                                  boolean serving, Instant since) {
}
