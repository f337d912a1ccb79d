package vn.congvu.console.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import vn.congvu.store.ConsoleAccount.Role;

class AccountRulesTest {

    @Test
    void name_isNfcAndLowerCase_soTheSameNameTypedTwoWaysIsOneName() {
        String decomposed = Normalizer.normalize("Nguyễn.An", Normalizer.Form.NFD);

        assertEquals("nguyễn.an", AccountRules.name(decomposed));
        assertEquals(AccountRules.name("nguyễn.an"), AccountRules.name(" NGUYỄN.AN "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "", " ", ".an", "an.", "-an", "an b", "an/b", "../etc", "an\nb", "<script>", "an@b",
            "Анна", "张伟ab", "x0123456789012345678901234567890123456789012345678901234567890123",
            "ɑdmin", "admın", "аdmin", "ädmin", "straße", "an\u200bb", "an\u0301"})
    void name_refusesWhatIsNotANameInBothLanguages(String raw) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AccountRules.name(raw));
        assertTrue(refused.getMessage().startsWith("Tên đăng nhập không hợp lệ / invalid sign-in name"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"an", "ana", "nguyen.an", "tran_binh-2", "đặng.thị.hà", "a12"})
    void name_acceptsNames(String raw) {
        assertEquals(raw, AccountRules.name(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ａdmin", "ＡＤＭＩＮ", "ⓐⓓⓜⓘⓝ", "admin", "Admin", "\u212Admin"})
    void name_compatibilityFormsBecomeThePlainName_soTheyCannotImpersonateIt(String raw) {
        // fullwidth and circled letters (and the Kelvin sign for k, below) are the same name, hence a duplicate of an existing one
        assertEquals(raw.startsWith("\u212A") ? "kdmin" : "admin", AccountRules.name(raw));
    }

    @Test
    void name_vietnameseLetters_areTheSixtySevenPrecomposedOnes_acceptedInEitherForm() {
        StringBuilder expected = new StringBuilder();
        for (char base : "aăâeêioôơuưy".toCharArray()) {
            for (String mark : new String[] {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}) {
                String letter = Normalizer.normalize(base + mark, Normalizer.Form.NFC);
                if (!"aeiouy".contains(letter)) {
                    expected.append(letter);
                }
            }
        }
        expected.append('đ');

        assertEquals(67, AccountRules.VIETNAMESE_LETTERS.length());
        assertEquals(expected.chars().sorted().boxed().toList(), AccountRules.VIETNAMESE_LETTERS.chars().sorted().boxed().toList());
        for (char letter : AccountRules.VIETNAMESE_LETTERS.toCharArray()) {
            String name = "x" + letter + "y";
            assertEquals(name, AccountRules.name(Normalizer.normalize(name.toUpperCase(java.util.Locale.ROOT),
                    Normalizer.Form.NFD)), name);
        }
    }

    @Test
    void name_veryLongInput_isRefusedBeforeNormalizing() {
        assertThrows(IllegalArgumentException.class, () -> AccountRules.name("\uFDFA".repeat(100_000)));
    }

    @Test
    void role_takesEitherCase_andNamesTheRolesWhenWrong() {
        assertEquals(Role.ADMIN, AccountRules.role("admin"));
        assertEquals(Role.ANALYST, AccountRules.role("ANALYST"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AccountRules.role("root"));
        assertTrue(refused.getMessage().contains("ANALYST") && refused.getMessage().contains("ADMIN"), refused.getMessage());
    }

    @Test
    void displayName_blankIsTheName_spacesCollapsed_controlCharactersRefused() {
        assertEquals("an", AccountRules.displayName("  ", "an"));
        assertEquals("Nguyễn Văn An", AccountRules.displayName(" Nguyễn   Văn\tAn ", "an"));
        assertThrows(IllegalArgumentException.class, () -> AccountRules.displayName("An\u0000", "an"));
        assertThrows(IllegalArgumentException.class, () -> AccountRules.displayName("x".repeat(201), "an"));
    }

    @Test
    void password_lengthBounds_countCharactersOfTheNfcText() {
        assertEquals(12, AccountRules.password("ă".repeat(12)).length());
        assertEquals(Normalizer.normalize("mật khẩu đủ dài", Normalizer.Form.NFC),
                AccountRules.password(Normalizer.normalize("mật khẩu đủ dài", Normalizer.Form.NFD)));
        assertThrows(IllegalArgumentException.class, () -> AccountRules.password("ngắn quá"));
        assertThrows(IllegalArgumentException.class, () -> AccountRules.password("x".repeat(257)));
        assertThrows(IllegalArgumentException.class, () -> AccountRules.password(null));
    }

    @Test
    void generatedPassword_isLongEnough_unambiguous_andNew() {
        SecureRandom random = new SecureRandom();
        String first = AccountRules.generatedPassword(random);

        assertEquals(20, first.length());
        assertTrue(first.matches("[A-HJ-NP-Za-km-z2-9]{20}"), first);
        assertEquals(first, AccountRules.password(first));
        assertNotEquals(first, AccountRules.generatedPassword(random));
    }
}
