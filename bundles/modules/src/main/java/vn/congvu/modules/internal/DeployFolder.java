package vn.congvu.modules.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code deploy/} folder: it holds the jar of each rule bundle the node runs, so the node starts with
 * the same rules after a restart. It only reports what changed in it (jars ready to be taken, jars deleted)
 * and does what it is told to the files; deciding what to install is the manager's. A refused jar moves to
 * {@code deploy/refused/}, beside a {@code .txt} that says why.
 *
 * <p>A new or changed jar is reported ready only once it has looked the same on two scans, so a jar still
 * being copied is never read. Not thread-safe: the manager calls it with its swap lock held.
 */
final class DeployFolder {

    private static final Logger LOG = LoggerFactory.getLogger(DeployFolder.class);

    /** What a jar looked like when last seen, and whether it has been handled in that state. */
    private record Seen(long size, long modified, String symbolicName, boolean handled) {
    }

    /**
     * What changed since the last scan.
     *
     * @param ready   jars new or changed, that have stopped changing: to be taken
     * @param deleted the rule bundles whose jar was deleted and that no other jar in the folder holds
     */
    record Changes(List<Path> ready, List<String> deleted) {
    }

    private final Path folder;
    private final Map<String, Seen> seen = new HashMap<>();
    private boolean firstScan = true;

    DeployFolder(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the deploy folder " + folder, e);
        }
    }

    /** @return whether no scan has been made yet: the jars reported ready are those the node starts with */
    boolean starting() {
        return firstScan;
    }

    /** @return what changed since the last scan */
    Changes scan() {
        Map<String, Path> jars = jars();
        List<Path> ready = new ArrayList<>();
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(jar.getValue(), BasicFileAttributes.class);
            } catch (IOException e) {
                continue; // gone since it was listed
            }
            Seen before = seen.get(jar.getKey());
            boolean unchanged = before != null && before.size() == attributes.size()
                    && before.modified() == attributes.lastModifiedTime().toMillis();
            if (unchanged && before.handled()) {
                continue;
            }
            if (unchanged || firstScan) {
                ready.add(jar.getValue());
            } else {
                seen.put(jar.getKey(), new Seen(attributes.size(), attributes.lastModifiedTime().toMillis(), null, false));
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String name : List.copyOf(seen.keySet())) {
            if (jars.containsKey(name)) {
                continue;
            }
            Seen gone = seen.remove(name);
            String symbolicName = gone.symbolicName();
            boolean stillDeployed = seen.values().stream().anyMatch(other -> symbolicName != null
                    && symbolicName.equals(other.symbolicName()));
            if (gone.handled() && symbolicName != null && !stillDeployed) {
                LOG.info("deploy/{} was deleted", name);
                deleted.add(symbolicName);
            }
        }
        firstScan = false;
        return new Changes(ready, deleted);
    }

    /**
     * A jar taken (or left as it is): not reported again until it changes.
     *
     * @param jar          the jar in the folder
     * @param symbolicName its bundle
     */
    void taken(Path jar, String symbolicName) {
        markHandled(jar, symbolicName);
    }

    /**
     * After a swap to the candidate: deploy/ holds its jar, and no other jar of the same bundle.
     *
     * @param candidate the jar now serving
     * @param archived  its copy in the archive
     */
    void mirror(CandidateJar candidate, Path archived) {
        boolean present = false;
        for (Path jar : jars().values()) {
            Optional<CandidateJar> deployed = readQuietly(jar);
            if (deployed.isEmpty() || !deployed.get().symbolicName().equals(candidate.symbolicName())) {
                continue;
            }
            if (deployed.get().sha256().equals(candidate.sha256()) && !present) {
                present = true;
                markHandled(jar, candidate.symbolicName());
            } else if (handled(jar)) {
                delete(jar); // the jar of the version just replaced; one a user dropped meanwhile waits its turn
            }
        }
        if (!present) {
            copyIn(archived, candidate.symbolicName() + "-" + candidate.version() + ".jar", candidate.symbolicName());
        }
    }

    /**
     * After a removal: deploy/ holds no jar of the bundle.
     *
     * @param symbolicName the bundle removed
     */
    void forget(String symbolicName) {
        for (Path jar : jars().values()) {
            if (readQuietly(jar).map(deployed -> deployed.symbolicName().equals(symbolicName)).orElse(false)) {
                delete(jar);
            }
        }
    }

    /**
     * Puts the running version's jar back after a refused jar took its place.
     *
     * @param symbolicName the bundle
     * @param version      the version that runs
     * @param runningJar   the jar it runs from
     */
    void restore(String symbolicName, String version, Path runningJar) {
        boolean deployed = jars().values().stream().anyMatch(jar -> readQuietly(jar)
                .map(other -> other.symbolicName().equals(symbolicName)).orElse(false));
        if (!deployed) {
            copyIn(runningJar, symbolicName + "-" + version + ".jar", symbolicName);
        }
    }

    /**
     * Moves a refused jar to {@code deploy/refused/}, beside a {@code .txt} that says why.
     *
     * @param jar     the jar in the folder
     * @param reasons why it was refused
     */
    void refuse(Path jar, List<String> reasons) {
        Path refused = folder.resolve("refused");
        try {
            Files.createDirectories(refused);
            Files.move(jar, refused.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(refused.resolve(jar.getFileName() + ".txt"), "congvu refused " + jar.getFileName() + ":\n  - "
                    + String.join("\n  - ", reasons) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the refused " + jar + " to " + refused, e);
        }
        seen.remove(jar.getFileName().toString());
        LOG.warn("deploy/{} refused, moved to deploy/refused/: {}", jar.getFileName(), String.join("; ", reasons));
    }

    private void copyIn(Path source, String name, String symbolicName) {
        Path target = folder.resolve(name);
        Path partial = folder.resolve(name + ".part");
        try {
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put " + source + " into " + folder, e);
        }
        markHandled(target, symbolicName);
    }

    private void delete(Path jar) {
        try {
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + jar, e);
        }
        seen.remove(jar.getFileName().toString());
    }

    private boolean handled(Path jar) {
        Seen before = seen.get(jar.getFileName().toString());
        return before != null && before.handled();
    }

    private void markHandled(Path jar, String symbolicName) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            seen.put(jar.getFileName().toString(), new Seen(attributes.size(), attributes.lastModifiedTime().toMillis(),
                    symbolicName, true));
        } catch (IOException e) {
            seen.remove(jar.getFileName().toString());
        }
    }

    private Map<String, Path> jars() {
        Map<String, Path> jars = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(path -> path.getFileName().toString().endsWith(".jar") && Files.isRegularFile(path))
                    .forEach(path -> jars.put(path.getFileName().toString(), path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the deploy folder " + folder, e);
        }
        return jars;
    }

    private static Optional<CandidateJar> readQuietly(Path jar) {
        try {
            return Optional.of(CandidateJar.read(jar));
        } catch (CandidateJar.InvalidJarException e) {
            return Optional.empty();
        }
    }
}
