package vn.congvu.engine;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/** Imports a province's record files into the node's store. */
@ProviderType
public interface RecordIntake {

    /**
     * Imports one CSV file of one record type (UTF-8, a header row naming the fields). A file with any
     * error is refused whole, with every error listed; importing the same file again changes nothing.
     *
     * @param file       the file
     * @param recordType the record type it holds, such as {@code dossier}
     * @return what the import did
     */
    ImportResult importFile(Path file, String recordType);
}
