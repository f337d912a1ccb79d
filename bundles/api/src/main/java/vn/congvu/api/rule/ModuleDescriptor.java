package vn.congvu.api.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import vn.congvu.api.catalog.Indicator;

/**
 * Who a rule module is: its id, the province it belongs to, its title and legal basis, the dates it is
 * valid for, what it reads and what it produces. Its version is the version of the bundle that holds it.
 *
 * @param id           a stable id, {@code <province>.<topic>}, such as {@code caobang.dossier-timeliness}
 * @param provinceCode the official two-digit code of the province whose rules it encodes, or
 *                     {@link #ALL_PROVINCES} for a national rule every province applies
 * @param titleVi      its title in Vietnamese
 * @param legalBasis   the documents it encodes, such as {@code Nghị định 61/2018/NĐ-CP}
 * @param validFrom    the first day it applies to
 * @param validUntil   the last day it applies to, or null while in force
 * @param reads        the record type names it reads
 * @param produces     the indicator codes it produces: national ones, and its own extensions
 * @param extensions   the definitions of its own extension indicators, coded {@code <id prefix>.<name>}
 *                     (such as {@code backan.inspections.surprise}); the ministry stores them, and adds up
 *                     only the indicators of the national catalog
 */
public record ModuleDescriptor(String id, String provinceCode, String titleVi, String legalBasis,
                               LocalDate validFrom, LocalDate validUntil, List<String> reads,
                               List<String> produces, List<Indicator> extensions) {

    /** The province code of a national rule module, which every province node evaluates. */
    public static final String ALL_PROVINCES = "*";

    /** @throws NullPointerException naming the part that is missing */
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
