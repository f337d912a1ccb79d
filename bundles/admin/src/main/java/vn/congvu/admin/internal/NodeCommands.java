package vn.congvu.admin.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import vn.congvu.backup.DatabaseBackup;

/**
 * Commands about the node itself, on a province node and on the ministry alike. A command that fails
 * throws, so that {@code congvu exec} ends with a non-zero exit code.
 */
@Component(service = NodeCommands.class, property = {
        "osgi.command.scope=congvu", "osgi.command.function=backup"})
public class NodeCommands {

    /** The launcher's system property naming the node home. */
    static final String HOME_PROPERTY = "congvu.home";

    private final List<DatabaseBackup> stores;

    /**
     * @param stores the node's running databases (one on a real node); greedy, so that a store that starts
     *               later is backed up too
     */
    @Activate
    public NodeCommands(@Reference(cardinality = ReferenceCardinality.MULTIPLE,
            policyOption = ReferencePolicyOption.GREEDY) List<DatabaseBackup> stores) {
        this.stores = List.copyOf(stores);
    }

    /**
     * {@code congvu:backup /var/backups/congvu}: backs up this running node into a new dated folder.
     *
     * @param folder where backups are kept
     * @return what was written
     */
    @Descriptor("backs up this node while it runs (database, etc/, deploy/, data/modules/) into a new dated "
            + "folder under FOLDER; restore with 'bin/congvu restore BACKUP NEW_HOME'")
    public String backup(@Descriptor("the folder where backups are kept (made if missing)") String folder) {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("the node home is unknown (" + HOME_PROPERTY
                    + " is not set): start the node with bin/congvu");
        }
        return new HomeBackup(Path.of(home), stores, Clock.systemUTC()).writeInto(Path.of(folder));
    }
}
