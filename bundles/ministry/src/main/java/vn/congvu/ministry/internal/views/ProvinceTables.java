package vn.congvu.ministry.internal.views;

import java.util.ArrayList;
import java.util.List;
import vn.congvu.api.ReportKey;
import vn.congvu.api.format.VietnameseNumbers;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Column;
import vn.congvu.ministry.view.Formats;
import vn.congvu.ministry.view.Table;
import vn.congvu.store.Filing;
import vn.congvu.store.MinistryStore;
import vn.congvu.store.Refusal;
import vn.congvu.store.StoredReport;

/** A province's own reports: every revision with its receipt and timeliness, and its refused reports. */
final class ProvinceTables {

    private final MinistryStore store;
    private final CompletenessTables completeness;

    ProvinceTables(MinistryStore store, CompletenessTables completeness) {
        this.store = store;
        this.completeness = completeness;
    }

    /** @return one row per revision of every report of the province, newest period first */
    Table reports(String code, List<Filing> filings) {
        List<List<Cell>> rows = new ArrayList<>();
        List<Filing> own = filings.stream().filter(filing -> filing.key().provinceCode().equals(code))
                .sorted((left, right) -> right.key().period().lastDay().compareTo(left.key().period().lastDay())).toList();
        for (Filing filing : own) {
            ReportKey key = filing.key();
            List<StoredReport> revisions = store.revisions(key);
            for (StoredReport stored : revisions) {
                int revision = stored.report().revision();
                boolean latest = revision == filing.latestRevision();
                rows.add(List.of(Cell.of(key.period().toString()), Cell.of(CompletenessTables.label(key.regime())),
                        Formats.count(revision),
                        Cell.of(stored.receipt().receiptId()).linked("report/" + code + "/" + key.period() + "?regime="
                                + key.regime().name() + "&revision=" + revision),
                        Cell.of(Formats.dateTime(stored.receipt().acceptedAt())),
                        stored == revisions.get(0) ? completeness.cell(key) : Cell.of("—"),
                        latest ? Cell.of("Hiện hành").shown("current")
                                : Cell.of("Đã được thay bằng lần " + filing.latestRevision()).shown("superseded")));
            }
        }
        return new Table("reports", "Các báo cáo và các lần gửi của " + Formats.unit(code), List.of(Column.text("period", "Kỳ"),
                Column.text("regime", "Chế độ"), Column.number("revision", "Lần gửi"), Column.text("receipt", "Biên nhận"),
                Column.text("acceptedAt", "Bộ nhận lúc"), Column.text("timeliness", "Thời hạn (lần gửi đầu)"),
                Column.text("state", "Hiệu lực")), rows, List.of(Formats.TIME_ZONE_NOTE));
    }

    /**
     * @param refusals the province's latest refusal of each key
     * @param filings  what is stored
     * @return the refusals that no revision accepted after them replaced
     */
    Table refusals(List<Refusal> refusals, List<Filing> filings) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Refusal refusal : refusals) {
            boolean replaced = filings.stream().anyMatch(filing -> filing.key().equals(refusal.key())
                    && !filing.latestAcceptedAt().isBefore(refusal.refusedAt()));
            if (!replaced) {
                rows.add(List.of(Cell.of(refusal.key().period().toString()), Cell.of(CompletenessTables.label(refusal.key().regime())),
                        Formats.count(refusal.revision()), Cell.of(Formats.dateTime(refusal.refusedAt())),
                        Formats.count(refusal.problemCount()), Cell.of(String.join(" | ", refusal.problems())
                                + (refusal.problemCount() > refusal.problems().size() ? " | ... và "
                                + VietnameseNumbers.count(refusal.problemCount() - refusal.problems().size()) + " vấn đề khác" : ""))
                                .shown("refused")));
            }
        }
        return new Table("refusals", "Báo cáo bị Bộ từ chối, chưa được thay bằng lần gửi được nhận", List.of(Column.text("period", "Kỳ"),
                Column.text("regime", "Chế độ"), Column.number("revision", "Lần gửi"), Column.text("refusedAt", "Từ chối lúc"),
                Column.number("problemCount", "Số vấn đề"), Column.text("problems", "Vấn đề")), rows,
                List.of(Formats.TIME_ZONE_NOTE));
    }
}
