package vn.congvu.ministry.view;

import java.util.Locale;
import vn.congvu.api.Geography;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;

/**
 * Reads what a person asks for (a period, a year, a regime, a province) from a command's argument or a web query,
 * the same way for both, with a refusal in Vietnamese and English that names what is wrong and what is expected.
 */
public final class ViewArguments {

    private static final int LONGEST = 40;

    private ViewArguments() {
    }

    /**
     * @param text such as {@code 2022}, {@code 2022-H1}, {@code 2022-Q3} or {@code 2022-M07}
     * @return the period
     * @throws IllegalArgumentException naming the text and the forms expected
     */
    public static Period period(String text) {
        String given = shown(text);
        try {
            return Period.parse(given);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Kỳ báo cáo '" + given + "' không hợp lệ; viết 2022, 2022-H1, 2022-Q3 hoặc "
                    + "2022-M07 / '" + given + "' is not a period: write 2022, 2022-H1, 2022-Q3 or 2022-M07", e);
        }
    }

    /**
     * @param text a year from 2000 to 2100
     * @return the year
     * @throws IllegalArgumentException naming the text
     */
    public static int year(String text) {
        String given = shown(text);
        if (!given.matches("\\d{4}") || Integer.parseInt(given) < 2000 || Integer.parseInt(given) > 2100) {
            throw new IllegalArgumentException("Năm '" + given + "' không hợp lệ; viết một năm từ 2000 đến 2100 / '" + given
                    + "' is not a year from 2000 to 2100");
        }
        return Integer.parseInt(given);
    }

    /**
     * @param text {@code periodic} or {@code thematic}, in any case ({@code PERIODIC} too)
     * @return the regime
     * @throws IllegalArgumentException naming the text
     */
    public static Regime regime(String text) {
        String given = shown(text);
        try {
            return Regime.valueOf(given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Chế độ báo cáo '" + given + "' không có; viết periodic (định kỳ) hoặc "
                    + "thematic (chuyên đề) / '" + given + "' is not a regime: periodic or thematic", e);
        }
    }

    /**
     * @param text a province's two-digit code, such as {@code 19}
     * @return the code, of a unit that exists or existed
     * @throws IllegalArgumentException naming the text
     */
    public static String province(String text) {
        String given = shown(text);
        if (given.isEmpty()) {
            throw new IllegalArgumentException("Cần mã tỉnh, thành phố (hai chữ số, như 19) / a province's two-digit code "
                    + "is needed, such as 19");
        }
        if (given.matches("\\d") && Geography.official().latest("0" + given).isPresent()) {
            throw new IllegalArgumentException("Mã tỉnh có hai chữ số: viết 0" + given + " / a province's code has two "
                    + "digits: write 0" + given);
        }
        if (!given.matches("\\d{2}") || Geography.official().latest(given).isEmpty()) {
            throw new IllegalArgumentException("Không có tỉnh, thành phố mã '" + given + "'; viết mã hai chữ số, như 19 "
                    + "(Thái Nguyên) / no province has the code '" + given + "': write its two-digit code, such as 19");
        }
        return given;
    }

    /**
     * @param text a revision, 1 or more
     * @return the revision
     * @throws IllegalArgumentException naming the text
     */
    public static int revision(String text) {
        String given = shown(text);
        if (!given.matches("\\d{1,6}") || Integer.parseInt(given) < 1) {
            throw new IllegalArgumentException("Lần gửi '" + given + "' không hợp lệ; viết 1, 2, ... / '" + given
                    + "' is not a revision: write 1, 2, ...");
        }
        return Integer.parseInt(given);
    }

    /** The text as it may be repeated in a message: trimmed, and cut short so that a long input stays out. */
    private static String shown(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.length() > LONGEST ? trimmed.substring(0, LONGEST) + "…" : trimmed;
    }
}
