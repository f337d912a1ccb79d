package vn.congvu.modules;

import java.time.Duration;

/**
 * What a swap did.
 *
 * @param plan what it set out to do; its refusals say why nothing changed
 * @param done whether the new version now serves (or the bundle is gone, for a removal); false when refused
 *             or when the jar was already running
 * @param took from the start of the swap until the new version served and the old one was retired
 */
public record SwapOutcome(SwapPlan plan, boolean done, Duration took) {
}
