package vn.congvu.ministry.internal;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How much heap stays live while an action runs: the largest heap use right after a collection (garbage
 * gone), less the use after a collection before it, from the JVM's collection notifications. Unlike the
 * peak use, it does not depend on how long the collector lets garbage pile up. The test JVM runs with a
 * fixed -Xmx, so collections do happen while a large report is handled.
 */
final class LiveHeap {

    /** An action that may throw. */
    interface Action {
        void run() throws Exception;
    }

    private LiveHeap() {
    }

    /**
     * @param action what to measure
     * @return the largest live heap seen after a collection during the action, above the live heap before it
     */
    static long growth(Action action) throws Exception {
        AtomicLong largest = new AtomicLong();
        Semaphore collections = new Semaphore(0);
        NotificationListener listener = (Notification notification, Object handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                largest.accumulateAndGet(used, Math::max);
                collections.release();
            }
        };
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            emitters.add((NotificationEmitter) collector);
        }
        System.gc();
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        emitters.forEach(emitter -> emitter.addNotificationListener(listener, null, null));
        try {
            action.run();
            // a collection at the end, so that an action too small to cause one is still measured; its
            // notification comes on another thread
            collections.drainPermits();
            System.gc();
            if (!collections.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new AssertionError("no garbage collection was reported within 10 s of System.gc()");
            }
        } finally {
            for (NotificationEmitter emitter : emitters) {
                emitter.removeNotificationListener(listener);
            }
        }
        return Math.max(0, largest.get() - before);
    }
}
