package vn.congvu.console.internal.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Column;
import vn.congvu.ministry.view.Formats;
import vn.congvu.ministry.view.Table;

/** CSV that Excel opens: a BOM, the headings, each cell as shown, quoted where it must be, formulas defused. */
class TableCsvTest {

    @Test
    void aTable_isItsHeadingsAndShownText_numbersPlain_afterAByteOrderMark() {
        Table table = new Table("t", "Tiêu đề", List.of(Column.text("province", "Tỉnh, thành phố"),
                Column.number("rate", "Tỷ lệ"), Column.number("count", "Số")), List.of(
                List.of(Cell.of("UBND xã Tân Lập, huyện Đan Phượng"), Formats.percent(48207, 48447), Formats.count(48207)),
                List.of(Cell.of("=HYPERLINK(\"x\")"), Cell.of("-1,5"), Formats.decimal(new BigDecimal("-1.5"))),
                List.of(Cell.of("dòng\nhai"), Formats.percent(0, 0), Cell.of("-"))), List.of());

        byte[] csv = TableCsv.bytes(table);

        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        assertEquals("\"Tỉnh, thành phố\",Tỷ lệ (%),Số\r\n"
                + "\"UBND xã Tân Lập, huyện Đan Phượng\",99.5046,48207\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",\"-1,5\",-1.5\r\n"
                + "\"dòng\nhai\",-,-\r\n", new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void aColumnOfCountsAndRates_isNotMarkedAsPercent_itsUnitColumnSaysWhichIsWhich() {
        Table table = new Table("t", "t", List.of(Column.number("value", "Giá trị"), Column.text("unit", "Đơn vị tính")),
                List.of(List.of(Formats.count(48447), Cell.of("hồ sơ")), List.of(Formats.percent(1, 2), Cell.of("%"))), List.of());

        byte[] csv = TableCsv.bytes(table);

        assertEquals("Giá trị,Đơn vị tính\r\n48447,hồ sơ\r\n50,%\r\n", new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void aFileName_isAsciiFromThePathAndQuery() {
        assertEquals("congvu-completeness-2023-periodic-completeness",
                Answers.fileName("completeness", new java.util.LinkedHashMap<>(java.util.Map.of("year", "2023")) {{
                    put("regime", "periodic");
                    put("format", "csv");
                }}, "completeness"));
        assertEquals("congvu-figures-report-19-2026", Answers.fileName("report/19/2026", java.util.Map.of(), "figures"));
    }
}
