package vn.congvu.modules;

import java.util.List;

/**
 * What a swap will do, worked out before it is done.
 *
 * @param action       install, update, roll back or remove
 * @param symbolicName the rule bundle's symbolic name
 * @param fromVersion  the version running now, or null when none is
 * @param fromSha256   its jar's SHA-256, or null
 * @param toVersion    the version that will run, or null after a removal
 * @param toSha256     its jar's SHA-256, or null
 * @param signer       who signed the new jar, as verified (see {@link RuleBundle#signer()}); null when it was
 *                     not verified (a removal, or a jar refused before its signature was looked at)
 * @param restarts     the other bundles the swap restarts (those wired to the swapped one)
 * @param notes        what else the operator should know, such as the period the candidate was tried on
 * @param refusals     why the swap cannot be done, in plain words; empty when it can
 */
public record SwapPlan(SwapAction action, String symbolicName, String fromVersion, String fromSha256, String toVersion,
                       String toSha256, String signer, List<String> restarts, List<String> notes, List<String> refusals) {

    /** Copies the lists. */
    public SwapPlan {
        restarts = List.copyOf(restarts);
        notes = List.copyOf(notes);
        refusals = List.copyOf(refusals);
    }

    /** @return whether the swap would be refused */
    public boolean refused() {
        return !refusals.isEmpty();
    }

    /** @return whether the jar is the one already running: there is nothing to do */
    public boolean alreadyRunning() {
        return fromSha256 != null && fromSha256.equals(toSha256) && action != SwapAction.REMOVE;
    }

    /**
     * @param reasons why the swap is refused
     * @return this plan, refused for these reasons as well
     */
    public SwapPlan refusedFor(List<String> reasons) {
        List<String> all = new java.util.ArrayList<>(refusals);
        all.addAll(reasons);
        return new SwapPlan(action, symbolicName, fromVersion, fromSha256, toVersion, toSha256, signer, restarts, notes, all);
    }
}
