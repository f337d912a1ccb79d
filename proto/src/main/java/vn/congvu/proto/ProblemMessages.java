package vn.congvu.proto;

import java.util.List;
import vn.congvu.api.Problem;
import vn.congvu.federation.v1.Rejection;

/** Translates refusal problems between the domain model and the protocol's {@link Rejection}. */
public final class ProblemMessages {

    private ProblemMessages() {
    }

    /**
     * @param problems every problem found
     * @return the rejection message listing them
     */
    public static Rejection toRejection(List<Problem> problems) {
        Rejection.Builder rejection = Rejection.newBuilder();
        for (Problem problem : problems) {
            rejection.addProblems(vn.congvu.federation.v1.Problem.newBuilder()
                    .setField(problem.field()).setRule(problem.rule())
                    .setMessageVi(problem.messageVi()).setMessageEn(problem.messageEn())
                    .setRetryable(problem.retryable()));
        }
        return rejection.build();
    }

    /**
     * @param rejection a rejection message
     * @return its problems
     */
    public static List<Problem> fromRejection(Rejection rejection) {
        return rejection.getProblemsList().stream()
                .map(problem -> new Problem(problem.getField(), problem.getRule(), problem.getMessageVi(),
                        problem.getMessageEn(), problem.getRetryable()))
                .toList();
    }
}
