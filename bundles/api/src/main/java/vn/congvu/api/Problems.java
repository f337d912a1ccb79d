package vn.congvu.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of a refusal in bounded memory: every problem is counted, the first ones are kept
 * in full. A hostile report can break a rule once per figure; the refusal still says how many, without
 * holding a hundred thousand messages.
 */
public final class Problems {

    private final int keep;
    private final List<Problem> kept = new ArrayList<>();
    private int count;

    /**
     * @param keep how many problems to keep in full; later ones are only counted
     */
    public Problems(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one problem, got " + keep);
        }
        this.keep = keep;
    }

    /** @param problem a problem found */
    public void add(Problem problem) {
        count++;
        if (kept.size() < keep) {
            kept.add(problem);
        }
    }

    /**
     * @param field the field a text rule was checked on
     * @param fault what is wrong with it, or null when nothing is
     */
    public void add(String field, TextRules.Fault fault) {
        if (fault != null) {
            add(fault.problem(field));
        }
    }

    /** @param problems problems found */
    public void addAll(List<Problem> problems) {
        problems.forEach(this::add);
    }

    /** @return how many problems were found, kept or not */
    public int count() {
        return count;
    }

    /** @return whether no problem was found */
    public boolean isEmpty() {
        return count == 0;
    }

    /** @return the first problems found, in the order found */
    public List<Problem> kept() {
        return List.copyOf(kept);
    }
}
