package vn.congvu.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.congvu.api.ReportKey;

/**
 * The ministry's most recent refusal of a report, for a key whose province was known: the report's content
 * broke the checks, so it was not stored.
 *
 * @param key          the province, period and regime the refused report was for
 * @param revision     the revision it carried
 * @param refusedAt    when it was refused
 * @param problemCount how many problems were found in all
 * @param problems     the problems kept, in words (at most {@link #KEPT} of them)
 */
public record Refusal(ReportKey key, int revision, Instant refusedAt, int problemCount, List<String> problems) {

    /** At most this many problems are kept with a refusal; the count says how many there were. */
    public static final int KEPT = 50;

    /** At most this many characters of each problem are kept. */
    public static final int PROBLEM_LENGTH = 1000;

    /** Keeps at most {@link #KEPT} problems of at most {@link #PROBLEM_LENGTH} characters each. */
    public Refusal {
        Objects.requireNonNull(key, "refusal: key is missing");
        Objects.requireNonNull(refusedAt, "refusal of " + key + ": time is missing");
        problems = problems.stream().limit(KEPT)
                .map(problem -> problem.length() > PROBLEM_LENGTH ? problem.substring(0, PROBLEM_LENGTH) : problem).toList();
        problemCount = Math.max(problemCount, problems.size());
    }
}
