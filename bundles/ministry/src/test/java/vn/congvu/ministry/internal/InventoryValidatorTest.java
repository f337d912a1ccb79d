package vn.congvu.ministry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvu.api.Problem;
import vn.congvu.api.Problems;
import vn.congvu.federation.v1.InstalledModule;
import vn.congvu.federation.v1.ReportInventoryRequest;

class InventoryValidatorTest {

    private static final Timestamp NOW = Timestamp.newBuilder().setSeconds(1_764_547_200L).build();
    private static final InstalledModule NATIONAL = InstalledModule.newBuilder().setModuleId("national.decree48")
            .setVersion("0.1.0").setJarSha256("ab".repeat(32)).setProvinceCode("*").setTitleVi("Nghị định 48/2023/NĐ-CP")
            .setLegalBasis("Nghị định 48/2023/NĐ-CP, Điều 2").setSince(NOW).build();

    private static List<String> rules(ReportInventoryRequest request) {
        Problems problems = new Problems(100);
        InventoryValidator.validate(request, problems);
        return problems.kept().stream().map(Problem::rule).toList();
    }

    @Test
    void validate_provinceWithANationalModule_passes() {
        assertTrue(rules(ReportInventoryRequest.newBuilder().setProvinceCode("04").setTakenAt(NOW).addModules(NATIONAL).build())
                .isEmpty());
    }

    @Test
    void validate_hostileInventory_everyProblemNamedNeverAnException() {
        ReportInventoryRequest request = ReportInventoryRequest.newBuilder().setProvinceCode("4x")
                .setTakenAt(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE))
                .addModules(NATIONAL)
                .addModules(NATIONAL.toBuilder().setTitleVi("a\u0000b").setSince(Timestamp.newBuilder().setNanos(-1)))
                .build();

        assertEquals(List.of("province.unknown", "moment.invalid", "text.control_character", "moment.invalid",
                "module.duplicate"), rules(request));
    }

    @Test
    void validate_signerInVietnamese_passes_andAnEmptyOneFromAnOlderNodeToo() {
        InstalledModule signed = NATIONAL.toBuilder()
                .setSigner("CN=Sở Nội vụ tỉnh Cao Bằng, O=UBND tỉnh Cao Bằng, C=VN (sha256 1a2b3c4d5e6f)").build();

        assertEquals(List.of(), rules(ReportInventoryRequest.newBuilder().setProvinceCode("04").setTakenAt(NOW)
                .addModules(signed).build()));
        assertEquals("", NATIONAL.getSigner());
        assertEquals(List.of(), rules(ReportInventoryRequest.newBuilder().setProvinceCode("04").setTakenAt(NOW)
                .addModules(NATIONAL).build()));
    }

    @Test
    void validate_signerBreakingTheTextRules_isRefusedNamingItsField() {
        String decomposed = java.text.Normalizer.normalize("CN=Sở Nội vụ Cao Bằng", java.text.Normalizer.Form.NFD);
        ReportInventoryRequest request = ReportInventoryRequest.newBuilder().setProvinceCode("04").setTakenAt(NOW)
                .addModules(NATIONAL.toBuilder().setModuleId("national.a").setSigner(decomposed))
                .addModules(NATIONAL.toBuilder().setModuleId("national.b").setSigner("CN=Sở Nội vụ\nCN=Bộ Nội vụ"))
                .addModules(NATIONAL.toBuilder().setModuleId("national.c").setSigner("CN=" + "ộ".repeat(InventoryValidator.SIGNER_MAX)))
                .addModules(NATIONAL.toBuilder().setModuleId("national.d").setSigner("CN=Sở Nội vụ\u202e"))
                .build();
        Problems problems = new Problems(100);

        InventoryValidator.validate(request, problems);

        assertEquals(List.of("modules[0].signer text.not_nfc", "modules[1].signer text.control_character",
                        "modules[2].signer text.too_long", "modules[3].signer text.invisible_character"),
                problems.kept().stream().map(problem -> problem.field() + " " + problem.rule()).toList());
    }

    @Test
    void validate_producedNationalAndExtensionCodes_pass_andNoneFromAnOlderNodeToo() {
        InstalledModule producing = NATIONAL.toBuilder().addProduces("dossier.resolved.on_time")
                .addProduces("caobang.dossier.resolved_within_3_days").build();

        assertEquals(List.of(), rules(ReportInventoryRequest.newBuilder().setProvinceCode("04").setTakenAt(NOW)
                .addModules(producing).addModules(NATIONAL.toBuilder().setModuleId("national.silent")).build()));
    }

    @Test
    void validate_producedCodesThatAreNoIndicatorCodes_areRefusedNamingEachCode() {
        ReportInventoryRequest request = ReportInventoryRequest.newBuilder().setProvinceCode("04").setTakenAt(NOW)
                .addModules(NATIONAL.toBuilder().addProduces("dossier.received").addProduces("")
                        .addProduces("chỉ_tiêu").addProduces("a b").addProduces("x".repeat(129))
                        .addProduces("dossier.received"))
                .build();
        Problems problems = new Problems(100);

        InventoryValidator.validate(request, problems);

        assertEquals(List.of("modules[0].produces[1] text.empty", "modules[0].produces[2] text.not_identifier",
                        "modules[0].produces[3] text.not_identifier", "modules[0].produces[4] text.too_long",
                        "modules[0].produces[5] indicator.duplicate"),
                problems.kept().stream().map(problem -> problem.field() + " " + problem.rule()).toList());
        assertTrue(problems.kept().get(4).messageEn().contains("'dossier.received' is listed twice"),
                problems.kept().get(4).messageEn());
    }

    @Test
    void validate_tooManyProducedCodes_isRefusedByCount_beforeAnyCodeIsRead() {
        List<String> codes = java.util.stream.IntStream.range(0, InventoryValidator.MAX_PRODUCES + 1)
                .mapToObj(i -> "code." + i).toList();
        ReportInventoryRequest oneModule = ReportInventoryRequest.newBuilder().setProvinceCode("04").setTakenAt(NOW)
                .addModules(NATIONAL.toBuilder().addAllProduces(codes)).build();
        ReportInventoryRequest.Builder manyModules = ReportInventoryRequest.newBuilder().setProvinceCode("04").setTakenAt(NOW);
        for (int i = 0; i <= InventoryValidator.MAX_PRODUCES_IN_ALL / InventoryValidator.MAX_PRODUCES; i++) {
            manyModules.addModules(NATIONAL.toBuilder().setModuleId("national.m" + i)
                    .addAllProduces(codes.subList(0, InventoryValidator.MAX_PRODUCES)));
        }
        Problems problems = new Problems(100);

        InventoryValidator.validate(oneModule, problems);
        InventoryValidator.validate(manyModules.build(), problems);

        assertEquals(List.of("modules[0].produces limit.exceeded", "modules.produces limit.exceeded"),
                problems.kept().stream().map(problem -> problem.field() + " " + problem.rule()).toList());
    }
}
