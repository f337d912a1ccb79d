package vn.congvu.health;

import java.util.List;

/**
 * A node's readiness at one moment.
 *
 * @param problems every reason the node is not ready; empty when it is
 */
public record Readiness(List<Problem> problems) {

    /** Keeps an unmodifiable copy. */
    public Readiness {
        problems = List.copyOf(problems);
    }

    /** @return whether the node does everything its settings ask */
    public boolean ready() {
        return problems.isEmpty();
    }
}
