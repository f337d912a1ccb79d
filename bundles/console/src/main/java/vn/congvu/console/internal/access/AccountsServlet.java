package vn.congvu.console.internal.access;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.store.ConsoleAccount;

/**
 * {@code /console/accounts}, administrators only: the accounts, and forms to create one, reset a password or remove
 * one (not one's own). A generated password is shown once, in the answer to the POST that made it, and kept nowhere.
 * The access filter has checked the session and, for a POST, its CSRF token.
 */
@Component(service = Servlet.class, configurationPid = ConsoleConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {"osgi.http.whiteboard.servlet.pattern=/console/accounts",
        "osgi.http.whiteboard.servlet.name=congvu-console-accounts"})
public class AccountsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient AccountAdministration administration;

    /**
     * @param administration account changes
     * @param accessFilter   unused: the reference ties this servlet's registration to the access filter's, so that no
     *                     request reaches it unchecked (at start-up, or while the console is reconfigured)
     */
    @Activate
    public AccountsServlet(@Reference AccountAdministration administration,
                           @Reference(target = AccessFilter.TARGET) Filter accessFilter) {
        this.administration = administration;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ConsoleUser> signedIn = ConsoleUser.find(request);
        if (signedIn.isEmpty() || !signedIn.get().isAdmin()) {
            forbidden(response, signedIn);
            return;
        }
        page(response, 200, signedIn.get(), "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ConsoleUser> signedIn = ConsoleUser.find(request);
        if (signedIn.isEmpty() || !signedIn.get().isAdmin()) {
            forbidden(response, signedIn);
            return;
        }
        ConsoleUser user = signedIn.get();
        String action = String.valueOf(request.getParameter("action"));
        String name = request.getParameter("name");
        String outcome;
        int status = 200;
        try {
            outcome = switch (action) {
                case "create" -> {
                    AccountAdministration.Created created = administration.create(name, request.getParameter("role"),
                            request.getParameter("displayName"));
                    yield "<p class=\"notice\" id=\"outcome\">Đã tạo tài khoản / created <strong>"
                            + Html.escape(created.account().name()) + "</strong> (" + created.account().role()
                            + "). Mật khẩu (chỉ hiện một lần) / password, shown once: <code id=\"new-password\">"
                            + Html.escape(created.password()) + "</code></p>";
                }
                case "reset" -> {
                    String password = administration.reset(name);
                    yield "<p class=\"notice\" id=\"outcome\">Mật khẩu mới của / new password of <strong>"
                            + Html.escape(AccountRules.name(name)) + "</strong> (chỉ hiện một lần / shown once): "
                            + "<code id=\"new-password\">" + Html.escape(password) + "</code></p>";
                }
                case "remove" -> {
                    administration.remove(name, user.name());
                    yield "<p class=\"notice\" id=\"outcome\">Đã xóa tài khoản / removed <strong>"
                            + Html.escape(AccountRules.name(name)) + "</strong></p>";
                }
                default -> throw new IllegalArgumentException("Thao tác không hợp lệ / unknown action");
            };
        } catch (IllegalArgumentException refused) {
            status = 400;
            outcome = "<p class=\"error\" role=\"alert\" id=\"outcome\">" + Html.escape(refused.getMessage()) + "</p>";
        } catch (Argon2Passwords.PasswordsBusy busy) {
            status = 503;
            outcome = "<p class=\"error\" role=\"alert\" id=\"outcome\">" + Html.escape(busy.getMessage()) + "</p>";
        }
        page(response, status, user, outcome);
    }

    private void page(HttpServletResponse response, int status, ConsoleUser user, String outcome) throws IOException {
        StringBuilder main = new StringBuilder("<h1>Tài khoản</h1>\n").append(outcome).append('\n');
        main.append("<table id=\"accounts\">\n<thead><tr><th>Tên đăng nhập</th><th>Tên hiển thị</th><th>Vai trò</th>")
                .append("<th>Ngày tạo</th><th>Đăng nhập lần cuối</th><th></th></tr></thead>\n<tbody>\n");
        for (ConsoleAccount account : administration.accounts()) {
            main.append("<tr><td>").append(Html.escape(account.name())).append("</td><td>")
                    .append(Html.escape(account.displayName())).append("</td><td>").append(roleLabel(account.role()))
                    .append("</td><td>").append(VietnamTime.format(account.createdAt())).append("</td><td>")
                    .append(VietnamTime.format(account.lastSignIn())).append("</td><td class=\"actions\">")
                    .append(action(user, "reset", account.name(), "Đặt lại mật khẩu"));
            if (!account.name().equals(user.name())) {
                main.append(action(user, "remove", account.name(), "Xóa"));
            }
            main.append("</td></tr>\n");
        }
        main.append("</tbody>\n</table>\n");
        main.append("<h2>Tạo tài khoản</h2>\n<form id=\"create-account\" method=\"post\" action=\"/console/accounts\">")
                .append(Html.csrfField(user.csrf()))
                .append("<input type=\"hidden\" name=\"action\" value=\"create\">\n")
                .append("<label for=\"new-name\">Tên đăng nhập</label><input id=\"new-name\" name=\"name\" required maxlength=\"")
                .append(AccountRules.NAME_MAX).append("\" placeholder=\"nguyen.an\">\n")
                .append("<label for=\"new-display\">Tên hiển thị</label><input id=\"new-display\" name=\"displayName\" maxlength=\"")
                .append(AccountRules.DISPLAY_NAME_MAX).append("\" placeholder=\"Nguyễn Văn An\">\n")
                .append("<label for=\"new-role\">Vai trò</label><select id=\"new-role\" name=\"role\">")
                .append("<option value=\"ANALYST\">Chuyên viên (chỉ xem)</option><option value=\"ADMIN\">Quản trị</option></select>\n")
                .append("<button type=\"submit\" id=\"create\">Tạo tài khoản</button>\n</form>");
        Html.write(response, status, "Tài khoản", Html.signedIn(user), main.toString());
    }

    private static String action(ConsoleUser user, String action, String name, String label) {
        return "<form class=\"inline\" method=\"post\" action=\"/console/accounts\">" + Html.csrfField(user.csrf())
                + "<input type=\"hidden\" name=\"action\" value=\"" + action + "\">"
                + "<input type=\"hidden\" name=\"name\" value=\"" + Html.escape(name) + "\">"
                + "<button type=\"submit\">" + label + "</button></form>";
    }

    private static String roleLabel(ConsoleAccount.Role role) {
        return role == ConsoleAccount.Role.ADMIN ? "Quản trị (ADMIN)" : "Chuyên viên (ANALYST)";
    }

    /** For an analyst, or for a request the access filter did not pass (there is no account on it then). */
    private static void forbidden(HttpServletResponse response, Optional<ConsoleUser> user) throws IOException {
        Html.write(response, 403, "Không có quyền", user.map(Html::signedIn).orElse(""),
                "<h1>Không có quyền / forbidden</h1>\n"
                + "<p class=\"error\">Chỉ quản trị viên mới quản lý tài khoản / only administrators manage accounts.</p>\n"
                + "<p><a href=\"/console/\">Về trang chính / back to the console</a></p>");
    }
}
