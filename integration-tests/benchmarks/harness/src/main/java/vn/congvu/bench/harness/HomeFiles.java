package vn.congvu.bench.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vn.congvu.store.internal.PostgresServer;

/** The files of the run: copies of the distribution and its node templates, and their settings edited. */
final class HomeFiles {

    private HomeFiles() {
    }

    static String setting(Path cfg, String key) throws IOException {
        return Files.readAllLines(cfg, StandardCharsets.UTF_8).stream().filter(line -> line.startsWith(key + " ="))
                .map(line -> line.substring(line.indexOf('=') + 1).trim()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + key + " in " + cfg));
    }

    /**
     * Gives the home's health and metrics endpoint a free port: the template's (8181, 8180) may be taken on a shared
     * machine, and a node whose endpoint cannot listen never says it is ready.
     */
    static void freeHttpPort(Path home) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            edit(home.resolve("etc/org.apache.felix.http.cfg"), Map.of("org.osgi.service.http.port",
                    Integer.toString(socket.getLocalPort())));
        }
    }

    static void edit(Path cfg, Map<String, String> settings) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            boolean found = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(setting.getKey() + " =")) {
                    lines.set(i, setting.getKey() + " = " + setting.getValue());
                    found = true;
                }
            }
            if (!found) {
                lines.add(setting.getKey() + " = " + setting.getValue());
            }
        }
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }

    /** Points a ministry home's store at a new database on the run's PostgreSQL server (started on first use). */
    static void onPostgresql(Path ministry) throws IOException {
        PostgresServer.shared().createDatabase().configure(ministry, "ministry");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
