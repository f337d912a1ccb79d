package vn.congvu.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvu.api.Problem;
import vn.congvu.api.record.RecordTypes;

class RecordFileReaderTest {

    private static final String HEADER = "id,level,unit,received,due,resolved\n";

    private static RecordFileReader.Outcome read(String text) {
        return new RecordFileReader(RecordTypes.DOSSIER, "hoso-2022.csv").read(text);
    }

    @Test
    void read_quotedVietnameseTextAndEmptyOptionalField_keepsThemIntact() {
        RecordFileReader.Outcome outcome = read("\uFEFF" + HEADER
                + "HS-1,commune,\"UBND xã Đức Long, huyện Thạch An\",2022-01-03,2022-01-10,2022-01-07\r\n"
                + "HS-2,district,\"Phòng \"\"Một cửa\"\" huyện Bảo Lâm\",2022-01-03,2022-01-10,\n");

        assertEquals(List.of(), outcome.errors());
        assertEquals("UBND xã Đức Long, huyện Thạch An", outcome.records().get(0).text("unit"));
        assertEquals(LocalDate.parse("2022-01-07"), outcome.records().get(0).date("resolved"));
        assertEquals("Phòng \"Một cửa\" huyện Bảo Lâm", outcome.records().get(1).text("unit"));
        assertEquals(null, outcome.records().get(1).date("resolved"));
    }

    @Test
    void read_decomposedVietnamese_isStoredInNfc() {
        String decomposed = java.text.Normalizer.normalize("UBND xã Đức Long", java.text.Normalizer.Form.NFD);

        RecordFileReader.Outcome outcome = read(HEADER + "HS-1,commune,\"" + decomposed + "\",2022-01-03,2022-01-10,\n");

        assertEquals(List.of(), outcome.errors());
        assertEquals("UBND xã Đức Long", outcome.records().get(0).text("unit"));
        assertTrue(java.text.Normalizer.isNormalized(outcome.records().get(0).text("unit"), java.text.Normalizer.Form.NFC));
    }

    @Test
    void read_cellsWithQuotesInsideOrAfterText_areReadAsTheQuotingRulesSay() {
        RecordFileReader.Outcome outcome = read(HEADER
                + "HS-1,commune,UBND xã \"A\" mới,2022-01-03,2022-01-10,\n"
                + "HS-2,commune,\"UBND xã\" B,2022-01-03,2022-01-10,\n"
                + "\"HS-3\",\"commune\",\"\",2022-01-03,2022-01-10,\"\"\n");

        assertEquals(List.of("hoso-2022.csv:4 unit field.required"),
                outcome.errors().stream().map(problem -> problem.field() + " " + problem.rule()).toList());
        RecordFileReader.Outcome good = read(HEADER
                + "HS-1,commune,UBND xã \"A\" mới,2022-01-03,2022-01-10,\n"
                + "HS-2,commune,\"UBND xã\" B,2022-01-03,2022-01-10,\n");
        assertEquals("UBND xã A mới", good.records().get(0).text("unit"));
        assertEquals("UBND xã B", good.records().get(1).text("unit"));
    }

    @Test
    void read_badLines_refusesTheWholeFileListingEveryErrorByLineAndField() {
        RecordFileReader.Outcome outcome = read(HEADER
                + "HS-1,commune,UBND xã A,2022-01-03,2022-01-10,2022-01-07\n"
                + "HS-2,ward,UBND phường B,2022-01-03,2022-01-10,\n"
                + "HS-3,commune,,03/01/2022,2022-01-10,\n"
                + "HS-4,commune,UBND xã C,2022-01-03\n"
                + "HS-1,commune,UBND xã A,2022-01-03,2022-01-10,2022-01-07\n");

        assertTrue(outcome.records().isEmpty());
        assertEquals(List.of(
                        "hoso-2022.csv:3 level field.code.unknown",
                        "hoso-2022.csv:4 unit field.required",
                        "hoso-2022.csv:4 received field.kind",
                        "hoso-2022.csv:5 line.column_count",
                        "hoso-2022.csv:6 id record.key.duplicate"),
                outcome.errors().stream().map(problem -> problem.field() + " " + problem.rule()).toList());
        Problem badDate = outcome.errors().get(2);
        assertEquals("line 4, field received: '03/01/2022' is not a date (write yyyy-MM-dd, such as 2022-03-31)",
                badDate.messageEn());
    }

    @Test
    void read_headerWithUnknownAndMissingColumns_namesThem() {
        RecordFileReader.Outcome outcome = read("id,level,đơn vị,received,due\nHS-1,commune,x,2022-01-01,2022-01-02\n");

        assertEquals(List.of("file.header.unknown_field", "file.header.missing_field"),
                outcome.errors().stream().map(Problem::rule).toList());
        assertTrue(outcome.errors().get(0).messageEn().contains("'đơn vị'"));
        assertTrue(outcome.errors().get(1).messageEn().contains("'unit'"));
    }

    @Test
    void read_manyBadLines_listsAThousandAndCountsTheRest() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 1500; i++) {
            text.append("HS-").append(i).append(",commune,UBND xã A,not-a-date,2022-01-10,\n");
        }

        RecordFileReader.Outcome outcome = read(text.toString());

        assertEquals(RecordFileReader.MAX_ERRORS_LISTED + 1, outcome.errors().size());
        assertEquals("and 500 more errors", outcome.errors().get(RecordFileReader.MAX_ERRORS_LISTED).messageEn());
    }

    @Test
    void readJson_sameChecksAsCsv_positionsCountedFromOne() {
        RecordFileReader.Outcome good = new RecordFileReader(RecordTypes.DISCIPLINE, "kyluat.json").readJson(
                "[{\"id\": \"KL-1\", \"staff_id\": \"CB-77\", \"decided\": \"2021-05-04\", \"form\": \"reprimand\","
                        + " \"unit\": \"Sở Y tế tỉnh Bắc Kạn\"}]");
        RecordFileReader.Outcome bad = new RecordFileReader(RecordTypes.DISCIPLINE, "kyluat.json").readJson(
                "[{\"id\": \"KL-1\", \"staff_id\": \"CB-77\", \"decided\": \"2021-05-04\", \"form\": \"fine\"},"
                        + " {\"id\": \"KL-2\", \"decided\": 2021, \"form\": \"warning\", \"colour\": \"red\"}, 7]");

        assertEquals(List.of(), good.errors());
        assertEquals("Sở Y tế tỉnh Bắc Kạn", good.records().get(0).text("unit"));
        assertEquals(List.of("kyluat.json:1 form field.code.unknown", "kyluat.json:2 colour field.unknown",
                        "kyluat.json:3 json.not_an_object"),
                bad.errors().stream().map(problem -> problem.field() + " " + problem.rule()).toList());
    }

    @Test
    void readJson_notJson_saysSo() {
        RecordFileReader.Outcome outcome = new RecordFileReader(RecordTypes.DOSSIER, "x.json").readJson("{\"id\": ");

        assertEquals("json.malformed", outcome.errors().get(0).rule());
    }

    @Test
    void aCodeTheLawRetired_isRefusedInARecordDatedAfter_andKeptInOneDatedBefore() {
        RecordFileReader.Outcome discipline = new RecordFileReader(RecordTypes.DISCIPLINE, "kyluat.csv").read(
                "id,staff_id,decided,form\nKL-1,CB-1,2022-05-04,salary_step_down\nKL-2,CB-2,2026-03-02,salary_step_down\n"
                        + "KL-3,CB-3,2026-03-02,demotion\nKL-4,CB-4,2026-03-02,warning\n");

        assertEquals(List.of(3, 4), discipline.errors().stream().map(error -> lineOf(error)).toList(), discipline.errors().toString());
        Problem error = discipline.errors().get(0);
        assertEquals("field.code.retired", error.rule());
        assertTrue(error.messageEn().contains("Nghị định 172/2025/NĐ-CP") && error.messageEn().contains("2026-03-02"),
                error.messageEn());
        assertTrue(error.messageVi().contains("không còn áp dụng từ ngày 1/7/2025"), error.messageVi());

        RecordFileReader.Outcome dossiers = read(HEADER + "HS-1,district,x,2022-01-03,2022-01-10,\n"
                + "HS-2,district,x,2026-01-05,2026-01-12,\nHS-3,commune,x,2026-01-05,2026-01-12,\n");
        assertEquals(1, dossiers.errors().size(), dossiers.errors().toString());
        assertTrue(dossiers.errors().get(0).messageEn().contains("'district' was abolished from 2025-07-01"),
                dossiers.errors().get(0).messageEn());
    }

    /** The line an error names, from its field ("kyluat.csv:3 form"). */
    private static int lineOf(Problem error) {
        return Integer.parseInt(error.field().split(":")[1].split(" ")[0]);
    }
}
