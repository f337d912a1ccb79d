package vn.congvu.modules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.modules.SwapAction;
import vn.congvu.modules.SwapRecord;

/**
 * Every rule bundle jar the node has run, under {@code <archive>/<symbolic name>/<version>-<sha>.jar}, and
 * the history of swaps in {@code <archive>/history.tsv} (UTF-8, one tab-separated line per swap, appended
 * and forced to disk before the swap is reported). Bundles are installed from their archived copy, so
 * what runs never depends on a file an operator may overwrite.
 */
final class SwapArchive {

    /** A rule jar larger than this is refused before it is copied anywhere. */
    private static final long MAX_JAR_BYTES = 256L << 20;
    private static final String STAGING = ".staging";
    private static final Logger LOG = LoggerFactory.getLogger(SwapArchive.class);

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
        try {
            if (Files.isRegularFile(target) && CandidateJar.sha256(target).equals(jar.sha256())) {
                return target;
            }
        } catch (IOException e) {
            // unreadable: copied again below
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

    /**
     * Copies a jar given from outside (a path in a command, a file in deploy/) into a folder only the node
     * writes, so that the bytes verified are the bytes installed, whatever happens to the original meanwhile.
     *
     * @param jar the jar
     * @return the private copy, under the same file name; {@link #unstage} removes it
     * @throws CandidateJar.InvalidJarException if it is not a file, or too large for a rule jar
     */
    Path stage(Path jar) {
        try {
            if (!Files.isRegularFile(jar)) {
                throw new CandidateJar.InvalidJarException(jar + ": no such file");
            }
            if (Files.size(jar) > MAX_JAR_BYTES) {
                throw new CandidateJar.InvalidJarException(jar.getFileName() + " is larger than " + (MAX_JAR_BYTES >> 20)
                        + " MB, more than a rule jar may be");
            }
            Path staged = Files.createDirectories(folder.resolve(STAGING).resolve(UUID.randomUUID().toString()))
                    .resolve(jar.getFileName());
            try (InputStream in = Files.newInputStream(jar); OutputStream out = Files.newOutputStream(staged)) {
                // at most the limit: a file that grows while it is copied is refused, not copied whole
                in.transferTo(new BoundedOutput(out, MAX_JAR_BYTES));
            } catch (TooLarge e) {
                unstage(staged);
                throw new CandidateJar.InvalidJarException(jar.getFileName() + " grew past " + (MAX_JAR_BYTES >> 20)
                        + " MB while it was read, more than a rule jar may be");
            }
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar + " into " + folder.resolve(".staging"), e);
        }
    }

    /** Removes a private copy made by {@link #stage}; a failure is logged, never hides the swap's outcome. */
    void unstage(Path staged) {
        try {
            Files.deleteIfExists(staged);
            Files.deleteIfExists(staged.getParent());
        } catch (IOException e) {
            LOG.warn("The staged copy {} could not be removed: {}; it is removed at the next start", staged, e.getMessage());
        }
    }

    /** Removes the private copies a crash left behind. */
    void clearStaging() {
        Path staging = folder.resolve(STAGING);
        if (!Files.isDirectory(staging)) {
            return;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("The staged copies in {} could not be removed: {}", staging, e.getMessage());
        }
    }

    /** More bytes than a rule jar may have. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Passes on at most a number of bytes; one more is {@link TooLarge}. */
    private static final class BoundedOutput extends java.io.FilterOutputStream {
        private long left;

        BoundedOutput(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > left) {
                throw new TooLarge();
            }
            out.write(bytes, offset, length);
            left -= length;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
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

    /** @return the bundle's last swap that was done, from the history */
    Optional<SwapRecord> lastDone(String symbolicName) {
        return history().stream().filter(swap -> swap.done() && swap.symbolicName().equals(symbolicName)).reduce((a, b) -> b);
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }

    private static String orNull(String field) {
        return field.equals(NONE) ? null : field;
    }
}
