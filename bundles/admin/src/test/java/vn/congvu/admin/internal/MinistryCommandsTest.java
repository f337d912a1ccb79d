package vn.congvu.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.NodeModule;

/** congvu:nodes shows who signed each module's jar, as the province node said, in both languages. */
class MinistryCommandsTest {

    private static final Instant SINCE = Instant.parse("2026-03-01T02:00:00Z");

    private static NodeModule module(String id, String signer) {
        return new NodeModule(id, "1.2.0", "ab".repeat(32), "04", "Tiêu đề", "Căn cứ", SINCE, signer);
    }

    private static MinistryCommands commands(NodeInventory inventory) {
        ReportQueries queries = (ReportQueries) Proxy.newProxyInstance(ReportQueries.class.getClassLoader(),
                new Class<?>[] {ReportQueries.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "nodes" -> List.of(inventory);
                    case "certificates" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new MinistryCommands(queries);
    }

    @Test
    void nodes_printsEachModulesSignerUnderIt() {
        String signer = "CN=Sở Nội vụ tỉnh Cao Bằng, O=UBND tỉnh Cao Bằng, C=VN (sha256 1a2b3c4d5e6f)";
        NodeInventory inventory = new NodeInventory("04", SINCE, SINCE, List.of(module("caobang.a", signer),
                module("caobang.b", "unsigned"), module("caobang.c", "unknown"), module("caobang.d", "")));

        List<String> lines = commands(inventory).nodes().lines().toList();

        assertEquals(List.of(
                "    ký bởi / signed by: " + signer,
                "    ký bởi / signed by: KHÔNG KÝ (chế độ phát triển) / UNSIGNED (development setting)",
                "    ký bởi / signed by: không rõ (nút không tự cài gói này) / unknown (not installed by the node itself)",
                "    ký bởi / signed by: (nút tỉnh không cho biết / not said by the node)"),
                lines.stream().filter(line -> line.contains("signed by")).toList());
        assertEquals(String.format("  %-40s %-24s sha256 %s  từ %s", "caobang.a", "1.2.0", "ab".repeat(32), SINCE),
                lines.get(lines.indexOf("    ký bởi / signed by: " + signer) - 1));
    }
}
