package vn.congvu.modules.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.TreeMap;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.RuleModule;
import vn.congvu.engine.CandidateModules;
import vn.congvu.engine.Evaluation;
import vn.congvu.engine.ReportFiling;
import vn.congvu.modules.DryRun;
import vn.congvu.modules.FigureComparison;

/**
 * Evaluates a past period with a candidate jar's modules in place of the installed version's, without
 * installing the jar (its classes are loaded beside the api only), and compares the two.
 */
final class DryRunner {

    private final ReportFiling filing;
    private final WiringDiagnostics wiring;

    DryRunner(ReportFiling filing, WiringDiagnostics wiring) {
        this.filing = filing;
        this.wiring = wiring;
    }

    /**
     * @param candidate        the jar, its signature already accepted (its classes are run)
     * @param period           the period
     * @param installedVersion the version installed, or null
     * @return both versions' figures and problems
     */
    DryRun run(CandidateJar candidate, Period period, String installedVersion) {
        DryRun run = run(candidate, modules -> Optional.of(period), installedVersion).orElseThrow();
        return run.period() != null ? run : new DryRun(run.symbolicName(), run.installedVersion(), run.candidateVersion(),
                period, run.figures(), run.installedProblems(), run.candidateProblems());
    }

    /**
     * @param candidate        the jar, its signature already accepted (its classes are run)
     * @param periodFor        the period to evaluate, chosen from what the candidate's modules say of themselves;
     *                         empty for none
     * @param installedVersion the version installed, or null
     * @return both versions' figures and problems; empty when no period was chosen
     */
    Optional<DryRun> run(CandidateJar candidate, Function<List<ModuleDescriptor>, Optional<Period>> periodFor,
                         String installedVersion) {
        Period unchosen = null;
        List<String> cannot = new ArrayList<>(Compatibility.problems(candidate, wiring.exports()));
        candidate.components().stream().filter(CandidateJar.Component::usesReferences)
                .forEach(component -> cannot.add("component " + component.implementation()
                        + " needs other services, so it can only be tried installed"));
        if (!cannot.isEmpty()) {
            return Optional.of(new DryRun(candidate.symbolicName(), installedVersion, candidate.version().toString(),
                    unchosen, List.of(), List.of(), cannot));
        }
        try (URLClassLoader loader = new URLClassLoader("congvu-dry-run " + candidate.symbolicName(),
                new URL[] {candidate.path().toUri().toURL()}, new ApiOnlyClassLoader(RuleModule.class.getClassLoader()))) {
            List<RuleModule> modules = new ArrayList<>();
            try {
                for (CandidateJar.Component component : candidate.components()) {
                    Class<?> type = loader.loadClass(component.implementation());
                    if (RuleModule.class.isAssignableFrom(type)) {
                        modules.add((RuleModule) type.getDeclaredConstructor().newInstance());
                    }
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                return Optional.of(new DryRun(candidate.symbolicName(), installedVersion, candidate.version().toString(),
                        unchosen, List.of(), List.of(), List.of("its modules cannot be created outside the framework: " + e)));
            }
            Optional<Period> chosen = periodFor.apply(modules.stream().map(RuleModule::descriptor).toList());
            if (chosen.isEmpty()) {
                return Optional.empty();
            }
            Period period = chosen.get();
            Evaluation before = filing.evaluate(period, new CandidateModules(candidate.symbolicName(), "", "", List.of()));
            Evaluation after = filing.evaluate(period, new CandidateModules(candidate.symbolicName(),
                    candidate.version().toString(), candidate.sha256(), modules));
            return Optional.of(new DryRun(candidate.symbolicName(), installedVersion, candidate.version().toString(), period,
                    compare(before.figures(), after.figures()), described(before.problems()), described(after.problems())));
        } catch (IOException e) {
            return Optional.of(new DryRun(candidate.symbolicName(), installedVersion, candidate.version().toString(),
                    unchosen, List.of(), List.of(), List.of("its jar cannot be read: " + e.getMessage())));
        }
    }

    private static List<String> described(List<Problem> problems) {
        return problems.stream().map(problem -> problem.field() + ": " + problem.messageEn()).toList();
    }

    private static List<FigureComparison> compare(List<IndicatorValue> installed, List<IndicatorValue> candidate) {
        Map<String, BigDecimal[]> figures = new TreeMap<>();
        installed.forEach(value -> figures.computeIfAbsent(key(value), key -> new BigDecimal[2])[0] = value.value());
        candidate.forEach(value -> figures.computeIfAbsent(key(value), key -> new BigDecimal[2])[1] = value.value());
        List<FigureComparison> comparisons = new ArrayList<>();
        figures.forEach((key, values) -> {
            int split = key.indexOf('\u0000');
            comparisons.add(new FigureComparison(key.substring(0, split), key.substring(split + 1), values[0], values[1]));
        });
        return comparisons;
    }

    private static String key(IndicatorValue value) {
        return value.code() + '\u0000' + value.disaggregation();
    }
}
