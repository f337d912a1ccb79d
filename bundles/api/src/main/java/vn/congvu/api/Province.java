package vn.congvu.api;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A provincial-level unit by its official two-digit code, with its name today (or its last name, for a code that
 * ceased on 1 July 2025). Every code ever in force is here: the 63 of before 1 July 2025, which include the 34
 * codes of after. Which code reports which period, and names on other dates, are {@link Geography}'s.
 *
 * @param code the official two-digit code, such as {@code "04"} for Cao Bằng
 * @param name the Vietnamese name, today's or the last
 */
public record Province(String code, String name) {

    private static final Map<String, Province> BY_CODE = load();

    /**
     * Looks a province up by its official code.
     *
     * @param code a two-digit code
     * @return the province, or empty if the code is not on the official list
     */
    public static Optional<Province> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /**
     * Looks a province up by its official code, failing on an unknown one.
     *
     * @param code a two-digit code
     * @return the province
     * @throws IllegalArgumentException if the code is not on the official list
     */
    public static Province of(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException(
                "province.code = " + code + " is not an official provincial code (before or after 1 July 2025), "
                        + "such as 01 (Hà Nội) or 04 (Cao Bằng)"));
    }

    /** @return every province on the official list, in code order */
    public static Collection<Province> all() {
        return BY_CODE.values();
    }

    private static Map<String, Province> load() {
        Map<String, Province> provinces = new LinkedHashMap<>();
        for (ProvincialUnit unit : Geography.official().versions()) {
            Geography.official().latest(unit.code())
                    .ifPresent(latest -> provinces.putIfAbsent(unit.code(), new Province(unit.code(), latest.name())));
        }
        return Collections.unmodifiableMap(provinces);
    }
}
