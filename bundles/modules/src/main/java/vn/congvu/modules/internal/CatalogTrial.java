package vn.congvu.modules.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.congvu.api.Period;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.modules.DryRun;

/**
 * Tries a candidate before it is installed: a dry run of the period this node filed last (with its own
 * records), then of the last full year the candidate's modules cover for this province (last year, or the last
 * year they are valid for), so that a version whose figures would not file (the catalog check, the report's
 * rules, a module that fails) is refused before it replaces one that files. Only the problems the running
 * version does not have count: the candidate is not blamed for records the node lacks.
 */
final class CatalogTrial {

    /**
     * What the trial found.
     *
     * @param refusals the problems the candidate would bring to filing, which the installed version does not
     *                 have; empty when it would file as well as the installed version
     * @param notes    what was tried, in words
     */
    record Outcome(List<String> refusals, List<String> notes) {
    }

    private final DryRunner runner;
    private final Supplier<Optional<Period>> lastFiled;
    private final String provinceCode;
    private final Clock clock;

    CatalogTrial(DryRunner runner, Supplier<Optional<Period>> lastFiled, String provinceCode, Clock clock) {
        this.runner = runner;
        this.lastFiled = lastFiled;
        this.provinceCode = provinceCode;
        this.clock = clock;
    }

    Outcome trial(CandidateJar candidate, String installedVersion) {
        Optional<CandidateJar.Component> needsServices = candidate.components().stream()
                .filter(CandidateJar.Component::usesReferences).findFirst();
        if (needsServices.isPresent()) {
            return new Outcome(List.of(), List.of("Không chạy thử / not tried before installing: component "
                    + needsServices.get().implementation() + " needs other services"));
        }
        // the period filed last, with this node's own records; then the last full year its modules cover
        Optional<Period> filed = lastFiled.get();
        List<Function<List<ModuleDescriptor>, Optional<Period>>> periods = List.of(
                modules -> filed.filter(period -> modules.stream().anyMatch(module -> ours(module) && applies(module, period))),
                modules -> trialPeriod(modules).filter(year -> !filed.equals(Optional.of(year))));
        List<String> tried = new ArrayList<>();
        for (Function<List<ModuleDescriptor>, Optional<Period>> period : periods) {
            Optional<DryRun> run = runner.run(candidate, period, installedVersion);
            if (run.isEmpty()) {
                continue;
            }
            if (run.get().period() == null) {
                // its modules cannot run outside the framework (a library of its own, another package): the
                // framework's checks still apply when it is installed
                return new Outcome(List.of(), List.of("Không chạy thử được / could not be tried before installing: "
                        + String.join("; ", run.get().candidateProblems())));
            }
            List<String> brought = run.get().newProblems();
            if (!brought.isEmpty()) {
                return new Outcome(brought.stream().map(problem -> "tried on " + run.get().period() + ", it would not file: "
                        + problem).toList(), List.of("Đã chạy thử kỳ " + run.get().period() + ": sẽ không nộp được / tried on "
                        + run.get().period() + ": would not file"));
            }
            tried.add("Đã chạy thử kỳ " + run.get().period() + ": sẽ nộp được / tried on " + run.get().period()
                    + ": would file (" + count(run.get().figures().size(), "figure") + ", " + run.get().changes().size()
                    + (run.get().changes().size() == 1 ? " differs" : " differ") + " from the running version's)");
        }
        if (tried.isEmpty()) {
            return new Outcome(List.of(), List.of("Không chạy thử / not tried before installing: none of its modules is for"
                    + " province " + provinceCode));
        }
        return new Outcome(List.of(), tried);
    }

    private static String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }

    private boolean ours(ModuleDescriptor module) {
        return module.provinceCode().equals(provinceCode) || module.provinceCode().equals(ModuleDescriptor.ALL_PROVINCES);
    }

    private static boolean applies(ModuleDescriptor module, Period period) {
        return !module.validFrom().isAfter(period.lastDay())
                && (module.validUntil() == null || !module.validUntil().isBefore(period.firstDay()));
    }

    /** @return the last full year (or the last year they are valid for) that the modules for this province cover */
    private Optional<Period> trialPeriod(List<ModuleDescriptor> modules) {
        int lastYear = LocalDate.now(clock.withZone(Period.ZONE)).getYear() - 1;
        return modules.stream()
                .filter(this::ours)
                .map(module -> {
                    int year = module.validUntil() == null ? lastYear : Math.min(lastYear, module.validUntil().getYear());
                    return Math.max(year, module.validFrom().getYear());
                })
                .max(Integer::compare).map(Period::year);
    }
}
