package vn.congvu.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, started from Debian's binaries ({@code apt-get install postgresql}, as
 * {@code .ci/run} does) in a temporary folder: one per JVM ({@link #shared()}), listening on 127.0.0.1 only, on a
 * free port, its unix socket in the temporary folder, stopped and deleted by a shutdown hook. Each test takes a
 * fresh database of its own ({@link #createDatabase()}) owned by a login role of its own, with a password made
 * at run time.
 *
 * <p>Authentication is {@code initdb --auth=scram-sha-256} for every connection, TCP and the unix socket alike,
 * with the superuser's password generated at run time and handed to initdb in a {@code --pwfile} that is deleted
 * right after. No trust line: whoever else runs on the machine (CI runners, a developer's other clusters)
 * cannot become superuser of this server by reaching its port or socket, and the tests connect the way the
 * ministry will, with a user and a password over TCP, whether from JDBC or from {@code psql}.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: then initdb and pg_ctl run through
 * {@code runuser -u postgres --} (the Debian package creates that user) in a folder chowned to postgres. As any
 * other user they run directly. {@code psql} runs as the JVM's user either way: it only talks TCP.
 *
 * <p>The server keeps PostgreSQL's defaults, {@code fsync} and {@code synchronous_commit} on: on the 2-core CI
 * machine initdb plus start take about a second and {@link #createDatabase()} about 0.3 s (0.1 s with fsync off),
 * not enough to give up the durability a test of crash safety may count on.
 *
 * <p>Databases are made with Debian's {@code psql} (as the superuser, over TCP) rather than JDBC, so that this
 * helper needs nothing on the test class path.
 */
public final class PostgresServer {

    static final String MISSING_BINARIES = "the PostgreSQL tests need Debian's postgresql package"
            + " (apt-get install postgresql), as .ci/run installs it";

    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
    private static final String FOLDER_PREFIX = "congvu-postgres-";
    private static final String OWNER_FILE = "owner.pid";
    private static final String SUPERUSER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_CONNECTIONS = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static PostgresServer shared;
    private static RuntimeException sharedFailure;

    private final Path bin;
    private final Path folder;
    private final boolean asPostgresUser;
    private final String superuserPassword;
    private final AtomicInteger databases = new AtomicInteger();
    private final Duration startTime;
    private final int port;
    private final String version;

    /** A fresh database owned by its own login role (named like the database), which alone may connect to it. */
    public record Database(String name, String user, String password, int port) {

        /** @return its JDBC address */
        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
        }

        /**
         * Points a node home's store at this database, as the README's "The ministry on PostgreSQL" does: the password
         * in {@code etc/db-password}, readable by the node's user only, and {@code etc/vn.congvu.store.KIND.cfg}.
         *
         * @param home a node home made from the distribution's template
         * @param kind {@code ministry} or {@code province}
         * @throws IOException if the files cannot be written
         */
        public void configure(Path home, String kind) throws IOException {
            Path passwordFile = home.resolve("etc/db-password");
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(home.resolve("etc/vn.congvu.store." + kind + ".cfg"), "url = " + jdbcUrl() + "\nuser = " + user
                    + "\npassword.file = " + passwordFile + "\npool.size = 8\n", StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Database[" + jdbcUrl() + ", user=" + user + "]"; // not the password
        }
    }

    /**
     * The JVM's server, started on first use and stopped (its folder deleted) when the JVM exits. A server that
     * could not start is not tried again by every test class: they all fail with the first attempt's exception.
     */
    public static synchronized PostgresServer shared() {
        if (sharedFailure != null) {
            throw new IllegalStateException("the tests' PostgreSQL server could not start: "
                    + sharedFailure.getMessage(), sharedFailure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-server-stop"));
        }
        return shared;
    }

    private PostgresServer(Path bin, Path folder, boolean asPostgresUser, String superuserPassword) {
        this.bin = bin;
        this.folder = folder;
        this.asPostgresUser = asPostgresUser;
        this.superuserPassword = superuserPassword;
        long started = System.nanoTime();
        this.port = startOnFreePort();
        this.startTime = Duration.ofNanos(System.nanoTime() - started);
        this.version = superuserSql("SELECT version()").strip();
    }

    private static PostgresServer start() {
        long began = System.nanoTime();
        Path bin = debianBinaries();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Path folder;
        boolean root;
        try {
            folder = Files.createTempDirectory(tmp, FOLDER_PREFIX);
            Files.writeString(folder.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            root = isRoot(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stopAbandonedServers(tmp, bin, root);
        try {
            if (root) {
                requireTraversableByPostgres(folder);
            }
            String password = randomSecret();
            initdb(bin, folder, root, password);
            PostgresServer server = new PostgresServer(bin, folder, root, password);
            System.err.printf("PostgresServer: %s at 127.0.0.1:%d in %s%s, ready in %d ms (server start %d ms)%n",
                    server.version.replaceFirst(" on .*", ""), server.port, folder, root ? " as postgres" : "",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), server.startTime.toMillis());
            return server;
        } catch (RuntimeException | Error e) {
            // the folder stays for its server.log; the next JVM's stopAbandonedServers deletes it
            stopQuietly(bin, folder, root);
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** Where the server's unix socket is: inside its temporary folder, not /var/run/postgresql. */
    Path socketDirectory() {
        return folder.resolve("socket");
    }

    String version() {
        return version;
    }

    /** How long the last {@code pg_ctl start} took until the server accepted connections. */
    Duration startTime() {
        return startTime;
    }

    /** A new empty database and its own login role with a password made now; no other role may connect to it. */
    public Database createDatabase() {
        String name = "congvu_test_" + databases.incrementAndGet();
        String password = randomSecret();
        // CREATE DATABASE cannot run in a transaction block: psql runs each statement of its input on its own
        superuserSql("CREATE ROLE " + name + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "';\n"
                + "CREATE DATABASE " + name + " OWNER " + name + " ENCODING 'UTF8' TEMPLATE template0;\n"
                + "REVOKE ALL ON DATABASE " + name + " FROM PUBLIC;\n");
        return new Database(name, name, password, port);
    }

    /** Drops the database (closing its connections) and its role; the shutdown hook deletes whatever is left. */
    void dropDatabase(Database database) {
        superuserSql("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE);\n"
                + "DROP ROLE IF EXISTS " + database.user() + ";\n");
    }

    /**
     * Runs SQL as {@code user} with {@code password} in {@code database} over TCP ({@code ON_ERROR_STOP}, unaligned,
     * tuples only); an {@link IllegalStateException} carries psql's error when it fails.
     */
    private String psql(String database, String user, String password, String sql) {
        List<String> command = List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t",
                "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", user, "-d", database, "-f", "-");
        // the SQL (passwords included) goes on stdin, the password in the environment: neither shows in ps
        return run(command, false, Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10"), sql, COMMAND_TIMEOUT);
    }

    private String superuserSql(String sql) {
        return psql(SUPERUSER, SUPERUSER, superuserPassword, sql);
    }

    /** Stops the server at once (its data is thrown away) and deletes its folder. */
    void stop() {
        stopQuietly(bin, folder, asPostgresUser);
        deleteTree(folder);
    }

    // --- starting

    private static Path debianBinaries() {
        List<Path> versions = new ArrayList<>();
        if (Files.isDirectory(DEBIAN_VERSIONS)) {
            try (Stream<Path> entries = Files.list(DEBIAN_VERSIONS)) {
                entries.filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?")).forEach(versions::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        versions.sort(Comparator.comparingDouble((Path p) -> Double.parseDouble(p.getFileName().toString()))
                .reversed());
        for (Path version : versions) {
            Path bin = version.resolve("bin");
            if (Stream.of("initdb", "pg_ctl", "postgres", "psql").allMatch(b -> Files.isExecutable(bin.resolve(b)))) {
                return bin;
            }
        }
        throw new IllegalStateException(MISSING_BINARIES + ": no initdb, pg_ctl, postgres and psql under "
                + DEBIAN_VERSIONS + "/<version>/bin");
    }

    private static void initdb(Path bin, Path folder, boolean root, String superuserPassword) {
        Path pwfile = folder.resolve("superuser.pw");
        try {
            Files.writeString(pwfile, superuserPassword + "\n");
            Files.createDirectories(folder.resolve("socket")); // socketDirectory()
            if (root) {
                chownToPostgres(folder);
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(),
                    "-U", SUPERUSER, "--pwfile=" + pwfile, "--auth=scram-sha-256",
                    "--encoding=UTF8", "--locale=C"), root, Map.of(), null, COMMAND_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(pwfile);
            } catch (IOException e) {
                // the folder goes at shutdown anyway
            }
        }
    }

    /** pg_ctl start on a free port; tries another port if one was taken between choosing it and binding it. */
    private int startOnFreePort() {
        Path log = folder.resolve("server.log");
        Path conf = folder.resolve("data/postgresql.conf");
        String initialConf;
        try {
            initialConf = Files.readString(conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 1; ; attempt++) {
            int candidate = freePort();
            try {
                // rewritten in place: the file stays postgres's when we are root
                Files.writeString(conf, initialConf + "\n# congvu tests (PostgresServer)\n"
                        + "listen_addresses = '127.0.0.1'\n"
                        + "port = " + candidate + "\n"
                        + "unix_socket_directories = '" + quoted(socketDirectory()) + "'\n"
                        + "max_connections = " + MAX_CONNECTIONS + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long logBefore = log.toFile().length(); // this attempt's lines only
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
                                "-l", log.toString(), "-w", "-t", Long.toString(START_TIMEOUT.toSeconds()), "start"),
                        asPostgresUser, Map.of(), null, START_TIMEOUT.plusSeconds(15));
                return candidate;
            } catch (IllegalStateException e) {
                String serverLog = tail(log, logBefore, 40);
                stopQuietly(bin, folder, asPostgresUser); // pg_ctl -w gave up: the postmaster may still be starting
                if (attempt < 3 && serverLog.contains("could not bind")) {
                    continue;
                }
                throw new IllegalStateException("PostgreSQL did not start in " + folder + " (pg_ctl start -w, "
                        + START_TIMEOUT.toSeconds() + " s at most): " + e.getMessage() + "\n--- last lines of " + log
                        + ":\n" + serverLog, e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- root: the postgres user

    /** Whether this JVM runs as root, read from a file it just made. */
    private static boolean isRoot(Path ownFile) throws IOException {
        return ((Integer) Files.getAttribute(ownFile, "unix:uid")) == 0;
    }

    private static void chownToPostgres(Path folder) throws IOException {
        UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal postgres;
        GroupPrincipal group;
        try {
            postgres = users.lookupPrincipalByName(SUPERUSER);
            group = users.lookupPrincipalByGroupName(SUPERUSER);
        } catch (UserPrincipalNotFoundException e) {
            throw new IllegalStateException("PostgreSQL refuses to run as root and there is no postgres user to run"
                    + " it as; " + MISSING_BINARIES + " (the package creates the user)", e);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
                view.setOwner(postgres);
                view.setGroup(group);
            }
        }
    }

    /** As root the folder is postgres's, but postgres must also be able to walk down to it. */
    private static void requireTraversableByPostgres(Path folder) {
        for (Path dir = folder.getParent(); dir != null; dir = dir.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalStateException("running as root, the PostgreSQL tests run the server as the"
                            + " postgres user, which cannot enter " + dir + " (no o+x) on the way to " + folder
                            + "; point java.io.tmpdir elsewhere (it is " + System.getProperty("java.io.tmpdir")
                            + ")");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // --- stopping, and the servers of JVMs that died without their shutdown hook

    private static void stopQuietly(Path bin, Path folder, boolean asPostgresUser) {
        if (!Files.exists(folder.resolve("data/postmaster.pid"))) {
            return;
        }
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
                    "-m", "immediate", "-w", "-t", "30", "stop"), asPostgresUser, Map.of(), null,
                    Duration.ofSeconds(45));
        } catch (RuntimeException e) {
            System.err.println("PostgresServer: could not stop the server in " + folder + ": " + e.getMessage());
        }
    }

    /**
     * A JVM killed outright (a surefire timeout, SIGKILL) leaves its server running and its folder behind: stop
     * those whose owning JVM is gone, and delete their folders.
     */
    private static void stopAbandonedServers(Path tmp, Path bin, boolean root) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, FOLDER_PREFIX + "*")) {
            for (Path folder : folders) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                Optional<Long> owner = ownerPid(folder);
                if (owner.isPresent() && isRunning(owner.get())) {
                    continue;
                }
                if (owner.isEmpty() && Files.getLastModifiedTime(folder).toMillis()
                        > System.currentTimeMillis() - Duration.ofHours(1).toMillis()) {
                    continue; // another JVM may have just made it and not yet written its pid
                }
                if (!root && !Files.isWritable(folder)) {
                    continue; // another user's: theirs to clean
                }
                stopQuietly(bin, folder, root);
                deleteTree(folder);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgresServer: could not clean up earlier test servers in " + tmp + ": " + e);
        }
    }

    /** Alive and not a zombie that no one has reaped yet (a JVM just killed, whose parent is a lazy init). */
    private static boolean isRunning(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static Optional<Long> ownerPid(Path folder) {
        try {
            return Optional.of(Long.parseLong(Files.readString(folder.resolve(OWNER_FILE)).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("PostgresServer: could not delete " + folder + ": " + e);
        }
    }

    // --- processes

    /**
     * Runs a command to its end within the timeout, as postgres through runuser when asked; its output (stdout and
     * stderr) goes to a file, never a pipe, since pg_ctl's postmaster would hold a pipe open after pg_ctl exits.
     * Answers the output; a non-zero exit or the timeout throws with the output in the message.
     */
    private static String run(List<String> command, boolean asPostgresUser, Map<String, String> environment,
            String stdin, Duration timeout) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        full.addAll(command);
        Path output = null;
        try {
            output = Files.createTempFile("congvu-pgcommand-", ".out");
            ProcessBuilder builder = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    // a folder postgres may enter: initdb and postgres look up their working directory
                    .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
            builder.environment().putAll(environment);
            builder.environment().put("LC_ALL", "C");
            if (stdin == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            Process process = builder.start();
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + ":\n" + Files.readString(output));
            }
            String text = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ":\n" + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + full, e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a few bytes in the temporary folder
                }
            }
        }
    }

    private static String tail(Path file, long from, int lines) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int start = (int) Math.min(from, bytes.length);
            List<String> all = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String quoted(Path path) {
        return path.toString().replace("'", "''");
    }

    /** 144 random bits, URL-safe base64: nothing to quote in SQL or a pwfile. */
    private static String randomSecret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
