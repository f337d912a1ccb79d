package vn.congvu.console.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/console/", "/console", "/console/national?period=2022&view=restated",
            "/console/provinces/04", "/console/national.csv?period=2022", "/console/t%E1%BB%89nh"})
    void orHome_keepsConsolePages(String next) {
        assertEquals(next, LocalPath.orHome(next));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/console/", "/\\evil.example", "/console//evil.example",
            "javascript:alert(1)", "/console/\nSet-Cookie: x", "/console/ x", "/api/v1/national", "/health", "console/",
            "/console/login", "/console/login?next=/console/", "/console/logout", "/consolex", ""})
    void orHome_sendsEverythingElseHome(String next) {
        assertEquals("/console/", LocalPath.orHome(next));
    }

    @ParameterizedTest
    @ValueSource(ints = {2001})
    void orHome_refusesOverlongPaths(int length) {
        assertEquals("/console/", LocalPath.orHome("/console/" + "a".repeat(length)));
    }
}
