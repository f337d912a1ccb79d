package vn.congvu.uplink.internal;

import java.util.Map;

/** Uplink settings for tests: everything in milliseconds. */
final class SenderConfigs {

    /** The longest wait of a key the ministry fails on. */
    static final long KEY_CAP_MILLIS = 200;

    private SenderConfigs() {
    }

    /** @return deadline 5 s, backoff 10 ms doubling to 50 ms, a key's up to {@value #KEY_CAP_MILLIS} ms, poll 20 ms */
    static UplinkSettings fast() {
        return TestSettings.uplink(Map.of("ministry_host", "127.0.0.1", "ministry_port", 7443, "deadline_seconds", 5,
                "retry_initial_millis", 10L, "retry_max_millis", 50L, "retry_key_max_millis", KEY_CAP_MILLIS, "poll_millis", 20L));
    }
}
