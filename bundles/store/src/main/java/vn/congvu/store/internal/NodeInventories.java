package vn.congvu.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.NodeModule;

/**
 * What province nodes run, as each last reported it: the SQL of the ministry's node_status and node_modules tables,
 * and of what each module's jar produces, kept for good (module_outputs, through {@link ModuleOutputs}).
 */
final class NodeInventories {

    private final Database database;

    NodeInventories(Database database) {
        this.database = database;
    }

    /**
     * Replaces the province's inventory, and keeps what its modules produce for the jars not known yet, in one
     * transaction.
     *
     * @return when it was recorded (the node's last-seen time)
     */
    Instant record(NodeInventory inventory) {
        Instant recordedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as every engine keeps it
        database.inTransaction("recording the inventory of province " + inventory.provinceCode(), connection -> {
            for (String sql : List.of("DELETE FROM node_modules WHERE province_code = ?", "DELETE FROM node_status WHERE province_code = ?")) {
                try (PreparedStatement delete = connection.prepareStatement(sql)) {
                    delete.setString(1, inventory.provinceCode());
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement status = connection.prepareStatement(
                    "INSERT INTO node_status (province_code, taken_at, last_seen) VALUES (?, ?, ?)")) {
                status.setString(1, inventory.provinceCode());
                status.setTimestamp(2, Timestamp.from(inventory.takenAt()));
                status.setTimestamp(3, Timestamp.from(recordedAt));
                status.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO node_modules (province_code, module_id, "
                    + "version, jar_sha256, module_province, title_vi, legal_basis, since, signer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (NodeModule module : inventory.modules()) {
                    insert.setString(1, inventory.provinceCode());
                    insert.setString(2, module.moduleId());
                    insert.setString(3, module.version());
                    insert.setString(4, module.jarSha256());
                    insert.setString(5, module.moduleProvince());
                    insert.setString(6, module.titleVi());
                    insert.setString(7, module.legalBasis());
                    insert.setTimestamp(8, Timestamp.from(module.since()));
                    insert.setString(9, module.signer());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            ModuleOutputs.record(connection, inventory.provinceCode(), inventory.modules());
            return null;
        });
        return recordedAt;
    }

    /** @return the latest inventory of every province node that reported one, by province; modules by id */
    List<NodeInventory> latest() {
        return database.inTransaction("reading node inventories", connection -> {
            List<NodeInventory> inventories = new ArrayList<>();
            Map<List<String>, List<String>> outputs = ModuleOutputs.ofRunning(connection);
            try (Statement statement = connection.createStatement();
                 ResultSet nodes = statement.executeQuery("SELECT province_code, taken_at, last_seen FROM node_status ORDER BY province_code");
                 PreparedStatement modules = connection.prepareStatement("SELECT module_id, version, jar_sha256, module_province, "
                         + "title_vi, legal_basis, since, signer FROM node_modules WHERE province_code = ? ORDER BY module_id")) {
                while (nodes.next()) {
                    List<NodeModule> running = new ArrayList<>();
                    modules.setString(1, nodes.getString(1));
                    try (ResultSet rows = modules.executeQuery()) {
                        while (rows.next()) {
                            running.add(new NodeModule(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                    rows.getString(5), rows.getString(6), rows.getTimestamp(7).toInstant(), rows.getString(8),
                                    outputs.get(List.of(nodes.getString(1), rows.getString(3), rows.getString(1)))));
                        }
                    }
                    inventories.add(new NodeInventory(nodes.getString(1), nodes.getTimestamp(2).toInstant(),
                            nodes.getTimestamp(3).toInstant(), running));
                }
            }
            return inventories;
        });
    }

    /**
     * @param provinceCode the province whose node's word counts
     * @param modules      modules as reports name them
     * @return every module asked about, in the order given, with the indicator codes its jar produces, by code;
     *     empty when that province's node did not say
     */
    Map<ModuleProvenance, Set<String>> outputsOf(String provinceCode, Collection<ModuleProvenance> modules) {
        return database.inTransaction("reading what " + modules.size() + " rule module(s) produce",
                connection -> ModuleOutputs.of(connection, provinceCode, modules));
    }
}
