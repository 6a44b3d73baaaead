package org.smarthall.device.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An identity-card reader. It reads whenever a card is laid on it and posts
 * {@link DeviceTopics#CARD_READ} with the card under {@link DeviceTopics#PROPERTY_CARD}.
 */
@ConsumerType
public interface IdCardReader extends Device {
}
