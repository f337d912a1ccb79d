package vn.congvu.api.rule;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A province's rule module: one Declarative Services component in a province rule bundle that turns the
 * province's records into report figures.
 *
 * <p>Register it as a service of this interface, one component per module:
 * <pre>{@code
 * @Component(service = RuleModule.class)
 * public class FeedbackTimeliness implements RuleModule {
 *     public ModuleDescriptor descriptor() { return DESCRIPTOR; }            // constant: who, what it reads and produces
 *     public ModuleResult evaluate(EvaluationContext context) { ... }        // figures and findings of one period
 * }
 * }</pre>
 * The {@linkplain vn.congvu.api.rule package summary} has the whole example, what a module may produce and how
 * a report made of several modules is checked.
 *
 * <p>Modules are stateless between calls, so swapping the bundle that holds one never strands state; the
 * engine may call {@link #evaluate} for different periods one after the other, and a dry run calls it on a
 * candidate version while the running version keeps serving. A broken rule is not an exception: it is a
 * figure or a finding in the result. An exception thrown here (or running past the node's
 * {@code module.timeout.seconds}) is caught by the engine and becomes an explicit error outcome for this
 * module alone: the node names the module and files nothing from that evaluation.
 */
@ConsumerType
public interface RuleModule {

    /**
     * Called whenever the engine lists, plans or runs the module: return the same value every time (a
     * {@code static final} constant).
     *
     * @return who the module is, what it reads and what it produces
     */
    ModuleDescriptor descriptor();

    /**
     * Computes the module's figures for one province and period. The context streams every record of a type
     * the province has imported, whatever its date: the module decides which belong to
     * {@link EvaluationContext#period()}.
     *
     * @param context the province, the period and access to the province's records
     * @return the figures, findings and narrative; never null (an empty result is
     *         {@code new ModuleResult(List.of(), List.of())})
     */
    ModuleResult evaluate(EvaluationContext context);
}
