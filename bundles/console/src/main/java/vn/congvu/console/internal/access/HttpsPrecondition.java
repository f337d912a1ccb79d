package vn.congvu.console.internal.access;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Fails, with the launcher's reason, when the node was started with the console's settings but without its HTTPS
 * listener (key or certificate missing or unreadable): the node's health then names the reason (etc/vn.congvu.console.cfg:
 * ...) instead of the console silently answering nowhere. The launcher sets the reason as the framework property
 * {@value #PROBLEM}.
 */
@Component(service = HttpsPrecondition.class, immediate = true, configurationPid = ConsoleConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class HttpsPrecondition {

    /** Framework property: why the launcher could not serve the console over HTTPS; absent when it does. */
    public static final String PROBLEM = "congvu.console.https.problem";

    /**
     * @param context for the launcher's framework properties
     * @throws IllegalStateException with the reason, if the console is not served over HTTPS
     */
    @Activate
    public HttpsPrecondition(BundleContext context) {
        String problem = context.getProperty(PROBLEM);
        if (problem != null && !problem.isBlank()) {
            throw new IllegalStateException("the console is not served over HTTPS: " + problem);
        }
    }
}
