package vn.congvu.console.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.congvu.console.internal.access.AccessRules.Pass;
import vn.congvu.console.internal.access.AccessRules.Redirect;
import vn.congvu.console.internal.access.AccessRules.Refuse;
import vn.congvu.console.internal.access.AccessRules.RequestFacts;
import vn.congvu.store.ConsoleAccount.Role;

class AccessRulesTest {

    private static final String HTTPS = "https://bo.example.vn:8443/console/";
    private static final AllowedOrigins OWN = AllowedOrigins.own();
    private static final Session AN = new Session("an", "An", Role.ANALYST, "csrf-token-of-an",
            Instant.parse("2025-07-01T01:00:00Z"));

    private static RequestFacts get(String path) {
        return new RequestFacts(true, "GET", path, path, null, "bo.example.vn:8443", null, false);
    }

    private static RequestFacts post(String path, String csrf) {
        return new RequestFacts(true, "POST", path, path, "https://bo.example.vn:8443", "bo.example.vn:8443", csrf, false);
    }

    @Test
    void plainHttp_isRefused_namingTheHttpsAddress_evenWithASession() {
        RequestFacts plain = new RequestFacts(false, "GET", "/console/", "/console/", null, "bo.example.vn:8180", null, false);

        Refuse refused = assertInstanceOf(Refuse.class, AccessRules.decide(plain, Optional.of(AN), HTTPS, OWN));

        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("chỉ phục vụ qua HTTPS") && refused.body().contains("HTTPS only"), refused.body());
        assertTrue(refused.body().contains(HTTPS), refused.body());
    }

    @Test
    void noSession_page_redirectsToSignInWithTheLocalPathAsNext() {
        RequestFacts page = new RequestFacts(true, "GET", "/console/national", "/console/national?period=2022", null,
                "bo.example.vn:8443", null, false);

        Redirect redirect = assertInstanceOf(Redirect.class, AccessRules.decide(page, Optional.empty(), HTTPS, OWN));

        assertEquals("/console/login?next=%2Fconsole%2Fnational%3Fperiod%3D2022", redirect.location());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/national", "/api", "/console/national.csv", "/console/national.json"})
    void noSession_data_is401WithAJsonError(String path) {
        Refuse refused = assertInstanceOf(Refuse.class, AccessRules.decide(get(path), Optional.empty(), HTTPS, OWN));

        assertEquals(401, refused.status());
        assertEquals("application/json; charset=utf-8", refused.contentType());
        assertTrue(refused.body().startsWith("{\"error\": \"Chưa đăng nhập / not signed in"), refused.body());
    }

    @Test
    void noSession_clientAskingForJson_is401() {
        RequestFacts json = new RequestFacts(true, "GET", "/console/", "/console/", null, "h", null, true);

        assertEquals(401, assertInstanceOf(Refuse.class, AccessRules.decide(json, Optional.empty(), HTTPS, OWN)).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/login", "/console/static/console.css"})
    void noSession_signInPageAndStylesheet_pass(String path) {
        assertEquals(new Pass(Optional.empty()), AccessRules.decide(get(path), Optional.empty(), HTTPS, OWN));
    }

    @Test
    void noSession_otherStaticFiles_needASession() {
        assertInstanceOf(Redirect.class, AccessRules.decide(get("/console/static/echarts.min.js"), Optional.empty(), HTTPS, OWN));
    }

    @Test
    void signInPost_passesWithoutCsrf() {
        assertEquals(new Pass(Optional.empty()), AccessRules.decide(post("/console/login", null), Optional.empty(), HTTPS, OWN));
    }

    @Test
    void session_get_passesWithTheSession() {
        assertEquals(new Pass(Optional.of(AN)), AccessRules.decide(get("/console/national"), Optional.of(AN), HTTPS, OWN));
    }

    @Test
    void session_post_needsTheSessionsCsrfToken() {
        Refuse missing = assertInstanceOf(Refuse.class, AccessRules.decide(post("/console/logout", null), Optional.of(AN), HTTPS, OWN));
        Refuse wrong = assertInstanceOf(Refuse.class,
                AccessRules.decide(post("/console/accounts", "csrf-token-of-binh"), Optional.of(AN), HTTPS, OWN));

        assertEquals(403, missing.status());
        assertEquals(403, wrong.status());
        assertTrue(wrong.body().contains("CSRF"), wrong.body());
        assertEquals(new Pass(Optional.of(AN)),
                AccessRules.decide(post("/console/accounts", "csrf-token-of-an"), Optional.of(AN), HTTPS, OWN));
    }

    @Test
    void session_apiPostWithoutCsrf_isAJsonRefusal() {
        Refuse refused = assertInstanceOf(Refuse.class, AccessRules.decide(post("/api/x", null), Optional.of(AN), HTTPS, OWN));

        assertEquals(403, refused.status());
        assertEquals("application/json; charset=utf-8", refused.contentType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"})
    void session_otherMethods_needTheCsrfTokenToo(String method) {
        RequestFacts request = new RequestFacts(true, method, "/console/accounts", "/console/accounts", null, "h", null, false);

        assertEquals(403, assertInstanceOf(Refuse.class, AccessRules.decide(request, Optional.of(AN), HTTPS, OWN)).status());
    }

    @Test
    void crossSitePost_isRefused_evenToTheSignInPage() {
        RequestFacts crossSite = new RequestFacts(true, "POST", "/console/login", "/console/login", "https://evil.example",
                "bo.example.vn:8443", null, false);

        assertEquals(403, assertInstanceOf(Refuse.class, AccessRules.decide(crossSite, Optional.empty(), HTTPS, OWN)).status());
    }

    @Test
    void noSession_post_toAPage_is401NotARedirect() {
        assertEquals(401, assertInstanceOf(Refuse.class,
                AccessRules.decide(post("/console/accounts", null), Optional.empty(), HTTPS, OWN)).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/completeness?format=csv", "/console/completeness?year=2023&format=json&table=x",
            "/console/national?format=%63sv", "/console/x?a=%zz&format=csv"})
    void noSession_pageAskedAsCsvOrJson_is401WithAJsonError(String target) {
        String path = target.substring(0, target.indexOf('?'));
        RequestFacts download = new RequestFacts(true, "GET", path, target, null, "bo.example.vn:8443", null, false);

        Refuse refused = assertInstanceOf(Refuse.class, AccessRules.decide(download, Optional.empty(), HTTPS, OWN));

        assertEquals(401, refused.status());
        assertEquals("application/json; charset=utf-8", refused.contentType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/completeness?format=html", "/console/completeness?xformat=csv",
            "/console/completeness?next=format%3Dcsv", "/console/completeness?format", "/console/completeness?%=csv",
            "/console/completeness"})
    void noSession_pageQueryNotAskingForData_redirects(String target) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        RequestFacts page = new RequestFacts(true, "GET", path, target, null, "bo.example.vn:8443", null, false);

        assertInstanceOf(Redirect.class, AccessRules.decide(page, Optional.empty(), HTTPS, OWN));
    }

    @Test
    void asksForDataFormat_readsABoundedPartOfTheQuery() {
        String padded = "/console/x?" + "a=b&".repeat(AccessRules.QUERY_READ / 4) + "format=csv";

        assertEquals(false, AccessRules.asksForDataFormat(padded), "beyond the characters read");
        assertEquals(true, AccessRules.asksForDataFormat("/console/x?format=csv&" + "a=b&".repeat(100_000)));
    }

    @Test
    void wantsJson_onlyWhenJsonIsAskedAndAPageIsNot() {
        assertEquals(true, AccessRules.wantsJson("application/json"));
        assertEquals(false, AccessRules.wantsJson("text/html,application/json;q=0.9"));
        assertEquals(false, AccessRules.wantsJson(null));
    }

    @Test
    void postFromAnAllowedOrigin_behindAProxyThatRewritesHost_passes() {
        AllowedOrigins proxy = AllowedOrigins.parse("https://console.bonoivu.gov.vn");
        RequestFacts viaProxy = new RequestFacts(true, "POST", "/console/login", "/console/login",
                "https://console.bonoivu.gov.vn", "10.0.0.5:8443", null, false);
        RequestFacts crossSite = new RequestFacts(true, "POST", "/console/login", "/console/login", "https://evil.example",
                "10.0.0.5:8443", null, false);

        assertEquals(new Pass(Optional.empty()), AccessRules.decide(viaProxy, Optional.empty(), HTTPS, proxy));
        assertEquals(403, assertInstanceOf(Refuse.class, AccessRules.decide(viaProxy, Optional.empty(), HTTPS, OWN)).status());
        assertEquals(403, assertInstanceOf(Refuse.class,
                AccessRules.decide(crossSite, Optional.empty(), HTTPS, proxy)).status());
    }
}
