package vn.congvu.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How far long work is.
 *
 * @param task      what the work is, such as {@code importing dossier-2022.csv}
 * @param records   records done so far
 * @param bytes     bytes read so far; 0 when the work does not read a file
 * @param total     the whole work's size in its unit: bytes for a file read as text, records otherwise; 0 when
 *                  unknown
 * @param elapsed   time since the work began
 */
public record Progress(String task, long records, long bytes, long total, Duration elapsed) {

    /** @return records per second so far */
    public double recordsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : records / seconds;
    }

    /** @return the share done, from 0 to 1, when the total is known */
    public Optional<Double> fraction() {
        long done = bytes > 0 ? bytes : records;
        return total <= 0 ? Optional.empty() : Optional.of(Math.min(1.0, (double) done / total));
    }

    /** @return the time left at the rate so far, when the total is known and some work is done */
    public Optional<Duration> remaining() {
        return fraction().filter(done -> done > 0).map(done -> Duration.ofMillis(
                Math.round(elapsed.toMillis() * (1 - done) / done)));
    }

    /**
     * @return one line for a person, such as
     *     {@code importing dossier.csv: 1.200.000 bản ghi / records, 96,0 of 800,0 MB (12%), 61.000 bản ghi/s, còn / left ~ 1 min 50 s}
     */
    public String line() {
        Locale vietnamese = Locale.forLanguageTag("vi-VN");
        StringBuilder line = new StringBuilder(task).append(": ")
                .append(String.format(vietnamese, "%,d bản ghi / records", records));
        if (bytes > 0) {
            line.append(String.format(vietnamese, ", %,.1f", bytes / 1e6));
            if (total > 0) {
                line.append(String.format(vietnamese, " / %,.1f", total / 1e6));
            }
            line.append(" MB");
        } else if (total > 0) {
            line.append(String.format(vietnamese, " / %,d", total));
        }
        fraction().ifPresent(done -> line.append(String.format(vietnamese, " (%.0f%%)", done * 100)));
        line.append(String.format(vietnamese, ", %,.0f bản ghi/s (records/s)", recordsPerSecond()));
        remaining().ifPresent(left -> line.append(", còn / left ~ ").append(human(left)));
        return line.toString();
    }

    private static String human(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? seconds / 3600 + " h " + seconds % 3600 / 60 + " min"
                : seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }
}
