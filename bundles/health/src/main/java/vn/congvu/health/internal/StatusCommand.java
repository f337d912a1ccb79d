package vn.congvu.health.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.health.NodeHealth;
import vn.congvu.health.Problem;
import vn.congvu.health.Readiness;

/** {@code congvu:status}: whether the node is ready, and if not, one line per problem. */
@Component(service = StatusCommand.class, property = {"osgi.command.scope=congvu", "osgi.command.function=status"})
public class StatusCommand {

    private final NodeHealth health;

    /** @param health the node's readiness */
    @Activate
    public StatusCommand(@Reference NodeHealth health) {
        this.health = health;
    }

    /**
     * @return "ready"
     * @throws IllegalStateException listing every problem, so that the command fails (exit code 1 in exec)
     */
    @Descriptor("says whether this node does everything its settings ask; if not, one line per problem (file and key, why)")
    public String status() {
        Readiness readiness = health.readiness();
        if (readiness.ready()) {
            return "ready";
        }
        StringBuilder text = new StringBuilder("not ready:");
        for (Problem problem : readiness.problems()) {
            text.append("\n  ").append(problem.line());
        }
        throw new IllegalStateException(text.toString());
    }
}
