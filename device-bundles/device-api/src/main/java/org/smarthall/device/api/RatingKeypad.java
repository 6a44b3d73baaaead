package org.smarthall.device.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A satisfaction keypad at a window. Each key press mapped to a rating posts
 * {@link DeviceTopics#RATING_KEY} with {@link DeviceTopics#PROPERTY_WINDOW} and
 * {@link DeviceTopics#PROPERTY_SCORE}.
 */
@ConsumerType
public interface RatingKeypad extends Device {
}
