package vn.congvu.engine.internal.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * Reads one sheet of an xlsx file into a {@link TableSink}: its first non-empty row as the header, each later
 * non-empty row as a record, by the sheet's own row numbers, each cell as {@link XlsxTableCells} gives it.
 * fastexcel-reader streams the rows, after {@link XlsxTableGuard} has refused any file whose reading it could not
 * bound. What is wrong with a file (not an xlsx, damaged, too large, no such sheet) goes to
 * {@link TableSink#malformed}; it is never thrown.
 */
public final class XlsxTable {

    /** The rule of a file that is not an xlsx, or is damaged, or holds what Excel never writes. */
    public static final String UNREADABLE = "xlsx.unreadable";
    /** The rule of a file too large to read in bounded memory and time. */
    public static final String TOO_LARGE = "xlsx.too_large";
    /** The rule of a sheet asked for by a name the file does not have. */
    public static final String UNKNOWN_SHEET = "xlsx.sheet.unknown";
    /** Where a problem of the whole file is told: {@link Location} has no place for it, so line 1, as CSV does. */
    static final Location WHOLE_FILE = Location.line(1);

    /** Formats are read to tell dates from numbers; a value unlike its cell's type is kept, as an error cell. */
    private static final ReadingOptions OPTIONS = new ReadingOptions(true, true);

    private XlsxTable() {
    }

    /**
     * @param file      the xlsx file
     * @param sheetName the sheet to read; null for the first visible one (a hidden first sheet is seldom the data)
     * @param sink      given the header and rows, or what is wrong
     * @throws IOException when the file cannot be opened or read at all; never for what its bytes hold
     */
    public static void read(Path file, String sheetName, TableSink sink) throws IOException {
        try {
            XlsxTableGuard.check(file);
        } catch (XlsxTableGuard.Refused refused) {
            sink.malformed(WHOLE_FILE, refused.rule, refused.vi, refused.en);
            return;
        }
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile(), OPTIONS);
        } catch (IOException | RuntimeException e) {
            sink.malformed(WHOLE_FILE, UNREADABLE, "là gói zip nhưng không đọc được như sổ làm việc Excel ("
                    + detail(e) + "); hãy mở tệp trong Excel rồi lưu lại thành .xlsx", "a zip archive, but not"
                    + " readable as an Excel workbook (" + detail(e) + "); open it in Excel and save it as .xlsx");
            return;
        }
        try (workbook) {
            Sheet sheet = sheet(workbook, sheetName, sink);
            if (sheet != null) {
                readRows(sheet, sink);
            }
        }
    }

    private static Sheet sheet(ReadableWorkbook workbook, String sheetName, TableSink sink) {
        List<Sheet> sheets = workbook.getSheets().toList();
        Sheet found = sheetName == null
                ? sheets.stream().filter(s -> s.getVisibility() == SheetVisibility.VISIBLE).findFirst()
                        .orElse(sheets.isEmpty() ? null : sheets.get(0))
                : sheets.stream().filter(s -> sheetName.equals(s.getName())).findFirst()
                        .orElse(sheets.stream().filter(s -> sameName(s.getName(), sheetName)).findFirst().orElse(null));
        if (found == null && sheetName == null) {
            sink.malformed(WHOLE_FILE, UNREADABLE, "sổ làm việc không có trang tính nào", "the workbook has no sheets");
        } else if (found == null) {
            String present = sheets.stream().map(s -> "'" + s.getName() + "'").collect(Collectors.joining(", "));
            sink.malformed(WHOLE_FILE, UNKNOWN_SHEET, "tệp không có trang tính '" + sheetName + "'; các trang tính của"
                    + " tệp: " + present, "the file has no sheet '" + sheetName + "'; its sheets: " + present);
        }
        return found;
    }

    /** As Excel tells sheets apart: ignoring case; and as typed on any keyboard, Vietnamese in NFC or NFD. */
    private static boolean sameName(String a, String b) {
        return a != null && Normalizer.normalize(a, Normalizer.Form.NFC)
                .equalsIgnoreCase(Normalizer.normalize(b, Normalizer.Form.NFC));
    }

    private static void readRows(Sheet sheet, TableSink sink) {
        String name = sheet.getName();
        Stream<Row> rows;
        try {
            rows = sheet.openStream();
        } catch (IOException | RuntimeException e) {
            damaged(sink, name, 0, e);
            return;
        }
        try {
            Iterator<Row> it = rows.iterator();
            int width = -1;
            for (long last = 0; !sink.stopped(); ) {
                String[] cells;
                try { // only what fastexcel-reader does: a failing sink is no damaged file
                    if (!it.hasNext()) {
                        break;
                    }
                    Row row = it.next();
                    last = row.getRowNum();
                    cells = texts(row);
                } catch (RuntimeException e) {
                    damaged(sink, name, last, e);
                    break;
                }
                int used = used(cells);
                if (used == 0) {
                    continue; // empty, if perhaps formatted, or holding formulas that give ""
                } else if (width < 0) {
                    width = used; // a formatted empty cell past the last name is no column
                    sink.header(Location.row(name, last), List.of(Arrays.copyOf(cells, used)));
                } else { // as wide as the header; a row's extra values are kept, for the validator to name
                    String[] padded = Arrays.copyOf(cells, Math.max(width, used));
                    Arrays.fill(padded, Math.min(used, padded.length), padded.length, "");
                    sink.row(Location.row(name, last), List.of(padded));
                }
            }
        } finally {
            try {
                rows.close();
            } catch (RuntimeException e) { // only read from; the workbook's zip is closed next
            }
        }
    }

    /** @return the row's cells as text, by column: where the row has no cell, "" */
    private static String[] texts(Row row) {
        String[] cells = new String[row.getCellCount()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = XlsxTableCells.text(row.getCell(i));
        }
        return cells;
    }

    /** @return how many cells up to the last that is not empty */
    private static int used(String[] cells) {
        int used = cells.length;
        while (used > 0 && cells[used - 1].isEmpty()) {
            used--;
        }
        return used;
    }

    private static void damaged(TableSink sink, String sheet, long last, Exception e) {
        sink.malformed(Location.row(sheet, last + 1), UNREADABLE, "trang tính '" + sheet + "' bị hỏng sau hàng " + last
                + ", không đọc tiếp được (" + detail(e) + ")", "the sheet '" + sheet + "' is damaged after row " + last
                + " and cannot be read on (" + detail(e) + ")");
    }

    /** @return what went wrong, as the library said it */
    static String detail(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
