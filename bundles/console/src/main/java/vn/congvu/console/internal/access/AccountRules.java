package vn.congvu.console.internal.access;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.congvu.store.ConsoleAccount.Role;

/**
 * What the console accepts as an account's name, display name, role and password, each normalized first (a name typed
 * on another keyboard is the same name), and the strong passwords it generates.
 */
final class AccountRules {

    static final int NAME_MAX = 64;
    static final int DISPLAY_NAME_MAX = 200;
    static final int PASSWORD_MIN = 12;
    static final int PASSWORD_MAX = 256;

    /**
     * The letters of Vietnamese beyond a-z, lower case, precomposed (NFC): ă â đ ê ô ơ ư and each vowel with each of
     * the five tone marks. An explicit list, not a Unicode class such as Latin: that one also holds letters that look
     * like others (fullwidth ａ, ɑ, ı...), so that two names could look the same on a page.
     */
    static final String VIETNAMESE_LETTERS = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";
    private static final String LETTER_OR_DIGIT = "a-z0-9" + VIETNAMESE_LETTERS;
    /** Letters and digits, and . _ - inside; 2 to 64 characters. */
    private static final Pattern NAME = Pattern.compile("[" + LETTER_OR_DIGIT + "](?:[" + LETTER_OR_DIGIT + "._-]{0,62})["
            + LETTER_OR_DIGIT + "]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
    /** No 0/O, 1/l/I: a generated password is read off a screen and typed. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private AccountRules() {
    }

    /**
     * @param raw a sign-in name as typed
     * @return the name in NFKC (compatibility forms such as fullwidth ａ become a), lower case, then NFC
     * @throws IllegalArgumentException in Vietnamese and English, if it is not a valid name
     */
    static String name(String raw) {
        // bounded before normalizing: NFKC may make a character many
        String name = raw == null || raw.length() > 4 * NAME_MAX ? "" : Normalizer.normalize(
                Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        if (name.length() > NAME_MAX || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Tên đăng nhập không hợp lệ / invalid sign-in name '" + shorten(raw)
                    + "': 2 to " + NAME_MAX + " letters (a-z and Vietnamese ones), digits, '.', '_' or '-', starting and ending"
                    + " with a letter or digit"
                    + " (such as nguyen.an)");
        }
        return name;
    }

    /**
     * @param raw a name as typed at sign-in
     * @return whether {@link #name} would accept it
     */
    static boolean isName(String raw) {
        try {
            name(raw);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * @param raw a display name such as "Nguyễn Văn An"; blank means the sign-in name
     * @param name the account's sign-in name
     * @return the display name in NFC, its spaces collapsed
     * @throws IllegalArgumentException if it is too long or holds control characters
     */
    static String displayName(String raw, String name) {
        String display = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (display.isEmpty()) {
            return name;
        }
        if (display.length() > DISPLAY_NAME_MAX || CONTROL.matcher(display).find()) {
            throw new IllegalArgumentException("Tên hiển thị không hợp lệ / invalid display name: at most "
                    + DISPLAY_NAME_MAX + " characters, no control characters");
        }
        return display;
    }

    /**
     * @param raw ANALYST or ADMIN, in any case
     * @return the role
     * @throws IllegalArgumentException naming the roles, if it is neither
     */
    static Role role(String raw) {
        String role = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        for (Role known : Role.values()) {
            if (known.name().equals(role)) {
                return known;
            }
        }
        throw new IllegalArgumentException("Vai trò không hợp lệ / invalid role '" + shorten(raw)
                + "': ANALYST (xem, chỉ đọc / read-only) or ADMIN (quản trị / also manages accounts)");
    }

    /**
     * @param raw a password as typed
     * @return it in NFC, so that the same characters typed on another system give the same hash
     * @throws IllegalArgumentException if its length is outside {@value #PASSWORD_MIN}..{@value #PASSWORD_MAX}
     */
    static String password(String raw) {
        String password = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        int length = password.codePointCount(0, password.length());
        if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
            throw new IllegalArgumentException("Mật khẩu phải dài " + PASSWORD_MIN + " đến " + PASSWORD_MAX
                    + " ký tự / a password has " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters");
        }
        return password;
    }

    /** @return a new password of {@value #GENERATED_LENGTH} characters, about 116 bits of randomness */
    static String generatedPassword(SecureRandom random) {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static String shorten(String raw) {
        if (raw == null) {
            return "";
        }
        String visible = CONTROL.matcher(raw).replaceAll("?");
        return visible.length() > 40 ? visible.substring(0, 40) + "…" : visible;
    }
}
