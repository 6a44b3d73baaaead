package org.smarthall.device.serial.internal;

import java.io.IOException;

/** One opening of a port: what the link needs from the serial library, so tests can stand in for it. */
interface PortIo {

    /** Opens a port; a fresh opening each time (after an unplug the path may lead elsewhere). */
    interface Opener {
        /** @throws IOException when the port cannot be opened now */
        PortIo open(String port, int baud) throws IOException;
    }

    /**
     * Reads what is there, waiting a little when nothing is.
     *
     * @return bytes read, 0 when none came in the wait, -1 when the peer went away
     */
    int read(byte[] into) throws IOException;

    void write(byte[] bytes) throws IOException;

    /** May hang on a broken driver: the link calls it on a thread of its own. */
    void close();
}
