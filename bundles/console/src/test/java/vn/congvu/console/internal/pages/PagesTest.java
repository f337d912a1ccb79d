package vn.congvu.console.internal.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.ReportKey;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Column;
import vn.congvu.ministry.view.MinistryViews;
import vn.congvu.ministry.view.Table;

/** Which tables each console address shows, and how a wrong address or query is refused. */
class PagesTest {

    private final List<String> asked = new ArrayList<>();

    private static Table table(String id) {
        return new Table(id, id, List.of(Column.text("a", "A"), Column.number("b", "B")), List.of(), List.of());
    }

    private Pages pages() {
        MinistryViews views = (MinistryViews) Proxy.newProxyInstance(MinistryViews.class.getClassLoader(),
                new Class<?>[] {MinistryViews.class}, (proxy, method, arguments) -> {
                    asked.add(method.getName() + (arguments == null ? "" : List.of(arguments)));
                    return switch (method.getName()) {
                        case "years" -> List.of(2026, 2025);
                        case "periods" -> List.of(Period.year(2023), Period.year(2022));
                        case "reportKeys" -> List.of();
                        case "report" -> Optional.empty();
                        case "national", "provinceReports", "provinceSeries" -> List.of(table(method.getName()));
                        case "completeness" -> new Table("completeness", "c", List.of(Column.text("code", "Mã")),
                                List.of(List.of(Cell.of("01"))), List.of());
                        case "reportingRates" -> new Table("rates", "r", List.of(Column.text("period", "Kỳ"),
                                Column.number("reportingRate", "Tỷ lệ")), List.of(), List.of());
                        default -> table(method.getName());
                    };
                });
        return new Pages(views);
    }

    @Test
    void theFirstPage_isThisYearsPeriodicCompleteness() {
        Content content = pages().resolve("", Map.of());

        assertEquals(List.of("rates", "completeness"), content.tables().stream().map(Table::id).toList());
        assertTrue(asked.contains("completeness[PERIODIC, 2026]"), asked.toString());
    }

    @Test
    void national_defaultsToTheNewestPeriodHeld_andReadsTheView() {
        pages().resolve("national", Map.of());
        pages().resolve("national", Map.of("period", "2022", "view", "restated"));

        assertTrue(asked.contains("national[2023, false]"), asked.toString());
        assertTrue(asked.contains("national[2022, true]"), asked.toString());
    }

    @Test
    void aMergedProvince_hasItsReportsButNoSeriesOfItsOwn() {
        Content bacKan = pages().resolve("province/06", Map.of());
        Content thaiNguyen = pages().resolve("province/19", Map.of());

        assertEquals(List.of("provinceReports"), bacKan.tables().stream().map(Table::id).toList());
        assertEquals(List.of("provinceReports", "provinceSeries"), thaiNguyen.tables().stream().map(Table::id).toList());
    }

    @Test
    void wrongAddressesAndQueries_areRefusedInWords() {
        Pages pages = pages();

        assertThrows(NotFound.class, () -> pages.resolve("nowhere", Map.of()));
        assertThrows(NotFound.class, () -> pages.resolve("fleet/extra", Map.of()));
        assertThrows(NotFound.class, () -> pages.resolve("report/04/2022", Map.of()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pages.resolve("completeness", Map.of("year", "20x3")))
                .getMessage().contains("'20x3' is not a year"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pages.resolve("province/99", Map.of()))
                .getMessage().contains("'99'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pages.resolve("report/04/2022",
                Map.of("revision", "0"))).getMessage().contains("'0' is not a revision"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pages.resolve("national", Map.of("view", "x")))
                .getMessage().contains("'reported' or 'restated'"));
        assertTrue(asked.contains("report[" + new ReportKey("04", Period.year(2022), Regime.PERIODIC) + ", Optional.empty]"),
                asked.toString());
    }
}
