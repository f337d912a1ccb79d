package vn.congvu.api;

import java.util.Objects;

/**
 * The natural key of a report: one province, one period, one regime. Revisions of a report share it.
 *
 * @param provinceCode the province's official two-digit code
 * @param period       the reporting period
 * @param regime       the reporting regime
 */
public record ReportKey(String provinceCode, Period period, Regime regime) {

    /** @throws NullPointerException naming the part that is missing */
    public ReportKey {
        Objects.requireNonNull(provinceCode, "report key: province code is missing");
        Objects.requireNonNull(period, "report key: period is missing");
        Objects.requireNonNull(regime, "report key: regime is missing");
    }

    @Override
    public String toString() {
        return provinceCode + "/" + period + "/" + regime;
    }
}
