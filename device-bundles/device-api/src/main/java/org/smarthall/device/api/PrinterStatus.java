package org.smarthall.device.api;

/** Paper and cover status as the printer reports it. */
public record PrinterStatus(boolean online, boolean paperOut, boolean paperNearEnd, boolean coverOpen) {

    public boolean ready() {
        return online && !paperOut && !coverOpen;
    }
}
