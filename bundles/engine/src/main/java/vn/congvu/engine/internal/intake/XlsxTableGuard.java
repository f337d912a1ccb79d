package vn.congvu.engine.internal.intake;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Looks through a file before fastexcel-reader opens it, and refuses one that is not an xlsx ({@link XlsxTableKind})
 * or whose reading would not be bounded. fastexcel-reader streams a sheet's rows, but holds some things whole (see
 * {@link XlsxTablePart}); here the file, its zip directory, each part uncompressed, each tag or text, and what
 * fastexcel-reader keeps of all parts are bounded. Every part is read with the same zip library and XML parser as
 * fastexcel-reader, so a file cannot show one thing here and another there; a part that is not XML stops that
 * parser at once, here and there alike.
 */
final class XlsxTableGuard {

    static final long MAX_FILE_BYTES = 100L << 20;
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_PART_BYTES = 512L << 20;
    static final long MAX_TOTAL_BYTES = 1L << 30;
    /** Excel's longest text (32,767 characters) is under 100 KB; aalto holds a whole tag or text at once. */
    static final int MAX_TOKEN_BYTES = 1 << 20;
    /** Estimated heap of what fastexcel-reader keeps whole: shared strings, formulas, relationships, formats. */
    static final long MAX_KEPT_BYTES = 128L << 20;
    private static final XMLInputFactory XML = new InputFactoryImpl();
    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE); // as fastexcel-reader configures its own
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    }

    /** Why a file is refused: the sink's rule, and what the operator reads. */
    static final class Refused extends Exception {
        final String rule, vi, en;

        Refused(String rule, String vi, String en) {
            super(en, null, false, false);
            this.rule = rule;
            this.vi = vi;
            this.en = en;
        }
    }

    static Refused unreadable(String vi, String en) {
        return new Refused(XlsxTable.UNREADABLE, vi, en);
    }

    static Refused tooLarge(String vi, String en) {
        return new Refused(XlsxTable.TOO_LARGE, vi + "; hãy chia nhỏ tệp, hoặc lưu thành CSV UTF-8",
                en + "; split the file, or save it as CSV UTF-8");
    }

    private long total, kept, sharedStrings, highestSharedString = -1;
    /** Set where the bytes of a part went past a limit, deep inside the parser, which wraps what it is thrown. */
    private Refused refused;

    private XlsxTableGuard() {
    }

    /**
     * @param file the file
     * @throws Refused     when it is not an xlsx, or reading it would not be bounded
     * @throws IOException when the file cannot be read at all
     */
    static void check(Path file) throws IOException, Refused {
        long size = Files.size(file);
        XlsxTableKind.check(file, size);
        if (size > MAX_FILE_BYTES) {
            throw tooLarge("tệp lớn hơn " + (MAX_FILE_BYTES >> 20) + " MB, giới hạn của một tệp xlsx",
                    "the file is over " + (MAX_FILE_BYTES >> 20) + " MB, the limit for an xlsx");
        }
        if (directoryRecords(file) > MAX_ENTRIES) { // commons-compress keeps every record before anyone can count them
            throw tooLarge("gói zip của tệp có hơn " + MAX_ENTRIES + " mục", "its zip archive has more than " + MAX_ENTRIES
                    + " entries");
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(file).get();
        } catch (IOException e) {
            throw unreadable("tệp xlsx bị hỏng: không đọc được gói zip của nó (" + XlsxTable.detail(e) + ")",
                    "the xlsx file is damaged: its zip archive cannot be read (" + XlsxTable.detail(e) + ")");
        }
        try (zip) {
            if (Collections.list(zip.getEntries()).stream().noneMatch(e -> e.getName().equalsIgnoreCase("[Content_Types].xml"))) {
                throw unreadable("là gói zip nhưng không phải sổ làm việc Excel (không có [Content_Types].xml; có thể là tệp "
                        + ".ods hay .zip bị đổi tên); hãy mở trong Excel rồi lưu thành .xlsx", "a zip archive but not an"
                        + " Excel workbook (it has no [Content_Types].xml: an .ods or a .zip renamed?); open it in Excel and"
                        + " save it as .xlsx");
            }
            XlsxTableGuard guard = new XlsxTableGuard();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                guard.checkPart(zip, entry);
            }
            guard.keep(64 * Math.max(0, guard.highestSharedString + 1 - guard.sharedStrings)); // the padding, an empty string each
        }
    }

    private static long directoryRecords(Path file) throws IOException {
        long count = 0;
        int last4 = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                last4 = last4 << 8 | b;
                count += last4 == 0x504B0102 ? 1 : 0; // "PK\1\2" begins each record of the zip's directory
            }
        }
        return count;
    }

    private void checkPart(ZipFile zip, ZipArchiveEntry entry) throws Refused {
        String part = entry.getName().length() > 100 ? entry.getName().substring(0, 100) + "…" : entry.getName();
        try (InputStream in = new Measured(zip.getInputStream(entry), part)) {
            new XlsxTablePart(part, this).walk(XML.createXMLStreamReader(in));
        } catch (IOException | XMLStreamException | RuntimeException e) {
            if (refused != null) {
                throw refused;
            } // not XML, broken XML or an unknown compression: fastexcel-reader stops there too, if it reads this part
        }
    }

    /** Counts a shared string, which fastexcel-reader keeps once a cell names it or a later one. */
    void sharedString() throws Refused {
        sharedStrings++;
        keep(64);
    }

    /** @param index a shared string's number, as a cell names it */
    void sharedStringUsed(long index) {
        highestSharedString = Math.max(highestSharedString, index);
    }

    /** Counts what fastexcel-reader would keep whole, across all parts. */
    void keep(long bytes) throws Refused {
        if ((kept += bytes) > MAX_KEPT_BYTES) {
            throw tooLarge("tệp chứa quá nhiều chuỗi dùng chung, công thức và định dạng để đọc an toàn (cần hơn "
                    + (MAX_KEPT_BYTES >> 20) + " MB bộ nhớ)", "the file holds more shared text, formulas and formats"
                    + " than can be read safely (over " + (MAX_KEPT_BYTES >> 20) + " MB of memory)");
        }
    }

    /** Counts a part's bytes uncompressed, and those since the last '<': the longest tag or text aalto holds. */
    private final class Measured extends FilterInputStream {
        private final String part;
        private long bytes, sinceTag;

        Measured(InputStream in, String part) {
            super(in);
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = off; i < off + n; i++) {
                sinceTag = b[i] == '<' ? 0 : sinceTag + 1;
                if (sinceTag > MAX_TOKEN_BYTES) {
                    refuse(unreadable("phần '" + part + "' của tệp có một thẻ hay đoạn văn bản dài hơn 1 MB, điều Excel "
                            + "không bao giờ ghi", "its part '" + part + "' has a tag or text over 1 MB long, which Excel"
                            + " never writes"));
                }
            }
            bytes += Math.max(n, 0);
            total += Math.max(n, 0);
            if (bytes > MAX_PART_BYTES) {
                refuse(tooLarge("phần '" + part + "' của tệp khi giải nén lớn hơn " + (MAX_PART_BYTES >> 20) + " MB (giới"
                        + " hạn)", "its part '" + part + "' is over " + (MAX_PART_BYTES >> 20) + " MB uncompressed (the limit)"));
            } else if (total > MAX_TOTAL_BYTES) {
                refuse(tooLarge("các phần của tệp khi giải nén lớn hơn " + (MAX_TOTAL_BYTES >> 20) + " MB (giới hạn)",
                        "its parts are over " + (MAX_TOTAL_BYTES >> 20) + " MB uncompressed (the limit)"));
            }
            return n;
        }

        private void refuse(Refused why) throws IOException {
            refused = why;
            throw new IOException(why.en);
        }
    }
}
