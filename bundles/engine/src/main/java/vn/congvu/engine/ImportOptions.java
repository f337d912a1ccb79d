package vn.congvu.engine;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * How to read a record file beyond what its name says.
 *
 * @param encoding the text encoding of a CSV or JSON file that is not UTF-8, as the operator names it
 *                 ({@code windows-1258}, {@code UTF-16}); empty: UTF-8, and any other encoding is refused
 *                 with a guess of what it is
 * @param sheet    the sheet of a spreadsheet to read; empty: the first visible sheet
 */
public record ImportOptions(Optional<Charset> encoding, Optional<String> sheet) {

    /** UTF-8, the first visible sheet. */
    public static final ImportOptions DEFAULT = new ImportOptions(Optional.empty(), Optional.empty());

    /** A null option is taken as not given. */
    public ImportOptions {
        encoding = Optional.ofNullable(encoding).flatMap(given -> given);
        sheet = Optional.ofNullable(sheet).flatMap(given -> given);
    }

    /**
     * Reads the operator's options, each {@code name=value}: {@code encoding=windows-1258}, {@code sheet=Hồ sơ}.
     *
     * @param options the options, none or more
     * @return the options
     * @throws IllegalArgumentException naming an option that is unknown or an encoding this Java does not have
     */
    public static ImportOptions parse(String... options) {
        Optional<Charset> encoding = Optional.empty();
        Optional<String> sheet = Optional.empty();
        for (String option : options) {
            int equals = option.indexOf('=');
            String name = equals < 0 ? option : option.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : option.substring(equals + 1).trim();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("'" + option + "' is not an option: write encoding=NAME or sheet=NAME");
            }
            switch (name) {
                case "encoding" -> encoding = Optional.of(charset(value));
                case "sheet" -> sheet = Optional.of(value);
                default -> throw new IllegalArgumentException("'" + name + "' is not an option: write encoding=NAME or sheet=NAME");
            }
        }
        return new ImportOptions(encoding, sheet);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("encoding '" + name + "' is unknown to this Java; known ones include "
                    + "UTF-8, UTF-16, windows-1258, windows-1252, ISO-8859-1", e);
        }
    }
}
