package vn.congvu.console.internal.access;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.store.AccountStore;
import vn.congvu.store.ConsoleAccount;

/**
 * {@code /console/login}: GET the sign-in form; POST {@code user} and {@code password} (and {@code next}) to sign in.
 * A browser is then sent on with 303; a client that asks for JSON gets the account and its CSRF token as JSON. Every
 * failure says the same ("wrong name or password") after the same work: an unknown name is checked against a dummy
 * hash. Repeated failures per name and per address make the next attempts wait, and only a few attempts per name and per
 * address are checked at once ({@link SignInThrottle}).
 */
@Component(service = Servlet.class, configurationPid = ConsoleConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {"osgi.http.whiteboard.servlet.pattern=" + AccessRules.LOGIN,
                "osgi.http.whiteboard.servlet.name=congvu-console-login"})
public class SignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SignInServlet.class);
    private static final String WRONG = "Sai tên đăng nhập hoặc mật khẩu / wrong name or password";
    /** Longer input is not hashed: no password the console accepts is this long. */
    private static final int LONGEST_INPUT = 4 * AccountRules.PASSWORD_MAX;

    private final transient AccountStore accounts;
    private final transient Argon2Passwords passwords;
    private final transient Sessions sessions;
    private final transient SignInThrottle throttle;
    private final transient Clock clock;

    /**
     * @param config       the console's settings (the throttle's limits)
     * @param accounts     the accounts
     * @param passwords    the password hash
     * @param sessions     the sessions
     * @param accessFilter unused: the reference ties this servlet's registration to the access filter's, so that no
     *                     request reaches it unchecked (here: a sign-in over plain HTTP), at start-up or reconfiguration
     */
    @Activate
    public SignInServlet(ConsoleConfig config, @Reference AccountStore accounts, @Reference Argon2Passwords passwords,
                         @Reference Sessions sessions, @Reference(target = AccessFilter.TARGET) Filter accessFilter) {
        this(accounts, passwords, sessions, new SignInThrottle(
                Settings.within("signin.failures.per.name", config.signin_failures_per_name(), 3, 100),
                Settings.within("signin.failures.per.address", config.signin_failures_per_address(), 3, 1000),
                Duration.ofMinutes(Settings.within("signin.window.minutes", config.signin_window_minutes(), 1, 1440)),
                Clock.systemUTC()), Clock.systemUTC());
    }

    SignInServlet(AccountStore accounts, Argon2Passwords passwords, Sessions sessions, SignInThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = LocalPath.orHome(request.getParameter("next"));
        if (ConsoleUser.find(request).isPresent()) {
            response.setStatus(303);
            response.setHeader("Location", next);
            return;
        }
        form(response, 200, next, "", null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String next = LocalPath.orHome(request.getParameter("next"));
        String user = request.getParameter("user");
        boolean json = AccessRules.wantsJson(request.getHeader("Accept"));
        if (!request.isSecure()) { // the access filter refuses it first; never take a password over plain HTTP regardless
            refuse(response, json, 403, next, user, "Chỉ đăng nhập qua HTTPS / sign in over HTTPS only");
            return;
        }
        boolean validName = AccountRules.isName(user);
        String name = validName ? AccountRules.name(user) : "";
        String address = request.getRemoteAddr();

        SignInThrottle.Outcome outcome = throttle.reserve(name, address);
        if (outcome instanceof SignInThrottle.Refused refused) {
            tooMany(response, json, next, user, refused);
            return;
        }
        Optional<ConsoleAccount> account;
        // closing releases the reservation uncounted if neither failed() nor succeeded() was reached (busy, an error)
        try (SignInThrottle.Attempt attempt = (SignInThrottle.Attempt) outcome) {
            try {
                account = check(validName ? name : null, request.getParameter("password"));
            } catch (Argon2Passwords.PasswordsBusy busy) {
                response.setHeader("Retry-After", Long.toString(SignInThrottle.BUSY_RETRY.toSeconds()));
                refuse(response, json, 503, next, user, busy.getMessage());
                return;
            }
            if (account.isEmpty()) {
                attempt.failed();
                LOG.info("Console sign-in refused for {} from {}", validName ? name : "an invalid name", address);
                refuse(response, json, 401, next, user, WRONG);
                return;
            }
            attempt.succeeded();
        }
        accounts.recordSignIn(name, clock.instant());
        SessionCookie.tokens(request).forEach(sessions::end); // a new token at every sign-in: no session fixation
        Sessions.Started started = sessions.start(account.get());
        SessionCookie.set(response, started.token());
        LOG.info("Console sign-in of {} ({}) from {}", name, account.get().role(), address);
        if (json) {
            Json.write(response, 200, "{\"account\": " + Json.string(name) + ", \"displayName\": "
                    + Json.string(account.get().displayName()) + ", \"role\": " + Json.string(account.get().role().name())
                    + ", \"csrf\": " + Json.string(started.session().csrf()) + "}");
        } else {
            response.setStatus(303);
            response.setHeader("Location", next);
        }
    }

    /** The account, if the password is its own; the same hashing work whether the name exists or not. */
    private Optional<ConsoleAccount> check(String name, String rawPassword) {
        String password = null;
        if (rawPassword != null && rawPassword.length() <= LONGEST_INPUT) {
            try {
                password = AccountRules.password(rawPassword);
            } catch (IllegalArgumentException tooShortOrLong) {
                password = null;
            }
        }
        Optional<ConsoleAccount> account = name == null ? Optional.empty() : accounts.find(name);
        if (account.isEmpty() || password == null) {
            passwords.verifyNobody(password == null ? "" : password);
            return Optional.empty();
        }
        try {
            return passwords.verify(password, account.get().passwordHash()) ? account : Optional.empty();
        } catch (IllegalArgumentException badStoredHash) {
            LOG.warn("Console account {} cannot sign in: its stored password hash is unreadable ({}); reset its password "
                    + "with congvu:account reset {}", name, badStoredHash.getMessage(), name);
            return Optional.empty();
        }
    }

    private void tooMany(HttpServletResponse response, boolean json, String next, String user,
                         SignInThrottle.Refused refused) throws IOException {
        Duration wait = refused.retryAfter();
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)); // whole seconds, rounded up
        response.setHeader("Retry-After", Long.toString(seconds));
        if (refused.reason() == SignInThrottle.Reason.TOO_MANY_FAILURES) {
            long minutes = Math.max(1, (seconds + 59) / 60);
            refuse(response, json, 429, next, user, "Quá nhiều lần đăng nhập sai; hãy thử lại sau " + minutes
                    + " phút / too many failed sign-ins; try again in " + minutes + " minutes");
        } else {
            refuse(response, json, 429, next, user, "Một lần đăng nhập khác của tên này hoặc từ địa chỉ này đang được "
                    + "kiểm tra; hãy thử lại sau vài giây / another sign-in of this name or from this address is being "
                    + "checked; try again in a few seconds");
        }
    }

    private void refuse(HttpServletResponse response, boolean json, int status, String next, String user, String message)
            throws IOException {
        if (json) {
            Json.write(response, status, "{\"error\": " + Json.string(message) + "}");
        } else {
            form(response, status, next, user == null || user.length() > AccountRules.NAME_MAX * 2 ? "" : user, message);
        }
    }

    private static void form(HttpServletResponse response, int status, String next, String user, String error)
            throws IOException {
        String main = "<section class=\"login\">\n<h1>Đăng nhập</h1>\n"
                + "<p class=\"hint\">Bảng điều khiển số liệu dịch vụ công của Bộ Nội vụ</p>\n"
                + (error == null ? "" : "<p class=\"error\" role=\"alert\" id=\"login-error\">" + Html.escape(error) + "</p>\n")
                + "<form id=\"login\" method=\"post\" action=\"" + AccessRules.LOGIN + "\">\n"
                + "<input type=\"hidden\" name=\"next\" value=\"" + Html.escape(next) + "\">\n"
                + "<label for=\"user\">Tên đăng nhập</label>\n"
                + "<input id=\"user\" name=\"user\" autocomplete=\"username\" required maxlength=\"" + AccountRules.NAME_MAX
                + "\" value=\"" + Html.escape(user) + "\" autofocus>\n"
                + "<label for=\"password\">Mật khẩu</label>\n"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n"
                + "<button type=\"submit\" id=\"sign-in\">Đăng nhập</button>\n</form>\n</section>";
        Html.write(response, status, "Đăng nhập", "", main);
    }
}
