package vn.congvu.store;

import java.time.Instant;
import java.util.Objects;
import vn.congvu.api.ReportKey;

/**
 * How a report key was filed with the ministry: how many revisions it holds and when the first and the latest
 * were accepted. Whether a report came in time is decided by its first revision: a later one corrects it.
 *
 * @param key              the province, period and regime
 * @param latestRevision   the highest revision stored
 * @param revisions        how many revisions are stored
 * @param firstAcceptedAt  when the first revision stored was accepted
 * @param latestAcceptedAt when the highest revision was accepted
 */
public record Filing(ReportKey key, int latestRevision, int revisions, Instant firstAcceptedAt, Instant latestAcceptedAt) {

    /** @throws NullPointerException naming the part that is missing */
    public Filing {
        Objects.requireNonNull(key, "filing: key is missing");
        Objects.requireNonNull(firstAcceptedAt, "filing " + key + ": first acceptance is missing");
        Objects.requireNonNull(latestAcceptedAt, "filing " + key + ": latest acceptance is missing");
    }
}
