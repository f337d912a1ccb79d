package vn.congvu.ministry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.store.MinistryStore;

/** Which of a report's modules computed each figure: from what the store keeps of each jar's outputs. */
class ReportProducersTest {

    private static final ModuleProvenance TIMELINESS = new ModuleProvenance("caobang.dossier-timeliness", "1.1.0", "ab".repeat(32));
    private static final ModuleProvenance RATING = new ModuleProvenance("national.decree48-rating", "1.0.0", "cd".repeat(32));
    private static final ModuleProvenance FEEDBACK = new ModuleProvenance("caobang.feedback", "2.0.0", "ef".repeat(32));

    /** A store that answers only what modules produce, as given. */
    private static MinistryStore storeKnowing(Map<ModuleProvenance, Set<String>> outputs) {
        return (MinistryStore) Proxy.newProxyInstance(MinistryStore.class.getClassLoader(), new Class<?>[] {MinistryStore.class},
                (proxy, method, arguments) -> {
                    if (!method.getName().equals("outputsOf")) {
                        throw new UnsupportedOperationException(method.getName() + " is not this test's business");
                    }
                    Map<ModuleProvenance, Set<String>> answer = new LinkedHashMap<>();
                    for (Object module : (Collection<?>) arguments[1]) {
                        answer.put((ModuleProvenance) module, outputs.getOrDefault(module, Set.of()));
                    }
                    return answer;
                });
    }

    private static IndicatorValue figure(String code, String level) {
        return new IndicatorValue(code, Disaggregation.of("level", level), BigDecimal.ONE);
    }

    private static Report report(ModuleProvenance... modules) {
        return new Report(new ReportKey("04", Period.year(2025), Regime.PERIODIC), 1, List.of(modules), List.of(
                figure("dossier.received", "province"), figure("dossier.received", "commune"),
                figure("dossier.resolved.on_time", "province"), figure("caobang.dossier.resolved_within_3_days", "province"),
                figure("discipline.rating", "province")));
    }

    @Test
    void producers_nameTheModuleOfEveryFiguresCode_andOnlyCodesTheReportHas() {
        StoredReportQueries queries = new StoredReportQueries(storeKnowing(Map.of(
                TIMELINESS, Set.of("dossier.received", "dossier.resolved.on_time", "caobang.dossier.resolved_within_3_days",
                        "dossier.overdue"),
                RATING, Set.of("discipline.rating"))));

        Map<String, ModuleProvenance> producers = queries.producers(report(TIMELINESS, RATING));

        assertEquals(Map.of("caobang.dossier.resolved_within_3_days", TIMELINESS, "discipline.rating", RATING,
                "dossier.received", TIMELINESS, "dossier.resolved.on_time", TIMELINESS), producers);
        assertEquals(List.of("caobang.dossier.resolved_within_3_days", "discipline.rating", "dossier.received",
                "dossier.resolved.on_time"), List.copyOf(producers.keySet()));
    }

    @Test
    void producers_ofAReportFromNodesThatNeverSaid_mapNothing() {
        assertEquals(Map.of(), new StoredReportQueries(storeKnowing(Map.of())).producers(report(TIMELINESS, RATING)));
    }

    @Test
    void producers_aCodeTwoOfTheReportsModulesDeclare_isLeftOut_theOthersStay() {
        StoredReportQueries queries = new StoredReportQueries(storeKnowing(Map.of(
                TIMELINESS, Set.of("dossier.received", "dossier.resolved.on_time"),
                FEEDBACK, Set.of("dossier.received"),
                RATING, Set.of("discipline.rating"))));

        assertEquals(Map.of("dossier.resolved.on_time", TIMELINESS, "discipline.rating", RATING),
                queries.producers(report(TIMELINESS, FEEDBACK, RATING)));
    }

    @Test
    void producers_aModuleTheReportDoesNotName_isNeverAnswered() {
        StoredReportQueries queries = new StoredReportQueries(storeKnowing(Map.of(
                FEEDBACK, Set.of("dossier.received"), RATING, Set.of("discipline.rating"))));

        assertEquals(Map.of("discipline.rating", RATING), queries.producers(report(TIMELINESS, RATING)));
    }
}
