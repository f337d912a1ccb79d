package vn.congvu.admin.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.api.Period;
import vn.congvu.engine.InstalledModuleInfo;
import vn.congvu.engine.ModuleInventory;
import vn.congvu.modules.DryRun;
import vn.congvu.modules.FigureComparison;
import vn.congvu.modules.RuleBundle;
import vn.congvu.modules.RuleBundles;
import vn.congvu.modules.SwapAction;
import vn.congvu.modules.SwapOutcome;
import vn.congvu.modules.SwapPlan;
import vn.congvu.modules.SwapRecord;

/**
 * The province operator's commands for rule modules: list, plan, install, update, roll back, remove,
 * history and dry run. A refused swap throws, so that a script run by the launcher exits non-zero; the
 * running version keeps serving.
 */
@Component(service = ModuleCommands.class, property = {
        "osgi.command.scope=congvu", "osgi.command.function=modules", "osgi.command.function=plan",
        "osgi.command.function=install", "osgi.command.function=update", "osgi.command.function=rollback",
        "osgi.command.function=remove", "osgi.command.function=history", "osgi.command.function=dryrun"})
public class ModuleCommands {

    private static final String NL = System.lineSeparator();
    private final RuleBundles bundles;
    private final ModuleInventory inventory;

    /**
     * @param bundles   the rule bundles, swapped while the node runs
     * @param inventory the modules as the engine runs them
     */
    @Activate
    public ModuleCommands(@Reference RuleBundles bundles, @Reference ModuleInventory inventory) {
        this.bundles = bundles;
        this.inventory = inventory;
    }

    /**
     * {@code congvu:modules}: the rule bundles installed and the modules each gives this province: id,
     * version, state, province, legal basis, jar checksum and since when.
     *
     * @return one block per bundle
     */
    @Descriptor("the rule bundles installed and the modules each gives this province")
    public String modules() {
        List<String> lines = new ArrayList<>();
        lines.add("Mô-đun quy tắc của nút " + inventory.province().name() + " (" + inventory.province().code()
                + ") / rule modules:");
        for (RuleBundle bundle : bundles.installed()) {
            lines.add(String.format("  gói %s %s [%s], số %d, sha256 %s, từ %s", bundle.symbolicName(), bundle.version(),
                    bundle.state(), bundle.bundleId(), bundle.jarSha256(), bundle.since()));
            lines.add("    ký bởi / signed by: " + bundle.signer());
            if (bundle.modules().isEmpty()) {
                lines.add("    (không có mô-đun nào cho tỉnh này / no module for this province)");
            }
            for (InstalledModuleInfo module : bundle.modules()) {
                lines.add(String.format("    %s %s [%s]%s - %s", module.provenance().moduleId(), module.provenance().version(),
                        module.descriptor().provinceCode(), module.serving() ? "" : " (đang nghỉ / retiring)",
                        module.descriptor().titleVi()));
                lines.add("      căn cứ: " + module.descriptor().legalBasis() + "; chạy từ " + module.since());
            }
        }
        return String.join(NL, lines);
    }

    /**
     * {@code congvu:plan deploy/x.jar}: what installing or updating from the jar would do, and what it
     * would restart, without doing it.
     *
     * @param jar the jar
     * @return the plan
     */
    @Descriptor("what installing or updating from a jar would do and restart, or why it would be refused; changes nothing")
    public String plan(@Descriptor("JAR: path of the rule bundle jar") String jar) {
        SwapPlan plan = bundles.plan(GivenPath.absolute(jar, "JAR"));
        return describe(plan) + NL + (plan.refused() ? "  SẼ BỊ TỪ CHỐI / WOULD BE REFUSED:" + NL + reasons(plan)
                : plan.alreadyRunning() ? "  Phiên bản này đang chạy rồi / this jar already runs"
                : "  (kế hoạch, chưa làm gì / plan only, nothing done)");
    }

    /**
     * {@code congvu:install x.jar}: installs a rule bundle not installed yet.
     *
     * @param jar the jar
     * @return what was done
     */
    @Descriptor("installs a new rule bundle from a jar")
    public String install(@Descriptor("JAR: path of the rule bundle jar") String jar) {
        return swap(jar, SwapAction.INSTALL);
    }

    /**
     * {@code congvu:update x.jar}: swaps an installed rule bundle for the jar's version.
     *
     * @param jar the jar
     * @return what was done
     */
    @Descriptor("swaps an installed rule bundle for the jar's version while the node runs")
    public String update(@Descriptor("JAR: path of the rule bundle jar") String jar) {
        return swap(jar, SwapAction.UPDATE);
    }

    private String swap(String jar, SwapAction expected) {
        return report(bundles.apply(GivenPath.absolute(jar, "JAR"), expected));
    }

    /**
     * {@code congvu:rollback vn.congvu.rules.caobang}: back to the version that ran before the last swap.
     *
     * @param bundleOrModule a bundle's symbolic name or one of its module ids
     * @return what was done
     */
    @Descriptor("back to the version that ran before the last swap")
    public String rollback(@Descriptor("BUNDLE: symbolic name, or one of its module ids") String bundleOrModule) {
        return report(bundles.rollback(bundleOrModule));
    }

    /**
     * {@code congvu:remove vn.congvu.rules.caobang}: stops and uninstalls a rule bundle (its jar stays in
     * the archive).
     *
     * @param bundleOrModule a bundle's symbolic name or one of its module ids
     * @return what was done
     */
    @Descriptor("stops and uninstalls a rule bundle (its jar stays in data/modules/)")
    public String remove(@Descriptor("BUNDLE: symbolic name, or one of its module ids") String bundleOrModule) {
        return report(bundles.remove(bundleOrModule));
    }

    /**
     * {@code congvu:history}: every swap made or refused on this node, oldest first.
     *
     * @return one line per swap
     */
    @Descriptor("every swap made or refused on this node, oldest first")
    public String history() {
        List<String> lines = new ArrayList<>();
        lines.add("Lịch sử thay mô-đun / swap history:");
        for (SwapRecord swap : bundles.history()) {
            lines.add(String.format("  %s %-8s %s %s -> %s %s: %s", swap.at(), swap.action(), swap.symbolicName(),
                    version(swap.fromVersion(), swap.fromSha256()), version(swap.toVersion(), swap.toSha256()),
                    swap.done() ? "xong / done" : "TỪ CHỐI / REFUSED", swap.note()));
        }
        if (lines.size() == 1) {
            lines.add("  (chưa có / none yet)");
        }
        return String.join(NL, lines);
    }

    /**
     * {@code congvu:dryrun x.jar 2022}: evaluates the period with the jar's modules in place of the
     * installed version's, installs nothing and files nothing, and prints the figures that differ.
     *
     * @param jar    the candidate jar
     * @param period the period, such as 2022 or 2022-Q3
     * @return the differences, indicator by indicator
     */
    @Descriptor("evaluates a past period with the jar's modules instead of the installed ones and prints the figures that differ; installs and files nothing")
    public String dryrun(@Descriptor("JAR: path of the rule bundle jar") String jar, @Descriptor("PERIOD: a past period, such as 2022") String period) {
        DryRun run = bundles.dryRun(GivenPath.absolute(jar, "JAR"), Period.parse(period));
        StringBuilder out = new StringBuilder(String.format("Chạy thử / dry run %s kỳ %s: đang chạy %s, thử %s%n",
                run.symbolicName(), run.period(), run.installedVersion() == null ? "(chưa cài / none)" : run.installedVersion(),
                run.candidateVersion()));
        if (!run.installedProblems().isEmpty()) {
            out.append("  Phiên bản đang chạy cũng không nộp được / the running version would not file either:").append(NL);
            run.installedProblems().forEach(problem -> out.append("    - ").append(problem).append(NL));
        }
        if (run.wouldFile()) {
            out.append("  Bản thử SẼ NỘP ĐƯỢC / the candidate WOULD FILE").append(NL);
        } else {
            out.append(String.format("  Bản thử SẼ KHÔNG NỘP ĐƯỢC / the candidate WOULD NOT FILE (%d vấn đề / problems):%n",
                    run.candidateProblems().size()));
            run.candidateProblems().forEach(problem -> out.append("    - ").append(problem).append(NL));
        }
        if (run.figures().isEmpty() && !run.wouldFile()) {
            throw new IllegalStateException(out.toString().stripTrailing()); // not tried: there are no figures to show
        }
        List<FigureComparison> changes = run.changes();
        out.append(String.format("  %d chỉ tiêu khác, %d giống / %d %s, %d unchanged", changes.size(),
                run.figures().size() - changes.size(), changes.size(), changes.size() == 1 ? "figure differs" : "figures differ",
                run.figures().size() - changes.size()));
        for (FigureComparison change : changes) {
            out.append(NL).append(String.format("    %s (%s): %s -> %s", change.code(), change.disaggregation(),
                    change.installed() == null ? "không có / absent" : change.installed().toPlainString(),
                    change.candidate() == null ? "không có / absent" : change.candidate().toPlainString()));
        }
        if (!run.wouldFile()) {
            // a script that dry-runs before it updates must see the failure in the exit code
            throw new IllegalStateException(out.toString());
        }
        return out.toString();
    }

    private static String report(SwapOutcome outcome) {
        SwapPlan plan = outcome.plan();
        if (plan.refused()) {
            throw new IllegalStateException(describe(plan) + NL + "  TỪ CHỐI / REFUSED:" + NL + reasons(plan) + NL + "  "
                    + (plan.fromVersion() == null ? "Không có gì được cài / nothing was installed"
                    : "Phiên bản " + plan.fromVersion() + " vẫn chạy / version " + plan.fromVersion() + " keeps serving"));
        }
        if (!outcome.done()) {
            return describe(plan) + NL + "  Phiên bản này đang chạy rồi; không làm gì / this jar already runs: nothing to do";
        }
        return describe(plan) + NL + String.format("  Xong trong %d ms / done in %d ms", outcome.took().toMillis(),
                outcome.took().toMillis());
    }

    private static String describe(SwapPlan plan) {
        String restarts = plan.restarts().isEmpty() ? "không gói nào khác / no other bundle" : String.join(", ", plan.restarts());
        StringBuilder out = new StringBuilder(String.format("%s %s: %s -> %s", plan.action(), plan.symbolicName(),
                version(plan.fromVersion(), plan.fromSha256()), version(plan.toVersion(), plan.toSha256())));
        if (plan.signer() != null) {
            out.append(NL).append("  Ký bởi / signed by: ").append(plan.signer());
        }
        out.append(NL).append("  Khởi động lại / restarts: ").append(restarts);
        plan.notes().forEach(note -> out.append(NL).append("  ").append(note));
        return out.toString();
    }

    private static String reasons(SwapPlan plan) {
        return "    - " + String.join(NL + "    - ", plan.refusals());
    }

    private static String version(String version, String sha256) {
        if (version == null) {
            return "(không / none)";
        }
        return sha256 == null || sha256.length() < 12 ? version : version + " (" + sha256.substring(0, 12) + ")";
    }
}
