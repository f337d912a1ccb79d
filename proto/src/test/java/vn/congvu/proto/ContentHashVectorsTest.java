package vn.congvu.proto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published content-hash test vectors (testdata/content_hash_vectors.json beside reporting.proto) agree
 * with both implementations of the canonical form: the Java one in {@code vn.congvu.api.Report} and the
 * Python one in src/test/python/check_vectors.py, written from the .proto alone.
 */
class ContentHashVectorsTest {

    // Maven runs the tests with the module directory as the working directory.
    private static final Path VECTORS = Path.of("src/main/proto/congvu/federation/v1/testdata/content_hash_vectors.json");
    private static final Path CHECKER = Path.of("src/test/python/check_vectors.py");
    private static final Instant PREPARED_AT = Instant.parse("2025-01-06T02:00:00Z");

    @Test
    void javaImplementation_recomputesEveryVector() throws IOException {
        JsonArray vectors = vectors();
        assertFalse(vectors.isEmpty(), "no vectors in " + VECTORS);
        List<Executable> checks = new ArrayList<>();
        for (JsonElement element : vectors) {
            JsonObject vector = element.getAsJsonObject();
            String name = vector.get("name").getAsString();
            checks.add(() -> {
                DecodedReport decoded;
                try {
                    vn.congvu.federation.v1.Report.Builder builder = vn.congvu.federation.v1.Report.newBuilder();
                    JsonFormat.parser().merge(vector.get("report").toString(), builder);
                    if (!builder.hasPreparedAt()) {
                        // The vectors omit prepared_at (the hash does not cover it); a filed report has one.
                        builder.setPreparedAt(ReportMessages.timestamp(PREPARED_AT));
                    }
                    decoded = ReportMessages.fromMessage(builder.build());
                } catch (IOException | RuntimeException e) {
                    throw new AssertionError(name + ": the report cannot be read: " + e, e);
                }
                assertEquals(List.of(), decoded.problems(), name + ": problems reading the report");
                String hash;
                try {
                    hash = decoded.report().orElseThrow().contentHash();
                } catch (RuntimeException e) {
                    throw new AssertionError(name + ": the content hash cannot be computed: " + e, e);
                }
                assertEquals(vector.get("content_hash").getAsString(), hash, name + ": content hash");
            });
        }
        assertAll("content hash vectors recomputed by vn.congvu.api.Report.contentHash()", checks);
    }

    @Test
    void pythonImplementation_recomputesEveryVector(@TempDir Path temp) throws Exception {
        int count = vectors().size();
        Path output = temp.resolve("check_vectors.out");
        ProcessBuilder command = new ProcessBuilder("python3", CHECKER.toString(), VECTORS.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        command.environment().put("PYTHONIOENCODING", "utf-8");
        Process process;
        try {
            process = command.start();
        } catch (IOException e) {
            fail("python3 is needed to run " + CHECKER + " (.ci/run installs it), but it cannot be started: " + e, e);
            return;
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(CHECKER + " did not finish within 60 s:\n" + Files.readString(output, UTF_8));
        }
        String printed = Files.readString(output, UTF_8);
        assertEquals(0, process.exitValue(), CHECKER + " failed:\n" + printed);
        assertTrue(printed.contains("0 mismatched"), printed);
        assertTrue(printed.contains("content hash vectors: " + count + " recomputed, 0 mismatched"),
                "expected all " + count + " vectors recomputed:\n" + printed);
    }

    private static JsonArray vectors() throws IOException {
        JsonObject file = JsonParser.parseString(Files.readString(VECTORS, UTF_8)).getAsJsonObject();
        return file.getAsJsonArray("vectors");
    }
}
