package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the rule SDK as a province's developer outside this project uses it. The distribution's
 * {@code sdk/install.sh} installs the SDK into a new, empty local Maven repository; a project is generated from
 * the archetype in a temporary folder outside this repository's tree, built and signed with a publisher key made
 * here, with none of this build's own artifacts: Maven takes releases only (third-party plugins and libraries from
 * the build's local repository, then Maven Central), so that {@code vn.congvu}, a snapshot, can come from the SDK
 * alone. The jar is dropped into a running province node (Lào Cai, 10) beside the distribution's
 * national rule jar, with the publisher's certificate in the node's {@code etc/publishers/}; the node installs it,
 * files 2024, and the ministry's stored report holds the generated module's figure and finding, computed by that jar.
 */
class RuleSdkIT {

    private static final String PROVINCE = SdkDeveloper.PROVINCE;
    private static final String BUNDLE = SdkDeveloper.BUNDLE;

    @Test
    void archetypeProject_builtAgainstTheSdkAloneAndSigned_isInstalledByARunningNode_andItsFigureIsStoredAtTheMinistry()
            throws Exception {
        Path work = CongvuTestSupport.workFolder("rule-sdk");              // node homes and every command's output
        Path home = Files.createTempDirectory("congvu-rule-sdk-");         // the developer's machine: not below this repository
        int port = CongvuTestSupport.freePort();
        try (NodeProcesses nodes = new NodeProcesses(work)) {
            Path ministry = nodes.ministry("ministry", port);
            Path laoCai = nodes.province("laocai", PROVINCE, port, NodeProcesses.DISTRIBUTION.resolve("rules/congvu-rules-national.jar"));
            Process ministryNode = nodes.start("ministry.out", "run", ministry.toString());
            Process province = nodes.start("laocai.out", "run", laoCai.toString());

            // the developer, while the nodes start: the SDK into an empty repository, a project, a key, a signed jar
            SdkDeveloper developer = new SdkDeveloper(work, home);
            developer.installSdk();
            Path project = developer.generateProject();
            developer.makeKey();
            Path jar = developer.packageSigned(project);
            assertEquals("CN=laocai-rules publisher,O=congvu tests,C=VN", signerOfEveryEntry(jar));
            assertEquals(List.of("congvu-api", "congvu-api-testkit", "congvu-rule-archetype"), developer.ownArtifacts(),
                    "the project needs nothing of congvu's but the SDK (no parent pom)");

            // the node's operators: the publisher trusted, the jar dropped into the running node's deploy/
            developer.exportCertificate(laoCai.resolve("etc/publishers/laocai-rules-publisher.pem"));
            NodeProcesses.awaitListening(port, ministryNode);
            nodes.awaitReady(laoCai, province, "laocai.out");
            Path staged = Files.copy(jar, laoCai.resolve(jar.getFileName() + ".part"));
            Files.move(staged, laoCai.resolve("deploy").resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            String swap = awaitSwap(laoCai, province);
            assertTrue(swap.contains("\tINSTALL\t" + BUNDLE + "\t") && swap.contains("\t1.0.0\t" + sha256(jar) + "\tdone\t"),
                    "the node's history.tsv says:\n" + swap);

            Path feedback = Files.writeString(work.resolve("feedback-2024.csv"), """
                    id,received,resolved
                    LC-PA-1,2024-03-01,2024-03-05
                    LC-PA-2,2024-04-01,2024-04-11
                    LC-PA-3,2024-05-01,2024-05-20
                    LC-PA-4,2024-06-01,
                    LC-PA-5,2023-12-01,2023-12-03
                    """, StandardCharsets.UTF_8);
            NodeProcesses.Result filed = nodes.run("file.out", "exec", laoCai.toString(),
                    "congvu:intake feedback " + feedback + "; congvu:file 2024 120");
            assertEquals(0, filed.exitCode(), filed.output());
            String receipt = receipt(filed.output());

            NodeProcesses.Result report = nodes.run("report.out", "exec", ministry.toString(), "congvu:report " + PROVINCE + " 2024");
            assertEquals(0, report.exitCode(), report.output());
            assertTrue(report.output().contains("Báo cáo Lào Cai (10), kỳ 2024, lần 1 - biên nhận " + receipt), report.output());
            // the figure with the module that computed it, the finding in words, the modules with their jars' SHA-256
            assertTrue(report.output().matches("(?s).*\\nlaocai\\.feedback\\.resolved_within_10_days +Tổng +2 .*"
                    + "laocai\\.feedback-timeliness 1\\.0\\.0\\n.*"), report.output());
            assertTrue(report.output().matches("(?s).* +- +1 +Vi phạm, cần khắc phục +laocai\\.feedback\\.resolved_late\\n.*"),
                    report.output());
            assertTrue(report.output().matches("(?s).*\\nlaocai\\.feedback-timeliness +1\\.0\\.0 +" + sha256(jar) + " .*"),
                    report.output());
            assertTrue(report.output().matches("(?s).*\\nnational\\.decree48-rating +.*"), report.output());
        } finally {
            deleteRecursively(home);
        }
    }

    /** The signer every entry of the jar is signed by, the JDK verifying each entry as it is read. */
    private static String signerOfEveryEntry(Path jar) throws IOException {
        List<String> signers = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());   // read to its end: the digest checked
                }
                CodeSigner[] codeSigners = entry.getCodeSigners();
                assertNotNull(codeSigners, entry.getName() + " in " + jar + " is not signed");
                X509Certificate certificate = (X509Certificate) codeSigners[0].getSignerCertPath().getCertificates().get(0);
                signers.add(certificate.getSubjectX500Principal().getName());
            }
        }
        assertFalse(signers.isEmpty(), jar + " has no class");
        assertEquals(1, signers.stream().distinct().count(), "entries signed by different keys: " + signers);
        return signers.get(0);
    }

    /** Waits until the node's swap history has a line for the bundle, failing when the jar is refused first. */
    private static String awaitSwap(Path home, Process node) throws InterruptedException {
        Path history = home.resolve("data/modules/history.tsv");
        Path refused = home.resolve("deploy/refused");
        String[] line = new String[1];
        NodeProcesses.await("the node's history names " + BUNDLE, () -> {
            if (!node.isAlive()) {
                throw new AssertionError("the node exited with " + node.exitValue());
            }
            Optional<String> reason = refusal(refused);
            if (reason.isPresent()) {
                throw new AssertionError("the node refused the jar:\n" + reason.get());
            }
            line[0] = lines(history).stream().filter(text -> text.contains("\t" + BUNDLE + "\t")).findFirst().orElse(null);
            return line[0] != null;
        });
        return line[0];
    }

    /** What deploy/refused/*.txt says, if the node refused a jar. */
    private static Optional<String> refusal(Path refused) {
        if (!Files.isDirectory(refused)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(refused)) {
            List<Path> reasons = files.filter(file -> file.toString().endsWith(".txt")).toList();
            StringBuilder text = new StringBuilder();
            for (Path reason : reasons) {
                text.append(Files.readString(reason, StandardCharsets.UTF_8));
            }
            return reasons.isEmpty() ? Optional.empty() : Optional.of(text.toString());
        } catch (IOException notYetWritten) {
            return Optional.empty();
        }
    }

    /** The complete lines of a file being appended to; none before it exists. */
    private static List<String> lines(Path file) {
        try {
            List<String> pieces = List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1));
            return pieces.subList(0, pieces.size() - 1);   // the last piece is empty, or a line still being written
        } catch (IOException notYet) {
            return List.of();
        }
    }

    /** The receipt the ministry gave, from the filing's output ("... biên nhận BNV-..."). */
    private static String receipt(String output) {
        return output.lines().filter(line -> line.contains("biên nhận BNV-")).findFirst()
                .map(line -> line.substring(line.indexOf("BNV-")).split("[ ,)]")[0])
                .orElseThrow(() -> new AssertionError("no receipt in the province's output:\n" + output));
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
