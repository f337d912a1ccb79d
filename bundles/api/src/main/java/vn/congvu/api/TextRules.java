package vn.congvu.api;

import java.text.Normalizer;

/**
 * The rules every text of a report follows, so that the same words always arrive as the same bytes: Unicode
 * normalization form C (NFC), no control characters, no space at either end, a bounded length; and the
 * grammars of identifiers, versions and checksums. Each check is one pass over the text.
 */
public final class TextRules {

    /** Longest identifier (indicator code, dimension name, module id, rule id), in characters. */
    public static final int IDENTIFIER_MAX = 128;
    /** Longest module version, in characters. */
    public static final int VERSION_MAX = 64;

    private TextRules() {
    }

    /** What is wrong with a text, in Vietnamese and English. */
    public enum Fault {
        /** Empty. */
        EMPTY("để trống", "is empty"),
        /** Over its length limit. */
        TOO_LONG("dài quá giới hạn", "is longer than its limit"),
        /** A space at either end. */
        SURROUNDING_SPACE("có khoảng trắng ở đầu hoặc cuối", "begins or ends with white space"),
        /** A control character, or a line or paragraph separator. */
        CONTROL_CHARACTER("chứa ký tự điều khiển (như NUL, xuống dòng)", "holds a control character (such as NUL or a line break)"),
        /** An invisible formatting character (zero-width space, bidirectional override, soft hyphen ...). */
        INVISIBLE_CHARACTER("chứa ký tự định dạng vô hình (như khoảng trắng độ rộng 0, ký tự đảo chiều)",
                "holds an invisible formatting character (such as a zero-width space or a bidirectional override)"),
        /** Half of a surrogate pair. */
        BROKEN_CHARACTER("chứa ký tự Unicode hỏng", "holds a broken Unicode character"),
        /** Not in NFC. */
        NOT_NFC("không ở dạng chuẩn Unicode NFC (dấu tiếng Việt phải dựng sẵn)",
                "is not in Unicode normalization form C (NFC: Vietnamese letters precomposed)"),
        /** Not an identifier. */
        NOT_IDENTIFIER("chỉ được gồm chữ Latinh không dấu, chữ số và . _ : -",
                "may hold only ASCII letters, digits and . _ : -"),
        /** Not a version. */
        NOT_VERSION("không phải số phiên bản (chữ số, chữ Latinh và . _ + -)",
                "is not a version (ASCII letters, digits and . _ + -)"),
        /** Not a SHA-256 checksum. */
        NOT_SHA256("không phải mã băm SHA-256 (64 chữ số hệ 16 viết thường)",
                "is not a SHA-256 checksum (64 lower-case hex digits)");

        private final String vi;
        private final String en;

        Fault(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }

        /** @return what is wrong, in Vietnamese */
        public String vi() {
            return vi;
        }

        /** @return what is wrong, in English */
        public String en() {
            return en;
        }

        /**
         * @param field the field at fault, such as {@code findings[3].unit}
         * @return the problem, of rule {@code text.<fault>}, naming the field
         */
        public Problem problem(String field) {
            return Problem.permanent(field, "text." + name().toLowerCase(), field + " " + vi, field + " " + en);
        }
    }

    /**
     * @param text          a text
     * @param maxCodePoints its longest allowed length, in Unicode characters
     * @param multiLine     whether line feeds and tabs are allowed (a finding's message)
     * @param required      whether it may be empty
     * @return what is wrong, or null when the text follows the rules
     */
    public static Fault textFault(String text, int maxCodePoints, boolean multiLine, boolean required) {
        if (text.isEmpty()) {
            return required ? Fault.EMPTY : null;
        }
        // a char count above twice the limit is over it whatever the pairs: stop before reading further
        if (text.length() > 2L * maxCodePoints || text.codePointCount(0, text.length()) > maxCodePoints) {
            return Fault.TOO_LONG;
        }
        if (isSpace(text.codePointAt(0)) || isSpace(text.codePointBefore(text.length()))) {
            return Fault.SURROUNDING_SPACE;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Fault.BROKEN_CHARACTER;
            } else if ((Character.getType(c) == Character.CONTROL && !(multiLine && (c == '\n' || c == '\t')))
                    || c == '\u2028' || c == '\u2029') {
                return Fault.CONTROL_CHARACTER;
            } else if (Character.getType(c) == Character.FORMAT) {
                // the same unit name with a zero-width space, or text that displays in another order than
                // it reads, would be two strings that look alike
                return Fault.INVISIBLE_CHARACTER;
            }
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? null : Fault.NOT_NFC;
    }

    /**
     * @param text a text
     * @return what is wrong, or null when it is 1 to {@value #IDENTIFIER_MAX} of {@code A-Z a-z 0-9 . _ : -}
     */
    public static Fault identifierFault(String text) {
        return grammarFault(text, IDENTIFIER_MAX, "._:-", Fault.NOT_IDENTIFIER);
    }

    /**
     * @param text a text
     * @return what is wrong, or null when it is 1 to {@value #VERSION_MAX} of {@code A-Z a-z 0-9 . _ + -}
     */
    public static Fault versionFault(String text) {
        return grammarFault(text, VERSION_MAX, "._+-", Fault.NOT_VERSION);
    }

    /**
     * @param text a text
     * @return what is wrong, or null when it is 64 lower-case hex digits
     */
    public static Fault sha256Fault(String text) {
        if (text.length() != 64) {
            return text.isEmpty() ? Fault.EMPTY : Fault.NOT_SHA256;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return Fault.NOT_SHA256;
            }
        }
        return null;
    }

    /**
     * A sender's text made safe to quote in a message or a log line: control and formatting characters
     * written as a backslash, "u" and four hex digits, and cut to a length, so that no text can forge a log line or fill a disk.
     *
     * @param text          a text as received
     * @param maxCodePoints how much of it to keep
     * @return the text as it may be shown
     */
    public static String quoted(String text, int maxCodePoints) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxCodePoints) + 8);
        int kept = 0;
        for (int i = 0; i < text.length(); ) {
            if (kept == maxCodePoints) {
                return out.append("… (").append(text.codePointCount(0, text.length())).append(" characters)").toString();
            }
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
            kept++;
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /**
     * @param text a text, such as a record's field
     * @return it in NFC, the form reports carry
     */
    public static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static Fault grammarFault(String text, int max, String punctuation, Fault fault) {
        if (text.isEmpty()) {
            return Fault.EMPTY;
        }
        if (text.length() > max) {
            return Fault.TOO_LONG;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || punctuation.indexOf(c) >= 0)) {
                return fault;
            }
        }
        return null;
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
