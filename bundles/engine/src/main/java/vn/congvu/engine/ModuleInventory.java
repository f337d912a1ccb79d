package vn.congvu.engine;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import vn.congvu.api.Province;

/** What rule modules this province node runs. */
@ProviderType
public interface ModuleInventory {

    /** @return the node's province */
    Province province();

    /** @return the modules the node evaluates for its province (its own and the national ones), by id */
    List<InstalledModuleInfo> modules();
}
