package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The data flows one way and each bundle's exported API uses its own types: read from the manifests bnd wrote for
 * the built bundles, where an exported package's {@code uses:} directive names every package its signatures use.
 */
class BundleBoundariesIT {

    private static final Path BUNDLES = Path.of(System.getProperty("congvu.bundles", "target/bundles"));

    @Test
    void admin_importsNothingOfTheStore() throws IOException {
        Map<String, String> imports = clauses(BUNDLES.resolve("congvu-admin.jar"), "Import-Package");

        assertFalse(imports.isEmpty(), "the admin bundle imports packages");
        assertTrue(imports.keySet().stream().noneMatch(name -> name.startsWith("vn.congvu.store")), imports.keySet().toString());
        assertTrue(imports.containsKey("vn.congvu.uplink") && imports.containsKey("vn.congvu.backup"), imports.keySet().toString());
    }

    @Test
    void uplinkAndMinistry_exportAnApiThatUsesNoStoreType() throws IOException {
        for (String bundle : List.of("congvu-uplink.jar", "congvu-ministry.jar")) {
            Map<String, String> exports = clauses(BUNDLES.resolve(bundle), "Export-Package");

            assertFalse(exports.isEmpty(), bundle + " exports packages");
            exports.forEach((name, attributes) -> assertFalse(attributes.contains("vn.congvu.store"),
                    bundle + " exports " + name + " whose signatures use the store's types: " + attributes));
        }
    }

    @Test
    void store_exportsItsOwnPackageAndTheBackupOne() throws IOException {
        Map<String, String> exports = clauses(BUNDLES.resolve("congvu-store.jar"), "Export-Package");

        assertEquals(List.of("vn.congvu.backup", "vn.congvu.store"), List.copyOf(exports.keySet()));
    }

    /** @return each package of the header with the rest of its clause (version, uses, resolution) */
    private static Map<String, String> clauses(Path jar, String header) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String value = file.getManifest().getMainAttributes().getValue(header);
            Map<String, String> clauses = new TreeMap<>();
            for (String clause : split(value == null ? "" : value)) {
                int end = clause.indexOf(';');
                clauses.put(end < 0 ? clause.trim() : clause.substring(0, end).trim(), end < 0 ? "" : clause.substring(end));
            }
            return clauses;
        }
    }

    /** Splits a manifest header at the commas between clauses, not those inside quoted values. */
    private static List<String> split(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }
}
