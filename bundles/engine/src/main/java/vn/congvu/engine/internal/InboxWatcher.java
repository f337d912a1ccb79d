package vn.congvu.engine.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
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
import vn.congvu.engine.ImportResult;
import vn.congvu.engine.RecordIntake;

/**
 * Imports record files dropped into the node's inbox folder. A file is named after its record type,
 * optionally followed by a dash and anything ({@code dossier-2022.csv}, {@code inspection.observation.json});
 * it is imported once it has stopped changing between two looks, then moved to {@code imported/}, or to
 * {@code rejected/} beside a {@code .errors.txt} that lists every error.
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
    }

    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-");

    private final Path inbox;
    private final RecordIntake intake;
    private final long pollMillis;
    private final Map<Path, String> lastSeen = new HashMap<>();
    private final Object wakeUp = new Object();
    private final Thread watcher;
    private volatile boolean running = true;

    /**
     * @param config where the inbox is
     * @param intake imports the files
     * @throws IOException if the inbox and its subfolders cannot be created
     */
    @Activate
    public InboxWatcher(Config config, @Reference RecordIntake intake) throws IOException {
        this(Path.of(config.folder()), intake, config.poll_millis(), true);
    }

    InboxWatcher(Path inbox, RecordIntake intake, long pollMillis, boolean startThread) throws IOException {
        this.inbox = inbox;
        this.intake = intake;
        this.pollMillis = pollMillis;
        Files.createDirectories(inbox.resolve("imported"));
        Files.createDirectories(inbox.resolve("rejected"));
        this.watcher = new Thread(this::watch, "congvu-inbox");
        watcher.setDaemon(true);
        if (startThread) {
            watcher.start();
            LOG.info("Watching {} for record files", inbox);
        }
    }

    /** Stops watching after the import in progress, if any (never interrupted: Derby dislikes that). */
    @Deactivate
    public void close() throws InterruptedException {
        running = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        watcher.join(60_000);
    }

    private void watch() {
        while (running) {
            try {
                scanOnce();
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

    /** One look: imports every file that has not changed since the last look. */
    void scanOnce() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(inbox)) {
            files = listing.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return name.endsWith(".csv") || name.endsWith(".json");
            }).sorted().toList();
        }
        lastSeen.keySet().retainAll(files);
        for (Path file : files) {
            String signature = Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
            if (signature.equals(lastSeen.put(file, signature))) {
                lastSeen.remove(file);
                importAndMove(file);
            }
        }
    }

    private void importAndMove(Path file) throws IOException {
        String name = file.getFileName().toString();
        String type = name.replaceFirst("\\.(csv|json|CSV|JSON)$", "").replaceFirst("-.*$", "");
        ImportResult result = intake.importFile(file, type);
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
