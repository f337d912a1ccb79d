package vn.congvu.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Province;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.engine.InstalledModuleInfo;
import vn.congvu.engine.ModuleInventory;
import vn.congvu.federation.v1.InstalledModule;
import vn.congvu.federation.v1.NodeServiceGrpc;
import vn.congvu.federation.v1.ReportInventoryRequest;
import vn.congvu.federation.v1.ReportInventoryResponse;
import vn.congvu.grpc.OwnedChannel;

/**
 * The inventory says who signed each module, as the rule bundle manager knows it, and goes again when a signer
 * changes: a node whose manager starts after the uplink, or learns a signer later, does not wait for the heartbeat.
 */
class InventorySenderTest {

    private static final InstalledModuleInfo DISCIPLINE = SignersTest.module("caobang.administrative-discipline", 41, "ab".repeat(32));
    private static final InstalledModuleInfo TIMELINESS = SignersTest.module("caobang.dossier-timeliness", 41, "ab".repeat(32));

    /** Takes every inventory, and keeps it for the test. */
    private static final class RecordingMinistry extends NodeServiceGrpc.NodeServiceImplBase {
        final BlockingQueue<ReportInventoryRequest> inventories = new LinkedBlockingQueue<>();

        @Override
        public void reportInventory(ReportInventoryRequest request, StreamObserver<ReportInventoryResponse> answer) {
            inventories.add(request);
            answer.onNext(ReportInventoryResponse.getDefaultInstance());
            answer.onCompleted();
        }
    }

    /** The engine's view, with modules a test changes. */
    private static final class Modules implements ModuleInventory {
        private List<InstalledModuleInfo> modules;
        private long generation;

        Modules(List<InstalledModuleInfo> modules) {
            this.modules = modules;
        }

        synchronized void change(List<InstalledModuleInfo> now) {
            modules = now;
            generation++;
            notifyAll();
        }

        @Override
        public Province province() {
            return Province.byCode("04").orElseThrow();
        }

        @Override
        public synchronized List<InstalledModuleInfo> modules() {
            return modules;
        }

        @Override
        public int boundFrom(long bundleId) {
            return 0;
        }

        @Override
        public synchronized long generation() {
            return generation;
        }

        @Override
        public synchronized void awaitChange(long seen, long timeoutMillis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (generation == seen && System.nanoTime() < deadline) {
                TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, deadline - System.nanoTime()));
            }
        }
    }

    private final RecordingMinistry ministry = new RecordingMinistry();
    private final Modules modules = new Modules(List.of(DISCIPLINE, TIMELINESS));
    private final String name = InProcessServerBuilder.generateName();
    private Server server;
    private InventorySender sender;

    @BeforeEach
    void create() throws Exception {
        server = InProcessServerBuilder.forName(name).addService(ministry).build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
        Bundle framework = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, arguments) -> method.getName().equals("getState") ? Bundle.ACTIVE : null);
        // checks often, heartbeat never within a test: every inventory seen here was sent for a change
        sender = new InventorySender(TestSettings.uplink(Map.of("ministry_host", "127.0.0.1", "ministry_port", 7443,
                "inventory_check_millis", 20L, "heartbeat_seconds", 3_600L)), framework, modules, new OwnedChannel() {
                    @Override
                    public ManagedChannel channel() {
                        return channel;
                    }

                    @Override
                    public void close() {
                        channel.shutdownNow();
                    }
                });
    }

    @AfterEach
    void stop() throws Exception {
        sender.close();
        server.shutdownNow();
    }

    private ReportInventoryRequest next() throws InterruptedException {
        ReportInventoryRequest inventory = ministry.inventories.poll(30, TimeUnit.SECONDS);
        assertNotNull(inventory, "no inventory sent");
        return inventory;
    }

    private static List<String> signers(ReportInventoryRequest inventory) {
        return inventory.getModulesList().stream().map(module -> module.getModuleId() + ": " + module.getSigner()).toList();
    }

    private static SignerSource source(Signers signers) {
        return () -> signers;
    }

    @Test
    void request_givesEachModuleItsBundlesSigner() {
        Signers signers = RuleBundleSigners.of(List.of(SignersTest.bundle(41, "ab".repeat(32), SignersTest.CAO_BANG)));

        ReportInventoryRequest request = InventorySender.request("04", List.of(DISCIPLINE), signers,
                java.time.Instant.parse("2026-03-02T00:00:00Z"));

        InstalledModule module = request.getModules(0);
        assertEquals(List.of("caobang.administrative-discipline", "1.2.0", "ab".repeat(32), "04", SignersTest.CAO_BANG),
                List.of(module.getModuleId(), module.getVersion(), module.getJarSha256(), module.getProvinceCode(), module.getSigner()));
    }

    @Test
    void request_givesEachModuleTheCodesItsDescriptorProduces_nationalAndItsOwnExtensions() {
        String surprise = "caobang.inspections.surprise";
        ModuleDescriptor descriptor = new ModuleDescriptor("caobang.inspections", "04", "Thanh tra công vụ",
                "Luật Thanh tra 2022", LocalDate.of(2020, 1, 1), null, List.of("inspection"),
                List.of("inspection.conducted", surprise),
                List.of(Indicator.extensionCount(surprise, "Thanh tra đột xuất", "Surprise inspections", "cuộc")));
        InstalledModuleInfo inspections = new InstalledModuleInfo(descriptor,
                new ModuleProvenance("caobang.inspections", "1.0.0", "cd".repeat(32)), "vn.congvu.rules.caobang", 42,
                true, java.time.Instant.parse("2026-03-01T02:00:00Z"));

        ReportInventoryRequest request = InventorySender.request("04", List.of(DISCIPLINE, inspections), Signers.NONE,
                java.time.Instant.parse("2026-03-02T00:00:00Z"));

        assertEquals(List.of(List.of(), List.of("inspection.conducted", surprise)),
                request.getModulesList().stream().map(InstalledModule::getProducesList).toList());
    }

    @Test
    void startedWithTheManager_theFirstInventoryCarriesTheSigners() throws Exception {
        sender.signers = source(RuleBundleSigners.of(List.of(SignersTest.bundle(41, "ab".repeat(32), SignersTest.CAO_BANG))));
        sender.start();

        assertEquals(List.of("caobang.administrative-discipline: " + SignersTest.CAO_BANG,
                "caobang.dossier-timeliness: " + SignersTest.CAO_BANG), signers(next()));
    }

    @Test
    void managerComingAndGoing_sendsTheInventoryAgain_withAndWithoutSigners() throws Exception {
        sender.start();
        assertEquals(List.of("caobang.administrative-discipline: ", "caobang.dossier-timeliness: "), signers(next()));

        sender.signers = source(RuleBundleSigners.of(List.of(SignersTest.bundle(41, "ab".repeat(32), "unknown"))));
        assertEquals(List.of("caobang.administrative-discipline: unknown", "caobang.dossier-timeliness: unknown"), signers(next()));

        sender.signers = null;
        assertEquals(List.of("caobang.administrative-discipline: ", "caobang.dossier-timeliness: "), signers(next()));
    }

    @Test
    void aSignerTheManagerLearnsLater_goesAtOnce_withoutAModuleChanging() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Signers> known = new java.util.concurrent.atomic.AtomicReference<>(
                RuleBundleSigners.of(List.of(SignersTest.bundle(41, "ab".repeat(32), "unknown"))));
        sender.signers = known::get;
        sender.start();
        assertEquals(List.of("caobang.administrative-discipline: unknown", "caobang.dossier-timeliness: unknown"), signers(next()));

        known.set(RuleBundleSigners.of(List.of(SignersTest.bundle(41, "ab".repeat(32), SignersTest.CAO_BANG))));

        assertEquals(List.of("caobang.administrative-discipline: " + SignersTest.CAO_BANG,
                "caobang.dossier-timeliness: " + SignersTest.CAO_BANG), signers(next()));
    }

    @Test
    void aManagerThatFails_theInventoryGoesWithoutSigners() throws Exception {
        sender.signers = () -> {
            throw new IllegalStateException("the framework is stopping");
        };
        sender.start();

        assertEquals(List.of("caobang.administrative-discipline: ", "caobang.dossier-timeliness: "), signers(next()));
    }

    @Test
    void aNewVersionInstalled_goesWithItsOwnSigner() throws Exception {
        InstalledModuleInfo updated = SignersTest.module("caobang.administrative-discipline", 57, "cd".repeat(32));
        sender.signers = () -> RuleBundleSigners.of(List.of(SignersTest.bundle(41, "ab".repeat(32), "unsigned"),
                SignersTest.bundle(57, "cd".repeat(32), SignersTest.CAO_BANG)));
        sender.start();
        assertEquals(List.of("caobang.administrative-discipline: unsigned", "caobang.dossier-timeliness: unsigned"), signers(next()));

        modules.change(List.of(updated, TIMELINESS));

        assertEquals(List.of("caobang.administrative-discipline: " + SignersTest.CAO_BANG, "caobang.dossier-timeliness: unsigned"),
                signers(next()));
    }
}
