package vn.congvu.ministry.internal.views;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.congvu.api.Geography;
import vn.congvu.api.Period;
import vn.congvu.api.ProvincialUnit;
import vn.congvu.api.Regime;
import vn.congvu.api.ReportKey;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Column;
import vn.congvu.ministry.view.Deadline;
import vn.congvu.ministry.view.Formats;
import vn.congvu.ministry.view.ReportingCalendar;
import vn.congvu.ministry.view.Table;
import vn.congvu.store.Filing;
import vn.congvu.store.Refusal;

/**
 * The completeness of one year under one regime: the unit x period matrix, and the reporting and on-time rates
 * per period as DHIS2 defines them (reports received, and received by the due date, out of the reports expected:
 * one from each unit in force on the period's last day).
 */
final class CompletenessTables {

    private final ReportingCalendar calendar;
    private final Map<ReportKey, Filing> filings;
    private final Map<ReportKey, Refusal> refusals;
    private final LocalDate today;

    CompletenessTables(ReportingCalendar calendar, List<Filing> filings, List<Refusal> refusals, LocalDate today) {
        this.calendar = calendar;
        this.filings = filings.stream().collect(Collectors.toMap(Filing::key, Function.identity()));
        this.refusals = refusals.stream().collect(Collectors.toMap(Refusal::key, Function.identity()));
        this.today = today;
    }

    /** @return the periods of the year expected, and any other of the year a unit filed or was refused for */
    List<Period> periods(Regime regime, int year) {
        TreeSet<Period> periods = new TreeSet<>(ReportingCalendar.IN_ORDER);
        periods.addAll(calendar.expected(regime, year));
        filings.keySet().stream().filter(key -> key.regime() == regime && key.period().year() == year)
                .forEach(key -> periods.add(key.period()));
        refusals.keySet().stream().filter(key -> key.regime() == regime && key.period().year() == year)
                .forEach(key -> periods.add(key.period()));
        return List.copyOf(periods);
    }

    /** @return one row per unit in force during any of the periods, one column per period */
    Table matrix(Regime regime, int year) {
        List<Period> periods = periods(regime, year);
        TreeSet<String> units = new TreeSet<>();
        periods.forEach(period -> Geography.official().unitsOn(period.lastDay()).forEach(unit -> units.add(unit.code())));
        List<Column> columns = new ArrayList<>(List.of(Column.text("code", "Mã"), Column.text("province", "Tỉnh, thành phố")));
        periods.forEach(period -> columns.add(Column.text(period.toString(), "Kỳ " + period)));
        List<List<Cell>> rows = new ArrayList<>();
        for (String code : units) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.of(code));
            row.add(Cell.of(Geography.official().unitOrLatest(code, LocalDate.of(year, 12, 31)).map(ProvincialUnit::name)
                    .orElse(code)).linked("province/" + code));
            for (Period period : periods) {
                row.add(cell(new ReportKey(code, period, regime)));
            }
            rows.add(row);
        }
        List<String> notes = new ArrayList<>();
        periods.forEach(period -> calendar.deadline(regime, period).ifPresent(deadline -> notes.add("Kỳ " + period
                + ": chốt số liệu " + Formats.date(deadline.cutOff()) + ", hạn nộp " + Formats.date(deadline.due()))));
        notes.add("Đúng hạn / trễ hạn tính theo ngày Bộ nhận lần gửi đầu tiên; \"đã sửa: lần N\": các lần trước đã được lần N "
                + "thay thế / on time or late by the day the first revision was accepted; later revisions supersede it");
        notes.add("\"—\": đơn vị không tồn tại trong kỳ đó (bản đồ hành chính của kỳ) / not a unit during that period");
        notes.add(Formats.TIME_ZONE_NOTE);
        return new Table("completeness", "Tình hình nộp báo cáo " + label(regime) + " năm " + year + " (hôm nay "
                + Formats.date(today) + ")", columns, rows, notes);
    }

    /** @return one row per expected period: expected, received, on time, late, refused, missing, and the two rates */
    Table rates(Regime regime, int year) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Period period : calendar.expected(regime, year)) {
            Deadline deadline = calendar.deadline(regime, period).orElseThrow();
            List<ProvincialUnit> expected = Geography.official().unitsOn(period.lastDay());
            int[] counts = new int[Timeliness.Status.values().length];
            for (ProvincialUnit unit : expected) {
                ReportKey key = new ReportKey(unit.code(), period, regime);
                Timeliness.of(filings.get(key), refusals.get(key), Optional.of(deadline), today)
                        .ifPresent(timeliness -> counts[timeliness.status().ordinal()]++);
            }
            int onTime = counts[Timeliness.Status.ON_TIME.ordinal()];
            int received = onTime + counts[Timeliness.Status.LATE.ordinal()];
            rows.add(List.of(Cell.of(period.toString()), Cell.of(Formats.date(deadline.due())),
                    Formats.count(expected.size()), Formats.count(received), Formats.percent(received, expected.size()),
                    Formats.count(onTime), Formats.percent(onTime, expected.size()),
                    Formats.count(counts[Timeliness.Status.LATE.ordinal()]),
                    Formats.count(counts[Timeliness.Status.REFUSED.ordinal()]),
                    Formats.count(counts[Timeliness.Status.MISSING.ordinal()]),
                    Formats.count(counts[Timeliness.Status.NOT_DUE.ordinal()])));
        }
        return new Table("rates", "Tỷ lệ báo cáo và tỷ lệ đúng hạn " + label(regime) + " năm " + year, List.of(
                Column.text("period", "Kỳ"), Column.text("due", "Hạn nộp"), Column.number("expected", "Phải nộp"),
                Column.number("received", "Đã nộp"), Column.number("reportingRate", "Tỷ lệ báo cáo"),
                Column.number("onTime", "Đúng hạn"), Column.number("onTimeRate", "Tỷ lệ đúng hạn"),
                Column.number("late", "Trễ hạn"), Column.number("refused", "Bị từ chối"),
                Column.number("missing", "Chưa nộp"), Column.number("notDue", "Chưa đến hạn")), rows, List.of(
                "Như DHIS2: tỷ lệ báo cáo = đã nộp / phải nộp; tỷ lệ đúng hạn = nộp đúng hạn / phải nộp; phải nộp = số đơn vị "
                        + "hành chính có trong ngày cuối của kỳ / as DHIS2 defines them: reporting rate = received / "
                        + "expected, on-time rate = received by the due date / expected",
                "Một báo cáo bị từ chối chưa được tính là đã nộp / a refused report is not counted as received"));
    }

    /** @return where one unit stands for one period, as a cell leading to its report or its province */
    Cell cell(ReportKey key) {
        if (Geography.official().reportingProblem(key.provinceCode(), key.period()).isPresent()
                && !filings.containsKey(key)) {
            return new Cell("—", null, null, "none");
        }
        return Timeliness.of(filings.get(key), refusals.get(key), calendar.deadline(key.regime(), key.period()), today)
                .map(timeliness -> timeliness.cell().linked(timeliness.filing() != null
                        ? "report/" + key.provinceCode() + "/" + key.period() + "?regime=" + key.regime().name()
                        : "province/" + key.provinceCode()))
                .orElse(Cell.EMPTY);
    }

    static String label(Regime regime) {
        return regime == Regime.PERIODIC ? "định kỳ" : "chuyên đề";
    }
}
