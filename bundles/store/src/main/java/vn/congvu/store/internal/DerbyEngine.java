package vn.congvu.store.internal;

import java.sql.SQLException;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Derby engine embedded in this bundle. The stores depend on it, so it is deactivated after they
 * have closed their databases; it then shuts the whole engine down, so that stopping or refreshing the
 * bundle leaves no Derby thread or class loader behind.
 */
@Component(service = DerbyEngine.class)
public class DerbyEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DerbyEngine.class);

    /** Shuts the engine down. */
    @Deactivate
    void shutdown() {
        EmbeddedDataSource engine = new EmbeddedDataSource();
        engine.setShutdownDatabase("shutdown");
        try {
            engine.getConnection().close();
        } catch (SQLException e) {
            // Derby reports a clean engine shutdown as SQLState XJ015
            if (!"XJ015".equals(e.getSQLState())) {
                LOG.warn("The Derby engine did not shut down cleanly", e);
            }
        }
    }
}
