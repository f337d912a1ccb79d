package vn.congvu.ministry.internal.views;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.congvu.api.Geography;
import vn.congvu.api.format.VietnameseNumbers;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Column;
import vn.congvu.ministry.view.Formats;
import vn.congvu.ministry.view.Table;
import vn.congvu.store.NodeCertificate;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.NodeModule;

/**
 * The fleet: every unit in force today and every node that reported, which rule module versions each runs and who
 * signed them, when the ministry last heard from it, its certificate's expiry; a node not heard from for longer
 * than the silence limit, or never, is marked.
 */
final class FleetTable {

    /** Certificates ending within this many days are flagged, as the nodes themselves warn in their logs. */
    private static final int EXPIRY_WARNING_DAYS = 30;

    private FleetTable() {
    }

    static Table of(List<NodeInventory> inventories, List<NodeCertificate> certificates, Duration silence, Instant now) {
        Map<String, NodeInventory> nodes = new TreeMap<>();
        inventories.forEach(node -> nodes.put(node.provinceCode(), node));
        Map<String, NodeCertificate> certificateOf = new TreeMap<>();
        certificates.forEach(certificate -> certificateOf.put(certificate.provinceCode(), certificate));
        TreeSet<String> codes = new TreeSet<>(nodes.keySet());
        codes.addAll(certificateOf.keySet());
        Geography.official().unitsOn(LocalDate.ofInstant(now, vn.congvu.api.Period.ZONE)).forEach(unit -> codes.add(unit.code()));
        List<List<Cell>> rows = new ArrayList<>();
        for (String code : codes) {
            NodeInventory node = nodes.get(code);
            Cell province = Cell.of(Formats.unit(code)).linked("province/" + code);
            Cell heard = node == null ? Cell.of("—") : Cell.of(Formats.dateTime(node.lastSeen()));
            Cell state = state(node, silence, now);
            Cell certificate = certificate(certificateOf.get(code), now);
            List<NodeModule> modules = node == null || node.modules().isEmpty() ? List.of() : node.modules();
            if (modules.isEmpty()) {
                rows.add(List.of(province, heard, state, certificate, Cell.of("—"), Cell.EMPTY, Cell.EMPTY, Cell.EMPTY));
            }
            for (NodeModule module : modules) {
                rows.add(List.of(province, heard, state, certificate, Cell.of(module.moduleId()), Cell.of(module.version()),
                        Cell.of(signer(module.signer())), Cell.of(Formats.dateTime(module.since()))));
            }
        }
        return new Table("fleet", "Các nút tỉnh: mô-đun, phiên bản, liên lạc gần nhất (lúc " + Formats.dateTime(now) + ")",
                List.of(Column.text("province", "Tỉnh, thành phố"), Column.text("lastHeard", "Liên lạc gần nhất"),
                        Column.text("state", "Tình trạng"), Column.text("certificate", "Chứng thư"),
                        Column.text("module", "Mô-đun"), Column.text("version", "Phiên bản"),
                        Column.text("signer", "Ký bởi"), Column.text("since", "Chạy từ")), rows,
                List.of("Im lặng: không liên lạc quá " + VietnameseNumbers.count(silence.toMinutes()) + " phút (mỗi nút "
                        + "báo cáo mô-đun của mình mỗi phút một lần) / silent: not heard from for longer than that",
                        Formats.TIME_ZONE_NOTE));
    }

    private static Cell state(NodeInventory node, Duration silence, Instant now) {
        if (node == null) {
            return Cell.of("Chưa từng liên lạc").shown("silent");
        }
        Duration quiet = Duration.between(node.lastSeen(), now);
        if (quiet.compareTo(silence) > 0) {
            return Cell.of("IM LẶNG " + quietFor(quiet)).shown("silent");
        }
        return Cell.of("Hoạt động").shown("active");
    }

    private static String quietFor(Duration quiet) {
        if (quiet.toDays() > 0) {
            return VietnameseNumbers.count(quiet.toDays()) + " ngày";
        }
        return quiet.toHours() > 0 ? VietnameseNumbers.count(quiet.toHours()) + " giờ"
                : VietnameseNumbers.count(quiet.toMinutes()) + " phút";
    }

    private static Cell certificate(NodeCertificate certificate, Instant now) {
        if (certificate == null) {
            return Cell.of("chưa thấy");
        }
        String serial = certificate.serialHex().length() > 12 ? certificate.serialHex().substring(0, 12) + "…" : certificate.serialHex();
        String text = "hết hạn " + Formats.date(Formats.day(certificate.notAfter())) + " (số " + serial + ")";
        if (now.isAfter(certificate.notAfter())) {
            return Cell.of(text + " (ĐÃ HẾT HẠN)").shown("silent");
        }
        long days = Duration.between(now, certificate.notAfter()).toDays();
        return days <= EXPIRY_WARNING_DAYS ? Cell.of(text + " (CÒN " + days + " NGÀY)").shown("late") : Cell.of(text);
    }

    /** @return who signed a module's jar, as its node said, with the node's two plain answers in words */
    private static String signer(String signer) {
        return switch (signer) {
            case "" -> "(nút tỉnh không cho biết)";
            case "unsigned" -> "KHÔNG KÝ (chế độ phát triển)";
            case "unknown" -> "không rõ (nút không tự cài gói này)";
            default -> commonName(signer);
        };
    }

    /** {@code CN=Sở Nội vụ Cao Bằng, O=..., C=VN (sha256 1a2b3c4d5e6f)} as {@code Sở Nội vụ Cao Bằng (sha256 1a2b3c4d5e6f)}. */
    private static String commonName(String signer) {
        int fingerprint = signer.lastIndexOf(" (sha256 ");
        String name = fingerprint < 0 ? signer : signer.substring(0, fingerprint);
        java.util.regex.Matcher common = java.util.regex.Pattern.compile("CN=((?:\\\\,|[^,])*)").matcher(name);
        return (common.find() ? common.group(1).replace("\\,", ",").trim() : name)
                + (fingerprint < 0 ? "" : signer.substring(fingerprint));
    }
}
