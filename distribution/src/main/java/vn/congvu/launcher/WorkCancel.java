package vn.congvu.launcher;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cancels the long work a control connection started (Ctrl-C, or the client gone), as HealthProbe asks for health. */
final class WorkCancel {

    private static final Logger LOG = LoggerFactory.getLogger(WorkCancel.class);

    private WorkCancel() {
    }

    /**
     * Cancels through the node's RunningWork service (a province's engine), called by reflection: it lives in a
     * bundle.
     *
     * @return how many pieces of work were cancelled
     */
    static int ownedBy(BundleContext context, String owner) {
        ServiceReference<?> reference = context.getServiceReference("vn.congvu.engine.RunningWork");
        if (reference == null) {
            return 0;
        }
        Object work = context.getService(reference);
        try {
            if (work != null) {
                int cancelled = (Integer) work.getClass().getMethod("cancelOwnedBy", String.class).invoke(work, owner);
                if (cancelled > 0) {
                    LOG.info("Cancelled {} piece(s) of work of {}", cancelled, owner);
                }
                return cancelled;
            }
        } catch (ReflectiveOperationException e) {
            LOG.warn("Could not cancel the work of {}: {}", owner, e.toString());
        } finally {
            context.ungetService(reference);
        }
        return 0;
    }
}
