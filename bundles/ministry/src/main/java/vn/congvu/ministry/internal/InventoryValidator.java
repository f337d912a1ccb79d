package vn.congvu.ministry.internal;

import com.google.protobuf.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.congvu.api.Problem;
import vn.congvu.api.Problems;
import vn.congvu.api.Province;
import vn.congvu.api.ReportRules;
import vn.congvu.api.TextRules;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.federation.v1.InstalledModule;
import vn.congvu.federation.v1.ReportInventoryRequest;
import vn.congvu.proto.ReportMessages;

/**
 * The ministry's checks of a node inventory, before anything is stored: the same text rules as reports
 * (NFC, no control characters, bounded lengths), moments a database can hold, no module twice. Limits are
 * documented in node.proto.
 */
final class InventoryValidator {

    /** Most modules one inventory may list. */
    static final int MAX_MODULES = 1_000;
    static final int TITLE_MAX = 500;
    static final int LEGAL_BASIS_MAX = 1_000;
    /** A certificate's subject and the start of its fingerprint: the store keeps 500 characters of any script. */
    static final int SIGNER_MAX = 500;
    /** Most indicator codes one module may produce: the national catalog and a province's extensions hold far fewer. */
    static final int MAX_PRODUCES = 1_000;
    /** Most produced codes in one inventory, all modules together: bounds what one heartbeat makes the ministry read. */
    static final int MAX_PRODUCES_IN_ALL = 10_000;

    private InventoryValidator() {
    }

    static void validate(ReportInventoryRequest request, Problems problems) {
        if (Province.byCode(request.getProvinceCode()).isEmpty()) {
            problems.add(Problem.permanent("province_code", "province.unknown",
                    "Mã tỉnh '" + TextRules.quoted(request.getProvinceCode(), 20) + "' không có trong danh mục",
                    "province code '" + TextRules.quoted(request.getProvinceCode(), 20) + "' is not an official code"));
        }
        moment("taken_at", request.hasTakenAt(), request.getTakenAt(), problems);
        if (ReportRules.tooMany(request.getModulesCount(), MAX_MODULES, "modules", problems)) {
            return;
        }
        int produced = request.getModulesList().stream().mapToInt(InstalledModule::getProducesCount).sum();
        if (ReportRules.tooMany(produced, MAX_PRODUCES_IN_ALL, "modules.produces", problems)) {
            return;
        }
        Set<String> ids = new HashSet<>();
        List<InstalledModule> modules = request.getModulesList();
        for (int i = 0; i < modules.size(); i++) {
            InstalledModule module = modules.get(i);
            String field = "modules[" + i + "]";
            problems.add(field + ".module_id", TextRules.identifierFault(module.getModuleId()));
            problems.add(field + ".version", TextRules.versionFault(module.getVersion()));
            problems.add(field + ".jar_sha256", TextRules.sha256Fault(module.getJarSha256()));
            problems.add(field + ".title_vi", TextRules.textFault(module.getTitleVi(), TITLE_MAX, false, false));
            problems.add(field + ".legal_basis", TextRules.textFault(module.getLegalBasis(), LEGAL_BASIS_MAX, false, false));
            // empty from a node older than the field, which did not say
            problems.add(field + ".signer", TextRules.textFault(module.getSigner(), SIGNER_MAX, false, false));
            if (!module.getProvinceCode().equals(ModuleDescriptor.ALL_PROVINCES)
                    && Province.byCode(module.getProvinceCode()).isEmpty()) {
                problems.add(Problem.permanent(field + ".province_code", "province.unknown",
                        "Mã tỉnh của mô-đun không có trong danh mục (hoặc * cho quy tắc toàn quốc)",
                        "the module's province code is not an official code (or * for a national rule)"));
            }
            moment(field + ".since", module.hasSince(), module.getSince(), problems);
            // empty from a node older than the field, which did not say
            produces(field + ".produces", module.getProducesList(), problems);
            if (!ids.add(module.getModuleId())) {
                problems.add(Problem.permanent(field, "module.duplicate", "Mô-đun được nêu hai lần", "the module is listed twice"));
            }
        }
    }

    /** Each code as a report's indicator code must be (ReportRules), once: the store keys outputs by code. */
    private static void produces(String field, List<String> codes, Problems problems) {
        if (ReportRules.tooMany(codes.size(), MAX_PRODUCES, field, problems)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            TextRules.Fault fault = TextRules.identifierFault(code);
            problems.add(field + "[" + i + "]", fault);
            // an identifier by then: shown as it is
            if (fault == null && !seen.add(code)) {
                problems.add(Problem.permanent(field + "[" + i + "]", "indicator.duplicate",
                        "Mã chỉ tiêu '" + code + "' được nêu hai lần trong danh sách chỉ tiêu mô-đun tính",
                        "indicator code '" + code + "' is listed twice in what the module produces"));
            }
        }
    }

    private static void moment(String field, boolean present, Timestamp moment, Problems problems) {
        if (!present || !ReportMessages.isPlausibleMoment(moment)) {
            problems.add(Problem.permanent(field, "moment.invalid", field + " thiếu hoặc không nằm trong các năm 2000-2100",
                    field + " is missing or not a moment in the years 2000-2100"));
        }
    }

}
