package vn.congvu.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Column;
import vn.congvu.ministry.view.MinistryViews;
import vn.congvu.ministry.view.Table;
import vn.congvu.ministry.view.TableText;

/**
 * The ministry's commands print the console's tables as text, and say what is wrong with an argument in words (not
 * Gogo's "Cannot coerce").
 */
class MinistryCommandsTest {

    private static final Table TABLE = new Table("t", "Tiêu đề", List.of(Column.text("province", "Tỉnh"),
            Column.number("rate", "Tỷ lệ")), List.of(List.of(Cell.of("Cao Bằng (04)"), Cell.of("99,50%"))), List.of("ghi chú"));

    private final List<String> asked = new ArrayList<>();

    private MinistryCommands commands() {
        ReportQueries queries = (ReportQueries) Proxy.newProxyInstance(ReportQueries.class.getClassLoader(),
                new Class<?>[] {ReportQueries.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "latestFor" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        MinistryViews views = (MinistryViews) Proxy.newProxyInstance(MinistryViews.class.getClassLoader(),
                new Class<?>[] {MinistryViews.class}, (proxy, method, arguments) -> {
                    asked.add(method.getName() + (arguments == null ? "" : List.of(arguments)));
                    return switch (method.getName()) {
                        case "fleet", "completeness", "reportingRates" -> TABLE;
                        case "years" -> List.of(2026, 2025);
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
        return new MinistryCommands(queries, views);
    }

    @Test
    void nodes_printsTheFleetTableAsTheConsoleShowsIt() {
        assertEquals(TableText.text(List.of(TABLE)), commands().nodes());
        assertTrue(commands().nodes().contains("Cao Bằng (04)  99,50%"), commands().nodes());
    }

    @Test
    void completeness_defaultsToThisYearsPeriodicReports_andReadsAYearAndRegime() {
        MinistryCommands commands = commands();
        commands.completeness();
        commands.completeness("2023", "thematic");

        assertTrue(asked.contains("completeness[PERIODIC, 2026]"), asked.toString());
        assertTrue(asked.contains("completeness[THEMATIC, 2023]"), asked.toString());
    }

    @Test
    void wrongArguments_areRefusedInWordsNamingWhatIsWrong() {
        MinistryCommands commands = commands();

        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.national("2022-X9")).getMessage()
                .contains("'2022-X9' is not a period"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.national("2022", "sideways")).getMessage()
                .contains("'reported' or 'restated'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.report("04")).getMessage()
                .contains("congvu:report CODE PERIOD [REVISION]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.report("99", "2022")).getMessage()
                .contains("no province has the code '99'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.province("4")).getMessage()
                .contains("write 04"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.province()).getMessage()
                .contains("a province's two-digit code is needed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.completeness("1999")).getMessage()
                .contains("'1999' is not a year"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.completeness("2023", "weekly")).getMessage()
                .contains("'weekly' is not a regime"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.series("06")).getMessage()
                .contains("congvu:series 19"));
        assertEquals("Chưa tỉnh nào nộp báo cáo kỳ 2022 / no province has filed for 2022", commands.national("2022"));
        assertEquals(List.of(), asked.stream().filter(call -> call.startsWith("national")).toList());
        assertEquals(Period.year(2022), vn.congvu.ministry.view.ViewArguments.period(" 2022 "));
        assertEquals(Regime.PERIODIC, vn.congvu.ministry.view.ViewArguments.regime("PERIODIC"));
    }
}
