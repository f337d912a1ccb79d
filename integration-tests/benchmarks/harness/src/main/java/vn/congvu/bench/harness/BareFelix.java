package vn.congvu.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * The start-up baseline: a JVM that starts an empty Felix framework and says "ready". A node does this
 * and then starts its bundles, opens its database and (on the ministry) its port.
 */
public final class BareFelix {

    private BareFelix() {
    }

    /**
     * @param args the framework's storage folder
     */
    public static void main(String[] args) throws Exception {
        Path storage = Files.createDirectories(Path.of(args[0]));
        Framework framework = new FrameworkFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        System.out.println("ready");
        System.out.flush();
        framework.stop();
        framework.waitForStop(10_000);
    }
}
