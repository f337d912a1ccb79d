package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a ministry node started from the distribution serves its web console over HTTPS with its own TLS
 * certificate (trusted here through the test's CA only), asks for a sign-in before anything else, refuses plain HTTP,
 * and signs in the account made with {@code congvu:account add}.
 */
class ConsoleAccessIT {

    private static final Pattern PASSWORD = Pattern.compile("shown once: (\\S{20})");

    @Test
    void ministryConsole_httpsOnly_signInRequired_firstAdministratorSignsIn() throws Exception {
        Path work = CongvuTestSupport.workFolder("console-access");
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path ministry = nodes.ministry("ministry", CongvuTestSupport.freePort());
            NodeProcesses.Result added = nodes.run("account.out", "exec", ministry.toString(),
                    "congvu:account add nguyen.an ADMIN Nguyễn Văn An");
            assertEquals(0, added.exitCode(), added.output());
            Matcher printed = PASSWORD.matcher(added.output());
            assertTrue(printed.find(), added.output());
            String password = printed.group(1);
            NodeProcesses.Result badRole = nodes.run("bad-role.out", "exec", ministry.toString(),
                    "congvu:account add tran.binh ROOT");
            assertTrue(badRole.output().contains("Vai trò không hợp lệ / invalid role 'ROOT'"), badRole.output());

            Process node = nodes.start("ministry.out", "run", ministry.toString());
            nodes.awaitReady(ministry, node, "ministry.out");
            String https = "https://localhost:" + NodeProcesses.httpsPort(ministry);
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(ministry.resolve("etc/tls/ca.crt.pem")))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            // Jetty listens before the whiteboard has the console's servlets (404 until then)
            NodeProcesses.await("the console's sign-in page is served", () -> {
                try {
                    return send(client, HttpRequest.newBuilder(URI.create(https + "/console/login")).build()).statusCode() == 200;
                } catch (AssertionError notYet) {
                    return false;
                }
            });

            HttpResponse<String> login = send(client, HttpRequest.newBuilder(URI.create(https + "/console/login")).build());
            assertTrue(login.body().contains("<form id=\"login\""), login.body());
            assertTrue(login.body().contains("name=\"user\"") && login.body().contains("name=\"password\"")
                    && login.body().contains("id=\"sign-in\""), login.body());
            assertEquals("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                    + "form-action 'self'; frame-ancestors 'none'", header(login, "Content-Security-Policy"));
            assertEquals("nosniff", header(login, "X-Content-Type-Options"));
            assertEquals("DENY", header(login, "X-Frame-Options"));
            assertEquals("no-store", header(login, "Cache-Control"));
            HttpResponse<String> css = send(client, HttpRequest.newBuilder(URI.create(https + "/console/static/console.css")).build());
            assertEquals(200, css.statusCode());
            assertTrue(header(css, "Content-Type").startsWith("text/css"), css.headers().toString());

            HttpResponse<String> console = send(client, HttpRequest.newBuilder(URI.create(https + "/console/accounts")).build());
            assertEquals(303, console.statusCode(), console.body());
            assertEquals("/console/login?next=%2Fconsole%2Faccounts", header(console, "Location"));

            int plainPort = NodeProcesses.httpPort(ministry);
            HttpResponse<String> plain = send(HttpClient.newHttpClient(),
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plainPort + "/console/login")).build());
            assertEquals(403, plain.statusCode(), plain.body());
            assertTrue(plain.body().contains("https://127.0.0.1:" + NodeProcesses.httpsPort(ministry) + "/console/"),
                    plain.body());
            assertEquals(200, send(HttpClient.newHttpClient(), HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + plainPort + "/health")).build()).statusCode(), "the node is ready");

            HttpResponse<String> wrong = send(client, signIn(https, "nguyen.an", password + "x"));
            assertEquals(401, wrong.statusCode());
            assertTrue(wrong.body().contains("Sai tên đăng nhập hoặc mật khẩu / wrong name or password"), wrong.body());
            HttpResponse<String> unknown = send(client, signIn(https, "nobody", password));
            assertEquals(401, unknown.statusCode());

            HttpResponse<String> signedIn = send(client, signIn(https, "nguyen.an", password));
            assertEquals(303, signedIn.statusCode(), signedIn.body());
            assertEquals("/console/accounts", header(signedIn, "Location"));
            String setCookie = header(signedIn, "Set-Cookie");
            assertTrue(setCookie.matches("congvu_session=[A-Za-z0-9_-]{43}; Path=/; Secure; HttpOnly; SameSite=Strict"), setCookie);
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));

            HttpResponse<String> accounts = send(client, HttpRequest.newBuilder(URI.create(https + "/console/accounts"))
                    .header("Cookie", cookie).build());
            assertEquals(200, accounts.statusCode(), accounts.body());
            assertTrue(accounts.body().contains("<td>nguyen.an</td><td>Nguyễn Văn An</td>"), accounts.body());
            assertTrue(accounts.body().contains("(giờ Việt Nam, UTC+7)"), accounts.body());

            HttpResponse<String> noCsrf = send(client, HttpRequest.newBuilder(URI.create(https + "/console/logout"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("")).build());
            assertEquals(403, noCsrf.statusCode(), noCsrf.body());

            // a script or another system signs in asking for JSON, and gets its CSRF token with the cookie
            HttpResponse<String> json = send(client, HttpRequest.newBuilder(URI.create(https + "/console/login"))
                    .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=nguyen.an&password=" + password)).build());
            assertEquals(200, json.statusCode(), json.body());
            Matcher csrf = Pattern.compile("\"csrf\": \"([A-Za-z0-9_-]{43})\"").matcher(json.body());
            assertTrue(csrf.find() && json.body().startsWith("{\"account\": \"nguyen.an\""), json.body());
            String adminCookie = cookie(json);

            // the administrator makes a read-only analyst, whose password is shown once
            HttpResponse<String> created = send(client, HttpRequest.newBuilder(URI.create(https + "/console/accounts"))
                    .header("Cookie", adminCookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("action=create&name=tran.binh&role=ANALYST&displayName="
                            + URLEncoder.encode("Trần Thị Bình", StandardCharsets.UTF_8) + "&csrf=" + csrf.group(1))).build());
            assertEquals(200, created.statusCode(), created.body());
            Matcher analystPassword = Pattern.compile("<code id=\"new-password\">(\\S{20})</code>").matcher(created.body());
            assertTrue(analystPassword.find(), created.body());
            assertTrue(created.body().contains("<td>tran.binh</td><td>Trần Thị Bình</td>"), created.body());

            HttpResponse<String> analyst = send(client, signIn(https, "tran.binh", analystPassword.group(1)));
            assertEquals(303, analyst.statusCode(), analyst.body());
            HttpResponse<String> forbidden = send(client, HttpRequest.newBuilder(URI.create(https + "/console/accounts"))
                    .header("Cookie", cookie(analyst)).build());
            assertEquals(403, forbidden.statusCode(), "an analyst does not manage accounts");

            // a reporting calendar that cannot be read stops the figures: every page says so, and status says which
            // setting, until the file is fixed (read again when saved)
            Path calendar = ministry.resolve("etc/vn.congvu.ministry.views.cfg");
            String kept = Files.readString(calendar, StandardCharsets.UTF_8);
            Files.writeString(calendar, kept.replace("periodic.year = 14 20", "periodic.year = 40 x"), StandardCharsets.UTF_8);
            HttpRequest completeness = HttpRequest.newBuilder(URI.create(https + "/console/completeness"))
                    .header("Cookie", cookie(analyst)).build();
            NodeProcesses.await("the console says a setting is wrong", () -> send(client, completeness).statusCode() == 503);
            HttpResponse<String> broken = send(client, completeness);
            assertTrue(broken.body().contains("etc/vn.congvu.ministry.views.cfg"), broken.body());
            NodeProcesses.Result status = nodes.run("status.out", "status", ministry.toString());
            assertTrue(status.output().contains("periodic.year"), status.output());
            Files.writeString(calendar, kept, StandardCharsets.UTF_8);
            NodeProcesses.await("the console's figures are back", () -> send(client, completeness).statusCode() == 200);

            HttpResponse<String> signedOut = send(client, HttpRequest.newBuilder(URI.create(https + "/console/logout"))
                    .header("Cookie", adminCookie).header("X-CSRF-Token", csrf.group(1))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(303, signedOut.statusCode(), signedOut.body());
            assertEquals(303, send(client, HttpRequest.newBuilder(URI.create(https + "/console/accounts"))
                    .header("Cookie", adminCookie).build()).statusCode(), "the session ended");
        }
    }

    private static String cookie(HttpResponse<?> signedIn) {
        String setCookie = header(signedIn, "Set-Cookie");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static HttpRequest signIn(String https, String user, String password) {
        String form = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&next=" + URLEncoder.encode("/console/accounts",
                StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(https + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " in "
                + response.headers().map()));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("no answer to " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Trusts the test's CA only: the ministry's certificate must chain to it and name localhost. */
    private static SSLContext trusting(Path caFile) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
