package vn.congvu.api.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import vn.congvu.api.catalog.Indicator;

/**
 * Who a rule module is: its id, the province it belongs to, its title and legal basis, the dates it is
 * valid for, what it reads and what it produces. Its version is the version of the bundle that holds it.
 *
 * <p>A module that produces national indicators only:
 * <pre>{@code
 * new ModuleDescriptor("laocai.feedback", "10", "Phản ánh, kiến nghị được xử lý", "Nghị định 20/2008/NĐ-CP",
 *         LocalDate.of(2020, 1, 1), null, List.of(RecordTypes.FEEDBACK.name()),
 *         List.of(CoreIndicators.FEEDBACK_RECEIVED, CoreIndicators.FEEDBACK_RESOLVED));
 * }</pre>
 * A module with an extension indicator of its own: the code starts with the first segment of the module's id
 * and a dot ({@code laocai.} for {@code laocai.feedback-timeliness}), it is listed in {@code produces}, and it
 * is defined in {@code extensions}:
 * <pre>{@code
 * String withinTenDays = "laocai.feedback.resolved_within_10_days";
 * new ModuleDescriptor("laocai.feedback-timeliness", "10", "Phản ánh, kiến nghị được xử lý trong 10 ngày",
 *         "Nghị định 20/2008/NĐ-CP", LocalDate.of(2020, 1, 1), null, List.of(RecordTypes.FEEDBACK.name()),
 *         List.of(withinTenDays),
 *         List.of(Indicator.extensionCount(withinTenDays, "Phản ánh, kiến nghị xử lý trong 10 ngày",
 *                 "Feedback resolved within 10 days", "phản ánh, kiến nghị")));
 * }</pre>
 * A descriptor that breaks the naming rule throws when it is made, so a module holding it as a constant never
 * serves (its unit test fails first); a module that produces a code it did not declare here makes the report
 * refused when it is assembled ({@code module.undeclared_indicator}).
 *
 * @param id           a stable id, {@code <province>.<topic>}, such as {@code caobang.dossier-timeliness}: letters,
 *                     digits and {@code . _ : -}; its first segment (before the first dot) is the prefix of the
 *                     module's extension codes. A new version of the module keeps its id: of each id, a node
 *                     runs one version.
 * @param provinceCode the official two-digit code of the province whose rules it encodes ({@code "10"} for
 *                     Lào Cai; {@link vn.congvu.api.Geography} lists them), or {@link #ALL_PROVINCES} for a
 *                     national rule every province applies; a node runs only the modules of its own province
 *                     and the national ones
 * @param titleVi      its title in Vietnamese
 * @param legalBasis   the documents it encodes, such as {@code Nghị định 61/2018/NĐ-CP}
 * @param validFrom    the first day it applies to; a module runs for a period that has at least one day
 *                     between {@code validFrom} and {@code validUntil}
 * @param validUntil   the last day it applies to, or null while in force
 * @param reads        the record type names it reads, such as {@code RecordTypes.FEEDBACK.name()}
 *                     ({@link vn.congvu.api.record.RecordTypes#all()} lists them)
 * @param produces     every indicator code it produces: national ones
 *                     ({@link vn.congvu.api.catalog.NationalCatalog#indicators()}), and its own extensions
 * @param extensions   the definitions of its own extension indicators, coded {@code <id prefix>.<name>}
 *                     (such as {@code backan.inspections.surprise} for the module {@code backan.inspections}),
 *                     each also listed in {@code produces}; the ministry stores them, and adds up only the
 *                     indicators of the national catalog
 */
public record ModuleDescriptor(String id, String provinceCode, String titleVi, String legalBasis,
                               LocalDate validFrom, LocalDate validUntil, List<String> reads,
                               List<String> produces, List<Indicator> extensions) {

    /** The province code of a national rule module, which every province node evaluates. */
    public static final String ALL_PROVINCES = "*";

    /**
     * Copies the lists and checks the naming rule of extension indicators.
     *
     * @throws NullPointerException     naming the part that is missing
     * @throws IllegalArgumentException if an extension is not named {@code <id prefix>.<name>} or not listed in
     *                                  {@code produces}
     */
    public ModuleDescriptor {
        Objects.requireNonNull(id, "module descriptor: id is missing");
        Objects.requireNonNull(provinceCode, "module descriptor " + id + ": province code is missing");
        Objects.requireNonNull(validFrom, "module descriptor " + id + ": validFrom is missing");
        reads = List.copyOf(reads);
        produces = List.copyOf(produces);
        extensions = List.copyOf(extensions);
        String prefix = id.substring(0, id.indexOf('.') + 1);
        for (Indicator extension : extensions) {
            if (prefix.isEmpty() || !extension.code().startsWith(prefix) || !produces.contains(extension.code())) {
                throw new IllegalArgumentException("module " + id + ": extension " + extension.code()
                        + " must be named " + prefix + "<name> and listed in what the module produces");
            }
        }
    }

    /**
     * A module that produces national indicators only.
     *
     * @param id           a stable id
     * @param provinceCode the province code, or {@link #ALL_PROVINCES}
     * @param titleVi      its title in Vietnamese
     * @param legalBasis   the documents it encodes
     * @param validFrom    the first day it applies to
     * @param validUntil   the last day it applies to, or null while in force
     * @param reads        the record type names it reads
     * @param produces     the national indicator codes it produces
     */
    public ModuleDescriptor(String id, String provinceCode, String titleVi, String legalBasis, LocalDate validFrom,
                            LocalDate validUntil, List<String> reads, List<String> produces) {
        this(id, provinceCode, titleVi, legalBasis, validFrom, validUntil, reads, produces, List.of());
    }

    /**
     * @param day a calendar day
     * @return whether the module applies on that day
     */
    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
