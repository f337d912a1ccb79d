package vn.congvu.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestHeadersTest {

    @Test
    void clauses_splitOnCommasOutsideQuotes_withAttributesAndDirectives() {
        List<ManifestHeaders.Clause> clauses = ManifestHeaders.parse(
                "vn.congvu.api;version=\"[1.0,2)\",a.b;c.d;resolution:=optional, e.f");
        assertEquals(3, clauses.size());
        assertEquals(new ManifestHeaders.Clause(List.of("vn.congvu.api"), Map.of("version", "[1.0,2)")), clauses.get(0));
        assertEquals(List.of("a.b", "c.d"), clauses.get(1).names());
        assertEquals("optional", clauses.get(1).parameters().get("resolution:"));
        assertEquals(List.of("e.f"), clauses.get(2).names());
        assertEquals(List.of(), ManifestHeaders.parse(null));
    }
}
