package vn.congvu.engine.internal.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import vn.congvu.api.TextRules;
import vn.congvu.api.record.FieldKind;
import vn.congvu.api.record.FieldSpec;

/**
 * One field's text read into its value, or why it cannot be, as precisely in Vietnamese as in English. Text is
 * trimmed and normalised to NFC (the same Vietnamese words always give the same text, whatever keyboard or
 * file they came from); a line break inside a cell becomes a space; dates are yyyy-MM-dd or dd/MM/yyyy.
 */
final class FieldValues {

    /** Both languages of one error. */
    record Message(String vi, String en) {
    }

    /**
     * @param value the value, or null when the field is empty (and may be) or wrong
     * @param rule  the error's code when wrong
     * @param error the error when wrong
     */
    record Outcome(Object value, String rule, Message error) {
        static Outcome of(Object value) {
            return new Outcome(value, null, null);
        }

        static Outcome wrong(String rule, String vi, String en) {
            return new Outcome(null, rule, new Message(vi, en));
        }
    }

    private static final Outcome EMPTY = Outcome.of(null);

    private FieldValues() {
    }

    static Outcome read(FieldSpec field, String written) {
        String text = TextRules.nfc(oneLine(written).strip());
        if (text.isEmpty()) {
            return field.required() ? Outcome.wrong("field.required", "trường bắt buộc bị để trống", "required field is empty")
                    : EMPTY;
        }
        if (hasControlCharacter(text)) {
            return Outcome.wrong("field.control_character", "có ký tự điều khiển", "contains a control character");
        }
        if (!field.allowedCodes().isEmpty() && !field.allowedCodes().contains(text)) {
            return Outcome.wrong("field.code.unknown", "'" + text + "' không phải là một trong " + field.allowedCodes(),
                    "'" + text + "' is not one of " + field.allowedCodes());
        }
        try {
            return Outcome.of(field.kind() == FieldKind.DATE ? date(text)
                    : field.kind().parse(field.kind() == FieldKind.DECIMAL ? decimalPoint(text) : text));
        } catch (IllegalArgumentException | DateTimeException e) {
            return switch (field.kind()) {
                case DATE -> Outcome.wrong("field.kind", "'" + text + "' không phải là một ngày (viết yyyy-MM-dd như "
                        + "2022-03-31, hoặc dd/MM/yyyy như 31/03/2022)", "'" + text + "' is not a date (write yyyy-MM-dd "
                        + "such as 2022-03-31, or dd/MM/yyyy such as 31/03/2022)");
                case INTEGER -> Outcome.wrong("field.kind", "'" + text + "' không phải là một số nguyên",
                        "'" + text + "' is not a whole number");
                case DECIMAL -> Outcome.wrong("field.kind", "'" + text + "' không phải là một số thập phân (viết 3.5 hoặc "
                        + "3,5; không dùng dấu phân cách hàng nghìn)", "'" + text + "' is not a decimal number (write 3.5 or "
                        + "3,5; no thousands separator)");
                case TEXT -> Outcome.wrong("field.kind", "'" + text + "' không đọc được", "'" + text + "' cannot be read: "
                        + e.getMessage());
            };
        }
    }

    /** yyyy-MM-dd, or dd/MM/yyyy (d/M/yyyy too) as Vietnamese spreadsheets write dates. */
    static LocalDate date(String text) {
        int first = text.indexOf('/');
        if (first < 0) {
            return (LocalDate) FieldKind.DATE.parse(text);
        }
        int second = text.indexOf('/', first + 1);
        if (second < 0 || text.length() - second - 1 != 4 || first > 2 || second - first - 1 > 2
                || !text.chars().allMatch(c -> c == '/' || c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not dd/MM/yyyy");
        }
        try {
            return LocalDate.of(Integer.parseInt(text.substring(second + 1)), Integer.parseInt(text.substring(first + 1, second)),
                    Integer.parseInt(text.substring(0, first)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not dd/MM/yyyy", e);
        }
    }

    /** 3,5 as Vietnamese spreadsheets write it is 3.5; a comma with three digits after it (1,000) stays refused. */
    static String decimalPoint(String text) {
        int comma = text.indexOf(',');
        return comma > 0 && comma == text.lastIndexOf(',') && text.indexOf('.') < 0 && text.length() - comma - 1 != 3
                ? text.substring(0, comma) + '.' + text.substring(comma + 1) : text;
    }

    private static String oneLine(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text
                : text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t') {
                return true;
            }
        }
        return false;
    }
}
