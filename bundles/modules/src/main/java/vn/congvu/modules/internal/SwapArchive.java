package vn.congvu.modules.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.congvu.modules.SwapAction;
import vn.congvu.modules.SwapRecord;

/**
 * Every rule bundle jar the node has run, under {@code <archive>/<symbolic name>/<version>-<sha>.jar}, and
 * the history of swaps in {@code <archive>/history.tsv} (UTF-8, one tab-separated line per swap, appended
 * and forced to disk before the swap is reported). Bundles are installed from their archived copy, so
 * what runs never depends on a file an operator may overwrite.
 */
final class SwapArchive {

    private static final String NONE = "-";
    private final Path folder;
    private final Path historyFile;

    SwapArchive(Path folder) {
        this.folder = folder;
        this.historyFile = folder.resolve("history.tsv");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the rule bundle archive " + folder, e);
        }
    }

    Path folder() {
        return folder;
    }

    /**
     * @param symbolicName a bundle's symbolic name
     * @param version      its version
     * @param sha256       its jar's checksum
     * @return where that jar is (or would be) archived
     */
    Path pathOf(String symbolicName, String version, String sha256) {
        return folder.resolve(symbolicName).resolve(version + "-" + sha256.substring(0, 12) + ".jar");
    }

    /**
     * Copies the jar into the archive (through a temporary file, so a crash never leaves half a jar).
     *
     * @param jar the jar
     * @return its archived copy
     */
    Path keep(CandidateJar jar) {
        Path target = pathOf(jar.symbolicName(), jar.version().toString(), jar.sha256());
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(jar.path(), partial, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + jar.path() + " to " + target, e);
        }
    }

    void record(SwapRecord swap) {
        String line = String.join("\t", swap.at().toString(), swap.action().name(), swap.symbolicName(),
                orNone(swap.fromVersion()), orNone(swap.fromSha256()), orNone(swap.toVersion()), orNone(swap.toSha256()),
                swap.done() ? "done" : "refused", swap.note().replaceAll("[\\t\\r\\n]+", " ")) + "\n";
        try (FileChannel channel = FileChannel.open(historyFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the swap history " + historyFile, e);
        }
    }

    List<SwapRecord> history() {
        if (!Files.exists(historyFile)) {
            return List.of();
        }
        List<SwapRecord> records = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(historyFile, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                if (fields.length != 9) {
                    continue; // a line cut short by a crash while it was written
                }
                records.add(new SwapRecord(Instant.parse(fields[0]), SwapAction.valueOf(fields[1]), fields[2],
                        orNull(fields[3]), orNull(fields[4]), orNull(fields[5]), orNull(fields[6]),
                        fields[7].equals("done"), fields[8]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the swap history " + historyFile, e);
        }
        return records;
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }

    private static String orNull(String field) {
        return field.equals(NONE) ? null : field;
    }
}
