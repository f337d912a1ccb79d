package vn.congvu.endpoint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvu.health.Problem;
import vn.congvu.health.Readiness;

class HealthAnswerTest {

    @Test
    void ready_answers200_withNoProblems() {
        HealthAnswer answer = HealthAnswer.of(() -> new Readiness(List.of()));

        assertEquals(200, answer.status());
        assertEquals("{\"ready\":true,\"problems\":[]}", answer.json());
    }

    @Test
    void notReady_answers503_withEveryProblemInVietnameseAsItIs() {
        Problem port = new Problem("etc/vn.congvu.uplink.cfg: ministry.port",
                "'abc' không phải số cổng / is not a port number (1-65535)");
        Problem server = new Problem("the ministry's gRPC server", "không chạy / not running");

        HealthAnswer answer = HealthAnswer.of(() -> new Readiness(List.of(port, server)));

        assertEquals(503, answer.status());
        assertTrue(answer.json().contains("không phải số cổng"), answer.json());
        JsonObject body = JsonParser.parseString(answer.json()).getAsJsonObject();
        assertEquals(false, body.get("ready").getAsBoolean());
        JsonArray problems = body.getAsJsonArray("problems");
        assertEquals(2, problems.size());
        JsonObject first = problems.get(0).getAsJsonObject();
        assertEquals(port.where(), first.get("where").getAsString());
        assertEquals(port.what(), first.get("what").getAsString());
        assertEquals(port.line(), first.get("line").getAsString());
    }

    @Test
    void noHealthService_answers503_sayingSo() {
        HealthAnswer answer = HealthAnswer.of(null);

        assertEquals(503, answer.status());
        JsonObject body = JsonParser.parseString(answer.json()).getAsJsonObject();
        assertEquals(false, body.get("ready").getAsBoolean());
        assertTrue(body.getAsJsonArray("problems").get(0).getAsJsonObject().get("what").getAsString()
                .contains("health service is not running"));
    }

    @Test
    void healthServiceFails_answers503_withTheFailure() {
        HealthAnswer answer = HealthAnswer.of(() -> {
            throw new IllegalStateException("ConfigAdmin gone");
        });

        assertEquals(503, answer.status());
        assertTrue(answer.json().contains("ConfigAdmin gone"), answer.json());
    }
}
