package vn.congvu.engine.internal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.congvu.api.Problem;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordType;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.engine.WorkWatcher;

/** The CSV and JSON readers feeding the one validator: what a file's text gives, records or every error. */
class TableReadingTest {

    private static final String HEADER = "id,level,unit,received,due,resolved\n";

    /** What reading a text gave: its records when there are no errors, and its errors. */
    record Outcome(List<Record> records, List<Problem> errors) {
    }

    static Outcome csv(RecordType type, String name, String text) {
        return read(type, name, text, false);
    }

    static Outcome json(RecordType type, String name, String text) {
        return read(type, name, text, true);
    }

    private static Outcome read(RecordType type, String name, String text, boolean json) {
        IntakeErrors errors = new IntakeErrors(name);
        List<Record> records = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        RecordValidator validator = new RecordValidator(type, errors, record -> keys.add(record.key()) && records.add(record),
                new Ticker(WorkWatcher.NONE, "reading " + name, () -> 0, 0));
        try {
            if (json) {
                JsonRecords.read(new StringReader(text), validator);
            } else {
                CsvTable.read(new StringReader(text), validator);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
        return new Outcome(errors.count() == 0 ? records : List.of(), errors.problems());
    }

    private static Outcome read(String text) {
        return csv(RecordTypes.DOSSIER, "hoso-2022.csv", text);
    }

    private static List<String> whereAndRule(Outcome outcome) {
        return outcome.errors().stream().map(problem -> problem.field() + " " + problem.rule()).toList();
    }

    @Test
    void csv_quotedVietnameseTextAndEmptyOptionalField_keepsThemIntact() {
        Outcome outcome = read("\uFEFF" + HEADER
                + "HS-1,commune,\"UBND xã Đức Long, huyện Thạch An\",2022-01-03,2022-01-10,2022-01-07\r\n"
                + "HS-2,district,\"Phòng \"\"Một cửa\"\" huyện Bảo Lâm\",2022-01-03,2022-01-10,\n");

        assertEquals(List.of(), outcome.errors());
        assertEquals("UBND xã Đức Long, huyện Thạch An", outcome.records().get(0).text("unit"));
        assertEquals(LocalDate.parse("2022-01-07"), outcome.records().get(0).date("resolved"));
        assertEquals("Phòng \"Một cửa\" huyện Bảo Lâm", outcome.records().get(1).text("unit"));
        assertEquals(null, outcome.records().get(1).date("resolved"));
    }

    @Test
    void csv_decomposedVietnamese_isReadInNfc() {
        String decomposed = java.text.Normalizer.normalize("UBND xã Đức Long", java.text.Normalizer.Form.NFD);

        Outcome outcome = read(HEADER + "HS-1,commune,\"" + decomposed + "\",2022-01-03,2022-01-10,\n");

        assertEquals("UBND xã Đức Long", outcome.records().get(0).text("unit"));
        assertTrue(java.text.Normalizer.isNormalized(outcome.records().get(0).text("unit"), java.text.Normalizer.Form.NFC));
    }

    @Test
    void csv_cellsWithQuotesInsideOrAfterText_areReadAsTheQuotingRulesSay() {
        Outcome bad = read(HEADER
                + "HS-1,commune,UBND xã \"A\" mới,2022-01-03,2022-01-10,\n"
                + "HS-2,commune,\"UBND xã\" B,2022-01-03,2022-01-10,\n"
                + "\"HS-3\",\"commune\",\"\",2022-01-03,2022-01-10,\"\"\n");
        Outcome good = read(HEADER
                + "HS-1,commune,UBND xã \"A\" mới,2022-01-03,2022-01-10,\n"
                + "HS-2,commune,\"UBND xã\" B,2022-01-03,2022-01-10,\n");

        assertEquals(List.of("hoso-2022.csv:4 unit field.required"), whereAndRule(bad));
        assertEquals("UBND xã A mới", good.records().get(0).text("unit"));
        assertEquals("UBND xã B", good.records().get(1).text("unit"));
    }

    @Test
    void csv_quotedLineBreak_isOneRecordReadWithASpace_andLaterErrorsNameTheirRealLine() {
        Outcome outcome = read(HEADER
                + "HS-1,commune,\"UBND xã Đức Long,\nhuyện Thạch An\",2022-01-03,2022-01-10,\n"
                + "HS-2,commune,UBND xã A,2022-01-03,2022-01-10,\n"
                + "HS-3,commune,UBND xã A,not-a-date,2022-01-10,\n");

        assertEquals(List.of("hoso-2022.csv:5 received field.kind"), whereAndRule(outcome));
        Outcome good = read(HEADER + "HS-1,commune,\"UBND xã Đức Long,\r\nhuyện Thạch An\",2022-01-03,2022-01-10,\n");
        assertEquals("UBND xã Đức Long, huyện Thạch An", good.records().get(0).text("unit"));
    }

    @Test
    void csv_quoteNeverClosed_isRefusedAtTheLineItOpened() {
        Outcome outcome = read(HEADER + "HS-1,commune,UBND xã A,2022-01-03,2022-01-10,\n"
                + "HS-2,commune,\"UBND xã B,2022-01-03,2022-01-10,\nHS-3,commune,UBND xã C,2022-01-03,2022-01-10,\n");

        assertEquals(List.of("hoso-2022.csv:3 line.unterminated_quote"), whereAndRule(outcome));
    }

    @Test
    void csv_semicolonsVietnameseHeadersAndDayMonthYearDates_giveTheSameRecords() {
        Outcome english = read(HEADER + "HS-1,commune,UBND xã A,2022-01-03,2022-01-10,2022-01-07\n");
        Outcome vietnamese = read("Mã hồ sơ;Cấp;Đơn vị;Ngày tiếp nhận;Hạn giải quyết;Ngày giải quyết\n"
                + "HS-1;commune;UBND xã A;03/01/2022;10/1/2022;07/01/2022\n");
        Outcome tabs = read("ma ho so\tcap\tdon vi\tngay tiep nhan\than giai quyet\tngay giai quyet\n"
                + "HS-1\tcommune\tUBND xã A\t2022-01-03\t2022-01-10\t2022-01-07\n");

        assertEquals(List.of(), vietnamese.errors());
        assertEquals(english.records(), vietnamese.records());
        assertEquals(english.records(), tabs.records());
    }

    @Test
    void csv_badLines_refusesTheWholeFileListingEveryErrorByLineAndField() {
        Outcome outcome = read(HEADER
                + "HS-1,commune,UBND xã A,2022-01-03,2022-01-10,2022-01-07\n"
                + "HS-2,ward,UBND phường B,2022-01-03,2022-01-10,\n"
                + "HS-3,commune,,31/02/2022,2022-01-10,\n"
                + "HS-4,commune,UBND xã C,2022-01-03\n"
                + "HS-1,commune,UBND xã A,2022-01-03,2022-01-10,2022-01-07\n");

        assertTrue(outcome.records().isEmpty());
        assertEquals(List.of(
                        "hoso-2022.csv:3 level field.code.unknown",
                        "hoso-2022.csv:4 unit field.required",
                        "hoso-2022.csv:4 received field.kind",
                        "hoso-2022.csv:5 line.column_count",
                        "hoso-2022.csv:6 id record.key.duplicate"),
                whereAndRule(outcome));
        Problem badDate = outcome.errors().get(2);
        assertEquals("line 4, field received: '31/02/2022' is not a date (write yyyy-MM-dd such as 2022-03-31, "
                + "or dd/MM/yyyy such as 31/03/2022)", badDate.messageEn());
        assertEquals("Dòng 4, trường received: '31/02/2022' không phải là một ngày (viết yyyy-MM-dd như 2022-03-31, "
                + "hoặc dd/MM/yyyy như 31/03/2022)", badDate.messageVi());
    }

    @Test
    void csv_headerWithUnknownAndMissingColumns_namesThemWithTheirVietnameseNames() {
        Outcome outcome = read("id,level,đơn vị hành chính,received,due\nHS-1,commune,x,2022-01-01,2022-01-02\n");

        assertEquals(List.of("file.header.unknown_field", "file.header.missing_field"),
                outcome.errors().stream().map(Problem::rule).toList());
        assertTrue(outcome.errors().get(0).messageEn().contains("'đơn vị hành chính'"));
        assertTrue(outcome.errors().get(0).messageEn().contains("unit (Đơn vị)"), outcome.errors().get(0).messageEn());
        assertTrue(outcome.errors().get(1).messageVi().contains("'unit' (Đơn vị)"), outcome.errors().get(1).messageVi());
    }

    @Test
    void csv_manyBadLines_listsAThousandAndCountsTheRest() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 1500; i++) {
            text.append("HS-").append(i).append(",commune,UBND xã A,not-a-date,2022-01-10,\n");
        }

        Outcome outcome = read(text.toString());

        assertEquals(IntakeErrors.MAX_LISTED + 1, outcome.errors().size());
        assertEquals("and 500 more errors", outcome.errors().get(IntakeErrors.MAX_LISTED).messageEn());
    }

    @Test
    void json_sameChecksAsCsv_errorsNameTheLineTheRecordStartsOn() {
        Outcome good = json(RecordTypes.DISCIPLINE, "kyluat.json",
                "[{\"id\": \"KL-1\", \"staff_id\": \"CB-77\", \"decided\": \"04/05/2021\", \"form\": \"reprimand\","
                        + " \"Đơn vị\": \"Sở Y tế tỉnh Bắc Kạn\"}]");
        Outcome bad = json(RecordTypes.DISCIPLINE, "kyluat.json",
                "[\n{\"id\": \"KL-1\", \"staff_id\": \"CB-77\", \"decided\": \"2021-05-04\", \"form\": \"fine\"},\n"
                        + "\n {\"id\": \"KL-2\", \"decided\": 2021, \"form\": \"warning\", \"colour\": \"red\"},\n 7]");

        assertEquals(List.of(), good.errors());
        assertEquals("Sở Y tế tỉnh Bắc Kạn", good.records().get(0).text("unit"));
        assertEquals(LocalDate.parse("2021-05-04"), good.records().get(0).date("decided"));
        assertEquals(List.of("kyluat.json:2 form field.code.unknown", "kyluat.json:4 colour field.unknown",
                        "kyluat.json:5 json.not_an_object"), whereAndRule(bad));
    }

    @Test
    void json_syntaxError_isNamedAtItsRealLine() {
        Outcome outcome = json(RecordTypes.DOSSIER, "x.json", "[\n"
                + "{\"id\": \"HS-1\", \"level\": \"commune\", \"unit\": \"A\", \"received\": \"2022-01-03\", \"due\": \"2022-01-10\"},\n"
                + "{\"id\": \"HS-2\", \"level\": \"commune\", \"unit\": \"A\", \"received\": \"2022-01-03\", \"due\": \"2022-01-10\"},\n"
                + "{\"id\": \"HS-3\", \"level\": \"commune\", \"unit\": \"A\", \"received\": \"2022-01-03\", \"due\": \"2022-01-10\"},\n"
                + "{\"id\": \"HS-4\", \"level\": \"commune\", \"unit\": \"A\", \"received\": \"2022-01-03\", \"due\": \"2022-01-10\"},\n"
                + "{\"id\": \"HS-5\" \"level\": \"commune\"}\n]");

        assertEquals(List.of("x.json:6 json.malformed"), whereAndRule(outcome));
        assertTrue(outcome.errors().get(0).messageEn().startsWith("line 6: malformed JSON"), outcome.errors().get(0).messageEn());
    }

    @Test
    void json_notJsonAtAll_saysSo() {
        Outcome outcome = json(RecordTypes.DOSSIER, "x.json", "{\"id\": ");

        assertEquals("json.malformed", outcome.errors().get(0).rule());
    }

    @Test
    void aCodeTheLawRetired_isRefusedInARecordDatedAfter_andKeptInOneDatedBefore() {
        Outcome discipline = csv(RecordTypes.DISCIPLINE, "kyluat.csv",
                "id,staff_id,decided,form\nKL-1,CB-1,2022-05-04,salary_step_down\nKL-2,CB-2,2026-03-02,salary_step_down\n"
                        + "KL-3,CB-3,2026-03-02,demotion\nKL-4,CB-4,2026-03-02,warning\n");

        assertEquals(List.of("kyluat.csv:3 form field.code.retired", "kyluat.csv:4 form field.code.retired"),
                whereAndRule(discipline));
        Problem error = discipline.errors().get(0);
        assertTrue(error.messageEn().contains("Nghị định 172/2025/NĐ-CP") && error.messageEn().contains("2026-03-02"),
                error.messageEn());
        assertTrue(error.messageVi().contains("không còn áp dụng từ ngày 1/7/2025"), error.messageVi());

        Outcome dossiers = read(HEADER + "HS-1,district,x,2022-01-03,2022-01-10,\n"
                + "HS-2,district,x,2026-01-05,2026-01-12,\nHS-3,commune,x,2026-01-05,2026-01-12,\n");
        assertEquals(1, dossiers.errors().size(), dossiers.errors().toString());
        assertTrue(dossiers.errors().get(0).messageEn().contains("'district' was abolished from 2025-07-01"),
                dossiers.errors().get(0).messageEn());
    }

    @Test
    void csv_excelsBlankRowsAndTrailingSeparators_areSkipped() {
        Outcome outcome = read("id;level;unit;received;due;resolved;\n"
                + "HS-1;commune;UBND xã A;2022-01-03;2022-01-10;;\n;;;;;;\n\n"
                + "HS-2;commune;UBND xã B;2022-01-03;2022-01-10;;\n;;;;;;\n");

        assertEquals(List.of(), outcome.errors());
        assertEquals(2, outcome.records().size());
    }

    @Test
    void csv_aLineOverAMegabyte_isRefusedAsNotARecordFile() {
        Outcome outcome = read(HEADER + "HS-1,commune," + "x".repeat(CsvTable.MAX_RECORD_CHARS + 10) + ",2022-01-03,2022-01-10,\n");

        assertEquals(List.of("hoso-2022.csv:2 line.too_long"), whereAndRule(outcome));
    }

    @Test
    void decimals_withAPointOrAVietnameseComma_butNotAThousandsSeparator() {
        Outcome outcome = csv(RecordTypes.FIGURE, "so-lieu.csv", "id;indicator;value;period;source\n"
                + "F-1;par_index;3,5;2022;Bộ Nội vụ\nF-2;par_index;84.25;2022;Bộ Nội vụ\nF-3;par_index;1,000;2022;Bộ Nội vụ\n");

        assertEquals(List.of("so-lieu.csv:4 value field.kind"), whereAndRule(outcome));
        Outcome good = csv(RecordTypes.FIGURE, "so-lieu.csv", "id;indicator;value;period;source\nF-1;par_index;3,5;2022;Bộ Nội vụ\n");
        assertEquals(new java.math.BigDecimal("3.5"), good.records().get(0).values().get("value"));
    }

    @Test
    void json_aFieldByBothItsNames_andARecordOverAMegabyte_areRefused() {
        Outcome twice = json(RecordTypes.DOSSIER, "x.json", "[{\"id\": \"HS-1\", \"level\": \"commune\", \"unit\": \"A\", "
                + "\"Đơn vị\": \"B\", \"received\": \"2022-01-03\", \"due\": \"2022-01-10\"}]");
        Outcome huge = json(RecordTypes.DOSSIER, "x.json", "[\n{\"id\": \"" + "x".repeat(3 << 20) + "\"}]");
        Outcome lenient = json(RecordTypes.DOSSIER, "x.json", "[{id: 'HS-1'}]");

        assertEquals(List.of("field.duplicate"), twice.errors().stream().map(Problem::rule).toList());
        assertEquals(List.of("x.json:2 json.record_too_long"), whereAndRule(huge));
        assertEquals(List.of("json.malformed"), lenient.errors().stream().map(Problem::rule).toList());
    }
}
