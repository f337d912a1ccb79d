package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A province's developer on a machine of their own, for {@link RuleSdkIT}: Maven with a new, empty local
 * repository and releases only (third-party artifacts from the build's local repository, then Maven Central), and
 * a publisher key whose password (made here) is handed over only through the environment.
 */
final class SdkDeveloper {

    static final Path SDK = NodeProcesses.DISTRIBUTION.resolve("sdk");
    /** The build's local repository, where the third-party artifacts come from as if from Maven Central. */
    private static final Path BUILD_REPOSITORY = Path.of(System.getProperty("maven.repo.local",
            System.getProperty("user.home") + "/.m2/repository")).toAbsolutePath();
    private static final long MAVEN_TIMEOUT_SECONDS = 300;
    static final String ARTIFACT = "laocai-rules";
    static final String BUNDLE = "vn.tinh.laocai.rules";
    static final String PROVINCE = "10";

    private final Path work;
    private final Path home;
    private final Path repository;
    private final Path keystore;
    private final List<String> maven;
    private final Map<String, String> password = Map.of("CONGVU_SIGN_STOREPASS", UUID.randomUUID().toString());

    SdkDeveloper(Path work, Path home) throws IOException {
        this.work = work;
        this.home = home;
        this.repository = home.resolve("repository");
        this.keystore = home.resolve("publisher.p12");
        this.maven = List.of("-B", "-ntp", "-Dstyle.color=never", "-s", developerSettings(home.resolve("settings.xml")).toString(),
                "-Dmaven.repo.local=" + repository);
    }

    /** The distribution's sdk/install.sh, into the empty repository. */
    void installSdk() throws IOException, InterruptedException {
        NodeProcesses.Result installed = run(work, "sdk-install.out", home, Map.of(),
                concat(List.of("bash", SDK.resolve("install.sh").toString()), maven));
        assertEquals(0, installed.exitCode(), installed.output());
        assertTrue(installed.output().contains("congvu sdk: installed vn.congvu:congvu-api, congvu-api-testkit and "
                + "congvu-rule-archetype " + sdkVersion()), installed.output());
    }

    /** @return the project generated from the archetype, in the developer's folder */
    Path generateProject() throws IOException, InterruptedException {
        NodeProcesses.Result generated = run(work, "archetype-generate.out", home, Map.of(), concat(concat(List.of("mvn"), maven),
                List.of("org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate", "-DarchetypeCatalog=local",
                        "-DarchetypeGroupId=vn.congvu", "-DarchetypeArtifactId=congvu-rule-archetype",
                        "-DarchetypeVersion=" + sdkVersion(), "-DgroupId=vn.tinh.laocai", "-DartifactId=" + ARTIFACT,
                        "-Dversion=1.0.0", "-Dpackage=" + BUNDLE, "-Dprovince=" + PROVINCE, "-Dslug=laocai")));
        assertEquals(0, generated.exitCode(), generated.output());
        Path project = home.resolve(ARTIFACT);
        assertTrue(Files.isRegularFile(project.resolve("src/main/java/vn/tinh/laocai/rules/internal/FeedbackTimeliness.java")),
                generated.output());
        return project;
    }

    /** The publisher's key, made by the JDK's keytool. */
    void makeKey() throws IOException, InterruptedException {
        NodeProcesses.Result key = run(work, "keytool-genkeypair.out", home, password, List.of(keytool(), "-genkeypair",
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "30",
                "-alias", "publisher", "-dname", "CN=laocai-rules publisher, O=congvu tests, C=VN",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass:env", "CONGVU_SIGN_STOREPASS"));
        assertEquals(0, key.exitCode(), key.output());
    }

    /** @return the project's jar, tested, built and signed with the publisher's key */
    Path packageSigned(Path project) throws IOException, InterruptedException {
        NodeProcesses.Result built = run(work, "package.out", project, password, concat(concat(List.of("mvn"), maven),
                List.of("package", "-Dcongvu.sign.keystore=" + keystore)));
        assertEquals(0, built.exitCode(), built.output());
        assertTrue(built.output().contains("Tests run:") && built.output().contains("Failures: 0, Errors: 0"), built.output());
        return project.resolve("target/" + ARTIFACT + "-1.0.0.jar");
    }

    /** The publisher's certificate, as PEM, into the file (a node's etc/publishers/). */
    void exportCertificate(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        NodeProcesses.Result exported = run(work, "keytool-exportcert.out", home, password, List.of(keytool(), "-exportcert",
                "-rfc", "-alias", "publisher", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass:env", "CONGVU_SIGN_STOREPASS", "-file", file.toString()));
        assertEquals(0, exported.exitCode(), exported.output());
    }

    /** @return the vn.congvu artifacts in the developer's repository */
    List<String> ownArtifacts() throws IOException {
        try (Stream<Path> artifacts = Files.list(repository.resolve("vn/congvu"))) {
            return artifacts.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }


    /**
     * A settings.xml whose repositories serve releases only: the build's local repository first (read as a remote
     * one, so nothing is downloaded that the build already has), then Maven Central, for what the generated
     * project needs and the build did not (other versions of the OSGi annotations' dependencies, say). No congvu
     * snapshot can come from either: only the SDK's install puts one in the developer's repository.
     */
    private static Path developerSettings(Path file) throws IOException {
        String url = BUILD_REPOSITORY.toUri().toString();
        String releasesOnly = "<releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>"
                + "<snapshots><enabled>false</enabled></snapshots>";
        String central = "https://repo.maven.apache.org/maven2";
        return Files.writeString(file, """
                <settings>
                  <profiles>
                    <profile>
                      <id>releases-only</id>
                      <repositories>
                        <repository><id>build-repository</id><url>%1$s</url>%2$s</repository>
                        <repository><id>central</id><url>%3$s</url>%2$s</repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>build-repository</id><url>%1$s</url>%2$s</pluginRepository>
                        <pluginRepository><id>central</id><url>%3$s</url>%2$s</pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>releases-only</activeProfile></activeProfiles>
                </settings>
                """.formatted(url, releasesOnly, central), StandardCharsets.UTF_8);
    }

    /** The version of the SDK in the distribution, as its archetype's pom says. */
    private static String sdkVersion() throws IOException {
        Matcher version = Pattern.compile("(?m)^  <version>([^<]+)</version>$")
                .matcher(Files.readString(SDK.resolve("congvu-rule-archetype.pom"), StandardCharsets.UTF_8));
        assertTrue(version.find(), SDK + "/congvu-rule-archetype.pom names no version");
        return version.group(1);
    }

    /**
     * Runs a command to its end in a folder, its output (both streams) kept in the work folder, with a time limit.
     * Maven's variables of the build that runs this test are not passed on: the command is a developer's own.
     */
    private static NodeProcesses.Result run(Path work, String output, Path directory, Map<String, String> environment,
                                            List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(output).toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MAVEN_") && !name.equals("MAVEN_OPTS"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(MAVEN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " still running after " + MAVEN_TIMEOUT_SECONDS + " s:\n"
                    + Files.readString(work.resolve(output), StandardCharsets.UTF_8));
        }
        return new NodeProcesses.Result(process.exitValue(), Files.readString(work.resolve(output), StandardCharsets.UTF_8));
    }


    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
