package vn.congvu.ministry.internal;

import io.grpc.Context;
import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.congvu.api.Geography;
import vn.congvu.api.Problem;
import vn.congvu.api.Province;
import vn.congvu.api.TextRules;

/**
 * Who is calling, as the connection proved it: the province named in the caller's verified certificate, or
 * nobody in particular when the ministry runs in plaintext (a developer's loopback) and believes the message.
 *
 * @param provinceCode the province of the certificate, or {@code null} in plaintext
 * @param serialHex    the certificate's serial number, or {@code null} in plaintext
 */
record Caller(String provinceCode, String serialHex) {

    /** Where {@link ProvinceAuthentication} puts the caller of the current call. */
    static final Context.Key<Caller> KEY = Context.key("congvu.caller");
    private static final Caller UNVERIFIED = new Caller(null, null);

    /** @return the caller of a plaintext connection */
    static Caller unverified() {
        return UNVERIFIED;
    }

    /**
     * @return the caller of the current call
     * @throws IllegalStateException if {@link ProvinceAuthentication} did not run for this call: failing (INTERNAL)
     *                               rather than believing the message
     */
    static Caller current() {
        Caller caller = KEY.get();
        if (caller == null) {
            throw new IllegalStateException("no caller in this call's context: the province check did not run");
        }
        return caller;
    }

    /**
     * @param claimedProvince the province a message is for
     * @param what            what the message is, for the refusal ("a report", "an inventory")
     * @param whatVi          the same in Vietnamese
     * @param successorMay    whether the unit a merged province became part of may send it (reports: its
     *                        predecessors' corrections, which validation limits to periods before the merger; never
     *                        an inventory, which is the sending node's own)
     * @return PERMISSION_DENIED naming both provinces, when the caller's certificate is for another province
     */
    Optional<StatusRuntimeException> refusal(String claimedProvince, String what, String whatVi, boolean successorMay) {
        // a message that names no province claims no other province's: validation refuses it as it is
        if (provinceCode == null || provinceCode.equals(claimedProvince) || claimedProvince.isEmpty()) {
            return Optional.empty();
        }
        // a successor files its predecessors' corrections (Thái Nguyên for Bắc Kạn's 2021); validation then
        // allows only periods before the merger under the old code
        if (successorMay && provinceCode.equals(Geography.official().successorOn(claimedProvince, LocalDate.MAX))) {
            return Optional.empty();
        }
        return Optional.of(Refusals.status(Code.PERMISSION_DENIED, List.of(Problem.permanent("province_code",
                "province.not_yours",
                "Chứng thư của kết nối này là của " + name(provinceCode) + "; " + whatVi + " là của "
                        + name(claimedProvince) + ". Mỗi tỉnh chỉ nộp cho chính mình",
                "the caller's certificate is for " + name(provinceCode) + "; " + what + " is for "
                        + name(claimedProvince) + ": a province files only for itself (certificate serial "
                        + serialHex + ")")), 1));
    }

    private static String name(String code) {
        return Province.byCode(code).map(province -> province.name() + " (" + code + ")")
                .orElse("code " + TextRules.quoted(code, 8));
    }
}
