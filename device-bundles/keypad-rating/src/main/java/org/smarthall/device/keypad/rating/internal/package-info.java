/**
 * The rating keypad driver. Nothing is exported: the platform finds keypad lines as
 * {@link org.smarthall.device.api.RatingKeypad} services and hears ratings on
 * {@link org.smarthall.device.api.DeviceTopics#RATING_KEY}.
 */
package org.smarthall.device.keypad.rating.internal;
