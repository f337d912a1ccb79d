package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.congvu.demo.CaoBangDossiers;

/**
 * The distribution as an operator runs it: the ministry and Cao Bằng's node as separate processes
 * started by bin/congvu. The province files; the ministry process is stopped and started again; the
 * report is read back from its Derby database by a ministry command, with the seed's figures and the
 * receipt the province was given.
 */
class DistributionIT {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("congvu.distribution", "../distribution/target/congvu"));
    private static final long TIMEOUT_SECONDS = 180;

    private final List<Process> running = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process process : running) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void caoBangFiles_ministryRestarts_reportStillInItsStoreWithTheSeedFigures() throws Exception {
        Path work = CongvuTestSupport.workFolder("distribution");
        int port = CongvuTestSupport.freePort();
        Path ministry = nodeHome("ministry", work.resolve("ministry"));
        Path caoBang = nodeHome("province", work.resolve("caobang"));
        replace(ministry.resolve("etc/vn.congvu.ministry.cfg"), "port = 7443", "port = " + port);
        replace(ministry.resolve("etc/vn.congvu.ministry.cfg"), "host = 0.0.0.0", "host = 127.0.0.1");
        replace(caoBang.resolve("etc/vn.congvu.uplink.cfg"), "ministry.port = 7443", "ministry.port = " + port);
        Files.copy(DISTRIBUTION.resolve("rules/congvu-rules-caobang.jar"), caoBang.resolve("deploy/congvu-rules-caobang.jar"));
        Path dossiers = caoBang.resolve("records/dossiers-2022.csv");
        CaoBangDossiers.write(dossiers);

        Process ministryNode = start(work.resolve("ministry.out"), "run", ministry.toString());
        awaitListening(port, ministryNode);

        Result filed = run(work.resolve("caobang.out"), "exec", caoBang.toString(),
                "congvu:intake dossier " + dossiers + "; congvu:file 2022 120");
        assertEquals(0, filed.exitCode(), filed.output());
        String receipt = filed.output().lines().filter(line -> line.contains("biên nhận BNV-")).findFirst()
                .map(line -> line.substring(line.indexOf("BNV-")).split(" ")[0]).orElseThrow(() ->
                        new AssertionError("no receipt in the province's output:\n" + filed.output()));

        Result stopped = run(work.resolve("stop.out"), "stop", ministry.toString());
        assertEquals(0, stopped.exitCode(), stopped.output());
        assertTrue(ministryNode.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, ministryNode.exitValue());

        Result report = run(work.resolve("report.out"), "exec", ministry.toString(), "congvu:report 04 2022");
        assertEquals(0, report.exitCode(), report.output());
        assertTrue(report.output().contains("biên nhận " + receipt), report.output());
        assertTrue(report.output().contains("đúng hạn 99,50% (48.207/48.447), trễ hạn 240"), report.output());
        assertTrue(report.output().contains("đúng hạn 99,29% (12.560/12.650), trễ hạn 90"), report.output());
        assertTrue(report.output().contains("đúng hạn 99,38% (144.587/145.494), trễ hạn 907"), report.output());
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
        return home;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " has no '" + from + "'");
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private Process start(Path output, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", DISTRIBUTION.resolve("bin/congvu").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        running.add(process);
        return process;
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(Path output, String... arguments) throws IOException, InterruptedException {
        Process process = start(output, arguments);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("bin/congvu " + String.join(" ", arguments) + " still running after "
                    + TIMEOUT_SECONDS + " s:\n" + Files.readString(output));
        }
        running.remove(process);
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static void awaitListening(int port, Process node) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new AssertionError("the ministry node exited with " + node.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the ministry never listened on port " + port);
    }
}
