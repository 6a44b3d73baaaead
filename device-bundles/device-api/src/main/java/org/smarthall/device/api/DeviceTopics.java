package org.smarthall.device.api;

/** EventAdmin topics and properties of device readings. */
public final class DeviceTopics {
    public static final String PREFIX = "org/smarthall/device/";

    /** A card was read. Properties: device, hall, card ({@link IdCard}), timestamp. */
    public static final String CARD_READ = PREFIX + "idcard/READ";
    /** A rating key was pressed. Properties: device, hall, window, score, timestamp. */
    public static final String RATING_KEY = PREFIX + "keypad/RATING";
    /** A device's link state changed. Properties: device, hall, state. */
    public static final String STATE_CHANGED = PREFIX + "STATE_CHANGED";

    public static final String PROPERTY_DEVICE = "device";
    public static final String PROPERTY_HALL = "hall";
    public static final String PROPERTY_CARD = "card";
    public static final String PROPERTY_WINDOW = "window";
    /** {@link Integer} 1 (worst) to 5 (best). */
    public static final String PROPERTY_SCORE = "score";
    public static final String PROPERTY_STATE = "state";
    /** {@link Long} epoch milliseconds when the reading's first byte arrived. */
    public static final String PROPERTY_TIMESTAMP = "timestamp";

    private DeviceTopics() {
    }
}
