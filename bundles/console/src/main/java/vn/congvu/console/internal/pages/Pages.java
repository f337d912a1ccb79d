package vn.congvu.console.internal.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.congvu.api.Geography;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.ReportKey;
import vn.congvu.ministry.view.MinistryViews;
import vn.congvu.ministry.view.Table;
import vn.congvu.ministry.view.ViewArguments;

/**
 * Which tables and charts each console address shows: the same answer for the page, its CSV and JSON downloads and
 * the JSON API, so that every output of one address holds the same figures.
 *
 * <ul>
 *   <li>{@code completeness?year=2023&regime=periodic} (also the console's first page)</li>
 *   <li>{@code national?period=2023&view=reported|restated}</li>
 *   <li>{@code charts?period=2023}</li>
 *   <li>{@code province/19}</li>
 *   <li>{@code report/19/2026?regime=periodic&revision=1}</li>
 *   <li>{@code fleet}</li>
 * </ul>
 */
final class Pages {

    private final MinistryViews views;

    Pages(MinistryViews views) {
        this.views = views;
    }

    /**
     * @param path       the address under {@code /console/} or {@code /api/v1/}, such as {@code province/19}
     * @param parameters its query
     * @return what it shows
     * @throws NotFound                 for an address with no page, or a report not held
     * @throws IllegalArgumentException naming a query value that cannot be read
     */
    Content resolve(String path, Map<String, String> parameters) {
        String[] parts = path.isEmpty() ? new String[] {"completeness"} : path.split("/", -1);
        return switch (parts[0]) {
            case "completeness" -> one(parts, completeness(parameters));
            case "national" -> one(parts, national(parameters));
            case "charts" -> one(parts, charts(parameters));
            case "fleet" -> one(parts, new Content("Các nút tỉnh", "Tỉnh nào chạy phiên bản mô-đun nào, liên lạc gần nhất "
                    + "lúc nào; nút im lặng được đánh dấu.", List.of(), List.of(views.fleet()), List.of()));
            case "province" -> {
                if (parts.length != 2) {
                    throw notFound(path);
                }
                yield province(ViewArguments.province(parts[1]));
            }
            case "report" -> {
                if (parts.length != 3) {
                    throw notFound(path);
                }
                yield report(parts[1], parts[2], parameters);
            }
            default -> throw notFound(path);
        };
    }

    private static Content one(String[] parts, Content content) {
        if (parts.length > 1) {
            throw notFound(String.join("/", parts));
        }
        return content;
    }

    private Content completeness(Map<String, String> parameters) {
        List<Integer> years = views.years();
        int year = parameters.containsKey("year") ? ViewArguments.year(parameters.get("year")) : years.get(0);
        Regime regime = parameters.containsKey("regime") ? ViewArguments.regime(parameters.get("regime")) : Regime.PERIODIC;
        List<Content.Option> yearOptions = new ArrayList<>(years.stream()
                .map(option -> new Content.Option(String.valueOf(option), String.valueOf(option))).toList());
        if (!years.contains(year)) {
            yearOptions.add(new Content.Option(String.valueOf(year), String.valueOf(year)));
        }
        return new Content("Tình hình nộp báo cáo", "Ai đã nộp, đúng hạn hay trễ bao nhiêu ngày, ai bị từ chối, ai chưa nộp: "
                + "theo lịch báo cáo (Nghị định 09/2019/NĐ-CP) và bản đồ hành chính của từng kỳ.",
                List.of(new Content.Filter("year", "Năm", yearOptions, String.valueOf(year)), regimes(regime)),
                List.of(views.reportingRates(regime, year), views.completeness(regime, year)), List.of());
    }

    private Content national(Map<String, String> parameters) {
        Optional<Period> period = period(parameters);
        String view = parameters.getOrDefault("view", "reported");
        if (!view.equals("reported") && !view.equals("restated")) {
            throw new IllegalArgumentException("Cách xem là 'reported' (như đã báo cáo) hoặc 'restated' (tính lại theo bản "
                    + "đồ hiện nay) / the view is 'reported' or 'restated'");
        }
        List<Content.Filter> filters = new ArrayList<>();
        period.ifPresent(chosen -> filters.add(periods(chosen)));
        filters.add(new Content.Filter("view", "Cách xem", List.of(new Content.Option("reported", "Như đã báo cáo (bản đồ của kỳ)"),
                new Content.Option("restated", "Tính lại theo " + Geography.official().unitsOn(LocalDate.now(Period.ZONE)).size()
                        + " tỉnh, thành phố hiện nay")), view));
        return new Content("Số liệu toàn quốc", "Tổng số liệu của các tỉnh đã nộp; tỷ lệ tính lại từ tử số và mẫu số.", filters,
                period.map(chosen -> views.national(chosen, view.equals("restated"))).orElse(List.of()), List.of());
    }

    private Content charts(Map<String, String> parameters) {
        Optional<Period> period = period(parameters);
        if (period.isEmpty()) {
            return new Content("Biểu đồ", "Chưa có báo cáo nào.", List.of(), List.of(), List.of());
        }
        return new Content("Biểu đồ", "Tỷ lệ hồ sơ đúng hạn theo tỉnh (xếp hạng) và kỷ luật theo hình thức, kỳ " + period.get()
                + ".", List.of(periods(period.get())),
                List.of(views.onTimeRanking(period.get()), views.disciplineByForm(period.get())), List.of(
                new Content.Chart("on-time-ranking", "Tỷ lệ hồ sơ đúng hạn theo tỉnh, kỳ " + period.get(), "bar", "province",
                        "onTimeRate", true, "%", null),
                new Content.Chart("discipline", "Kỷ luật theo hình thức, kỳ " + period.get(), "bar", "form", "staff", false,
                        "", null)));
    }

    private Content province(String code) {
        List<Table> tables = new ArrayList<>(views.provinceReports(code));
        List<Content.Chart> charts = new ArrayList<>();
        views.reportKeys(code).stream().findFirst().flatMap(latest -> views.report(latest, Optional.empty()))
                .ifPresent(tables::addAll);
        if (Geography.official().unit(code, LocalDate.now(Period.ZONE)).isPresent()) {
            List<Table> series = views.provinceSeries(code);
            tables.addAll(series);
            // the first headline the years hold: the dossier on-time rate, else staff rated, else staff disciplined
            series.stream().filter(table -> table.id().equals("headline-series")).findFirst().ifPresent(headlines -> {
                for (String[] headline : new String[][] {{"onTimeRate", "Tỷ lệ hồ sơ đúng hạn", "%"},
                        {"rated", "CBCCVC được đánh giá", ""}, {"disciplined", "CBCCVC bị kỷ luật", ""}}) {
                    int column = headlines.columns().stream().map(c -> c.key()).toList().indexOf(headline[0]);
                    if (column >= 0 && headlines.rows().stream().anyMatch(row -> row.get(column).value() != null)) {
                        charts.add(new Content.Chart("headline-series", headline[1] + " qua các năm (lãnh thổ hiện nay)",
                                "bar", "year", headline[0], false, headline[2], "break"));
                        break;
                    }
                }
            });
        }
        String name = vn.congvu.ministry.view.Formats.unit(code);
        return new Content(name, "Mọi báo cáo và lần gửi của " + name + " với biên nhận; báo cáo gần nhất: số liệu, phát hiện, "
                + "mô-đun đã tính; chuỗi số liệu qua các năm.", List.of(), tables, charts);
    }

    private Content report(String code, String periodText, Map<String, String> parameters) {
        Regime regime = parameters.containsKey("regime") ? ViewArguments.regime(parameters.get("regime")) : Regime.PERIODIC;
        ReportKey key = new ReportKey(ViewArguments.province(code), ViewArguments.period(periodText), regime);
        Optional<Integer> revision = parameters.containsKey("revision")
                ? Optional.of(ViewArguments.revision(parameters.get("revision"))) : Optional.empty();
        List<Table> tables = views.report(key, revision).orElseThrow(() -> new NotFound("Chưa có báo cáo " + key
                + revision.map(number -> " lần " + number).orElse("") + " / no such report is held"));
        return new Content(tables.get(0).title(), "", List.of(), tables, List.of());
    }

    private Optional<Period> period(Map<String, String> parameters) {
        if (parameters.containsKey("period")) {
            return Optional.of(ViewArguments.period(parameters.get("period")));
        }
        return views.periods().stream().findFirst();
    }

    private Content.Filter periods(Period chosen) {
        List<Content.Option> options = new ArrayList<>(views.periods().stream()
                .map(period -> new Content.Option(period.toString(), period.toString())).toList());
        if (options.stream().noneMatch(option -> option.value().equals(chosen.toString()))) {
            options.add(0, new Content.Option(chosen.toString(), chosen.toString()));
        }
        return new Content.Filter("period", "Kỳ", options, chosen.toString());
    }

    private static Content.Filter regimes(Regime chosen) {
        return new Content.Filter("regime", "Chế độ báo cáo", List.of(new Content.Option("periodic", "Định kỳ"),
                new Content.Option("thematic", "Chuyên đề")), chosen.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static NotFound notFound(String path) {
        return new NotFound("Không có trang '" + path + "' / no page at '" + path + "'");
    }
}
