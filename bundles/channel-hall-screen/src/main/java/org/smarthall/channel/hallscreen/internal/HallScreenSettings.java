package org.smarthall.channel.hallscreen.internal;

import java.time.Duration;

/**
 * The channel's configuration, checked: one that makes no sense is refused with the attribute
 * named. Meanings are those of {@link HallScreenConfig}.
 */
record HallScreenSettings(int maxLength, int bufferSize, Duration replayWindow, Duration heartbeat,
        Duration retry, Duration deliveryWait, int rememberedMessages) {

    /** @throws IllegalArgumentException naming the attribute when the configuration makes no sense */
    static HallScreenSettings of(HallScreenConfig c) {
        return new HallScreenSettings(
                within("maxLength", c.maxLength(), 1, 100_000),
                within("bufferSize", c.bufferSize(), 0, 10_000),
                Duration.ofMinutes(within("replayMinutes", c.replayMinutes(), 0, 1_440)),
                Duration.ofSeconds(within("heartbeatSeconds", c.heartbeatSeconds(), 1, 300)),
                Duration.ofMillis(within("retryMillis", c.retryMillis(), 100, 600_000)),
                Duration.ofMillis(within("deliveryWaitMillis", c.deliveryWaitMillis(), 1, 60_000)),
                within("rememberedMessages", c.rememberedMessages(), 1, 1_000_000));
    }

    private static int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "hall-screen configuration refused: " + name + " = " + value + " must be " + min + " to " + max);
        }
        return value;
    }
}
