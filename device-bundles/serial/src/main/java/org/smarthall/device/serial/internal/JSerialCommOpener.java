package org.smarthall.device.serial.internal;

import java.io.IOException;

import com.fazecast.jSerialComm.SerialPort;

/** Ports through jSerialComm: 8N1, reads that wait at most {@value #READ_WAIT_MS} ms. */
final class JSerialCommOpener implements PortIo.Opener {
    /** Short, so frame timeouts and a close are noticed soon; long enough not to spin. */
    static final int READ_WAIT_MS = 20;

    @Override
    public PortIo open(String port, int baud) throws IOException {
        // getCommPort each time: it resolves a link (udev name, pty link) to the device behind it now
        SerialPort serial = SerialPort.getCommPort(port);
        serial.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        serial.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        serial.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_WAIT_MS, 1_000);
        // on a pty the line settings fail with ENOTTY (25): harmless, the open still succeeds
        if (!serial.openPort()) {
            int error = serial.getLastErrorCode();
            throw new IOException("cannot open " + port + " (error " + error + " at "
                    + serial.getLastErrorLocation() + ")");
        }
        return new PortIo() {
            @Override
            public int read(byte[] into) throws IOException {
                // -1: the peer went away (an unplugged adapter, a stopped socat)
                return Math.max(serial.readBytes(into, into.length), -1);
            }

            @Override
            public void write(byte[] bytes) throws IOException {
                int n = serial.writeBytes(bytes, bytes.length);
                if (n != bytes.length) {
                    throw new IOException("wrote " + n + " of " + bytes.length + " bytes to " + port);
                }
            }

            @Override
            public void close() {
                serial.closePort();
            }
        };
    }
}
