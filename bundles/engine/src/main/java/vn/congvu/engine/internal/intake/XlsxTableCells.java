package vn.congvu.engine.internal.intake;

import java.math.BigDecimal;
import java.math.MathContext;
import org.dhatim.fastexcel.reader.Cell;

/**
 * A cell's value as the text {@link TableSink#row} promises: a date as {@code yyyy-MM-dd}, a number as written,
 * without a trailing ".0" or an exponent, a boolean as TRUE or FALSE, a formula as its last computed value, text as
 * it is (Vietnamese in NFC or NFD alike, untouched), an empty or missing cell as "".
 */
final class XlsxTableCells {

    /**
     * Excel keeps 15 significant digits and shows no more; the file may hold 17 (0.1 + 0.2 is written
     * 0.30000000000000004), which no operator typed.
     */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    /** Day 2958466 would be 10000-01-01: past it a number cannot be an Excel date. */
    private static final double LAST_DATE = 2_958_466;

    private XlsxTableCells() {
    }

    /**
     * @param cell a cell, or null where the row has none
     * @return its text
     */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case NUMBER, FORMULA -> value instanceof BigDecimal number ? number(cell, number)
                    : value instanceof Boolean b ? bool(b) : value == null ? "" : value.toString();
            case BOOLEAN -> value instanceof Boolean b ? bool(b) : "";
            case STRING -> value == null ? "" : value.toString();
            // #N/A, #DIV/0!, or what stood in a cell of the wrong type: shown so the validator can name it
            case ERROR -> value != null ? value.toString() : cell.getRawValue() == null ? "" : cell.getRawValue();
            case EMPTY -> "";
        };
    }

    private static String bool(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    private static String number(Cell cell, BigDecimal number) {
        double serial = number.doubleValue();
        if (isDateFormat(cell) && serial >= 0 && serial < LAST_DATE) {
            return cell.asDate().toLocalDate().toString(); // an Excel date and time: its date
        }
        // 1E+999999999 is twelve characters, and a billion as plain text: no Excel number is near either end
        if (number.precision() - number.scale() > 400 || number.scale() > 400) {
            return cell.getRawValue();
        }
        return number.round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** Whether the cell's number format shows a date: one with a year, a day, or a month without hours. */
    static boolean isDateFormat(Cell cell) {
        String format = cell.getDataFormatString(); // Excel's built-in date formats (14 to 22) come spelled out
        if (format == null) {
            return false;
        }
        StringBuilder shown = new StringBuilder();
        boolean quoted = false;
        int bracket = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue; // literal text, such as "ngày"
            } else if (c == '\\' || c == '_' || c == '*') {
                i++; // an escaped character, a space as wide as one, a fill character
            } else if (c == '[') {
                bracket++; // a colour, a condition, a locale such as [$-42A], elapsed time [h]
            } else if (c == ']') {
                bracket = Math.max(0, bracket - 1);
            } else if (c == ';' && bracket == 0) {
                break; // the first section is for positive numbers, and dates are positive
            } else if (bracket == 0) {
                shown.append(Character.toLowerCase(c));
            }
        }
        String s = shown.toString();
        boolean time = s.indexOf('h') >= 0 || s.indexOf('s') >= 0;
        return s.indexOf('y') >= 0 || s.indexOf('d') >= 0 || (s.indexOf('m') >= 0 && !time);
    }
}
