package vn.congvu.ministry.view;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One cell of a {@link Table}: the text a person reads and the value a program reads.
 *
 * @param text   as shown, in Vietnamese notation ({@code 99,50%}, {@code 48.207}, {@code 20/12/2023})
 * @param value  the plain value: a {@link BigDecimal} for a number (a rate as a percentage), a {@link String}
 *               otherwise; null when there is none
 * @param link   a path under the console this cell leads to, such as {@code province/19}, or null
 * @param status a word for how the cell is shown, such as {@code late} or {@code missing}, or null
 */
public record Cell(String text, Object value, String link, String status) {

    /** An empty cell. */
    public static final Cell EMPTY = new Cell("", null, null, null);

    /** @throws NullPointerException when the text is missing */
    public Cell {
        Objects.requireNonNull(text, "cell: text is missing");
    }

    /**
     * @param text the text, which is also the value
     * @return a cell of text
     */
    public static Cell of(String text) {
        return new Cell(text, text, null, null);
    }

    /**
     * @param text  as shown
     * @param value the number
     * @return a cell of a number
     */
    public static Cell number(String text, BigDecimal value) {
        return new Cell(text, value, null, null);
    }

    /**
     * @param link a path under the console
     * @return this cell, leading there
     */
    public Cell linked(String link) {
        return new Cell(text, value, link, status);
    }

    /**
     * @param status how the cell is shown
     * @return this cell, shown so
     */
    public Cell shown(String status) {
        return new Cell(text, value, link, status);
    }
}
