package vn.congvu.engine;

import java.util.List;
import vn.congvu.api.Problem;

/**
 * What importing a record file did: its records stored, or the whole file refused with every error.
 *
 * @param file            the file, as named by the operator
 * @param recordType      the record type it holds
 * @param records         how many records it holds (0 when refused)
 * @param alreadyImported true when the same file had been imported before: nothing changed
 * @param errors          every error found (file, line, field, why); empty when imported
 */
public record ImportResult(String file, String recordType, int records, boolean alreadyImported, List<Problem> errors) {

    /** Copies the errors. */
    public ImportResult {
        errors = List.copyOf(errors);
    }

    /** The rule of the problem given when the file changed while it was read: nothing stored, try again later. */
    public static final String CHANGED_WHILE_READ = "file.changed_while_read";
    /** The rule of the problem given when the import was cancelled: nothing stored. */
    public static final String CANCELLED = "import.cancelled";

    /** @return whether the file changed while it was read (it is still being written): nothing was stored */
    public boolean changedWhileRead() {
        return errors.stream().anyMatch(problem -> CHANGED_WHILE_READ.equals(problem.rule()));
    }

    /** @return whether the import was cancelled: nothing was stored */
    public boolean cancelled() {
        return errors.stream().anyMatch(problem -> CANCELLED.equals(problem.rule()));
    }

    /** @return whether the file's records are stored */
    public boolean accepted() {
        return errors.isEmpty();
    }
}
