package vn.congvu.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.store.NodeModule;

/**
 * The indicator codes each rule module's jar produces: the SQL of the ministry's module_outputs table, inside the
 * transactions of {@link NodeInventories}. Written the first time a node says it of a jar and never changed (a
 * jar's outputs are in the jar), so a report keeps its answer after every node has moved on to another version.
 */
final class ModuleOutputs {

    private ModuleOutputs() {
    }

    /**
     * Keeps what the modules produce, for the modules whose jar's outputs are not kept yet; those already kept stay
     * as they are, and a module that says nothing (a node older than the field) adds nothing.
     *
     * @param connection   the inventory's transaction
     * @param provinceCode the province whose node said it
     * @param modules      the modules of an inventory
     */
    static void record(Connection connection, String provinceCode, List<NodeModule> modules) throws SQLException {
        try (PreparedStatement known = connection.prepareStatement("SELECT 1 FROM module_outputs WHERE province_code = ? "
                + "AND jar_sha256 = ? AND module_id = ? FETCH FIRST 1 ROWS ONLY");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO module_outputs (province_code, jar_sha256, module_id, code) VALUES (?, ?, ?, ?)")) {
            for (NodeModule module : modules) {
                if (module.produces().isEmpty()) {
                    continue;
                }
                known.setString(1, provinceCode);
                known.setString(2, module.jarSha256());
                known.setString(3, module.moduleId());
                try (ResultSet rows = known.executeQuery()) {
                    if (rows.next()) {
                        continue;
                    }
                }
                insert.setString(1, provinceCode);
                insert.setString(2, module.jarSha256());
                insert.setString(3, module.moduleId());
                for (String code : module.produces()) {
                    insert.setString(4, code);
                    try {
                        insert.executeUpdate();
                    } catch (SQLIntegrityConstraintViolationException alreadyThere) {
                        // another node's inventory of the same jar, committed meanwhile: Derby undoes this statement
                        // only, and the row is the one this would have written
                    }
                }
            }
        }
    }

    /**
     * @param connection a transaction that reads node_modules
     * @return the outputs kept of every module a node runs now, as that node said them, by
     *     {@code List.of(provinceCode, jarSha256, moduleId)}, each list by code
     */
    static Map<List<String>, List<String>> ofRunning(Connection connection) throws SQLException {
        Map<List<String>, List<String>> outputs = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT o.province_code, o.jar_sha256, o.module_id, "
                + "o.code FROM module_outputs o WHERE EXISTS (SELECT 1 FROM node_modules m WHERE m.province_code = "
                + "o.province_code AND m.jar_sha256 = o.jar_sha256 AND m.module_id = o.module_id) "
                + "ORDER BY o.province_code, o.jar_sha256, o.module_id, o.code");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                outputs.computeIfAbsent(List.of(rows.getString(1), rows.getString(2), rows.getString(3)),
                        key -> new ArrayList<>()).add(rows.getString(4));
            }
        }
        return outputs;
    }

    /**
     * One indexed look-up per module asked about.
     *
     * @param connection   a transaction
     * @param provinceCode the province whose node's word counts (the one that filed the report)
     * @param modules      modules as a report names them
     * @return every module asked about, in the order given, with the codes its jar produces by code (empty when
     *     that province's node did not say)
     */
    static Map<ModuleProvenance, Set<String>> of(Connection connection, String provinceCode,
                                                  Collection<ModuleProvenance> modules) throws SQLException {
        Map<ModuleProvenance, Set<String>> outputs = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT code FROM module_outputs "
                + "WHERE province_code = ? AND jar_sha256 = ? AND module_id = ? ORDER BY code")) {
            for (ModuleProvenance module : modules) {
                if (outputs.containsKey(module)) {
                    continue;
                }
                select.setString(1, provinceCode);
                select.setString(2, module.jarSha256());
                select.setString(3, module.moduleId());
                Set<String> codes = new LinkedHashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        codes.add(rows.getString(1));
                    }
                }
                outputs.put(module, Collections.unmodifiableSet(codes));
            }
        }
        return Collections.unmodifiableMap(outputs);
    }
}
