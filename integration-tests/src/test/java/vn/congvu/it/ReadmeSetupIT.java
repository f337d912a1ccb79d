package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's set-up steps ("Running a node", between the {@code setup-steps} markers) run by bash exactly
 * as written, in an empty folder holding the built tarball: unpack, a node home from the template, rule
 * jars, settings, certificates, a trial ministry, the node started in the background, commands to the
 * running node, status and stop. Only the ministry's port is chosen here, through the variable the steps
 * read, so that the test never meets another ministry on 7443.
 */
class ReadmeSetupIT {

    private static final Path README = Path.of(System.getProperty("congvu.readme", "../README.md"));
    private static final Pattern STEPS = Pattern.compile(
            "<!-- setup-steps:begin -->\\s*```bash\\n(.*?)```\\s*<!-- setup-steps:end -->", Pattern.DOTALL);
    private static final String TARBALL = "congvu-0.1.0-SNAPSHOT.tar.gz";

    @Test
    void setupSteps_runAsWritten_nodeFilesThroughTheRunningNodeAndStops() throws Exception {
        Path work = CongvuTestSupport.workFolder("readme");
        Files.writeString(work.resolve("steps.sh"), steps(), StandardCharsets.UTF_8);
        Files.copy(NodeProcesses.DISTRIBUTION.resolveSibling(TARBALL), work.resolve(TARBALL));
        ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-o", "pipefail", "steps.sh").directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("steps.out").toFile());
        bash.environment().put("MINISTRY_PORT", Integer.toString(CongvuTestSupport.freePort()));
        Process steps = bash.start();
        try {
            assertTrue(steps.waitFor(NodeProcesses.TIMEOUT_SECONDS * 2, TimeUnit.SECONDS), "the steps did not end:\n"
                    + Files.readString(work.resolve("steps.out")));
            String out = Files.readString(work.resolve("steps.out"), StandardCharsets.UTF_8);
            assertEquals(0, steps.exitValue(), out);
            assertTrue(out.contains("Đã nộp báo cáo Cao Bằng kỳ 2022, lần 1"), out);
            assertTrue(out.contains("Bộ Nội vụ đã nhận: biên nhận BNV-"), out);
            assertTrue(out.contains("outbox: 0 waiting, 1 delivered"), out);
            assertTrue(out.lines().anyMatch(line -> line.equals("ready")), "congvu status said ready:\n" + out);
            assertTrue(out.contains("Tiếp nhận 703 phản ánh, kiến nghị"), "every record file imported, feedback too:\n" + out);
            assertTrue(Files.exists(work.resolve("congvu-caobang/deploy/README.txt")), "the template's deploy/ folder");
        } finally {
            steps.destroy();
            stopIfRunning(work, "congvu-caobang");
            stopIfRunning(work, "congvu-ministry");
        }
    }

    /** The steps' bash block, as the README has it. */
    private static String steps() throws IOException {
        Matcher block = STEPS.matcher(Files.readString(README, StandardCharsets.UTF_8));
        assertTrue(block.find(), README + " has no bash block between the setup-steps markers");
        return block.group(1);
    }

    /** After a failed step: leaves no node running. */
    private static void stopIfRunning(Path work, String home) throws IOException, InterruptedException {
        if (Files.exists(work.resolve(home).resolve("data/node.pid"))) {
            List<String> stop = new ArrayList<>(List.of("bash", work.resolve("congvu/bin/congvu").toString(), "stop",
                    work.resolve(home).toString()));
            new ProcessBuilder(stop).inheritIO().start().waitFor(90, TimeUnit.SECONDS);
        }
    }
}
