package vn.congvu.bench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A process the harness started, whose output it reads line by line (and keeps, for RESULT lines). */
final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final long startedNanos;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private volatile boolean stopping;

    private NodeProcess(Process process, long startedNanos, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line);
                    out.newLine();
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                if (!stopping) {
                    throw new UncheckedIOException(e);
                } // else: stopping the process closed its output
            }
        }, "output of " + log.getFileName());
        reader.setDaemon(true);
        reader.start();
    }

    static NodeProcess start(List<String> command, Path log, String javaOptions) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
        // a node runs with its home's etc/jvm.options and these alone, never with a JAVA_OPTS the harness was given
        builder.environment().remove("JAVA_OPTS");
        if (javaOptions != null) {
            builder.environment().put("JAVA_OPTS", javaOptions);
        }
        long started = System.nanoTime();
        return new NodeProcess(builder.start(), started, log);
    }

    /** @return milliseconds from the start of the process until a line matched, or an error after the limit */
    double awaitLine(Predicate<String> wanted, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (wanted.test(lines.get(seen))) {
                        return (System.nanoTime() - startedNanos) / 1e6;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && seen == lines.size()) {
                    throw new IllegalStateException("no expected line from " + process.info().command().orElse("?")
                            + " (exit " + (process.isAlive() ? "-" : process.exitValue()) + "); last lines: "
                            + lines.subList(Math.max(0, lines.size() - 15), lines.size()));
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)))));
            }
        }
    }

    long startedNanos() {
        return startedNanos;
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the process to end; fails if it failed. */
    void awaitSuccess(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("still running after " + timeoutSeconds + " s: " + tail());
        }
        reader.join(10_000);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + "; last lines: " + tail());
        }
    }

    /** @return the output's lines that start with RESULT */
    List<String> results() {
        synchronized (lines) {
            return lines.stream().filter(line -> line.startsWith("RESULT ")).toList();
        }
    }

    private List<String> tail() {
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }
    }

    /** @return the process's resident memory in MB, from /proc */
    long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** Stops the process as an operator would (SIGTERM: a node stops cleanly). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stopping = true;
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
