/**
 * The SAM ID card reader driver. Nothing is exported: platforms find readers as
 * {@link org.smarthall.device.api.IdCardReader} services and hear cards on
 * {@link org.smarthall.device.api.DeviceTopics#CARD_READ}.
 */
package org.smarthall.device.idcard.sam.internal;
