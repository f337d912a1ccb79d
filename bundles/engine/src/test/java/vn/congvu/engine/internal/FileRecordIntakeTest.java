package vn.congvu.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.api.record.Record;
import vn.congvu.engine.ImportOptions;
import vn.congvu.engine.ImportResult;
import vn.congvu.engine.WorkWatcher;

/** Files as people have them give the same records as the plain UTF-8 CSV; a cancelled import stores nothing. */
class FileRecordIntakeTest {

    private static final String ENGLISH = "id,level,unit,received,due,resolved\n";
    private static final String VIETNAMESE = "Mã hồ sơ;Cấp;Đơn vị;Ngày tiếp nhận;Hạn giải quyết;Ngày giải quyết\n";
    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    @TempDir
    Path folder;

    private final RecordingStore recording = new RecordingStore();
    private final FileRecordIntake intake = new FileRecordIntake(recording.store());

    private List<Record> reference() throws IOException {
        Path file = write("hoso.csv", ENGLISH
                + "HS-1,commune,\"UBND xã Đức Long, huyện Thạch An\",2022-01-03,2022-01-10,2022-01-07\n"
                + "HS-2,district,Phòng Một cửa huyện Bảo Lâm,2022-02-28,2022-03-14,\n",
                StandardCharsets.UTF_8);
        ImportResult result = intake.importFile(file, "dossier");
        assertTrue(result.accepted(), result.errors().toString());
        return recording.last();
    }

    /** The same records as Excel saves them in Vietnam: ";", Vietnamese headers, dd/MM/yyyy. */
    private static String excelStyle() {
        return VIETNAMESE
                + "HS-1;commune;UBND xã Đức Long, huyện Thạch An;03/01/2022;10/01/2022;07/01/2022\r\n"
                + "HS-2;district;Phòng Một cửa huyện Bảo Lâm;28/02/2022;14/03/2022;\r\n";
    }

    @Test
    void excelsCsvUtf8_semicolonsVietnameseHeadersAndDates_sameRecords() throws IOException {
        List<Record> expected = reference();

        ImportResult result = intake.importFile(write("hoso-excel.csv", "\uFEFF" + excelStyle(), StandardCharsets.UTF_8), "dossier");

        assertTrue(result.accepted(), result.errors().toString());
        assertEquals(expected, recording.last());
    }

    @Test
    void quotedLineBreakInACell_sameRecords() throws IOException {
        List<Record> expected = reference();

        ImportResult result = intake.importFile(write("hoso-nhieu-dong.csv", ENGLISH
                + "HS-1,commune,\"UBND xã Đức Long,\r\nhuyện Thạch An\",2022-01-03,2022-01-10,2022-01-07\r\n"
                + "HS-2,district,Phòng Một cửa huyện Bảo Lâm,2022-02-28,2022-03-14,\r\n", StandardCharsets.UTF_8), "dossier");

        assertTrue(result.accepted(), result.errors().toString());
        assertEquals(expected, recording.last());
    }

    @Test
    void windows1258_refusedWithItsNameAndTheCommands_thenImportedWhenNamed() throws IOException {
        List<Record> expected = reference();
        Path file = folder.resolve("hoso-1258.csv");
        Files.write(file, windows1258(excelStyle()));

        ImportResult refused = intake.importFile(file, "dossier");
        ImportResult named = intake.importFile(file, "dossier", ImportOptions.parse("encoding=windows-1258"), WorkWatcher.NONE);

        assertEquals("file.not_utf8", refused.errors().get(0).rule());
        String why = refused.errors().get(0).messageEn();
        assertTrue(why.contains("probably windows-1258") && why.contains("iconv -f WINDOWS-1258 -t UTF-8 'hoso-1258.csv' > "
                + "'hoso-1258-utf8.csv'") && why.contains("encoding=windows-1258"), why);
        assertTrue(refused.errors().get(0).messageVi().contains("có lẽ là windows-1258"), refused.errors().get(0).messageVi());
        assertTrue(named.accepted(), named.errors().toString());
        assertEquals(expected, recording.last());
    }

    @Test
    void utf16FromExcelsUnicodeText_refusedAsUtf16_thenImportedWhenNamed() throws IOException {
        List<Record> expected = reference();
        Path file = folder.resolve("hoso-unicode.csv");
        Files.write(file, excelStyle().replace(';', '\t').getBytes(StandardCharsets.UTF_16LE));
        Files.write(file, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, Files.readAllBytes(file)));

        ImportResult refused = intake.importFile(file, "dossier");
        ImportResult named = intake.importFile(file, "dossier", ImportOptions.parse("encoding=UTF-16"), WorkWatcher.NONE);

        assertTrue(refused.errors().get(0).messageEn().contains("probably UTF-16"), refused.errors().toString());
        assertTrue(named.accepted(), named.errors().toString());
        assertEquals(expected, recording.last());
    }

    @Test
    void xlsxWithVietnameseHeadersAndDateCells_onItsNamedSheet_sameRecords() throws IOException {
        List<Record> expected = reference();
        Path file = folder.resolve("hoso.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "congvu-test", "1.0");
            workbook.newWorksheet("Hướng dẫn").value(0, 0, "Điền hồ sơ vào trang sau");
            Worksheet sheet = workbook.newWorksheet("Hồ sơ");
            List<String> header = List.of("Mã hồ sơ", "Cấp", "Đơn vị", "Ngày tiếp nhận", "Hạn giải quyết", "Ngày giải quyết");
            for (int column = 0; column < header.size(); column++) {
                sheet.value(0, column, header.get(column));
            }
            row(sheet, 1, "HS-1", "commune", "UBND xã Đức Long, huyện Thạch An", LocalDate.of(2022, 1, 3),
                    LocalDate.of(2022, 1, 10), LocalDate.of(2022, 1, 7));
            row(sheet, 2, "HS-2", "district", "Phòng Một cửa huyện Bảo Lâm", LocalDate.of(2022, 2, 28),
                    LocalDate.of(2022, 3, 14), null);
            workbook.finish();
        }

        ImportResult result = intake.importFile(file, "dossier", ImportOptions.parse("sheet=Hồ sơ"), WorkWatcher.NONE);
        ImportResult firstSheet = intake.importFile(file, "dossier");

        assertTrue(result.accepted(), result.errors().toString());
        assertEquals(expected, recording.last());
        assertEquals("file.header.unknown_field", firstSheet.errors().get(0).rule(), firstSheet.errors().toString());
        assertTrue(firstSheet.errors().get(0).messageEn().startsWith("sheet 'Hướng dẫn', cell A1"), firstSheet.errors().toString());
    }

    private static void row(Worksheet sheet, int row, String id, String level, String unit, LocalDate... dates) {
        sheet.value(row, 0, id);
        sheet.value(row, 1, level);
        sheet.value(row, 2, unit);
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] != null) {
                sheet.value(row, 3 + i, dates[i]);
                sheet.style(row, 3 + i).format("dd/mm/yyyy").set();
            }
        }
    }

    @Test
    void oldExcelXls_refusedSayingHowToSaveIt() throws IOException {
        ImportResult refused = intake.importFile(write("hoso.xls", "not really", StandardCharsets.UTF_8), "dossier");

        assertEquals("file.xls", refused.errors().get(0).rule());
        assertTrue(refused.errors().get(0).messageEn().contains("save it as .xlsx or CSV UTF-8"));
    }

    @Test
    void cancelledMidway_storesNothing_andTheSameFileImportsWholeAfter() throws IOException {
        StringBuilder text = new StringBuilder(ENGLISH);
        for (int i = 0; i < 20_000; i++) {
            text.append("HS-").append(i).append(",commune,UBND xã Đức Long,2022-01-03,2022-01-10,\n");
        }
        Path file = write("hoso-lon.csv", text.toString(), StandardCharsets.UTF_8);
        AtomicInteger asked = new AtomicInteger();
        WorkWatcher cancelling = new WorkWatcher() {
            @Override
            public boolean cancelled() {
                // asked once a record: this is some 5,000 records into the file
                return asked.incrementAndGet() > 5_000;
            }
        };

        ImportResult cancelled = intake.importFile(file, "dossier", ImportOptions.DEFAULT, cancelling);

        assertTrue(cancelled.cancelled(), cancelled.errors().toString());
        assertFalse(cancelled.accepted());
        assertEquals(List.of(), recording.committed, "nothing of a cancelled import is kept");
        assertTrue(recording.abandoned > 4_000 && recording.abandoned < 20_000, "cancelled midway: " + recording.abandoned);
        ImportResult again = intake.importFile(file, "dossier");
        assertTrue(again.accepted(), again.errors().toString());
        assertEquals(20_000, recording.last().size());
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, charset);
        return file;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /**
     * Encodes as Windows does in windows-1258: letters it has whole (â, ơ, đ) whole, tone marks as combining marks
     * after them, since the code page has no "ồ" but has "ô" and a combining grave.
     */
    static byte[] windows1258(String text) {
        CharsetEncoder encoder = WINDOWS_1258.newEncoder();
        StringBuilder windows = new StringBuilder();
        text.codePoints().forEach(c -> {
            String letter = Character.toString(c);
            if (encoder.canEncode(letter)) {
                windows.append(letter);
                return;
            }
            String decomposed = Normalizer.normalize(letter, Normalizer.Form.NFD);
            // the base letter with the one mark the code page has it with (ô, ơ, ă), the tone mark after it
            for (int mark = 1; mark < decomposed.length(); mark++) {
                String base = Normalizer.normalize(decomposed.substring(0, 1) + decomposed.charAt(mark), Normalizer.Form.NFC);
                String rest = decomposed.substring(1, mark) + decomposed.substring(mark + 1);
                if (encoder.canEncode(base) && encoder.canEncode(rest)) {
                    windows.append(base).append(rest);
                    return;
                }
            }
            windows.append(decomposed);
        });
        try {
            java.nio.ByteBuffer encoded = encoder.encode(CharBuffer.wrap(windows));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new AssertionError("not encodable in windows-1258: " + windows, e);
        }
    }
}
