package vn.congvu.console.internal.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.store.ConsoleAccount;

/**
 * {@code congvu:account add|list|remove|reset}: the console's accounts from the node's shell, where the first
 * administrator is made. Arguments are taken as words and checked here, so a mistake is answered in words.
 */
@Component(service = AccountCommands.class, property = {"osgi.command.scope=congvu", "osgi.command.function=account"})
public class AccountCommands {

    static final String USAGE = "congvu:account add NAME ROLE [DISPLAY NAME...] | list | remove NAME | reset NAME"
            + " (ROLE: ANALYST, read-only, or ADMIN, also manages accounts)";

    private final AccountAdministration administration;

    /** @param administration account changes */
    @Activate
    public AccountCommands(@Reference AccountAdministration administration) {
        this.administration = administration;
    }

    /**
     * @param words the subcommand and its arguments
     * @return what was done; a generated password is printed once
     * @throws IllegalArgumentException in Vietnamese and English, for a wrong subcommand or argument
     */
    @Descriptor("the web console's accounts: add NAME ROLE [DISPLAY NAME...], list, remove NAME, reset NAME")
    public String account(@Descriptor("add NAME ANALYST|ADMIN [DISPLAY NAME...] | list | remove NAME | reset NAME")
                          String... words) {
        if (words.length == 0) {
            throw new IllegalArgumentException("Thiếu thao tác / what to do? " + USAGE);
        }
        String action = words[0];
        List<String> rest = Arrays.asList(words).subList(1, words.length);
        return switch (action) {
            case "list" -> {
                expect(rest, 0, "list");
                yield list();
            }
            case "add" -> {
                if (rest.size() < 2) {
                    throw new IllegalArgumentException("Thiếu tên hoặc vai trò / add needs NAME and ROLE: " + USAGE);
                }
                AccountAdministration.Created created = administration.create(rest.get(0), rest.get(1),
                        String.join(" ", rest.subList(2, rest.size())));
                yield "Đã tạo tài khoản / created " + created.account().name() + " (" + created.account().role() + ", "
                        + created.account().displayName() + ")" + System.lineSeparator()
                        + "Mật khẩu (chỉ hiện một lần) / password, shown once: " + created.password();
            }
            case "reset" -> {
                expect(rest, 1, "reset NAME");
                String password = administration.reset(rest.get(0));
                yield "Mật khẩu mới của / new password of " + AccountRules.name(rest.get(0))
                        + " (chỉ hiện một lần / shown once): " + password;
            }
            case "remove" -> {
                expect(rest, 1, "remove NAME");
                administration.remove(rest.get(0), null);
                yield "Đã xóa tài khoản / removed " + AccountRules.name(rest.get(0));
            }
            default -> throw new IllegalArgumentException("Thao tác không hợp lệ / unknown action '"
                    + (action.length() > 20 ? action.substring(0, 20) + "…" : action) + "': " + USAGE);
        };
    }

    private String list() {
        List<ConsoleAccount> accounts = administration.accounts();
        if (accounts.isEmpty()) {
            return "Chưa có tài khoản nào / no account yet: congvu:account add NAME ADMIN [DISPLAY NAME...]";
        }
        List<String> lines = new ArrayList<>();
        lines.add("Tài khoản bảng điều khiển / console accounts (" + accounts.size() + "):");
        for (ConsoleAccount account : accounts) {
            lines.add(String.format("  %-20s %-8s %s; tạo / created %s; đăng nhập lần cuối / last sign-in %s",
                    account.name(), account.role(), account.displayName(), VietnamTime.format(account.createdAt()),
                    VietnamTime.format(account.lastSignIn())));
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static void expect(List<String> rest, int count, String form) {
        if (rest.size() != count) {
            throw new IllegalArgumentException("Sai số tham số / wrong number of arguments: congvu:account " + form);
        }
    }
}
