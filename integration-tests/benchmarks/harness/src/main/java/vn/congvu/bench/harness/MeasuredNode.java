package vn.congvu.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node run as an operator runs one: {@code bin/congvu run HOME} in a process of its own, with the JVM options of
 * its home's {@code etc/jvm.options} (the harness adds none but, where asked, Java Flight Recorder's), driven by
 * {@code bin/congvu exec HOME "COMMANDS"}, a small client of its control socket. The memory figures are the node
 * process's own, from {@code /proc/PID/status}: the peak resident memory of a piece of work (VmHWM, reset just
 * before it; where the kernel does not let it be reset, the largest VmRSS sampled every 100 ms), and the resident
 * memory (VmRSS) when it ended and while the node then stays idle for {@value #IDLE_SECONDS} s.
 */
final class MeasuredNode implements AutoCloseable {

    /**
     * How long the node stays idle after the work: the template's G1 looks every 15 s and collects when 15 s passed
     * without a collection, so the heap shrinks within about 30 s of the last one (10 to 50 s after the work, seen).
     */
    static final int IDLE_SECONDS = 60;
    private static final int IDLE_STEP_SECONDS = 10;
    private static final long SAMPLE_MILLIS = 100;
    private static final long READY_SECONDS = 300;
    private static final long WORK_SECONDS = 3 * 3600;

    /**
     * What a piece of work did to the node's resident memory, in MB.
     *
     * @param startMb   VmRSS once the node said it was ready
     * @param beforeMb  VmRSS when the work began
     * @param peakMb    the peak while it ran
     * @param peakExact whether the peak is the kernel's VmHWM (else the largest VmRSS sampled)
     * @param endMb     VmRSS when it ended
     * @param idleMb    VmRSS every {@value #IDLE_STEP_SECONDS} s of the idle time after it; the last is "after"
     */
    record Memory(long startMb, long beforeMb, long peakMb, boolean peakExact, long endMb, List<Long> idleMb) {

        long afterMb() {
            return idleMb.get(idleMb.size() - 1);
        }

        @Override
        public String toString() {
            List<String> idle = new ArrayList<>();
            for (int i = 0; i < idleMb.size(); i++) {
                idle.add((i + 1) * IDLE_STEP_SECONDS + " s " + idleMb.get(i));
            }
            String peak = peakExact ? "VmHWM" : "largest VmRSS sampled every " + SAMPLE_MILLIS + " ms";
            return String.format("%d MB once ready, %d MB before the work; peak %d MB (%s); %d MB when it ended; then, idle: %s MB",
                    startMb, beforeMb, peakMb, peak, endMb, String.join(", ", idle));
        }
    }

    /** A piece of work's RESULT line and what it did to the node's memory. */
    record Work(Map<String, String> result, Memory memory) {
    }

    private final Path congvu;
    private final Path home;
    private final Path logs;
    private final NodeProcess node;
    private long startMb;

    private MeasuredNode(Path congvu, Path home, Path logs, NodeProcess node) {
        this.congvu = congvu;
        this.home = home;
        this.logs = logs;
        this.node = node;
    }

    /**
     * Starts the node and waits until it says it is ready.
     *
     * @param congvu      the distribution's bin/congvu
     * @param logs        where the node's console goes, as NAME.log, and its clients' as NAME-KIND.log
     * @param javaOptions JAVA_OPTS for the node (after its etc/jvm.options), or null
     */
    static MeasuredNode run(Path congvu, Path home, Path logs, String name, String javaOptions)
            throws IOException, InterruptedException {
        NodeProcess node = NodeProcess.start(List.of(congvu.toString(), "run", home.toString()), logs.resolve(name + ".log"),
                javaOptions);
        try {
            node.awaitLine(line -> line.contains(" ready: its settings are right"), READY_SECONDS);
        } catch (RuntimeException | InterruptedException e) {
            node.close();
            throw e;
        }
        MeasuredNode measured = new MeasuredNode(congvu, home, logs, node);
        measured.startMb = measured.status("VmRSS:");
        return measured;
    }

    /**
     * Runs commands in the node through {@code bin/congvu exec}.
     *
     * @param kind the RESULT line wanted
     * @return its values
     */
    Map<String, String> exec(String commands, String kind) throws InterruptedException, IOException {
        NodeProcess client = NodeProcess.start(List.of(congvu.toString(), "exec", home.toString(), commands),
                logs.resolve(home.getFileName() + "-" + kind + ".log"), null);
        client.awaitSuccess(WORK_SECONDS);
        return Results.of(client.results(), kind);
    }

    /** Runs commands as {@link #exec} does, measuring the node's resident memory while they run and after. */
    Work measured(String commands, String kind) throws InterruptedException, IOException {
        long before = status("VmRSS:");
        boolean exact = resetPeak();
        AtomicLong sampled = new AtomicLong(before);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "memory of " + home.getFileName());
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> {
            try {
                sampled.accumulateAndGet(status("VmRSS:"), Math::max);
            } catch (IOException | RuntimeException e) {
                // the process gone: the work's own failure says why
            }
        }, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        Map<String, String> result;
        try {
            result = exec(commands, kind);
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }
        long peak = Math.max(sampled.get(), exact ? status("VmHWM:") : 0);
        long end = status("VmRSS:");
        List<Long> idle = new ArrayList<>();
        for (int waited = 0; waited < IDLE_SECONDS; waited += IDLE_STEP_SECONDS) {
            TimeUnit.SECONDS.sleep(IDLE_STEP_SECONDS); // the node left alone, as after an operator's import
            idle.add(status("VmRSS:"));
        }
        return new Work(result, new Memory(startMb, before, peak, exact, end, List.copyOf(idle)));
    }

    /** @return whether the kernel let the process's VmHWM be reset to its VmRSS (Linux 4.0 or later, the same user) */
    private boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/" + node.pid() + "/clear_refs"), "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return a memory field of the node process's /proc/PID/status, such as VmRSS:, in MB */
    private long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + node.pid() + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IOException("no " + field + " in /proc/" + node.pid() + "/status");
    }

    /** Stops the node cleanly (SIGTERM), which also writes its flight recording, if it makes one. */
    @Override
    public void close() throws InterruptedException {
        node.close();
    }
}
