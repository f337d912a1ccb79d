package vn.congvu.ministry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.Geography;
import vn.congvu.api.Period;
import vn.congvu.api.PeriodKind;
import vn.congvu.api.Problem;
import vn.congvu.api.Regime;
import vn.congvu.api.ReportKey;
import vn.congvu.store.MinistryStore;
import vn.congvu.store.Refusal;

/**
 * Keeps the latest refusal of each report key for the reporting calendar (a refused report is not a missing one).
 * Only a refusal whose key names a known unit, a period that has begun and a regime is kept: anything else could not be
 * placed in the calendar. Keeping it never changes the answer to the province: a store failure is logged.
 */
final class RefusalLog {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

    private final MinistryStore store;
    private final Clock clock;

    RefusalLog(MinistryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void record(vn.congvu.federation.v1.Report message, List<Problem> problems, int problemCount) {
        Optional<ReportKey> key = key(message.getKey());
        // a period that has not begun is not in the calendar yet: keeping refusals of any period up to 2100 would
        // let one province fill the table with thousands of keys
        if (key.isEmpty() || key.get().period().firstDay().isAfter(LocalDate.now(clock.withZone(Period.ZONE)))) {
            return;
        }
        List<String> words = problems.stream().map(problem -> problem.field() + ": " + problem.messageVi()).toList();
        try {
            store.recordRefusal(new Refusal(key.get(), message.getRevision(), clock.instant(), problemCount, words));
        } catch (RuntimeException e) {
            // the refusal is answered whatever happens here
            LOG.warn("Could not keep the refusal of {} for the reporting calendar: {}", key.get(), e.toString());
        }
    }

    private static Optional<ReportKey> key(vn.congvu.federation.v1.ReportKey key) {
        PeriodKind kind = switch (key.getPeriod().getKind()) {
            case PERIOD_KIND_YEAR -> PeriodKind.YEAR;
            case PERIOD_KIND_HALF -> PeriodKind.HALF;
            case PERIOD_KIND_QUARTER -> PeriodKind.QUARTER;
            case PERIOD_KIND_MONTH -> PeriodKind.MONTH;
            default -> null;
        };
        Regime regime = switch (key.getRegime()) {
            case REGIME_PERIODIC -> Regime.PERIODIC;
            case REGIME_THEMATIC -> Regime.THEMATIC;
            default -> null;
        };
        if (kind == null || regime == null || Geography.official().latest(key.getProvinceCode()).isEmpty()) {
            return Optional.empty();
        }
        try {
            int number = kind == PeriodKind.YEAR ? Math.max(key.getPeriod().getNumber(), 1) : key.getPeriod().getNumber();
            return Optional.of(new ReportKey(key.getProvinceCode(), new Period(key.getPeriod().getYear(), kind, number), regime));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
