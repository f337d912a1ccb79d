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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
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
 * Tells the ministry what this node runs: the inventory of rule modules, with who signed each module's jar, is
 * sent on start, within a few seconds of any change (a module installed, updated or removed; a signer known or
 * no longer known, as the rule bundle manager comes, goes or learns it), and once a minute as a heartbeat; never
 * while the node shuts down. Uses the uplink's configuration.
 *
 * <p>A module's signer is known before the module serves (the manager verifies a jar before installing it), so
 * the engine's change of generation that a new module makes carries its signer; the signers are looked at on
 * every look at the modules all the same, as a manager that starts after the uplink learns them later.
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
    /**
     * Who signed the rule bundles, while the rule bundle manager runs: without it the inventory says nothing of
     * signers. Bound greedily, and set before {@link #start()}.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SignerSource signers;
    private long sentGeneration = -1;
    /** The signer of each module in the inventory the ministry last took, in its order. */
    private List<String> sentSigners = List.of();
    private long lastSentAt;
    private String lastTlsTrouble;
    private String lastSignersTrouble;

    /**
     * @param config     where the ministry is
     * @param context    this bundle's context, to tell when the node is shutting down
     * @param inventory  what the node runs
     * @param channels   the ministry's address and this node's certificate
     */
    @Activate
    public InventorySender(UplinkSettings config, BundleContext context, @Reference ModuleInventory inventory,
                           @Reference MinistryChannels channels) {
        this(config, context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION), inventory, channels.open());
    }

    /**
     * A sender not started yet.
     *
     * @param config    where the ministry is, how often to look and to report
     * @param framework the framework, to tell when the node is shutting down
     * @param inventory what the node runs
     * @param channel   the channel to the ministry, closed with the sender
     */
    InventorySender(UplinkSettings config, Bundle framework, ModuleInventory inventory, OwnedChannel channel) {
        this.config = config;
        this.framework = framework;
        this.inventory = inventory;
        this.channel = channel;
        this.ministry = NodeServiceGrpc.newBlockingStub(channel.channel());
        this.sender = new Thread(this::loop, "congvu-inventory");
        sender.setDaemon(true);
    }

    /** Starts reporting, once the signers are bound if the rule bundle manager runs. */
    @Activate
    void start() {
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
            if (!stopping) {
                List<InstalledModuleInfo> serving = inventory.modules().stream().filter(InstalledModuleInfo::serving).toList();
                // looked at every time: the manager may come or go, or learn a signer, without a module changing
                Signers known = signersOf(signers);
                List<String> signed = serving.stream().map(known::of).toList();
                if (generation != sentGeneration || !signed.equals(sentSigners)
                        || now - lastSentAt > TimeUnit.SECONDS.toNanos(config.heartbeat_seconds())) {
                    failed = !send(serving, known, generation, now);
                    if (!failed) {
                        sentSigners = signed;
                    }
                }
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

    /**
     * @param provinceCode the node's province
     * @param modules      the modules it serves
     * @param signers      who signed their jars
     * @param takenAt      now
     * @return the inventory as the ministry takes it
     */
    static ReportInventoryRequest request(String provinceCode, List<InstalledModuleInfo> modules, Signers signers,
                                          Instant takenAt) {
        ReportInventoryRequest.Builder request = ReportInventoryRequest.newBuilder()
                .setProvinceCode(provinceCode).setTakenAt(ReportMessages.timestamp(takenAt));
        for (InstalledModuleInfo module : modules) {
            request.addModules(InstalledModule.newBuilder().setModuleId(module.provenance().moduleId())
                    .setVersion(module.provenance().version()).setJarSha256(module.provenance().jarSha256())
                    .setProvinceCode(module.descriptor().provinceCode()).setTitleVi(module.descriptor().titleVi())
                    .setLegalBasis(module.descriptor().legalBasis()).setSince(ReportMessages.timestamp(module.since()))
                    .setSigner(signers.of(module))
                    // the national codes and the module's extensions: a descriptor lists each extension in what
                    // it produces (it refuses to be made otherwise), so the ministry learns every code's module
                    .addAllProduces(module.descriptor().produces()));
        }
        return request.build();
    }

    /** @return the signers the source gives, or none when there is no source or it fails (said once, until it changes) */
    private Signers signersOf(SignerSource source) {
        if (source == null) {
            return Signers.NONE;
        }
        try {
            Signers known = source.signers();
            lastSignersTrouble = null;
            return known;
        } catch (RuntimeException e) {
            if (!String.valueOf(e).equals(lastSignersTrouble)) {
                LOG.warn("The inventory goes without its modules' signers: the rule bundle manager could not list them", e);
            }
            lastSignersTrouble = String.valueOf(e);
            return Signers.NONE;
        }
    }

    /** @return whether the ministry took the inventory */
    private boolean send(List<InstalledModuleInfo> modules, Signers known, long generation, long now) {
        ReportInventoryRequest request = request(inventory.province().code(), modules, known, Instant.now());
        try {
            ministry.withDeadlineAfter(10, TimeUnit.SECONDS).reportInventory(request);
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
