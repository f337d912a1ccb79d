package vn.congvu.uplink.internal;

import java.lang.annotation.Annotation;

/** Uplink settings for tests: everything in milliseconds. */
final class SenderConfigs {

    /** The longest wait of a key the ministry fails on. */
    static final long KEY_CAP_MILLIS = 200;

    private SenderConfigs() {
    }

    /** @return deadline 5 s, backoff 10 ms doubling to 50 ms, a key's up to {@value #KEY_CAP_MILLIS} ms, poll 20 ms */
    static OutboxSender.Config fast() {
        return new OutboxSender.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return OutboxSender.Config.class;
            }

            @Override
            public int deadline_seconds() {
                return 5;
            }

            @Override
            public long retry_initial_millis() {
                return 10;
            }

            @Override
            public long retry_max_millis() {
                return 50;
            }

            @Override
            public long retry_key_max_millis() {
                return KEY_CAP_MILLIS;
            }

            @Override
            public long poll_millis() {
                return 20;
            }
        };
    }
}
