/**
 * The ESC/POS ticket printer driver. Nothing is exported: platforms find printers as
 * {@link org.smarthall.device.api.TicketPrinter} services and hear their link state on
 * {@link org.smarthall.device.api.DeviceTopics#STATE_CHANGED}.
 */
package org.smarthall.device.printer.escpos.internal;
