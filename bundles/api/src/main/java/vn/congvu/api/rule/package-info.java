/**
 * The rule-module SPI: what a province's rule bundle implements and what the engine gives it.
 *
 * <h2>A rule module</h2>
 * A rule bundle holds one Declarative Services component per {@link vn.congvu.api.rule.RuleModule}. The
 * province node's engine finds every such service, keeps those whose {@link vn.congvu.api.rule.ModuleDescriptor}
 * names the node's province (or {@link vn.congvu.api.rule.ModuleDescriptor#ALL_PROVINCES}) and whose dates
 * overlap the period, runs each one's {@link vn.congvu.api.rule.RuleModule#evaluate evaluate} once per filing,
 * and puts every module's figures and findings into one report for the ministry.
 * <pre>{@code
 * @Component(service = RuleModule.class)
 * public class FeedbackTimeliness implements RuleModule {
 *
 *     static final String WITHIN_10_DAYS = "laocai.feedback.resolved_within_10_days";   // an extension
 *
 *     private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("laocai.feedback-timeliness", "10",
 *             "Phản ánh, kiến nghị được xử lý trong 10 ngày", "Nghị định 20/2008/NĐ-CP",
 *             LocalDate.of(2020, 1, 1), null,
 *             List.of(RecordTypes.FEEDBACK.name()),                          // what it reads
 *             List.of(WITHIN_10_DAYS),                                        // what it produces
 *             List.of(Indicator.extensionCount(WITHIN_10_DAYS,                // and the definition of its own code
 *                     "Phản ánh, kiến nghị xử lý trong 10 ngày", "Feedback resolved within 10 days",
 *                     "phản ánh, kiến nghị")));
 *
 *     @Override
 *     public ModuleDescriptor descriptor() {
 *         return DESCRIPTOR;
 *     }
 *
 *     @Override
 *     public ModuleResult evaluate(EvaluationContext context) {
 *         Tally tally = new Tally().zero(WITHIN_10_DAYS, Disaggregation.TOTAL);   // a real 0 when none
 *         context.forEachRecord(RecordTypes.FEEDBACK.name(), feedback -> {
 *             LocalDate received = feedback.date("received");
 *             LocalDate resolved = feedback.date("resolved");
 *             if (context.period().contains(received) && resolved != null
 *                     && !resolved.isAfter(received.plusDays(10))) {
 *                 tally.increment(WITHIN_10_DAYS, Disaggregation.TOTAL);
 *             }
 *         });
 *         return new ModuleResult(tally.values(), List.of());
 *     }
 * }
 * }</pre>
 *
 * <h2>What a module may produce</h2>
 * <ul>
 * <li><b>National indicators</b>: the codes of the national catalog, listed by
 *     {@link vn.congvu.api.catalog.NationalCatalog#indicators()} (the codes are also constants of
 *     {@link vn.congvu.api.CoreIndicators}), each broken down only by the dimensions the catalog gives it and
 *     with the codes valid in the period ({@link vn.congvu.api.catalog.NationalCatalog#dimensions()}). A rate
 *     (an indicator whose {@link vn.congvu.api.catalog.Indicator#reported()} is false) is never reported: report
 *     its numerator and denominator, and the ministry derives it.</li>
 * <li><b>Extension indicators</b>: the module's own codes, named {@code <first segment of the module id>.<name>}
 *     ({@code laocai.feedback.resolved_within_10_days} for the module {@code laocai.feedback-timeliness}), each
 *     defined in the descriptor's {@link vn.congvu.api.rule.ModuleDescriptor#extensions() extensions} (such as
 *     with {@link vn.congvu.api.catalog.Indicator#extensionCount Indicator.extensionCount}) and listed in what it
 *     {@link vn.congvu.api.rule.ModuleDescriptor#produces() produces}. The ministry stores them with the report;
 *     it adds up across provinces only the national indicators.</li>
 * <li><b>Findings</b> ({@link vn.congvu.api.Finding}): a rule found broken, where (a unit, or {@code -}), how
 *     often (1 or more) and how seriously; never a person's name.</li>
 * <li><b>Narrative</b>: lines of Vietnamese text for the report.</li>
 * </ul>
 * A figure is keyed by its code and its {@link vn.congvu.api.Disaggregation}; it is never negative, a count is
 * a whole number and a rank 1 or more. Before a report is filed, the engine refuses it (and the node files
 * nothing for the period) if a module produced a code it did not declare in {@code produces}, or a non-national
 * code it did not define in {@code extensions} ({@code module.undeclared_indicator}); a negative value
 * ({@code value.negative}); the same code and breakdown as another module ({@code value.produced_twice}: so
 * two bundles running on one node never both produce, say, {@code feedback.received} in total); a finding of
 * the same rule and unit as another module ({@code finding.reported_twice}); or anything the ministry's own
 * checks refuse ({@link vn.congvu.api.ReportRules} and {@link vn.congvu.api.catalog.CatalogCheck}: unknown
 * codes, a dimension or code the catalog does not give the indicator, a code not valid in the period, a count
 * that is not whole, the cross-checks such as resolved &le; received). Every problem is listed at once.
 *
 * <h2>Outcomes and errors</h2>
 * A broken rule is a figure or a finding, never an exception. A module that throws from {@code evaluate}, or
 * runs past the node's {@code module.timeout.seconds} (etc/vn.congvu.engine.cfg), is an <em>error outcome</em>
 * for that module alone: the node reports it by module id and version ({@code module.failed},
 * {@code module.timed_out}), the other modules' results are not mixed into a partial report, and nothing is
 * filed from that evaluation. Modules keep no state between calls: a bundle can be swapped at any time.
 *
 * <h2>Testing</h2>
 * {@code vn.congvu.api.testing.RecordsContext} in the test kit ({@code vn.congvu:congvu-api-testkit}, test
 * scope) is an {@link vn.congvu.api.rule.EvaluationContext} over records written as {@code field=value} text:
 * <pre>{@code
 * @ParameterizedTest
 * @CsvSource({"2024-03-01, 2024-03-05, 1", "2024-03-01, 2024-03-20, 0", "2024-03-01, '', 0"})
 * void evaluate_countsFeedbackResolvedWithin10Days(String received, String resolved, long expected) {
 *     RecordsContext context = new RecordsContext("10", Period.year(2024))
 *             .add(RecordTypes.FEEDBACK, "id=PA-1", "received=" + received, "resolved=" + resolved);
 *
 *     assertEquals(Optional.of(BigDecimal.valueOf(expected)), RecordsContext.value(
 *             new FeedbackTimeliness().evaluate(context), FeedbackTimeliness.WITHIN_10_DAYS, ""));
 * }
 * }</pre>
 */
@Export
@Version("1.0.0")
package vn.congvu.api.rule;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
