package vn.congvu.engine;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import vn.congvu.api.Province;

/** What rule modules this province node runs. */
@ProviderType
public interface ModuleInventory {

    /** @return the node's province */
    Province province();

    /**
     * @return the modules the node evaluates for its province (its own and the national ones), by id;
     *         during a swap, both versions of the module, the new one serving
     */
    List<InstalledModuleInfo> modules();

    /**
     * @param bundleId a bundle's id
     * @return how many rule module services of that bundle the engine has bound, for any province: once
     *         this equals the number the bundle registers, every one of them serves
     */
    int boundFrom(long bundleId);

    /** @return a number that changes whenever a rule module is installed, updated or removed */
    long generation();

    /**
     * Waits until the modules change from the given generation, or the time is up.
     *
     * @param seen          the generation last seen
     * @param timeoutMillis how long to wait at most
     * @throws InterruptedException if the wait is interrupted
     */
    void awaitChange(long seen, long timeoutMillis) throws InterruptedException;
}
