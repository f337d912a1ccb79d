package vn.congvu.api;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A provincial-level unit, identified by its official two-digit code (the pre-2025 list of 63).
 *
 * @param code the official two-digit code, such as {@code "04"} for Cao Bằng
 * @param name the Vietnamese name
 */
public record Province(String code, String name) {

    private static final Map<String, Province> BY_CODE = load(
            "01", "Hà Nội", "02", "Hà Giang", "04", "Cao Bằng", "06", "Bắc Kạn", "08", "Tuyên Quang",
            "10", "Lào Cai", "11", "Điện Biên", "12", "Lai Châu", "14", "Sơn La", "15", "Yên Bái",
            "17", "Hòa Bình", "19", "Thái Nguyên", "20", "Lạng Sơn", "22", "Quảng Ninh", "24", "Bắc Giang",
            "25", "Phú Thọ", "26", "Vĩnh Phúc", "27", "Bắc Ninh", "30", "Hải Dương", "31", "Hải Phòng",
            "33", "Hưng Yên", "34", "Thái Bình", "35", "Hà Nam", "36", "Nam Định", "37", "Ninh Bình",
            "38", "Thanh Hóa", "40", "Nghệ An", "42", "Hà Tĩnh", "44", "Quảng Bình", "45", "Quảng Trị",
            "46", "Thừa Thiên Huế", "48", "Đà Nẵng", "49", "Quảng Nam", "51", "Quảng Ngãi", "52", "Bình Định",
            "54", "Phú Yên", "56", "Khánh Hòa", "58", "Ninh Thuận", "60", "Bình Thuận", "62", "Kon Tum",
            "64", "Gia Lai", "66", "Đắk Lắk", "67", "Đắk Nông", "68", "Lâm Đồng", "70", "Bình Phước",
            "72", "Tây Ninh", "74", "Bình Dương", "75", "Đồng Nai", "77", "Bà Rịa - Vũng Tàu",
            "79", "Thành phố Hồ Chí Minh", "80", "Long An", "82", "Tiền Giang", "83", "Bến Tre",
            "84", "Trà Vinh", "86", "Vĩnh Long", "87", "Đồng Tháp", "89", "An Giang", "91", "Kiên Giang",
            "92", "Cần Thơ", "93", "Hậu Giang", "94", "Sóc Trăng", "95", "Bạc Liêu", "96", "Cà Mau");

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
                "unknown province code '" + code + "': expected one of the 63 official two-digit codes"));
    }

    /** @return every province on the official list, in code order */
    public static Collection<Province> all() {
        return BY_CODE.values();
    }

    private static Map<String, Province> load(String... codesAndNames) {
        Map<String, Province> provinces = new LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            provinces.put(codesAndNames[i], new Province(codesAndNames[i], codesAndNames[i + 1]));
        }
        return Collections.unmodifiableMap(provinces);
    }
}
