package vn.congvu.health;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Whether this node does everything its settings ask of it. A node is ready only when every
 * {@code etc/*.cfg} names known settings with values of the right type, and every congvu component
 * those settings call for is running. Asked by {@code congvu:status}, {@code bin/congvu status} and the
 * node's health endpoint, which therefore always say the same.
 */
@ProviderType
public interface NodeHealth {

    /** @return the node's readiness now, with every problem found; never null */
    Readiness readiness();
}
