package vn.congvu.ministry.internal;

import java.time.LocalDate;
import vn.congvu.api.Problem;
import vn.congvu.api.Problems;
import vn.congvu.api.Geography;
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
        // the units in force on the period's last day report it: a code merged away before then is refused,
        // saying into which unit, when and by which act (Geography)
        Geography.official().reportingProblem(report.key().provinceCode(), report.key().period()).ifPresent(problems::add);
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
