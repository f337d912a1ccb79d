package vn.congvu.engine.internal.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The text encoding of a CSV or JSON file: UTF-8 unless the operator names another. A file that is not UTF-8
 * is refused with what it probably is (UTF-16 as Excel's "Unicode Text" saves, or windows-1258 as Excel's
 * "CSV" saves on a Vietnamese Windows) and the exact commands that convert it, or import it as it is.
 */
public final class TextEncoding {

    /** Why a file is not UTF-8, in both languages. */
    public record NotUtf8(String messageVi, String messageEn) {
    }

    private static final int SAMPLE_BYTES = 1 << 16;

    private TextEncoding() {
    }

    /**
     * @param in      the file's bytes
     * @param charset its encoding
     * @return a reader that refuses (with an {@link java.nio.charset.CharacterCodingException}) a byte not of it
     */
    public static Reader reader(InputStream in, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    /**
     * Looks at the start of a file meant to be UTF-8.
     *
     * @param file       the file
     * @param recordType its record type, for the command to give
     * @return why it is not UTF-8, if its start shows it
     * @throws IOException if it cannot be read
     */
    public static Optional<NotUtf8> checkStart(Path file, String recordType) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE_BYTES);
        }
        boolean utf16 = utf16(sample).isPresent();
        long invalid = utf16 ? 0 : firstInvalidUtf8(sample, sample.length == SAMPLE_BYTES);
        return utf16 || invalid >= 0 ? Optional.of(notUtf8(file, recordType, sample, Math.max(0, invalid))) : Optional.empty();
    }

    /**
     * Says why a file that failed to decode as UTF-8 is not UTF-8, reading it again to find where.
     *
     * @param file       the file
     * @param recordType its record type, for the command to give
     * @return why
     * @throws IOException if it cannot be read
     */
    public static NotUtf8 explain(Path file, String recordType) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.allocate(SAMPLE_BYTES);
        CharBuffer out = CharBuffer.allocate(SAMPLE_BYTES);
        long consumed = 0;
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            while (true) {
                int read = channel.read(in);
                in.flip();
                CoderResult result = decoder.decode(in, out, read < 0);
                if (result.isError() || read < 0) {
                    long offset = consumed + in.position();
                    byte[] rest = new byte[in.remaining()];
                    in.get(rest);
                    return notUtf8(file, recordType, rest, offset);
                }
                consumed += in.position();
                in.compact();
                out.clear();
            }
        }
    }

    private static NotUtf8 notUtf8(Path file, String recordType, byte[] sample, long offset) {
        String guess = utf16(sample).orElse("windows-1258");
        String name = file.getFileName().toString();
        String converted = name.replaceFirst("(\\.[^.]*)?$", "-utf8$1");
        String iconv = "iconv -f " + guess.toUpperCase(java.util.Locale.ROOT) + " -t UTF-8 " + quoted(name) + " > " + quoted(converted);
        String intake = "congvu:intake " + recordType + " " + quoted(file.toString()) + " encoding=" + guess;
        String what = guess.startsWith("UTF-16") ? "UTF-16 (Excel's \"Unicode Text\")"
                : "windows-1258 (Excel's \"CSV\" on a Vietnamese Windows)";
        String whatVi = guess.startsWith("UTF-16") ? "UTF-16 (\"Unicode Text\" của Excel)"
                : "windows-1258 (\"CSV\" của Excel trên Windows tiếng Việt)";
        return new NotUtf8("tệp không phải UTF-8 (từ byte " + offset + "); có lẽ là " + whatVi + ". Hãy chuyển sang UTF-8: "
                + iconv + " (hoặc trong Excel: Lưu thành > CSV UTF-8), hoặc nhập kèm mã hóa: " + intake,
                "the file is not UTF-8 (from byte " + offset + " on); it is probably " + what + ". Convert it to UTF-8: "
                        + iconv + " (or in Excel: Save As > CSV UTF-8), or import it naming its encoding: " + intake);
    }

    /** As a shell reads it: in single quotes, a quote in the name closed, escaped and opened again. */
    static String quoted(String name) {
        return "'" + name.replace("'", "'\\''") + "'";
    }

    /** UTF-16 by its byte-order mark, or by the zero bytes that Latin letters leave in it. */
    static Optional<String> utf16(byte[] sample) {
        if (sample.length >= 2 && (sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE) {
            return Optional.of("UTF-16LE");
        }
        if (sample.length >= 2 && (sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF) {
            return Optional.of("UTF-16BE");
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < sample.length; i++) {
            if (sample[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        int pairs = sample.length / 2;
        return oddZeros > pairs / 4 ? Optional.of("UTF-16LE") : evenZeros > pairs / 4 ? Optional.of("UTF-16BE") : Optional.empty();
    }

    /**
     * @param bytes     some bytes of a file
     * @param truncated whether the file goes on after them (a character cut at the end is not an error)
     * @return the offset of the first byte that is not UTF-8, or -1
     */
    static long firstInvalidUtf8(byte[] bytes, boolean truncated) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, !truncated);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }
}
