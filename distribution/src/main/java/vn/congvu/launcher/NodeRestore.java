package vn.congvu.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code congvu restore BACKUP NEW_HOME}: makes a node home from a backup written by {@code congvu:backup}.
 * A plain program, no OSGi. It only ever writes a new home: it refuses a NEW_HOME that exists and is not
 * empty (so never a running node's home), and copies under a temporary name first, so NEW_HOME is whole or
 * absent.
 */
public final class NodeRestore {

    /** The file {@code congvu:backup} writes last into a whole backup (admin's HomeBackup.MANIFEST). */
    static final String MANIFEST = "congvu-backup.txt";

    /** What became of a restore: the exit code and the lines for the operator. */
    record Outcome(int exitCode, List<String> lines) {
    }

    private NodeRestore() {
    }

    /**
     * @param args BACKUP NEW_HOME
     */
    public static void main(String[] args) {
        Outcome outcome = args.length == 2 ? restore(Path.of(args[0]), Path.of(args[1]))
                : new Outcome(2, List.of("usage: congvu restore BACKUP NEW_HOME   (BACKUP: a folder written by "
                + "congvu:backup; NEW_HOME: a folder that does not exist yet, or is empty)"));
        PrintStream out = outcome.exitCode() == 0 ? System.out : System.err;
        outcome.lines().forEach(out::println);
        System.exit(outcome.exitCode());
    }

    /**
     * @param backup  a backup folder
     * @param newHome the home to make
     * @return the exit code (0 restored, 1 refused or failed, 2 not a backup) and what to tell the operator
     */
    static Outcome restore(Path backup, Path newHome) {
        Path from = backup.toAbsolutePath().normalize();
        Path to = newHome.toAbsolutePath().normalize();
        if (!Files.isRegularFile(from.resolve(MANIFEST))) {
            return new Outcome(2, List.of("congvu: " + from + " is not a whole backup (it has no " + MANIFEST
                    + "); give a folder written by congvu:backup"));
        }
        Optional<String> refusal = refusal(to);
        if (refusal.isPresent()) {
            return new Outcome(1, List.of("congvu: " + refusal.get() + "; nothing restored"));
        }
        // an empty home made beforehand (install -d -o congvu ..., in a folder its user may not write) is filled from
        // inside: the copy is made in it under a hidden name, and its entries moved up once whole
        boolean madeBeforehand = Files.isDirectory(to);
        Path partial = madeBeforehand ? to.resolve(".restoring") : to.resolveSibling("." + to.getFileName() + ".restoring");
        try {
            deleteTree(partial);    // left by a restore that was killed: never a home
            copyTree(from, partial);
            Files.delete(partial.resolve(MANIFEST));
            if (madeBeforehand) {
                try (Stream<Path> entries = Files.list(partial)) {
                    for (Path entry : entries.toList()) {
                        Files.move(entry, to.resolve(entry.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                Files.delete(partial);
            } else {
                Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            try {
                deleteTree(partial);
            } catch (IOException ignored) {
                // the first error is the one to report
            }
            return new Outcome(1, List.of("congvu: restoring " + from + " into " + to + " failed, nothing restored: " + e));
        }
        List<String> lines = new ArrayList<>();
        lines.add("Đã khôi phục / restored " + from + " into " + to);
        lines.addAll(warnings(from, to));
        lines.add("Start it with / chạy nút: congvu run " + to + "   (stop the node it was backed up from first)");
        return new Outcome(0, lines);
    }

    private static Optional<String> refusal(Path home) {
        if (Files.exists(home.resolve("data/node.pid"))) {
            return Optional.of(home + " is the home of a node (data/node.pid exists)");
        }
        if (!Files.exists(home)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(home)) {
            return Optional.of(home + " exists and is not a folder");
        }
        try (Stream<Path> entries = Files.list(home)) {
            // a .restoring folder alone is a restore that was killed: it is made again
            return entries.filter(entry -> !entry.getFileName().toString().equals(".restoring")).findAny()
                    .map(entry -> home + " exists and is not empty: restore only into a new home");
        } catch (IOException e) {
            return Optional.of(home + " cannot be read: " + e);
        }
    }

    /** Settings that name the backed-up home by its path would make the new node use the old node's files. */
    private static List<String> warnings(Path backup, Path home) {
        List<String> warnings = new ArrayList<>();
        Optional<String> oldHome = manifestValue(backup, "home");
        if (oldHome.isEmpty() || oldHome.get().equals(home.toString())) {
            return warnings;
        }
        try (Stream<Path> settings = Files.list(home.resolve("etc"))) {
            for (Path cfg : settings.filter(file -> file.toString().endsWith(".cfg")).sorted().toList()) {
                if (Files.readString(cfg, StandardCharsets.UTF_8).contains(oldHome.get())) {
                    warnings.add("  CẢNH BÁO / WARNING: etc/" + cfg.getFileName() + " names the old home "
                            + oldHome.get() + "; write ${congvu.home} there instead before starting the node");
                }
            }
        } catch (IOException e) {
            warnings.add("  CẢNH BÁO / WARNING: cannot read " + home.resolve("etc") + ": " + e);
        }
        return warnings;
    }

    private static Optional<String> manifestValue(Path backup, String key) {
        try (Stream<String> lines = Files.lines(backup.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith(key + " = ")).findFirst()
                    .map(line -> line.substring(key.length() + 3).trim());
        } catch (IOException e) {
            return Optional.empty();
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

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
