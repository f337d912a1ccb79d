package vn.congvu.health.internal;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import vn.congvu.health.Problem;

/**
 * Whether every rule bundle jar in a province's {@code deploy/} folder serves: a bundle of the jar's symbolic
 * name and version is active. A jar the node refuses leaves the folder (the swap history says why), so a jar
 * still there and not active two minutes after it came is one that does not start; before that, it is being taken.
 */
final class DeployCheck {

    /** How long a jar just dropped may take to be taken before it counts against readiness. */
    private static final Duration TAKING = Duration.ofMinutes(2);

    private final BundleContext context;
    private final Path etc;
    private final String home;

    DeployCheck(BundleContext context, Path etc, String home) {
        this.context = context;
        this.etc = etc;
        this.home = home;
    }

    List<Problem> problems() {
        Path folder = deployFolder();
        File[] jars = folder == null ? null : folder.toFile().listFiles((dir, name) -> name.endsWith(".jar"));
        if (jars == null) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        for (Path jar : Stream.of(jars).map(File::toPath).sorted().toList()) {
            if (!active(jar) && !beingTaken(jar)) {
                problems.add(new Problem("deploy/" + jar.getFileName(), "is not serving yet (a rule bundle being installed, "
                        + "or one that does not start: congvu:modules and log/congvu.log say which)"));
            }
        }
        return problems;
    }

    /** The modules' deploy.dir, with ${congvu.home} as FileInstall resolves it; none on a ministry node. */
    private Path deployFolder() {
        Path modules = etc == null ? null : etc.resolve("vn.congvu.modules.cfg");
        if (modules == null || !Files.exists(modules) || home == null) {
            return null;
        }
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(modules, StandardCharsets.UTF_8)) {
            settings.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return null; // the settings check names the file
        }
        return Path.of(settings.getProperty("deploy.dir", "${congvu.home}/deploy").trim().replace("${congvu.home}", home));
    }

    /**
     * @return whether the jar came so lately that the node may still be taking it (copying, verifying, trying it on
     *         a period): the version running serves meanwhile, so the node is not made "not ready" by a normal drop
     */
    private static boolean beingTaken(Path jar) {
        try {
            return Files.getLastModifiedTime(jar).toInstant().isAfter(Instant.now().minus(TAKING));
        } catch (IOException e) {
            return true; // gone since it was listed: taken or refused
        }
    }

    private boolean active(Path jar) {
        Attributes manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
        } catch (IOException e) {
            return !Files.exists(jar); // moved away (refused) while it was read
        }
        if (manifest == null || manifest.getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
            return false;
        }
        String symbolicName = manifest.getValue(Constants.BUNDLE_SYMBOLICNAME).split(";")[0].trim();
        Version version;
        try {
            version = Version.parseVersion(manifest.getValue(Constants.BUNDLE_VERSION));
        } catch (IllegalArgumentException e) {
            return false; // not a version: the node refuses the jar and moves it away
        }
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && version.equals(bundle.getVersion())
                    && bundle.getState() == Bundle.ACTIVE) {
                return true;
            }
        }
        return false;
    }
}
