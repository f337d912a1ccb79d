package vn.congvu.endpoint.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import vn.congvu.health.NodeHealth;
import vn.congvu.health.Problem;
import vn.congvu.health.Readiness;

/**
 * What {@code GET /health} answers: 200 and {@code {"ready":true,"problems":[]}} when the node is ready;
 * 503 and every problem ({@code where}, {@code what}, {@code line}) when it is not, or when nothing can
 * say (the health service is absent or fails).
 *
 * @param status the HTTP status
 * @param json   the body, UTF-8 JSON
 */
record HealthAnswer(int status, String json) {

    static final int READY = 200;
    static final int NOT_READY = 503;

    /** Vietnamese text stays as it is, not as \\u escapes: the body is UTF-8. */
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /**
     * @param health the node's health service, or null when it is absent
     * @return the answer
     */
    static HealthAnswer of(NodeHealth health) {
        if (health == null) {
            return of(new Readiness(List.of(new Problem("congvu health",
                    "dịch vụ kiểm tra sức khỏe chưa chạy / the health service is not running"))));
        }
        Readiness readiness;
        try {
            readiness = health.readiness();
        } catch (RuntimeException e) {
            // the endpoint must still answer, and say why it cannot tell
            readiness = new Readiness(List.of(new Problem("congvu health",
                    "không xác định được trạng thái / cannot tell: " + e)));
        }
        return of(readiness);
    }

    private static HealthAnswer of(Readiness readiness) {
        JsonObject body = new JsonObject();
        body.addProperty("ready", readiness.ready());
        JsonArray problems = new JsonArray();
        for (Problem problem : readiness.problems()) {
            JsonObject item = new JsonObject();
            item.addProperty("where", problem.where());
            item.addProperty("what", problem.what());
            item.addProperty("line", problem.line());
            problems.add(item);
        }
        body.add("problems", problems);
        return new HealthAnswer(readiness.ready() ? READY : NOT_READY, GSON.toJson(body));
    }
}
