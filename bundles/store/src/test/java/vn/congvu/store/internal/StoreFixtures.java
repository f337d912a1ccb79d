package vn.congvu.store.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.congvu.api.AdministrativeLevel;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordTypes;

final class StoreFixtures {

    static final ReportKey CAO_BANG_2022 = new ReportKey("04", Period.year(2022), Regime.PERIODIC);

    private StoreFixtures() {
    }

    static final ReportKey CAO_BANG_2021 = new ReportKey("04", Period.year(2021), Regime.PERIODIC);

    static Report report(long departmentsResolved) {
        return report(CAO_BANG_2022, departmentsResolved);
    }

    static Report report(ReportKey key, long departmentsResolved) {
        return new Report(key, 1,
                List.of(new ModuleProvenance("caobang.dossier-timeliness", "1.0.0", "9f".repeat(32))),
                List.of(IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED,
                                AdministrativeLevel.DEPARTMENT.disaggregation(), departmentsResolved),
                        IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED_LATE,
                                AdministrativeLevel.DEPARTMENT.disaggregation(), 240)),
                List.of(new Finding("caobang.late-dossiers", "Sở Tài nguyên và Môi trường", 12, Finding.Severity.WARNING,
                        "Hồ sơ đất đai giải quyết trễ hạn")));
    }

    static Record dossier(String id, String unit, String resolved) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("level", "district");
        values.put("unit", unit);
        values.put("received", LocalDate.parse("2022-03-01"));
        values.put("due", LocalDate.parse("2022-03-15"));
        if (resolved != null) {
            values.put("resolved", LocalDate.parse(resolved));
        }
        return new Record(RecordTypes.DOSSIER, values);
    }
}
