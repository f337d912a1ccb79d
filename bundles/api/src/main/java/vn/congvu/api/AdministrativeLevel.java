package vn.congvu.api;

import java.util.Arrays;
import java.util.Optional;

/** The level of government that received a dossier: the {@code level} dimension of dossier figures. */
public enum AdministrativeLevel {
    /** Provincial departments, boards and branches (sở, ban, ngành). */
    DEPARTMENT("department", "Sở, ban, ngành"),
    /** District people's committees (UBND cấp huyện). */
    DISTRICT("district", "UBND cấp huyện"),
    /** Commune people's committees (UBND cấp xã). */
    COMMUNE("commune", "UBND cấp xã");

    /** The dimension name under which the level breaks figures down. */
    public static final String DIMENSION = "level";

    private final String code;
    private final String labelVi;

    AdministrativeLevel(String code, String labelVi) {
        this.code = code;
        this.labelVi = labelVi;
    }

    /** @return the code used in records and reports, such as {@code district} */
    public String code() {
        return code;
    }

    /** @return the Vietnamese label */
    public String labelVi() {
        return labelVi;
    }

    /** @return the breakdown of a figure by this level */
    public Disaggregation disaggregation() {
        return Disaggregation.of(DIMENSION, code);
    }

    /**
     * @param code a level code
     * @return the level, or empty if the code is not a level
     */
    public static Optional<AdministrativeLevel> byCode(String code) {
        return Arrays.stream(values()).filter(level -> level.code.equals(code)).findFirst();
    }
}
