package vn.congvu.ministry.internal;

import java.time.LocalDate;
import vn.congvu.api.Problem;
import vn.congvu.api.Problems;
import vn.congvu.api.Province;
import vn.congvu.api.Report;
import vn.congvu.api.catalog.CatalogCheck;

/**
 * The ministry's checks of a decoded report, then the national catalog's (the same the province ran before
 * filing); every problem is listed, none stops the others.
 */
final class ReportValidator {

    private ReportValidator() {
    }

    /**
     * @param report             a report read from its message (the protocol's rules already checked)
     * @param contentHash        the report's content hash, as computed here
     * @param claimedContentHash the hash the sender claims
     * @param today              today, in Vietnam
     * @param problems           receives every problem found
     */
    static void validate(Report report, String contentHash, String claimedContentHash, LocalDate today,
                         Problems problems) {
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
        if (!contentHash.equals(claimedContentHash)) {
            problems.add(Problem.permanent("content_hash", "content_hash.mismatch",
                    "Mã băm nội dung không khớp với dạng chuẩn (congvu.report.v2) của báo cáo (báo cáo bị thay đổi khi truyền?)",
                    "the content hash does not match the report's canonical form (congvu.report.v2): altered in "
                            + "transit, or computed another way (see reporting.proto)"));
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
        CatalogCheck.check(report, problems::add);
    }
}
