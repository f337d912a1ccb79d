package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a node's JVM options, its heap limit among them, are its home's {@code etc/jvm.options}, which
 * bin/congvu reads for run and exec (one option a line, # comments); JAVA_OPTS adds options after them; a home
 * without the file (an earlier release's) runs with its template's, and run says so; a line that is not one
 * option is refused, naming the file and the line, before a JVM starts or anything is written into the home.
 */
class JvmOptionsIT {

    private static final String LAUNCHER = "vn.congvu.launcher.NodeLauncher";

    @Test
    void run_startsTheNodesJvmWithTheFilesOptions_thenJavaOpts() throws Exception {
        Path work = CongvuTestSupport.workFolder("jvm-options-run");
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path home = nodes.province("caobang", "04", CongvuTestSupport.freePort());
            // comments, a blank line, blanks around an option, a Windows line end, no newline at the end
            Files.writeString(home.resolve("etc/jvm.options"), "# the heap limit\n\n  -Xmx320m  \r\n#-Xmx9g\n-XX:+UseG1GC\n"
                    + "-Dcongvu.test.file=yes", StandardCharsets.UTF_8);
            Process node = start(work.resolve("run.out"), "-Dcongvu.test.opts=yes", "run", home);
            try {
                List<String> options = jvmOptions(node, work.resolve("run.out"));

                assertEquals(List.of("-Xmx320m", "-XX:+UseG1GC", "-Dcongvu.test.file=yes", "-Dcongvu.test.opts=yes"),
                        options.subList(0, 4), options.toString());
                assertFalse(options.contains("-Xmx9g"), options.toString());
                // the JVM took them: the node starts and says it is ready
                NodeProcesses.await("the node is ready", () -> {
                    assertTrue(node.isAlive(), "the node exited: " + read(work.resolve("run.out")));
                    return NodeProcesses.logLines(home, " ready: its settings are right") > 0;
                });
            } finally {
                stop(node);
            }
        }
    }

    @Test
    void aHomeWithoutTheFile_runsWithItsTemplatesOptions_andRunSaysSo() throws Exception {
        Path work = CongvuTestSupport.workFolder("jvm-options-missing");
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path home = nodes.ministry("ministry", CongvuTestSupport.freePort());
            Files.delete(home.resolve("etc/jvm.options"));
            Process node = start(work.resolve("run.out"), null, "run", home);
            try {
                List<String> options = jvmOptions(node, work.resolve("run.out"));
                List<String> template = optionLines(NodeProcesses.DISTRIBUTION.resolve("nodes/ministry/etc/jvm.options"));

                assertTrue(template.stream().anyMatch(option -> option.startsWith("-Xmx")), template.toString());
                assertEquals(template, options.subList(0, template.size()), options.toString());
                assertTrue(read(work.resolve("run.out")).contains("congvu: " + home.resolve("etc/jvm.options")
                        + " is missing (a home made by an earlier release): the node runs with the options of "),
                        read(work.resolve("run.out")));
            } finally {
                stop(node);
            }
        }
    }

    @Test
    void aLineThatIsNotOneOption_isRefusedNamingFileAndLine_beforeAJvmStarts() throws Exception {
        Path work = CongvuTestSupport.workFolder("jvm-options-refused");
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path home = nodes.province("caobang", "04", CongvuTestSupport.freePort());
            Path file = home.resolve("etc/jvm.options");

            Files.writeString(file, "# the heap limit\n-Xmx1g\n\nXmx2g\n", StandardCharsets.UTF_8);
            NodeProcesses.Result run = nodes.run("run.out", "run", home.toString());
            assertEquals(2, run.exitCode(), run.output());
            assertEquals("congvu: run refused: " + file + ", line 4: 'Xmx2g' is not a JVM option: each line is one option "
                    + "starting with - (such as -Xmx1g), or a comment starting with #\n", run.output());

            Files.writeString(file, "-Xmx1g -Xms1g\n", StandardCharsets.UTF_8);
            NodeProcesses.Result exec = nodes.run("exec.out", "exec", home.toString(), "congvu:status");
            assertEquals(2, exec.exitCode(), exec.output());
            assertEquals("congvu: exec refused: " + file + ", line 1: '-Xmx1g -Xms1g' holds a space: put each option on a "
                    + "line of its own, and a comment on a line starting with #\n", exec.output());

            // no JVM ran: nothing was written into the home
            assertFalse(Files.exists(home.resolve("data")), "data/ was made");
            assertFalse(Files.exists(home.resolve("log")), "log/ was made");
        }
    }

    /** Starts bin/congvu with JAVA_OPTS set (or not), its output into a file. */
    private static Process start(Path output, String javaOpts, String command, Path home) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", NodeProcesses.DISTRIBUTION.resolve("bin/congvu").toString(), command,
                home.toString()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("JAVA_OPTS");
        if (javaOpts != null) {
            builder.environment().put("JAVA_OPTS", javaOpts);
        }
        return builder.start();
    }

    /** @return the JVM options the process runs with (bin/congvu replaces itself with java): its arguments up to -cp */
    private static List<String> jvmOptions(Process node, Path output) throws InterruptedException {
        List<String> arguments = new ArrayList<>();
        NodeProcesses.await("bin/congvu starts the node's JVM", () -> {
            assertTrue(node.isAlive(), "bin/congvu exited: " + read(output));
            arguments.clear();
            arguments.addAll(List.of(node.info().arguments().orElse(new String[0])));
            return arguments.contains(LAUNCHER);
        });
        return arguments.subList(0, arguments.indexOf("-cp"));
    }

    /** The option lines of a jvm.options file, as the README describes it. */
    private static List<String> optionLines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static String read(Path output) {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    private static void stop(Process node) throws InterruptedException {
        node.destroy();
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
    }
}
