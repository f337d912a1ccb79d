package vn.congvu.api.rule;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A province's rule module: one Declarative Services component in a province rule bundle that turns the
 * province's records into report figures.
 *
 * <p>Modules are stateless between calls, so swapping the bundle that holds one never strands state. A
 * broken rule is not an exception: it is a figure or a finding in the result. An exception thrown here is
 * caught by the engine and becomes an explicit error outcome for this module alone.
 */
@ConsumerType
public interface RuleModule {

    /** @return who the module is, what it reads and what it produces */
    ModuleDescriptor descriptor();

    /**
     * Computes the module's figures for one province and period.
     *
     * @param context the province, the period and access to the province's records
     * @return the figures; never null
     */
    ModuleResult evaluate(EvaluationContext context);
}
