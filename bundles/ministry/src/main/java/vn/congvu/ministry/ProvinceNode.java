package vn.congvu.ministry;

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
public record ProvinceNode(String provinceCode, Instant takenAt, Instant lastSeen, List<RunningModule> modules) {

    /** Copies the modules. */
    public ProvinceNode {
        modules = List.copyOf(modules);
    }
}
