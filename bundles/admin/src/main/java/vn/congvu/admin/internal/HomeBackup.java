package vn.congvu.admin.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import vn.congvu.backup.DatabaseBackup;

/**
 * A backup of a running node's home: the database copied by Derby's online backup, and the folders that
 * make the node what it is (etc/, deploy/, data/modules/). Written under a temporary name and renamed at
 * the end, so a folder with the backup's name is always a whole backup.
 */
final class HomeBackup {

    /** The file that marks a folder as a whole backup, and says what it holds. */
    static final String MANIFEST = "congvu-backup.txt";
    /** Copied as they are: the settings and certificates, the rule jars that run, every jar that ran. */
    static final List<String> FOLDERS = List.of("etc", "deploy", "data/modules");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path home;
    private final List<DatabaseBackup> stores;
    private final Clock clock;

    /**
     * @param home   the node home
     * @param stores the node's running databases
     * @param clock  dates the backup's name
     */
    HomeBackup(Path home, List<DatabaseBackup> stores, Clock clock) {
        this.home = home.toAbsolutePath().normalize();
        this.stores = List.copyOf(stores);
        this.clock = clock;
    }

    /**
     * @param folder where backups are kept; made if missing
     * @return what was written, for the operator
     * @throws IllegalStateException naming the home and the folder, if anything could not be copied; nothing is
     *                               left behind then
     */
    String writeInto(Path folder) {
        if (stores.isEmpty()) {
            throw new IllegalStateException("Nút này không có cơ sở dữ liệu đang chạy / no database runs on this "
                    + "node: nothing backed up (see log/congvu.log for why the store did not start)");
        }
        if (!folder.isAbsolute()) {
            // relative to what? The node's working folder is not the caller's when the command comes over exec
            throw new IllegalArgumentException("Thư mục sao lưu phải là đường dẫn tuyệt đối / the backup folder '"
                    + folder + "' must be an absolute path, such as /var/backups/congvu");
        }
        Path target = folder.normalize();
        if (target.startsWith(home.resolve("data")) || target.startsWith(home.resolve("etc"))
                || target.startsWith(home.resolve("deploy"))) {
            throw new IllegalArgumentException("Thư mục sao lưu nằm trong nút / the backup folder " + target
                    + " is inside what it backs up; choose a folder outside " + home);
        }
        String homeName = home.getFileName().toString();
        String name = (homeName.startsWith("congvu-") ? homeName : "congvu-" + homeName) + "-" + STAMP.format(clock.instant());
        Path partial = target.resolve("." + name + ".partial");
        Path done = target.resolve(name);
        try {
            Files.createDirectories(target);
            if (Files.exists(done)) {
                throw new FileAlreadyExistsException(done.toString(), null, "a backup of that name exists");
            }
            Files.createDirectory(partial);    // fails if another backup of the same second is being written
        } catch (IOException e) {
            throw new IllegalStateException("Không sao lưu được / cannot back up " + home + " into " + target
                    + ", nothing written: " + e, e);
        }
        try {
            ownerOnly(partial);    // etc/tls holds the node's private key
            List<String> lines = new ArrayList<>();
            List<String> databases = new ArrayList<>();
            for (DatabaseBackup store : stores) {
                if (store.database().isEmpty()) {
                    // a database server's copies are its administrators' business, with its own tools
                    lines.add("cơ sở dữ liệu ở máy chủ, không sao lưu ở đây / the database is on a server, not copied: "
                            + store.location() + " (back it up with pg_dump or the server's own backups)");
                    continue;
                }
                Path relative = placeOf(store.database().get());
                Path copy = store.backupTo(Files.createDirectories(partial.resolve(relative).getParent()));
                databases.add(relative.toString());
                lines.add(describe(relative + "/", copy, "cơ sở dữ liệu / database, Derby online backup"));
            }
            for (String folderName : FOLDERS) {
                Path source = home.resolve(folderName);
                if (Files.isDirectory(source)) {
                    copyTree(source, partial.resolve(folderName));
                    lines.add(describe(folderName + "/", partial.resolve(folderName), ""));
                }
            }
            Files.writeString(partial.resolve(MANIFEST), manifest(databases), StandardCharsets.UTF_8);
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
            return "Đã sao lưu / backed up " + home + " into " + done + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", lines);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw new IllegalStateException("Sao lưu thất bại, không giữ gì / backup of " + home + " into " + target
                    + " failed, nothing kept: " + e, e);
        }
    }

    /** Where a database goes in the backup: where it is in the home, or data/ if it lives elsewhere. */
    private Path placeOf(Path database) {
        Path absolute = database.toAbsolutePath().normalize();
        return absolute.startsWith(home) ? home.relativize(absolute) : Path.of("data").resolve(absolute.getFileName());
    }

    private String manifest(List<String> databases) {
        return "# congvu node backup: restore it with 'congvu restore THIS_FOLDER NEW_HOME'\n"
                + "home = " + home + "\n"
                + "taken = " + clock.instant() + "\n"
                + "databases = " + String.join(" ", databases) + "\n"
                + "folders = " + String.join(" ", FOLDERS) + "\n";
    }

    private static String describe(String what, Path copy, String note) throws IOException {
        long[] filesAndBytes = new long[2];
        try (Stream<Path> files = Files.walk(copy)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                filesAndBytes[0]++;
                filesAndBytes[1] += size(file);
            });
        }
        return String.format("%-18s %d tệp / files, %,d bytes%s", what, filesAndBytes[0], filesAndBytes[1],
                note.isEmpty() ? "" : " (" + note + ")");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void ownerOnly(Path folder) throws IOException {
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // the backup already failed; the partial folder's dot name keeps it from passing for a backup
        }
    }
}
