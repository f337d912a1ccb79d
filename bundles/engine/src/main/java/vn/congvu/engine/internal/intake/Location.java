package vn.congvu.engine.internal.intake;

/**
 * Where a record or a value is in its file, as the operator finds it again: a line of a CSV or JSON file,
 * or a row of a spreadsheet's sheet (and, for a value, its cell).
 *
 * @param sheet the sheet's name for a spreadsheet; null for a text file
 * @param line  the line (text) or row (sheet), counting from 1; for a CSV record spanning lines, its first
 */
public record Location(String sheet, long line) {

    /** @return a line of a text file */
    public static Location line(long line) {
        return new Location(null, line);
    }

    /** @return a row of a spreadsheet's sheet */
    public static Location row(String sheet, long row) {
        return new Location(sheet, row);
    }

    /**
     * @param column the value's column, counting from 0; negative for the whole line or row
     * @return "Dòng 6" or "Trang tính 'Hồ sơ', ô C7"
     */
    public String vi(int column) {
        return sheet == null ? "Dòng " + line
                : "Trang tính '" + sheet + "', " + (column < 0 ? "hàng " + line : "ô " + cell(column));
    }

    /**
     * @param column the value's column, counting from 0; negative for the whole line or row
     * @return "line 6" or "sheet 'Hồ sơ', cell C7"
     */
    public String en(int column) {
        return sheet == null ? "line " + line
                : "sheet '" + sheet + "', " + (column < 0 ? "row " + line : "cell " + cell(column));
    }

    /**
     * @param column the column, counting from 0
     * @return the spreadsheet's name of the cell, such as {@code C7}
     */
    public String cell(int column) {
        return columnLetters(column) + line;
    }

    /** @return A for 0, Z for 25, AA for 26, as spreadsheets name their columns */
    static String columnLetters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
