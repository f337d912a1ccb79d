package vn.congvu.engine.internal.intake;

import java.util.ArrayList;
import java.util.List;
import vn.congvu.api.Problem;

/**
 * Every error of one file, each naming its line (or sheet and cell) and field, in Vietnamese and English; past
 * {@value #MAX_LISTED} only counted, since a file that bad is fixed at its source, not line by line.
 */
public final class IntakeErrors {

    /** Past this many errors a file is hopeless; listing a million more helps nobody. */
    public static final int MAX_LISTED = 1_000;

    private final String fileName;
    private final List<Problem> listed = new ArrayList<>();
    private long count;

    /** @param fileName the file, as the operator named it */
    public IntakeErrors(String fileName) {
        this.fileName = fileName;
    }

    /**
     * @param where     the line or row
     * @param column    the value's column from 0, or -1 for the whole line
     * @param field     the field, or null
     * @param rule      the error's code
     * @param messageVi what is wrong, in Vietnamese
     * @param messageEn what is wrong, in English
     */
    public void add(Location where, int column, String field, String rule, String messageVi, String messageEn) {
        count++;
        if (listed.size() < MAX_LISTED) {
            String place = where.sheet() == null ? Long.toString(where.line())
                    : where.sheet() + "!" + (column < 0 ? Long.toString(where.line()) : where.cell(column));
            listed.add(Problem.permanent(fileName + ":" + place + (field == null ? "" : " " + field), rule,
                    where.vi(column) + (field == null ? "" : ", trường " + field) + ": " + messageVi,
                    where.en(column) + (field == null ? "" : ", field " + field) + ": " + messageEn));
        }
    }

    /** @return how many errors so far */
    public long count() {
        return count;
    }

    /** @return the errors listed, and a last one counting those past {@value #MAX_LISTED} */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(listed);
        if (count > MAX_LISTED) {
            all.add(Problem.permanent(fileName, "file.too_many_errors", "và " + (count - MAX_LISTED) + " lỗi khác",
                    "and " + (count - MAX_LISTED) + " more errors"));
        }
        return List.copyOf(all);
    }
}
