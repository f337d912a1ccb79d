package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.NodeModule;

/**
 * What each module's jar produces is kept from the inventories, by jar, for good: the modules a report names are
 * answered after the node has moved to another version, and what was said of a jar first stays.
 */
class ModuleOutputsTest extends OnEachEngine<JdbcMinistryStore> {

    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");
    private static final String JAR_1_0 = "ab".repeat(32);
    private static final String JAR_1_1 = "cd".repeat(32);
    private static final String NATIONAL_JAR = "ef".repeat(32);

    ModuleOutputsTest() {
        super(StoreEngine.Place::ministry, JdbcMinistryStore::close);
    }

    private static NodeModule timeliness(String version, String jar, List<String> produces) {
        return new NodeModule("caobang.dossier-timeliness", version, jar, "04", "Tỷ lệ hồ sơ đúng hạn",
                "Nghị định 61/2018/NĐ-CP", SINCE, "", produces);
    }

    private static NodeModule national(List<String> produces) {
        return new NodeModule("national.decree48-rating", "1.0.0", NATIONAL_JAR, "*", "Xếp loại theo Nghị định 48",
                "Nghị định 48/2023/NĐ-CP", SINCE, "", produces);
    }

    private void record(String province, NodeModule... modules) {
        store.recordInventory(new NodeInventory(province, SINCE, SINCE, List.of(modules)));
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void outputsOf_afterTheNodeMovedToAnotherVersion_answersEachJarWithItsOwnCodes(StoreEngine engine) {
        open(engine);
        record("04", timeliness("1.0.0", JAR_1_0, List.of("dossier.resolved.on_time", "dossier.received")),
                national(List.of("discipline.rating")));
        record("04", timeliness("1.1.0", JAR_1_1, List.of("dossier.received", "dossier.resolved.on_time",
                "caobang.dossier.resolved_within_3_days")), national(List.of("discipline.rating")));

        ModuleProvenance old = new ModuleProvenance("caobang.dossier-timeliness", "1.0.0", JAR_1_0);
        ModuleProvenance current = new ModuleProvenance("caobang.dossier-timeliness", "1.1.0", JAR_1_1);
        ModuleProvenance rating = new ModuleProvenance("national.decree48-rating", "1.0.0", NATIONAL_JAR);
        Map<ModuleProvenance, Set<String>> expected = new LinkedHashMap<>();
        expected.put(old, Set.of("dossier.received", "dossier.resolved.on_time"));
        expected.put(current, Set.of("caobang.dossier.resolved_within_3_days", "dossier.received", "dossier.resolved.on_time"));
        expected.put(rating, Set.of("discipline.rating"));

        Map<ModuleProvenance, Set<String>> outputs = store.outputsOf("04", List.of(old, current, rating));

        assertEquals(expected, outputs);
        assertEquals(List.of(old, current, rating), List.copyOf(outputs.keySet()));
        assertEquals(List.of("caobang.dossier.resolved_within_3_days", "dossier.received", "dossier.resolved.on_time"),
                List.copyOf(outputs.get(current)));
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void outputsOf_aJarNoNodeSaidOf_isAnsweredWithNoCodes_andAnOlderNodesSilenceAddsNothing(StoreEngine engine) {
        open(engine);
        record("04", timeliness("1.0.0", JAR_1_0, List.of()));
        ModuleProvenance unsaid = new ModuleProvenance("caobang.dossier-timeliness", "1.0.0", JAR_1_0);
        ModuleProvenance unknown = new ModuleProvenance("laocai.feedback", "2.0.0", "01".repeat(32));

        assertEquals(Map.of(unsaid, Set.of(), unknown, Set.of()), store.outputsOf("04", List.of(unsaid, unknown)));
        assertEquals(List.of(List.of()), store.inventories().get(0).modules().stream().map(NodeModule::produces).toList());
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void recordInventory_aJarKnownAlready_keepsWhatWasSaidFirst_andAnotherProvinceCannotChangeIt(StoreEngine engine) {
        open(engine);
        record("04", national(List.of("discipline.rating")));
        record("10", national(List.of("discipline.rating", "dossier.received")));
        record("04", national(List.of("dossier.received")));
        ModuleProvenance rating = new ModuleProvenance("national.decree48-rating", "1.0.0", NATIONAL_JAR);

        assertEquals(Set.of("discipline.rating"), store.outputsOf("04", List.of(rating)).get(rating));
        assertEquals(Set.of("discipline.rating", "dossier.received"), store.outputsOf("10", List.of(rating)).get(rating));
        assertEquals(Set.of(), store.outputsOf("01", List.of(rating)).get(rating), "Hà Nội's node never said");
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void inventories_giveEachRunningModuleWhatItsJarProduces_byCode(StoreEngine engine) {
        open(engine);
        record("04", timeliness("1.0.0", JAR_1_0, List.of("dossier.resolved.on_time", "dossier.received")),
                national(List.of("discipline.rating")));
        record("10", national(List.of()));

        Map<String, List<List<String>>> produces = new LinkedHashMap<>();
        store.inventories().forEach(node -> produces.put(node.provinceCode(),
                node.modules().stream().map(NodeModule::produces).toList()));

        // Lào Cai's node did not say: another node's word about the same jar is not taken for it
        assertEquals(Map.of("04", List.of(List.of("dossier.received", "dossier.resolved.on_time"), List.of("discipline.rating")),
                "10", List.of(List.of())), produces);
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void outputs_surviveClosingAndReopeningTheDatabase(StoreEngine engine) {
        open(engine);
        record("04", national(List.of("discipline.rating")));
        reopen();

        assertEquals(Set.of("discipline.rating"), store.outputsOf("04", List.of(
                new ModuleProvenance("national.decree48-rating", "1.0.0", NATIONAL_JAR))).values().iterator().next());
    }
}
