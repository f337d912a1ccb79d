package vn.congvu.it;

import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.inject.Inject;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import vn.congvu.store.internal.PostgresServer;

/**
 * What every OSGi integration test shares: a Felix framework with the real platform and congvu bundles,
 * and helpers that configure a node the way its etc/*.cfg files would.
 */
public abstract class CongvuTestSupport {

    /** The congvu bundles, in dependency order; the first ones are the platform's. */
    private static final List<String> BUNDLES = List.of(
            "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component",
            "org.apache.felix.scr", "org.apache.felix.configadmin", "org.apache.felix.log",
            "org.apache.felix.gogo.runtime", "failureaccess", "guava", "gson", "protobuf-java",
            "bcprov-jdk18on", "bcutil-jdk18on", "bcpkix-jdk18on", "postgresql", "HikariCP",
            "congvu-api", "congvu-proto", "congvu-grpc", "congvu-trust", "congvu-store", "congvu-metrics", "congvu-engine", "congvu-modules", "congvu-uplink",
            "congvu-ministry", "congvu-admin", "congvu-logging", "congvu-rules-caobang", "congvu-rules-tuyenquang",
            "congvu-rules-backan", "congvu-rules-hanoi", "congvu-rules-hatinh", "congvu-rules-national");
    private static final long SERVICE_TIMEOUT_MILLIS = 60_000;

    @Inject
    protected BundleContext context;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    /** The trusted publishers' folder of the node {@link #configureRuleBundles} configured. */
    private Path publishers;
    private TestPublisher trustedPublisher;

    /** @return the framework every test runs in: the real bundles, nothing mocked */
    protected static Option[] congvuRuntime() {
        List<Option> options = new ArrayList<>();
        // Pax Exam's own bundles come from the local repository (the pom fetched them): no network here
        options.add(systemProperty("org.ops4j.pax.url.mvn.localRepository").value(System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository")));
        options.add(systemProperty("org.ops4j.pax.url.mvn.offline").value("true"));
        // SLF4J and Logback sit on the framework's class path, as in a node; Pax Exam's bundles ask for
        // org.slf4j below 2, congvu's for 1.7 or later, so the API is exported as 1.7.36 (2.x is compatible)
        options.add(systemPackages("org.slf4j;version=1.7.36", "org.slf4j.spi;version=1.7.36",
                "org.slf4j.helpers;version=1.7.36", "org.slf4j.event;version=1.7.36", "sun.misc"));
        options.add(junitBundles());
        options.add(cleanCaches(true));
        // as in a node: a swap installs a rule bundle beside the running one, even one of the same version
        options.add(frameworkProperty("org.osgi.framework.bsnversion").value("multiple"));
        String folder = System.getProperty("congvu.bundles");
        for (String name : BUNDLES) {
            options.add(CoreOptions.bundle(Path.of(folder, name + ".jar").toUri().toString()));
        }
        return options(options.toArray(Option[]::new));
    }

    /**
     * The framework of {@link #congvuRuntime()} whose ministry keeps its store in a new database on the test run's
     * PostgreSQL server, started here, outside the framework: {@link #configureMinistry} of that test class finds the
     * database in a file of the class's name under the work folder (not in system properties, which would outlive
     * the class in the JVM the test classes share).
     *
     * @param testClass the test class
     */
    protected static Option[] congvuRuntimeOnPostgresql(Class<?> testClass) {
        PostgresServer.Database database = PostgresServer.shared().createDatabase();
        Properties coordinates = new Properties();
        coordinates.setProperty("url", database.jdbcUrl());
        coordinates.setProperty("user", database.user());
        coordinates.setProperty("password", database.password());
        try {
            Files.createDirectories(ministryDatabaseOf(testClass).getParent());
            try (Writer out = Files.newBufferedWriter(ministryDatabaseOf(testClass), StandardCharsets.UTF_8)) {
                coordinates.store(out, "the ministry's PostgreSQL database for " + testClass.getSimpleName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return congvuRuntime();
    }

    /** @return where {@link #congvuRuntimeOnPostgresql} leaves a test class's database, which the class alone reads */
    private static Path ministryDatabaseOf(Class<?> testClass) {
        return Path.of(System.getProperty("congvu.work", "target/work"), testClass.getSimpleName() + "-ministry-db.properties");
    }

    /** @return the PostgreSQL database (url, user, password) {@link #congvuRuntimeOnPostgresql} made for this class */
    protected Optional<Properties> ministryDatabaseOnPostgresql() throws IOException {
        Path file = ministryDatabaseOf(getClass());
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties coordinates = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            coordinates.load(in);
        }
        return Optional.of(coordinates);
    }

    /**
     * @param name what the folder is for
     * @return a new empty folder under target/work
     */
    protected static Path workFolder(String name) throws IOException {
        Path work = Path.of(System.getProperty("congvu.work", "target/work"));
        Files.createDirectories(work);
        return Files.createTempDirectory(work, name + "-");
    }

    /** @return a loopback port nothing listens on */
    protected static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Configures this framework as both the ministry and Cao Bằng's node, filing over a free loopback port,
     * with their databases in the folder.
     */
    protected void configureCaoBangAndMinistry(Path folder) throws IOException {
        int port = freePort();
        configureMinistry(folder.resolve("ministry-db"), port);
        configureCaoBang(folder.resolve("province-db"), port);
    }

    /**
     * Configures this framework as the ministry, as etc/vn.congvu.store.ministry.cfg and vn.congvu.ministry.cfg do.
     */
    protected void configureMinistry(Path database, int port) throws IOException {
        Optional<Properties> onPostgresql = ministryDatabaseOnPostgresql();
        if (onPostgresql.isEmpty()) {
            configure("vn.congvu.store.ministry", Map.of("database", database.toString()));
        } else {
            Properties coordinates = onPostgresql.get();
            Path password = Files.writeString(database.resolveSibling("db-password"), coordinates.getProperty("password"));
            configure("vn.congvu.store.ministry", Map.of("url", coordinates.getProperty("url"), "user",
                    coordinates.getProperty("user"), "password.file", password.toString()));
        }
        // mutual TLS, as a node is by default: the CA lives beside the database, shared with the provinces
        Path tls = TestPki.in(database.resolveSibling("pki")).ministry(database.resolveSibling("ministry-tls"));
        configure("vn.congvu.ministry", Map.of("host", "127.0.0.1", "port", port, "print.stored", false,
                "tls.key", tls.resolve("node.key.pem").toString(), "tls.certificate", tls.resolve("node.crt.pem").toString(),
                "tls.authority", tls.resolve("ca.crt.pem").toString(), "tls.crl", tls.resolve("crl.pem").toString()));
    }

    /**
     * Configures this framework as Cao Bằng's province node, filing with the ministry on the given port.
     */
    protected void configureCaoBang(Path database, int ministryPort) throws IOException {
        configureProvince("04", database, ministryPort);
    }

    /**
     * Configures this framework as a province's node, filing with the ministry on the given port.
     */
    protected void configureProvince(String provinceCode, Path database, int ministryPort) throws IOException {
        configure("vn.congvu.store.province", Map.of("database", database.toString()));
        configure("vn.congvu.engine", Map.of("province.code", provinceCode));
        Path tls = TestPki.in(database.resolveSibling("pki")).province(provinceCode,
                database.resolveSibling("province-" + provinceCode + "-tls"));
        configure("vn.congvu.uplink", Map.of("ministry.host", "127.0.0.1", "ministry.port", ministryPort,
                "retry.initial.millis", 100L, "poll.millis", 100L, "inventory.check.millis", 200L,
                "tls.key", tls.resolve("node.key.pem").toString(), "tls.certificate", tls.resolve("node.crt.pem").toString(),
                "tls.authority", tls.resolve("ca.crt.pem").toString()));
    }

    /**
     * Configures the rule bundle manager, as etc/vn.congvu.modules.cfg does.
     */
    protected void configureRuleBundles(Path deploy, Path archive) throws IOException {
        configureRuleBundles(deploy, archive, false);
    }

    /**
     * As {@link #configureRuleBundles(Path, Path)}, with the development setting that takes unsigned jars.
     */
    protected void configureRuleBundles(Path deploy, Path archive, boolean allowUnsigned) throws IOException {
        publishers = Files.createDirectories(deploy.resolveSibling("publishers"));
        trustDemoPublisher(publishers);
        configure("vn.congvu.modules", Map.of("deploy.dir", deploy.toString(), "archive.dir", archive.toString(),
                "publishers.dir", publishers.toString(), "allow.unsigned", allowUnsigned, "poll.millis", 200L,
                "swap.timeout.seconds", 30));
    }

    /**
     * Trusts the demo publisher that signed the project's own rule bundles, as the province template does.
     *
     * @param publishers a node's etc/publishers/ folder
     */
    static void trustDemoPublisher(Path publishers) throws IOException {
        Path demo = Path.of(System.getProperty("congvu.publisher.certificate"));
        Files.createDirectories(publishers);
        Files.copy(demo, publishers.resolve(demo.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A publisher made for this test, whose certificate the node configured by {@link #configureRuleBundles}
     * trusts: it signs the variants of rule jars a test makes.
     *
     * @return the publisher
     */
    protected TestPublisher trustedPublisher() throws IOException, InterruptedException {
        if (trustedPublisher == null) {
            trustedPublisher = TestPublisher.create(publishers.resolveSibling("publisher-keys"), "congvu test publisher");
            trustedPublisher.trustedBy(publishers);
        }
        return trustedPublisher;
    }

    /**
     * Configures the inbox, as etc/vn.congvu.engine.inbox.cfg does.
     */
    protected void configureInbox(Path inbox, long pollMillis, long settleMillis) throws IOException {
        configure("vn.congvu.engine.inbox", Map.of("folder", inbox.toString(), "poll.millis", pollMillis,
                "settle.millis", settleMillis));
    }

    private void configure(String pid, Map<String, Object> properties) throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        configuration.update(dictionary);
    }

    /**
     * Waits for a service, as a caller in the node would.
     *
     * @param type the service type
     * @return the service
     */
    protected <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(SERVICE_TIMEOUT_MILLIS);
        if (service == null) {
            throw new AssertionError("no " + type.getName() + " service after " + SERVICE_TIMEOUT_MILLIS / 1000 + " s");
        }
        return service;
    }

    /**
     * @param symbolicName a bundle symbolic name
     * @return the installed bundle
     */
    protected Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }

    /** Waits, with a bound, until the condition holds, as an operator watching a node would. */
    protected static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(SERVICE_TIMEOUT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
