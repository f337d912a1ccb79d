package vn.congvu.console.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.congvu.store.ConsoleAccount.Role;

class AccountCommandsTest {

    private static final Pattern PASSWORD = Pattern.compile("shown once\\)?: (\\S{20})$", Pattern.MULTILINE);

    private final InMemoryAccounts store = new InMemoryAccounts();
    private final Argon2Passwords passwords = new Argon2Passwords(1024, 1);
    private final List<String> signedOut = new ArrayList<>();
    private final AccountCommands commands = new AccountCommands(new AccountAdministration(store, passwords,
            new MutableClock(Instant.parse("2025-07-01T02:00:00Z")), signedOut::add));

    @Test
    void add_createsTheAccount_andPrintsAPasswordThatVerifies() {
        String printed = commands.account("add", "Nguyen.An", "admin", "Nguyễn", "Văn", "An");

        assertTrue(printed.startsWith("Đã tạo tài khoản / created nguyen.an (ADMIN, Nguyễn Văn An)"), printed);
        String password = password(printed);
        assertTrue(passwords.verify(password, store.find("nguyen.an").orElseThrow().passwordHash()));
        assertEquals(Role.ADMIN, store.find("nguyen.an").orElseThrow().role());
    }

    @Test
    void add_sameNameAgain_isRefusedInWords() {
        commands.account("add", "an", "ANALYST");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> commands.account("add", "AN", "ADMIN"));
        assertEquals("Đã có tài khoản / an account exists with the name an", refused.getMessage());
    }

    @Test
    void wrongArguments_areRefusedInWords_notWithCannotCoerce() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.account("add", "an", "root"))
                .getMessage().contains("ANALYST"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.account("add", "a b", "ADMIN"))
                .getMessage().startsWith("Tên đăng nhập không hợp lệ"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.account("add", "an"))
                .getMessage().contains(AccountCommands.USAGE));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.account("delete", "an"))
                .getMessage().startsWith("Thao tác không hợp lệ / unknown action 'delete'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.account())
                .getMessage().contains(AccountCommands.USAGE));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.account("list", "x"))
                .getMessage().contains("congvu:account list"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.account("remove", "nobody"))
                .getMessage().contains("no account named nobody"));
    }

    @Test
    void list_showsEveryAccountInVietnamTime() {
        assertTrue(commands.account("list").startsWith("Chưa có tài khoản nào / no account yet"));
        commands.account("add", "an", "ADMIN", "Nguyễn Văn An");
        commands.account("add", "binh", "ANALYST");

        String list = commands.account("list");

        assertTrue(list.startsWith("Tài khoản bảng điều khiển / console accounts (2):"), list);
        assertTrue(list.contains("an                   ADMIN    Nguyễn Văn An; tạo / created 01/07/2025 09:00 (giờ Việt Nam, "
                + "UTC+7); đăng nhập lần cuối / last sign-in chưa / never"), list);
        assertTrue(list.indexOf("\n  binh") > list.indexOf("\n  an"), list);
    }

    @Test
    void reset_givesANewPassword_andSignsTheAccountOut() {
        String first = password(commands.account("add", "an", "ADMIN"));

        String second = password(commands.account("reset", "an"));

        String hash = store.find("an").orElseThrow().passwordHash();
        assertTrue(passwords.verify(second, hash));
        assertFalse(passwords.verify(first, hash));
        assertEquals(List.of("an"), signedOut);
    }

    @Test
    void remove_removesAndSignsOut() {
        commands.account("add", "an", "ADMIN");

        assertEquals("Đã xóa tài khoản / removed an", commands.account("remove", "an"));
        assertTrue(store.find("an").isEmpty());
        assertEquals(List.of("an"), signedOut);
    }

    private static String password(String printed) {
        Matcher matcher = PASSWORD.matcher(printed);
        assertTrue(matcher.find(), printed);
        return matcher.group(1);
    }
}
