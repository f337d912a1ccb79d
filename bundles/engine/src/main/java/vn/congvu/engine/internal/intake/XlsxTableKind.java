package vn.congvu.engine.internal.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import vn.congvu.engine.internal.intake.XlsxTableGuard.Refused;

import static vn.congvu.engine.internal.intake.XlsxTableGuard.unreadable;

/**
 * Tells, from its first bytes, what a file given as xlsx is when it is not one, and how the operator makes it one:
 * an old binary .xls (or an xlsx with a password, which Excel also stores in that format), Excel's XML or HTML
 * exports, anything else that is not a zip archive.
 */
final class XlsxTableKind {

    /** The OLE2 compound file's signature: Excel 97-2003 files, and encrypted Office Open XML files. */
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private XlsxTableKind() {
    }

    /**
     * @param file the file
     * @param size its size
     * @throws Refused     when it is no zip archive, so no xlsx
     * @throws IOException when it cannot be read
     */
    static void check(Path file, long size) throws IOException, Refused {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            in.readNBytes(head, 0, head.length);
        }
        String start = new String(head, StandardCharsets.ISO_8859_1).replaceFirst("^(\u00EF\u00BB\u00BF)?\\s*", "");
        if (size == 0) {
            throw unreadable("tệp rỗng (0 byte), không phải tệp xlsx", "the file is empty (0 bytes), not an xlsx");
        } else if (Arrays.equals(head, OLE2)) {
            throw unreadable("đây là tệp Excel 97-2003 (.xls) hoặc tệp xlsx có mật khẩu, không đọc được; trong Excel hãy"
                    + " gỡ mật khẩu (nếu có) rồi lưu thành .xlsx hoặc CSV UTF-8", "this is an old Excel 97-2003 file"
                    + " (.xls) or an xlsx protected by a password, which cannot be read; in Excel, remove any password"
                    + " and save it as .xlsx or CSV UTF-8");
        } else if (start.startsWith("<")) {
            throw unreadable("đây là tệp văn bản XML hay HTML (như 'XML Spreadsheet 2003' hay 'Web Page' của Excel),"
                    + " không phải tệp xlsx; trong Excel hãy lưu thành .xlsx hoặc CSV UTF-8", "this is an XML or HTML"
                    + " text file (such as Excel's 'XML Spreadsheet 2003' or 'Web Page'), not an xlsx; in Excel, save it"
                    + " as .xlsx or CSV UTF-8");
        } else if (head[0] != 'P' || head[1] != 'K') {
            throw unreadable("không phải tệp xlsx: tệp xlsx là một gói zip, còn tệp này không bắt đầu như gói zip (tệp"
                    + " loại khác bị đổi tên, hoặc tệp hỏng)", "not an xlsx file: an xlsx is a zip archive, and this"
                    + " file does not begin like one (another kind of file renamed, or a damaged file)");
        }
    }
}
