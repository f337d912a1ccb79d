package vn.congvu.engine.internal;

import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.RuleModule;

/**
 * A rule module as installed on this node, with the provenance every report names.
 *
 * @param module     the module service
 * @param descriptor what it declared when it was bound
 * @param provenance its id, bundle version and jar checksum
 * @param bundle     the symbolic name of its bundle
 * @param since      when it was bound
 */
record InstalledModule(RuleModule module, ModuleDescriptor descriptor, ModuleProvenance provenance, String bundle,
                       java.time.Instant since) {

    InstalledModule(RuleModule module, ModuleDescriptor descriptor, ModuleProvenance provenance) {
        this(module, descriptor, provenance, "", java.time.Instant.EPOCH);
    }
}
