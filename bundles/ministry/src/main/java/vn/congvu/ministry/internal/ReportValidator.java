package vn.congvu.ministry.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Problem;
import vn.congvu.api.Province;
import vn.congvu.api.Report;
import vn.congvu.api.catalog.CatalogCheck;

/**
 * The ministry's checks of a decoded report, then the national catalog's (the same the province ran before
 * filing); every problem is listed, none stops the others.
 */
final class ReportValidator {

    /** The store keeps six decimals; more would be silently rounded. */
    private static final int MAX_SCALE = 6;
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e24");

    private ReportValidator() {
    }

    static List<Problem> validate(Report report, String claimedContentHash, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        String code = report.key().provinceCode();
        if (Province.byCode(code).isEmpty()) {
            problems.add(Problem.permanent("key.province_code", "province.unknown",
                    "Mã tỉnh '" + code + "' không có trong danh mục 63 tỉnh, thành phố",
                    "province code '" + code + "' is not one of the 63 official codes"));
        }
        if (report.key().period().firstDay().isAfter(today)) {
            problems.add(Problem.permanent("key.period", "period.future",
                    "Kỳ báo cáo " + report.key().period() + " chưa bắt đầu",
                    "period " + report.key().period() + " has not begun"));
        }
        if (!report.contentHash().equals(claimedContentHash)) {
            problems.add(Problem.permanent("content_hash", "content_hash.mismatch",
                    "Mã băm nội dung không khớp với nội dung báo cáo (báo cáo bị thay đổi khi truyền?)",
                    "the content hash does not match the report's content (altered in transit?)"));
        }
        if (report.modules().isEmpty()) {
            problems.add(Problem.permanent("modules", "modules.missing",
                    "Báo cáo không nêu mô-đun quy tắc nào đã tính các số liệu",
                    "the report names no rule module that computed its figures"));
        }
        if (report.values().isEmpty()) {
            problems.add(Problem.permanent("values", "values.missing", "Báo cáo không có số liệu nào",
                    "the report has no figures"));
        }
        for (IndicatorValue value : report.values()) {
            if (value.value().scale() > MAX_SCALE || value.value().abs().compareTo(MAX_MAGNITUDE) >= 0) {
                problems.add(Problem.permanent(value.code() + " (" + value.disaggregation() + ")", "value.out_of_range",
                        "Giá trị " + value.value().toPlainString() + " quá lớn hoặc quá 6 chữ số thập phân",
                        "value " + value.value().toPlainString() + " is too large or has more than 6 decimals"));
            }
        }
        problems.addAll(CatalogCheck.check(report));
        return problems;
    }
}
