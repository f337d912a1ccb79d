package vn.congvu.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The HTTP endpoint's host and ports (plain, and HTTPS for the ministry's console) as a node home's
 * {@code etc/org.apache.felix.http.cfg} sets them.
 */
final class HttpSettings {

    private static final String[] KEYS = {"org.osgi.service.http.port", "org.apache.felix.http.host",
            "org.osgi.service.http.port.secure"};

    private HttpSettings() {
    }

    /** @return the ports and host the file sets (none if it is missing or unreadable: the settings check names it) */
    static Map<String, String> read(Path file) {
        Map<String, String> settings = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return settings;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return settings;
        }
        for (String key : KEYS) {
            String value = properties.getProperty(key);
            if (value != null && !value.isBlank() && !value.contains("${")) {
                settings.put(key, value.trim());
            }
        }
        return settings;
    }
}
