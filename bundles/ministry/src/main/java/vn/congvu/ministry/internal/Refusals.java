package vn.congvu.ministry.internal;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.protobuf.Duration;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.text.Normalizer;
import java.util.List;
import vn.congvu.api.Problem;
import vn.congvu.federation.v1.Rejection;

/**
 * Builds the status of a refusal so that it always reaches the client: a client reads the status from
 * the HTTP/2 trailers, whose size common clients cap (grpc-java at 8 KiB by default), and a trailer over
 * the cap arrives as a broken call that a province would retry for ever. So every problem is counted, the
 * first ones are listed with their texts cut short, and the list stops within a byte budget with "and N
 * more problems".
 */
final class Refusals {

    /** Problems kept in full per refusal; the rest are only counted. More would not fit in the answer anyway. */
    static final int KEPT_PROBLEMS = 200;

    /**
     * Serialized bytes of the details. Sent base64-encoded (4/3 larger) beside grpc-status and a short
     * grpc-message, it stays under 6 KiB, clear of grpc-java's 8 KiB default.
     */
    static final int DETAILS_BUDGET = 4_000;
    /**
     * Longest text of one problem, in UTF-8 bytes: a field names at most a figure, a message says one thing.
     * Four such texts fit the budget several times over, so the first problem is always listed.
     */
    static final int TEXT_MAX = 300;
    private static final int SUMMARY_MAX = 200;

    private Refusals() {
    }

    /**
     * @param code     the status code
     * @param problems the first problems found, in the order found
     * @param total    how many were found in all
     * @return the status to answer with
     */
    static StatusRuntimeException status(Code code, List<Problem> problems, int total) {
        Rejection.Builder rejection = Rejection.newBuilder().setTotalProblems(total);
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        int used = 0;
        int listed = 0;
        for (Problem problem : problems) {
            vn.congvu.federation.v1.Problem message = toMessage(problem);
            BadRequest.FieldViolation violation = BadRequest.FieldViolation.newBuilder()
                    .setField(message.getField()).setDescription(message.getMessageEn()).build();
            // room for this one, its framing and the closing "more problems" entry
            int cost = message.getSerializedSize() + violation.getSerializedSize() + 8;
            if (used + cost > DETAILS_BUDGET - 2 * TEXT_MAX) {
                break;
            }
            rejection.addProblems(message);
            badRequest.addFieldViolations(violation);
            used += cost;
            listed++;
        }
        if (listed < total) {
            int more = total - listed;
            rejection.addProblems(vn.congvu.federation.v1.Problem.newBuilder()
                    .setField("report").setRule("report.more_problems")
                    .setMessageVi("và " + more + " vấn đề khác (tổng cộng " + total + ")")
                    .setMessageEn("and " + more + " more problems (" + total + " in all)"));
        }
        String summary = total + " problem(s): " + (problems.isEmpty() ? "" : problems.get(0).toString());
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(ascii(cut(summary, SUMMARY_MAX)))
                .addDetails(Any.pack(rejection.build()))
                .addDetails(Any.pack(badRequest.build()))
                .build());
    }

    /**
     * @param retryAfterMillis how long the sender should wait
     * @return RESOURCE_EXHAUSTED with a google.rpc.RetryInfo saying when to come back
     */
    static StatusRuntimeException busy(long retryAfterMillis) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.RESOURCE_EXHAUSTED.getNumber())
                .setMessage("the ministry is busy; send again in " + retryAfterMillis + " ms")
                .addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(Duration.newBuilder()
                        .setSeconds(retryAfterMillis / 1000).setNanos((int) (retryAfterMillis % 1000) * 1_000_000)).build()))
                .build());
    }

    private static vn.congvu.federation.v1.Problem toMessage(Problem problem) {
        return vn.congvu.federation.v1.Problem.newBuilder()
                .setField(cut(problem.field(), TEXT_MAX)).setRule(cut(problem.rule(), TEXT_MAX))
                .setMessageVi(cut(problem.messageVi(), TEXT_MAX)).setMessageEn(cut(problem.messageEn(), TEXT_MAX))
                .setRetryable(problem.retryable()).build();
    }

    /**
     * Cuts a text to at most {@code maxBytes} bytes of UTF-8 (a Vietnamese letter takes two or three), at a
     * character boundary, marking the cut with an ellipsis.
     */
    static String cut(String text, int maxBytes) {
        if (text.length() * 3 <= maxBytes) {
            return text;
        }
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes - 3) {
                return text.substring(0, i) + "…";
            }
            bytes += size;
            i += Character.charCount(c);
        }
        return text;
    }

    /**
     * The status message travels percent-encoded in a header: keep it ASCII, so that its size is what it
     * looks like; the Vietnamese texts are in the details. Vietnamese letters lose their diacritics ("Bac Kan"),
     * so names stay readable; anything else outside printable ASCII becomes '?'.
     */
    private static String ascii(String text) {
        String folded = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        StringBuilder ascii = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            ascii.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return ascii.toString();
    }
}
