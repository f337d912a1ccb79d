package vn.congvu.uplink.internal;

import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.engine.InstalledModuleInfo;
import vn.congvu.engine.ModuleInventory;
import vn.congvu.federation.v1.InstalledModule;
import vn.congvu.federation.v1.NodeServiceGrpc;
import vn.congvu.federation.v1.ReportInventoryRequest;
import vn.congvu.grpc.OwnedChannel;
import vn.congvu.proto.ReportMessages;

/**
 * Tells the ministry what this node runs: the inventory of rule modules is sent on start, within a few
 * seconds of any change (a module installed, updated or removed), and once a minute as a heartbeat;
 * never while the node shuts down. Uses the uplink's configuration.
 */
@Component(immediate = true, configurationPid = "vn.congvu.uplink", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class InventorySender {

    private static final Logger LOG = LoggerFactory.getLogger(InventorySender.class);
    /** The longest wait between two tries while the ministry cannot be reached. */
    private static final long MAX_RETRY_MILLIS = 10_000;

    private final UplinkSettings config;
    private final Bundle framework;
    private final ModuleInventory inventory;
    private final OwnedChannel channel;
    private final NodeServiceGrpc.NodeServiceBlockingStub ministry;
    private final Thread sender;
    private volatile boolean running = true;
    private long sentGeneration = -1;
    private long lastSentAt;
    private String lastTlsTrouble;

    /**
     * @param config     where the ministry is
     * @param context    this bundle's context, to tell when the node is shutting down
     * @param inventory  what the node runs
     * @param channels   the ministry's address and this node's certificate
     */
    @Activate
    public InventorySender(UplinkSettings config, BundleContext context, @Reference ModuleInventory inventory,
                           @Reference MinistryChannels channels) {
        this.config = config;
        this.framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        this.inventory = inventory;
        this.channel = channels.open();
        this.ministry = NodeServiceGrpc.newBlockingStub(channel.channel());
        this.sender = new Thread(this::loop, "congvu-inventory");
        sender.setDaemon(true);
        sender.start();
    }

    /** Stops reporting and closes the channel. */
    @Deactivate
    public void close() throws InterruptedException {
        running = false;
        sender.join(30_000);
        channel.close();
    }

    private void loop() {
        long retryMillis = config.inventory_check_millis();
        while (running) {
            long generation = inventory.generation();
            long now = System.nanoTime();
            // a node shutting down stops its rule bundles first: the ministry keeps what it last ran
            boolean stopping = framework.getState() == Bundle.STOPPING;
            boolean failed = false;
            if (!stopping && (generation != sentGeneration
                    || now - lastSentAt > TimeUnit.SECONDS.toNanos(config.heartbeat_seconds()))) {
                failed = !send(inventory.modules().stream().filter(InstalledModuleInfo::serving).toList(), generation, now);
            }
            // after a failure, wait longer each time (the ministry may be down for hours), unless the
            // modules change meanwhile; after a success, wait for the next change or heartbeat
            retryMillis = failed ? Math.min(retryMillis * 2, MAX_RETRY_MILLIS) : config.inventory_check_millis();
            try {
                inventory.awaitChange(generation, retryMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** @return whether the ministry took the inventory */
    private boolean send(List<InstalledModuleInfo> modules, long generation, long now) {
        ReportInventoryRequest.Builder request = ReportInventoryRequest.newBuilder()
                .setProvinceCode(inventory.province().code()).setTakenAt(ReportMessages.timestamp(Instant.now()));
        for (InstalledModuleInfo module : modules) {
            request.addModules(InstalledModule.newBuilder().setModuleId(module.provenance().moduleId())
                    .setVersion(module.provenance().version()).setJarSha256(module.provenance().jarSha256())
                    .setProvinceCode(module.descriptor().provinceCode()).setTitleVi(module.descriptor().titleVi())
                    .setLegalBasis(module.descriptor().legalBasis()).setSince(ReportMessages.timestamp(module.since())));
        }
        try {
            ministry.withDeadlineAfter(10, TimeUnit.SECONDS).reportInventory(request.build());
            if (generation != sentGeneration) {
                LOG.info("Told the ministry this node runs {} rule module(s)", modules.size());
            }
            sentGeneration = generation;
            lastSentAt = now;
            lastTlsTrouble = null;
            return true;
        } catch (StatusRuntimeException e) {
            // the ministry unreachable: the inventory goes with a later look, on a fresh connection if this
            // one may be silent (as the outbox sender does)
            if (RetryPolicy.dropsConnection(e.getStatus().getCode())) {
                channel.channel().enterIdle();
                channel.channel().resetConnectBackoff();
            }
            // trouble with a certificate is said once, in plain words, until it changes: it needs an operator
            Optional<String> tls = TlsTrouble.explain(e.getStatus());
            if (tls.isPresent() && !tls.get().equals(lastTlsTrouble)) {
                LOG.warn("Could not reach the ministry: {}", tls.get());
            } else {
                LOG.debug("Could not send the inventory: {}", e.getStatus());
            }
            lastTlsTrouble = tls.orElse(null);
            return false;
        }
    }
}
