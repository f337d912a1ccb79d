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

    /** @return whether the file's records are stored */
    public boolean accepted() {
        return errors.isEmpty();
    }
}
