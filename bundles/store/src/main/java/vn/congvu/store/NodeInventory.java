package vn.congvu.store;

import java.time.Instant;
import java.util.List;

/**
 * What a province node runs, as it last reported.
 *
 * @param provinceCode the node's province
 * @param takenAt      when the node took the inventory
 * @param lastSeen     when the ministry last heard from the node
 * @param modules      its rule modules, by id
 */
public record NodeInventory(String provinceCode, Instant takenAt, Instant lastSeen, List<NodeModule> modules) {

    /** Copies the modules. */
    public NodeInventory {
        modules = List.copyOf(modules);
    }
}
