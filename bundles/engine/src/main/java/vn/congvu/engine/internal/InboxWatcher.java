package vn.congvu.engine.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.engine.ImportOptions;
import vn.congvu.engine.ImportResult;
import vn.congvu.engine.RecordIntake;
import vn.congvu.engine.RunningWork;
import vn.congvu.engine.internal.intake.FileState;

/**
 * Imports record files dropped into the node's inbox folder. A file is named after its record type,
 * optionally followed by a dash and anything ({@code dossier-2022.csv}, {@code inspection.observation.json},
 * {@code rating.xlsx}). It is imported once it has not changed for the settle time; if it changes while it is
 * read, nothing of it is stored and it stays where it is, to be imported whole once its writer is done. Then it
 * moves to {@code imported/}, or to {@code rejected/} beside a {@code .errors.txt} that lists every error. Hidden
 * files (a writer's temporary name, {@code .dossier.csv.part}) are left alone.
 */
@Designate(ocd = InboxWatcher.Config.class)
@Component(immediate = true, configurationPid = "vn.congvu.engine.inbox", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class InboxWatcher {

    /** Where the inbox is. */
    @ObjectClassDefinition(name = "congvu inbox")
    public @interface Config {
        /** @return the inbox folder */
        @AttributeDefinition(description = "Folder watched for record files, such as ${congvu.home}/inbox")
        String folder();

        /** @return how often to look */
        @AttributeDefinition(description = "Milliseconds between looks at the inbox")
        long poll_millis() default 2000;

        /** @return how long a file must stay unchanged */
        @AttributeDefinition(description = "Milliseconds a file must stay unchanged (size, time, identity) before it is imported")
        long settle_millis() default 5000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-");

    /** A file as last seen, and since when it has looked so. */
    private record Seen(FileState state, long sinceNanos) {
    }

    private final Path inbox;
    private final RecordIntake intake;
    private final RunningWork work;
    private final long pollMillis;
    private final long settleNanos;
    private final Map<Path, Seen> seen = new HashMap<>();
    private final Object wakeUp = new Object();
    private final Thread watcher;
    private volatile boolean running = true;

    /**
     * @param config where the inbox is
     * @param intake imports the files
     * @param work   tracks the imports, so that they show progress in the log and can be cancelled
     * @throws IOException if the inbox and its subfolders cannot be created
     */
    @Activate
    public InboxWatcher(Config config, @Reference RecordIntake intake, @Reference RunningWork work) throws IOException {
        this(Path.of(config.folder()), intake, work, config.poll_millis(), config.settle_millis(), true);
    }

    InboxWatcher(Path inbox, RecordIntake intake, RunningWork work, long pollMillis, long settleMillis, boolean startThread)
            throws IOException {
        this.inbox = inbox;
        this.intake = intake;
        this.work = work;
        this.pollMillis = pollMillis;
        this.settleNanos = settleMillis * 1_000_000;
        Files.createDirectories(inbox.resolve("imported"));
        Files.createDirectories(inbox.resolve("rejected"));
        this.watcher = new Thread(this::watch, "congvu-inbox");
        watcher.setDaemon(true);
        if (startThread) {
            watcher.start();
            LOG.info("Watching {} for record files (imported once unchanged for {} ms)", inbox, settleMillis);
        }
    }

    /** Stops watching; an import in progress is cancelled (never interrupted: Derby dislikes that) and stores nothing. */
    @Deactivate
    public void close() throws InterruptedException {
        running = false;
        work.cancelOwnedBy(OWNER);
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        watcher.join(60_000);
    }

    /** Who the inbox's imports belong to, for {@link RunningWork#cancelOwnedBy}. */
    static final String OWNER = "inbox";

    private void watch() {
        while (running) {
            try {
                scanOnce(System.nanoTime());
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not look at the inbox {}; trying again", inbox, e);
            }
            synchronized (wakeUp) {
                try {
                    if (running) {
                        wakeUp.wait(pollMillis);
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * One look: imports every file that has not changed for the settle time.
     *
     * @param now the time of the look, from {@link System#nanoTime()}
     */
    void scanOnce(long now) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(inbox)) {
            // not a link: a writer of the inbox must not make the node read (and echo into rejected/) another file
            files = listing.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .filter(InboxWatcher::isRecordFile).sorted().toList();
        }
        seen.keySet().retainAll(files);
        for (Path file : files) {
            if (!running) {
                return;
            }
            FileState state;
            try {
                state = FileState.of(file);
            } catch (NoSuchFileException e) {
                continue; // renamed or removed since the listing
            }
            Seen before = seen.get(file);
            if (before == null || !before.state().equals(state)) {
                seen.put(file, new Seen(state, now));
            } else if (now - before.sinceNanos() >= settleNanos) {
                seen.remove(file);
                importAndMove(file, state);
            }
        }
    }

    private static boolean isRecordFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        // ".name" is a writer's temporary name, "~$name.xlsx" Excel's lock file of a workbook it has open
        return !name.startsWith(".") && !name.startsWith("~$")
                && (name.endsWith(".csv") || name.endsWith(".json") || name.endsWith(".xlsx"));
    }

    private void importAndMove(Path file, FileState state) throws IOException {
        String name = file.getFileName().toString();
        String type = name.replaceFirst("(?i)\\.(csv|json|xlsx)$", "").replaceFirst("-.*$", "");
        ImportResult result;
        try (RunningWork.Tracked tracked = work.begin("importing inbox/" + name, OWNER)) {
            result = intake.importFile(file, type, ImportOptions.DEFAULT, tracked);
        }
        if (result.changedWhileRead() || !Files.exists(file) || !FileState.of(file).equals(state)) {
            // still being written: left in place, imported whole once it settles (and if its content is new)
            LOG.info("{} changed while it was imported; it stays in the inbox until it stops changing", file);
            return;
        }
        if (result.cancelled() && !running) {
            LOG.info("{} stays in the inbox: the node stopped while it was imported; it is imported at the next start", file);
            return;
        }
        String stamped = LocalDateTime.now().format(STAMP) + name;
        if (result.accepted()) {
            Files.move(file, inbox.resolve("imported").resolve(stamped), StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        Path rejected = inbox.resolve("rejected").resolve(stamped);
        Files.move(file, rejected, StandardCopyOption.REPLACE_EXISTING);
        StringBuilder errors = new StringBuilder("Tệp " + name + " bị từ chối, không bản ghi nào được nhập / file refused, "
                + "nothing imported (" + result.errors().size() + "):\n");
        result.errors().forEach(problem -> errors.append(problem.field()).append(": ").append(problem.messageVi())
                .append(" / ").append(problem.messageEn()).append('\n'));
        Files.writeString(rejected.resolveSibling(stamped + ".errors.txt"), errors, StandardCharsets.UTF_8);
    }
}
