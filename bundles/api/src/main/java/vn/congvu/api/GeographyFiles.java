package vn.congvu.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Reads the geography's data files, shipped inside this bundle; a damaged file fails loudly, naming its line. */
final class GeographyFiles {

    private GeographyFiles() {
    }

    static List<ProvincialUnit> units() {
        return read("provincial-units.tsv", 6, fields -> new ProvincialUnit(fields[0], fields[4],
                UnitKind.valueOf(fields[3].toUpperCase(Locale.ROOT)), date(fields[1]), date(fields[2]), fields[5]));
    }

    static List<Merger> mergers() {
        return read("provincial-mergers.tsv", 4, fields -> new Merger(fields[0], fields[1], LocalDate.parse(fields[2]), fields[3]));
    }

    private static LocalDate date(String text) {
        return text.isEmpty() ? null : LocalDate.parse(text);
    }

    private static <T> List<T> read(String file, int columns, Function<String[], T> row) {
        try (InputStream in = GeographyFiles.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the api bundle lacks its data file " + file);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<T> rows = new ArrayList<>();
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException(file + " line " + number + ": " + fields.length + " columns, not " + columns);
                }
                try {
                    rows.add(row.apply(fields));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(file + " line " + number + ": " + e.getMessage(), e);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
