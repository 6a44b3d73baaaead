package org.smarthall.device.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** A queue-ticket or receipt printer. */
@ConsumerType
public interface TicketPrinter extends Device {

    /** Prints the elements in order. */
    void print(List<PrintElement> elements) throws DeviceException;

    /** Asks the printer for its paper and cover status. */
    PrinterStatus status() throws DeviceException;
}
