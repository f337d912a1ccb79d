package vn.congvu.uplink.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.ReportKey;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.grpc.OwnedChannel;
import vn.congvu.metrics.NodeMeter;
import vn.congvu.store.OutboxEntry;
import vn.congvu.store.OutboxState;
import vn.congvu.store.OutboxStatus;
import vn.congvu.store.ProvinceStore;
import vn.congvu.uplink.Delivery;
import vn.congvu.uplink.OutboxSummary;
import vn.congvu.uplink.Uplink;

/**
 * Sends outbox entries to the ministry on its own thread, one at a time. It takes the oldest pending entry
 * whose report key has no older pending entry and is not waiting out its own backoff: the revisions of one
 * key leave in order, and a key the ministry keeps failing on does not hold back the others. What each
 * answer means is {@link RetryPolicy}'s table; one try is a {@link DeliveryAttempt}. Nothing leaves the
 * outbox but by a receipt, a refusal, or a failure inside the province (FAILED, with its error).
 *
 * <p>Immediate: the sender runs as soon as the node has its settings and store, whether it was started by
 * {@code congvu run}, {@code congvu exec} or a test, not only once a shell command asks for the uplink.
 */
@Designate(ocd = UplinkSettings.class)
@Component(service = Uplink.class, immediate = true, configurationPid = "vn.congvu.uplink",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class OutboxSender implements Uplink {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final ProvinceStore store;
    private final UplinkSettings config;
    private final OwnedChannel channel;
    private final DeliveryAttempt attempt;
    private final Backoffs backoffs;
    private final Thread sender;
    private final Object wakeUp = new Object();
    private volatile boolean running = true;
    /** Counts the ministry's refusals for the node's metrics, when the metrics bundle runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NodeMeter meter;

    /**
     * @param config   how patiently to reach the ministry
     * @param store    the outbox
     * @param channels the ministry's address and this node's certificate
     * @throws IllegalArgumentException naming the setting, if the configuration is unusable
     */
    @Activate
    public OutboxSender(UplinkSettings config, @Reference ProvinceStore store, @Reference MinistryChannels channels) {
        // the settings are checked before the channel (and its threads) exists: arguments run left to right
        this(validated(config), store, channels.open(), DeliveryAttempt::message);
        LOG.info("Uplink to the ministry at {} started", channels);
    }

    /**
     * As the component's constructor, over a given channel (closed with the sender), with the requests built
     * by {@code messages} (a test's failing builder).
     */
    OutboxSender(UplinkSettings config, ProvinceStore store, OwnedChannel channel,
                 Function<OutboxEntry, SubmitReportRequest> messages) {
        this.config = validated(config);
        this.store = store;
        this.channel = channel;
        this.attempt = new DeliveryAttempt(channel.channel(), Duration.ofSeconds(config.deadline_seconds()), messages);
        this.backoffs = new Backoffs(Duration.ofMillis(config.retry_initial_millis()),
                Duration.ofMillis(config.retry_max_millis()), Duration.ofMillis(config.retry_key_max_millis()),
                () -> ThreadLocalRandom.current().nextDouble());
        this.sender = new Thread(this::sendLoop, "congvu-uplink");
        sender.setDaemon(true);
        sender.start();
    }

    private static UplinkSettings validated(UplinkSettings config) {
        requirePositive("deadline.seconds", config.deadline_seconds());
        requirePositive("retry.initial.millis", config.retry_initial_millis());
        requirePositive("poll.millis", config.poll_millis());
        requireAtLeastInitial("retry.max.millis", config.retry_max_millis(), config.retry_initial_millis());
        requireAtLeastInitial("retry.key.max.millis", config.retry_key_max_millis(), config.retry_initial_millis());
        return config;
    }

    private static void requirePositive(String key, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("uplink: " + key + " must be 1 or more, got " + value);
        }
    }

    private static void requireAtLeastInitial(String key, long value, long initial) {
        if (value < initial) {
            throw new IllegalArgumentException("uplink: " + key + " " + value + " is less than retry.initial.millis "
                    + initial);
        }
    }

    /**
     * Stops sending after the submission in flight and closes the channel. The sender thread is woken,
     * never interrupted: Derby closes a connection whose thread is interrupted during I/O. A submission
     * still waiting after a moment is cancelled, so that a node stops in seconds even when the ministry is
     * silent; the entry stays pending and goes again after the restart.
     */
    @Deactivate
    public void close() {
        running = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        try {
            sender.join(2_000);
            if (sender.isAlive()) {
                channel.channel().shutdownNow();
                sender.join(TimeUnit.SECONDS.toMillis(config.deadline_seconds() + 5L));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }

    @Override
    public OutboxSummary status() {
        return Deliveries.of(store.outboxStatus());
    }

    @Override
    public List<Delivery> stuck(int limit) {
        return store.stuckEntries(limit).stream().map(Deliveries::of).toList();
    }

    @Override
    public Optional<Delivery> awaitOutcome(long outboxEntryId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<OutboxEntry> entry = store.outboxEntry(outboxEntryId);
            long left = deadline - System.nanoTime();
            if (entry.isEmpty() || entry.get().state() != OutboxState.PENDING || left <= 0) {
                return entry.map(Deliveries::of);
            }
            synchronized (wakeUp) {
                wakeUp.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), config.poll_millis())));
            }
        }
    }

    @Override
    public OutboxSummary awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        OutboxStatus status = store.outboxStatus();
        while (status.pending() > 0 && System.nanoTime() < deadline) {
            synchronized (wakeUp) {
                wakeUp.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), config.poll_millis())));
            }
            status = store.outboxStatus();
        }
        return Deliveries.of(status);
    }

    private void sendLoop() {
        int storeFailures = 0;
        while (running) {
            try {
                Duration shared = backoffs.sharedWait(System.nanoTime());
                if (!shared.isZero()) {
                    pause(shared.toMillis());
                    continue;
                }
                Optional<OutboxEntry> next = store.nextPending(backoffs.keysWaiting(System.nanoTime()));
                if (next.isEmpty()) {
                    storeFailures = 0;
                    pause(backoffs.untilNextKey(System.nanoTime(), Duration.ofMillis(config.poll_millis())).toMillis());
                    continue;
                }
                record(next.get(), attempt.send(next.get()));
                // only a whole round (read, send, record) clears the store's backoff: a failure to record an
                // outcome must not make the same entry go again at once, for ever
                storeFailures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // the store failed (a full disk, say): nothing was lost, so wait and look again
                long wait = RetryPolicy.backoff(++storeFailures, Duration.ofMillis(config.retry_initial_millis()),
                        Duration.ofMillis(config.retry_max_millis()), ThreadLocalRandom.current().nextDouble()).toMillis();
                LOG.error("Uplink could not read or update the outbox; trying again in {} ms", wait, e);
                try {
                    pause(wait);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Keeps what came of one try in the store, sets the backoffs, and wakes those awaiting an outcome. */
    private void record(OutboxEntry entry, DeliveryAttempt.Outcome outcome) {
        long now = System.nanoTime();
        ReportKey key = entry.report().key();
        int revision = entry.report().revision();
        if (outcome instanceof DeliveryAttempt.Outcome.Delivered delivered) {
            store.markDelivered(entry.entryId(), delivered.receiptId(), delivered.acceptedAt());
            backoffs.answered();
            backoffs.settled(key);
            LOG.info("Report {} revision {} delivered: receipt {}{}", key, revision, delivered.receiptId(),
                    delivered.duplicate() ? " (the ministry already had it)" : "");
        } else if (outcome instanceof DeliveryAttempt.Outcome.Refused refused) {
            store.markRefused(entry.entryId(), refused.status(), refused.problems());
            NodeMeter counting = meter;
            if (counting != null) {
                counting.refusal();
            }
            backoffs.answered();
            backoffs.settled(key);
            LOG.error("Report {} revision {} REFUSED by the ministry ({}): {}", key, revision, refused.status(),
                    refused.problems());
        } else if (outcome instanceof DeliveryAttempt.Outcome.RetryAll retry) {
            store.recordFailedAttempt(entry.entryId(), retry.status(), retry.error());
            Duration wait = backoffs.sharedFailure(now, retry.requested());
            LOG.warn("Report {} revision {} not delivered (attempt {}): {}; every report waits {} ms", key, revision,
                    entry.attempts() + 1, retry.error(), wait.toMillis());
        } else if (outcome instanceof DeliveryAttempt.Outcome.RetryKey retry) {
            store.recordFailedAttempt(entry.entryId(), retry.status(), retry.error());
            Duration wait = backoffs.keyFailure(key, now, retry.requested());
            LOG.error("Report {} revision {} not delivered (attempt {}): the ministry failed with {}; this report is "
                    + "tried again in {} ms, the others go on", key, revision, entry.attempts() + 1, retry.error(),
                    wait.toMillis());
        } else if (outcome instanceof DeliveryAttempt.Outcome.Failed failed) {
            store.markFailed(entry.entryId(), failed.error());
            backoffs.settled(key);
            LOG.error("Report {} revision {} FAILED in this node before it was sent: {}; file the period again once "
                    + "fixed", key, revision, failed.error());
        }
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    /** Waits, unless the uplink is stopping; {@link #close()} wakes it early. */
    private void pause(long millis) throws InterruptedException {
        synchronized (wakeUp) {
            if (running) {
                wakeUp.wait(Math.max(1, millis));
            }
        }
        if (!running) {
            throw new InterruptedException("uplink stopping");
        }
    }
}
