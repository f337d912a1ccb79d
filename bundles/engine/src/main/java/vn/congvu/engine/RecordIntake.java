package vn.congvu.engine;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/** Imports a province's record files into the node's store. */
@ProviderType
public interface RecordIntake {

    /**
     * Imports one record file of one record type, in UTF-8, from its first visible sheet, watched by no one.
     *
     * @param file       the file
     * @param recordType the record type it holds, such as {@code dossier}
     * @return what the import did
     * @see #importFile(Path, String, ImportOptions, WorkWatcher)
     */
    default ImportResult importFile(Path file, String recordType) {
        return importFile(file, recordType, ImportOptions.DEFAULT, WorkWatcher.NONE);
    }

    /**
     * Imports one record file of one record type: CSV (a header row naming the fields, separated by ",", ";"
     * or a tab), JSON (an array of objects; the name ends in {@code .json}) or a spreadsheet ({@code .xlsx}).
     * Columns are named by the fields' English names or their Vietnamese names; dates are yyyy-MM-dd or
     * dd/MM/yyyy. A file with any error is refused whole, with every error listed by line (or sheet and cell);
     * importing the same file again changes nothing. The file is read once; if it changed while it was read,
     * or the import is cancelled, nothing of it is stored.
     *
     * @param file       the file
     * @param recordType the record type it holds, such as {@code dossier}
     * @param options    its encoding (when not UTF-8) and sheet
     * @param watcher    shown the progress, and asked whether to stop
     * @return what the import did
     */
    ImportResult importFile(Path file, String recordType, ImportOptions options, WorkWatcher watcher);
}
