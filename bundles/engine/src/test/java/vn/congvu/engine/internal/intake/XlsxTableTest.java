package vn.congvu.engine.internal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxTableTest {

    private static final List<String> HEADER = List.of("Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Số ngày", "Phí");

    @TempDir
    Path folder;

    /** What a reader gave its sink, in order, as lines easy to compare. */
    static final class Recording implements TableSink {
        final List<String> lines = new ArrayList<>();
        final List<List<String>> rows = new ArrayList<>();
        final List<String[]> malformed = new ArrayList<>();
        int stopAfterRows = Integer.MAX_VALUE;

        @Override
        public void header(Location where, List<String> names) {
            lines.add(where.sheet() + "!" + where.line() + " header " + names);
        }

        @Override
        public void row(Location where, List<String> cells) {
            lines.add(where.sheet() + "!" + where.line() + " " + cells);
            rows.add(cells);
        }

        @Override
        public void malformed(Location where, String rule, String messageVi, String messageEn) {
            lines.add("malformed " + rule);
            malformed.add(new String[] {rule, messageVi, messageEn});
        }

        @Override
        public boolean stopped() {
            return rows.size() >= stopAfterRows;
        }
    }

    @Test
    void firstSheet_headerAndRows_asText_byTheSheetsRowNumbers() throws IOException {
        Recording sink = read(dossiers(), null);

        assertEquals(List.of(
                "Hồ sơ!1 header " + HEADER,
                "Hồ sơ!2 [HS-001, Cấp giấy phép xây dựng, 2024-03-15, 42, 3.25]",
                "Hồ sơ!3 [HS-002, , 2024-03-16, 7, 0.5]",
                "Hồ sơ!5 [HS-003, Đăng ký khai sinh, 2024-12-31, 1000000, 12.125]"), sink.lines);
    }

    @Test
    void emptyMiddleCell_isEmptyText_andLaterCellsKeepTheirColumns() throws IOException {
        Recording sink = read(dossiers(), null);

        assertEquals(List.of("HS-002", "", "2024-03-16", "7", "0.5"), sink.rows.get(1));
    }

    @Test
    void nfdVietnamese_passesThroughUnchanged() throws IOException {
        String nfd = Normalizer.normalize("Trưởng phòng Tư pháp", Normalizer.Form.NFD);
        Path file = write(Map.of("Sheet1", new Object[][] {{"Chức vụ"}, {nfd}}), null);

        Recording sink = read(file, null);

        assertEquals(List.of(List.of(nfd)), sink.rows);
        assertTrue(!nfd.equals(Normalizer.normalize(nfd, Normalizer.Form.NFC)), "the test's text must really be NFD");
    }

    @Test
    void namedSheet_readsThatSheet_evenIfNotFirst() throws IOException {
        Recording sink = read(dossiers(), "Danh mục");

        assertEquals(List.of("Danh mục!1 header [Mã, Tên]", "Danh mục!2 [1, Xã Đức Long]"), sink.lines);
    }

    @Test
    void sheetName_matchesIgnoringCaseAndUnicodeForm_asExcelDoes() throws IOException {
        Recording sink = read(dossiers(), Normalizer.normalize("DANH MỤC", Normalizer.Form.NFD));

        assertEquals(List.of("Danh mục!1 header [Mã, Tên]", "Danh mục!2 [1, Xã Đức Long]"), sink.lines);
    }

    @Test
    void noSheetName_readsTheFirstVisibleSheet() throws IOException {
        Path file = folder.resolve("hidden-first.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "congvu-test", "1.0");
            Worksheet lists = workbook.newWorksheet("Danh sách ẩn");
            lists.value(0, 0, "không phải dữ liệu");
            lists.setVisibilityState(VisibilityState.HIDDEN);
            Worksheet data = workbook.newWorksheet("Dữ liệu");
            data.value(0, 0, "Mã");
            data.value(1, 0, "HS-9");
            workbook.finish();
        }

        Recording sink = read(file, null);

        assertEquals(List.of("Dữ liệu!1 header [Mã]", "Dữ liệu!2 [HS-9]"), sink.lines);
    }

    @Test
    void unknownSheet_malformed_namingTheSheetAskedForAndThoseThere() throws IOException {
        Recording sink = read(dossiers(), "Báo cáo");

        assertEquals(List.of("malformed xlsx.sheet.unknown"), sink.lines);
        String[] problem = sink.malformed.get(0);
        assertEquals("tệp không có trang tính 'Báo cáo'; các trang tính của tệp: 'Hồ sơ', 'Danh mục'", problem[1]);
        assertEquals("the file has no sheet 'Báo cáo'; its sheets: 'Hồ sơ', 'Danh mục'", problem[2]);
    }

    @Test
    void textFileNamedXlsx_malformedUnreadable_sayingWhatItIs() throws IOException {
        Path file = Files.writeString(folder.resolve("hoso.xlsx"), "Mã hồ sơ,Tên thủ tục\nHS-001,Cấp phép\n");

        Recording sink = read(file, null);

        assertEquals(List.of("malformed xlsx.unreadable"), sink.lines);
        assertTrue(sink.malformed.get(0)[2].contains("an xlsx is a zip archive, and this file does not begin like one"));
        assertTrue(sink.malformed.get(0)[1].contains("không bắt đầu như gói zip"));
    }

    @Test
    void oldBinaryXls_malformedUnreadable_sayingSaveAsXlsxOrCsv() throws IOException {
        byte[] ole2 = new byte[4096];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, ole2, 0, 8);
        Path file = Files.write(folder.resolve("hoso.xlsx"), ole2);

        Recording sink = read(file, null);

        assertEquals(List.of("malformed xlsx.unreadable"), sink.lines);
        assertTrue(sink.malformed.get(0)[2].contains("Excel 97-2003 file (.xls)"), sink.malformed.get(0)[2]);
        assertTrue(sink.malformed.get(0)[2].contains("save it as .xlsx or CSV UTF-8"), sink.malformed.get(0)[2]);
        assertTrue(sink.malformed.get(0)[1].contains("lưu thành .xlsx hoặc CSV UTF-8"), sink.malformed.get(0)[1]);
    }

    @Test
    void truncatedXlsx_malformedUnreadable_noException() throws IOException {
        byte[] whole = Files.readAllBytes(dossiers());
        Path file = Files.write(folder.resolve("cut.xlsx"), Arrays.copyOf(whole, whole.length / 2));

        Recording sink = read(file, null);

        assertEquals(List.of("malformed xlsx.unreadable"), sink.lines);
        assertTrue(sink.malformed.get(0)[2].startsWith("the xlsx file is damaged"), sink.malformed.get(0)[2]);
    }

    @Test
    void stopped_stopsBeforeTheNextRow() throws IOException {
        Object[][] rows = new Object[101][];
        rows[0] = new Object[] {"Mã"};
        for (int i = 1; i < rows.length; i++) {
            rows[i] = new Object[] {"HS-" + i};
        }
        Recording sink = new Recording();
        sink.stopAfterRows = 2;

        XlsxTable.read(write(Map.of("Hồ sơ", rows), null), null, sink);

        assertEquals(List.of(List.of("HS-1"), List.of("HS-2")), sink.rows);
    }

    @Test
    void builtInAndCustomDateFormats_giveTheDate_timesStayNumbers() throws IOException {
        Path file = handMade(row(1, "<c r=\"A1\" t=\"inlineStr\"><is><t>Ngày</t></is></c>")
                + row(2, "<c r=\"A2\" s=\"1\"><v>45366</v></c><c r=\"B2\" s=\"2\"><v>45366.75</v></c>"
                        + "<c r=\"C2\" s=\"3\"><v>0.5</v></c><c r=\"D2\" s=\"4\"><v>45366</v></c>"));

        Recording sink = read(file, null);

        assertEquals(List.of(List.of("2024-03-15", "2024-03-15", "0.5", "45366")), sink.rows);
    }

    @Test
    void formulas_giveTheirLastValues_booleansAsTrueFalse() throws IOException {
        Path file = handMade(row(1, "<c r=\"A1\" t=\"inlineStr\"><is><t>Số</t></is></c>")
                + row(2, "<c r=\"A2\"><f>1+1</f><v>2</v></c><c r=\"B2\" t=\"str\"><f>\"xã \"&amp;\"Đức Long\"</f>"
                        + "<v>xã Đức Long</v></c><c r=\"C2\" t=\"b\"><f>1=1</f><v>1</v></c><c r=\"D2\" t=\"b\"><v>0</v></c>"
                        + "<c r=\"E2\" s=\"1\"><f>DATE(2024,3,15)</f><v>45366</v></c>"));

        Recording sink = read(file, null);

        assertEquals(List.of(List.of("2", "xã Đức Long", "TRUE", "FALSE", "2024-03-15")), sink.rows);
    }

    @Test
    void numbers_plain_withoutExponentOrTrailingZeros_asExcelShowsThem() throws IOException {
        Path file = handMade(row(1, "<c r=\"A1\" t=\"inlineStr\"><is><t>Số</t></is></c>")
                + row(2, "<c r=\"A2\"><v>1.5E+3</v></c><c r=\"B2\"><v>100.0</v></c><c r=\"C2\"><v>0.30000000000000004</v></c>"
                        + "<c r=\"D2\"><v>-0</v></c><c r=\"E2\"><v>1E-7</v></c><c r=\"F2\"><v>1E+999999999</v></c>"));

        Recording sink = read(file, null);

        assertEquals(List.of(List.of("1500", "100", "0.3", "0", "0.0000001", "1E+999999999")), sink.rows);
    }

    @Test
    void cellsWithoutReferences_andShortRows_lineUpWithTheHeader() throws IOException {
        Path file = handMade(row(1, "<c t=\"inlineStr\"><is><t>A</t></is></c><c t=\"inlineStr\"><is><t>B</t></is></c>"
                + "<c t=\"inlineStr\"><is><t>C</t></is></c><c s=\"5\"/>") + row(3, "<c r=\"B3\"><v>2</v></c>"));

        Recording sink = read(file, null);

        assertEquals(List.of("S!1 header [A, B, C]", "S!3 [, 2, ]"), sink.lines);
    }

    @Test
    void cellBeyondExcelsLastColumn_refusedBeforeAnyRow() throws IOException {
        // fastexcel-reader would make a list of 321 million entries for this one cell
        Path file = handMade(row(1, "<c r=\"ZZZZZZ1\"><v>1</v></c>"));

        Recording sink = read(file, null);

        assertEquals(List.of("malformed xlsx.unreadable"), sink.lines);
        assertTrue(sink.malformed.get(0)[2].contains("'ZZZZZZ1' is outside Excel's grid"), sink.malformed.get(0)[2]);
    }

    @Test
    void sharedStringFarPastTheEnd_refusedAsTooLarge() throws IOException {
        // fastexcel-reader would pad the shared strings with two billion empty ones (leading zeros and all)
        Path file = handMade(row(1, "<c r=\"A1\" t=\"s\"><v>00000000002000000000</v></c>"));

        Recording sink = read(file, null);

        assertEquals(List.of("malformed xlsx.too_large"), sink.lines);
        assertTrue(sink.malformed.get(0)[2].contains("shared text, formulas and formats"), sink.malformed.get(0)[2]);
    }

    @Test
    void cdataInACell_refused() throws IOException {
        Path file = handMade(row(1, "<c r=\"A1\" t=\"inlineStr\"><is><t><![CDATA[Mã]]></t></is></c>"));

        Recording sink = read(file, null);

        assertEquals(List.of("malformed xlsx.unreadable"), sink.lines);
        assertTrue(sink.malformed.get(0)[2].contains("CDATA"), sink.malformed.get(0)[2]);
    }

    @Test
    void zipBomb_partOverHalfAGigabyteUncompressed_refusedAsTooLarge() throws IOException {
        // a few hundred kilobytes in the zip: a comment, which the parser skips, so only the size limit stops it
        byte[] chunk = ("x".repeat(1023) + "<").getBytes(StandardCharsets.US_ASCII);
        Path file = folder.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<worksheet><!--".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written <= XlsxTableGuard.MAX_PART_BYTES; written += chunk.length) {
                zip.write(chunk);
            }
            zip.write("--></worksheet>".getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(Files.size(file) < 16 << 20, "a bomb is small: " + Files.size(file));

        Recording sink = read(file, null);

        assertEquals(List.of("malformed xlsx.too_large"), sink.lines);
        assertTrue(sink.malformed.get(0)[2].contains("its part 'xl/worksheets/sheet1.xml' is over 512 MB uncompressed"),
                sink.malformed.get(0)[2]);
    }

    private Recording read(Path file, String sheet) throws IOException {
        Recording sink = new Recording();
        XlsxTable.read(file, sheet, sink);
        return sink;
    }

    /** Two sheets as an operator's Excel would have them: text, dates, whole and decimal numbers, gaps. */
    private Path dossiers() throws IOException {
        Map<String, Object[][]> sheets = new java.util.LinkedHashMap<>();
        sheets.put("Hồ sơ", new Object[][] {
            HEADER.toArray(),
            {"HS-001", "Cấp giấy phép xây dựng", LocalDate.of(2024, 3, 15), 42, 3.25},
            {"HS-002", null, LocalDate.of(2024, 3, 16), 7, 0.5},
            {},
            {"HS-003", "Đăng ký khai sinh", LocalDate.of(2024, 12, 31), 1_000_000, 12.125}});
        sheets.put("Danh mục", new Object[][] {{"Mã", "Tên"}, {1, "Xã Đức Long"}});
        return write(sheets, "dd/mm/yyyy");
    }

    private Path write(Map<String, Object[][]> sheets, String dateFormat) throws IOException {
        Path file = Files.createTempFile(folder, "hoso", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "congvu-test", "1.0");
            for (Map.Entry<String, Object[][]> sheet : sheets.entrySet()) {
                Worksheet ws = workbook.newWorksheet(sheet.getKey());
                Object[][] rows = sheet.getValue();
                for (int r = 0; r < rows.length; r++) {
                    for (int c = 0; c < rows[r].length; c++) {
                        Object value = rows[r][c];
                        if (value instanceof String s) {
                            ws.value(r, c, s);
                        } else if (value instanceof Number n) {
                            ws.value(r, c, n);
                        } else if (value instanceof LocalDate d) {
                            ws.value(r, c, d);
                            ws.style(r, c).format(dateFormat).set();
                        }
                    }
                }
            }
            workbook.finish();
        }
        return file;
    }

    private static String row(int number, String cells) {
        return "<row r=\"" + number + "\">" + cells + "</row>";
    }

    /**
     * A workbook written by hand, for what the writer cannot make: Excel's built-in date format (14), a date and
     * time, a time, formulas with their values, cells without references. Styles: 1 = built-in date, 2 = custom
     * date and time, 3 = time, 4 = a number format, 5 = plain.
     */
    private Path handMade(String rows) throws IOException {
        String ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd"
                + ".openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\""
                + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
        parts.put("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<workbook " + ns + " xmlns:r=\"" + rel + "\"><sheets>"
                + "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "relationships\"><Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/></Relationships>");
        parts.put("xl/styles.xml", "<styleSheet " + ns + "><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode="
                + "\"dd/mm/yyyy\\ hh:mm\"/><numFmt numFmtId=\"165\" formatCode=\"#,##0.00\\ &quot;đ&quot;\"/></numFmts>"
                + "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"20\"/>"
                + "<xf numFmtId=\"165\"/><xf numFmtId=\"0\"/></cellXfs></styleSheet>");
        parts.put("xl/worksheets/sheet1.xml", "<worksheet " + ns + "><sheetData>" + rows + "</sheetData></worksheet>");
        Path file = Files.createTempFile(folder, "hand", ".xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }
}
