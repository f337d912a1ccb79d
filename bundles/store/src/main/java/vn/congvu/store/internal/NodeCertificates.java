package vn.congvu.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import vn.congvu.store.NodeCertificate;

/** The certificates province nodes presented: the SQL of the ministry's node_certificates table. */
final class NodeCertificates {

    private final Database database;

    NodeCertificates(Database database) {
        this.database = database;
    }

    /**
     * Records that a node now calls with this certificate: a new row the first time, its switch time after.
     *
     * @return whether the certificate was new
     */
    boolean record(NodeCertificate certificate) {
        return database.inTransaction("recording a certificate of province " + certificate.provinceCode(), connection -> {
            try (PreparedStatement known = connection.prepareStatement(
                    "UPDATE node_certificates SET switched_to = ? WHERE province_code = ? AND serial_hex = ?")) {
                known.setTimestamp(1, Timestamp.from(certificate.switchedTo()));
                known.setString(2, certificate.provinceCode());
                known.setString(3, certificate.serialHex());
                if (known.executeUpdate() > 0) {
                    return false;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO node_certificates "
                    + "(province_code, serial_hex, subject, not_after, first_seen, switched_to) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, certificate.provinceCode());
                insert.setString(2, certificate.serialHex());
                String subject = certificate.subject();
                insert.setString(3, subject.length() > 1000 ? subject.substring(0, 1000) : subject);
                insert.setTimestamp(4, Timestamp.from(certificate.notAfter()));
                insert.setTimestamp(5, Timestamp.from(certificate.firstSeen()));
                insert.setTimestamp(6, Timestamp.from(certificate.switchedTo()));
                insert.executeUpdate();
            }
            return true;
        });
    }

    /** @return the certificate each province called with most recently, by province */
    List<NodeCertificate> latest() {
        return database.inTransaction("reading node certificates", connection -> {
            List<NodeCertificate> latest = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT c.province_code, c.serial_hex, c.subject, c.not_after, "
                         + "c.first_seen, c.switched_to FROM node_certificates c WHERE c.switched_to = (SELECT MAX(d.switched_to) "
                         + "FROM node_certificates d WHERE d.province_code = c.province_code) ORDER BY c.province_code")) {
                String previous = null;
                while (rows.next()) {
                    if (rows.getString(1).equals(previous)) {
                        continue; // two certificates switched to in the same instant: one is enough
                    }
                    previous = rows.getString(1);
                    latest.add(new NodeCertificate(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), rows.getTimestamp(5).toInstant(), rows.getTimestamp(6).toInstant()));
                }
            }
            return latest;
        });
    }
}
