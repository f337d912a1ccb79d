package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Runs congvu nodes as an operator does, as separate processes started by the distribution's
 * bin/congvu, in node homes made from its templates. Stops whatever is still running when closed.
 */
final class NodeProcesses implements AutoCloseable {

    static final Path DISTRIBUTION = Path.of(System.getProperty("congvu.distribution", "../distribution/target/congvu"));
    static final long TIMEOUT_SECONDS = 300;

    /** What a finished command printed, and its exit code. */
    record Result(int exitCode, String output) {
    }

    private final Path work;
    private final List<Process> running = new ArrayList<>();

    NodeProcesses(Path work) {
        this.work = work;
    }

    /**
     * A ministry home listening on the port, on this machine only, not printing every report, with its server
     * certificate from the test's CA (in the work folder, shared by every node of the test).
     */
    Path ministry(String name, int port) throws IOException {
        Path home = nodeHome("ministry", work.resolve(name));
        TestPki.in(work.resolve("pki")).ministry(home.resolve("etc/tls"));
        replace(home.resolve("etc/vn.congvu.ministry.cfg"), "port = 7443", "port = " + port);
        replace(home.resolve("etc/vn.congvu.ministry.cfg"), "host = 0.0.0.0", "host = 127.0.0.1");
        replace(home.resolve("etc/vn.congvu.ministry.cfg"), "print.stored = true", "print.stored = false");
        return home;
    }

    /** A province home filing with the ministry on the port, with the rule bundles given and its certificate. */
    Path province(String name, String provinceCode, int ministryPort, Path... ruleBundles) throws IOException {
        Path home = nodeHome("province", work.resolve(name));
        TestPki.in(work.resolve("pki")).province(provinceCode, home.resolve("etc/tls"));
        replace(home.resolve("etc/vn.congvu.engine.cfg"), "province.code = 04", "province.code = " + provinceCode);
        replace(home.resolve("etc/vn.congvu.uplink.cfg"), "ministry.port = 7443", "ministry.port = " + ministryPort);
        replace(home.resolve("etc/vn.congvu.uplink.cfg"), "retry.max.millis = 10000", "retry.max.millis = 2000");
        for (Path bundle : ruleBundles) {
            Files.copy(bundle, home.resolve("deploy").resolve(bundle.getFileName()));
        }
        return home;
    }

    /** Starts {@code bin/congvu ARGUMENTS}, its output going to a file beside the homes. */
    Process start(String output, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", DISTRIBUTION.resolve("bin/congvu").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(output).toFile()).start();
        running.add(process);
        return process;
    }

    /** Runs {@code bin/congvu ARGUMENTS} to its end. */
    Result run(String output, String... arguments) throws IOException, InterruptedException {
        return finish(start(output, arguments), output);
    }

    /** Waits for a started command to end. */
    Result finish(Process process, String output) throws IOException, InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("bin/congvu still running after " + TIMEOUT_SECONDS + " s:\n" + read(output));
        }
        running.remove(process);
        return new Result(process.exitValue(), read(output));
    }

    String read(String output) throws IOException {
        return Files.readString(work.resolve(output), StandardCharsets.UTF_8);
    }

    /** What a command printed so far; empty before it printed anything. */
    String readQuietly(String output) {
        try {
            return read(output);
        } catch (IOException notYet) {
            return "";
        }
    }

    /** Waits until the node listens on the port, failing if it exits first. */
    static void awaitListening(int port, Process node) throws InterruptedException {
        await("a node listens on port " + port, () -> {
            if (!node.isAlive()) {
                throw new AssertionError("the node exited with " + node.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** How many lines of a node's log contain the text. */
    static long logLines(Path home, String text) {
        try (Stream<String> lines = Files.lines(home.resolve("log/congvu.log"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException notYet) {
            return 0;
        }
    }

    /** Waits, with a bound, until the condition holds. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : running) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Path nodeHome(String template, Path home) throws IOException {
        Path source = DISTRIBUTION.resolve("nodes").resolve(template);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = home.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.createDirectories(home.resolve("deploy"));
        // every node of a test, and of tests running at once, serves /health and /metrics on a port of its own
        Path http = home.resolve("etc/org.apache.felix.http.cfg");
        String text = Files.readString(http, StandardCharsets.UTF_8);
        text = text.replaceFirst("(?m)^org\\.osgi\\.service\\.http\\.port = \\d+$",
                "org.osgi.service.http.port = " + CongvuTestSupport.freePort());
        // and the ministry's console its HTTPS port
        text = text.replaceFirst("(?m)^org\\.osgi\\.service\\.http\\.port\\.secure = \\d+$",
                "org.osgi.service.http.port.secure = " + CongvuTestSupport.freePort());
        Files.writeString(http, text, StandardCharsets.UTF_8);
        return home;
    }

    /** The port of the node's health and metrics endpoint, as its etc/org.apache.felix.http.cfg sets it. */
    static int httpPort(Path home) throws IOException {
        try (Stream<String> lines = Files.lines(home.resolve("etc/org.apache.felix.http.cfg"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("org.osgi.service.http.port = ")).findFirst()
                    .map(line -> Integer.parseInt(line.substring(line.indexOf('=') + 1).trim()))
                    .orElseThrow(() -> new AssertionError(home + " sets no HTTP port"));
        }
    }

    /** The HTTPS port of the ministry's console, as its etc/org.apache.felix.http.cfg sets it. */
    static int httpsPort(Path home) throws IOException {
        try (Stream<String> lines = Files.lines(home.resolve("etc/org.apache.felix.http.cfg"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("org.osgi.service.http.port.secure = ")).findFirst()
                    .map(line -> Integer.parseInt(line.substring(line.indexOf('=') + 1).trim()))
                    .orElseThrow(() -> new AssertionError(home + " sets no HTTPS port"));
        }
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " has no '" + from + "'");
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /**
     * Waits until {@code congvu status} says the node is ready (exit 0), failing with its output if it exits first.
     *
     * @param home   the node's home
     * @param node   the node's process
     * @param output the file its output goes to, as given to {@link #start}
     */
    void awaitReady(Path home, Process node, String output) throws InterruptedException {
        await("the node in " + home + " is ready", () -> {
            if (!node.isAlive()) {
                throw new AssertionError("the node exited with " + node.exitValue() + ":\n" + readQuietly(output));
            }
            try {
                return run("status.out", "status", home.toString()).exitCode() == 0;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        });
    }
}
