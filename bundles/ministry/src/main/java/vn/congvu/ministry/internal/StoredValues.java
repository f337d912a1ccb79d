package vn.congvu.ministry.internal;

import vn.congvu.ministry.ProvinceNode;
import vn.congvu.ministry.ReceivedReport;
import vn.congvu.ministry.RunningModule;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.NodeModule;
import vn.congvu.store.StoredReport;

/** The store's rows as the ministry's own values, so that no caller of the ministry's API depends on the store. */
public final class StoredValues {

    private StoredValues() {
    }

    /**
     * @param stored a report as the store holds it
     * @return it as the ministry's API gives it
     */
    public static ReceivedReport received(StoredReport stored) {
        return new ReceivedReport(stored.report(), stored.receipt().receiptId(), stored.receipt().acceptedAt(),
                stored.preparedAt());
    }

    static ProvinceNode node(NodeInventory inventory) {
        return new ProvinceNode(inventory.provinceCode(), inventory.takenAt(), inventory.lastSeen(),
                inventory.modules().stream().map(StoredValues::module).toList());
    }

    private static RunningModule module(NodeModule module) {
        return new RunningModule(module.moduleId(), module.version(), module.jarSha256(), module.moduleProvince(),
                module.titleVi(), module.legalBasis(), module.since(), module.signer(), module.produces());
    }
}
