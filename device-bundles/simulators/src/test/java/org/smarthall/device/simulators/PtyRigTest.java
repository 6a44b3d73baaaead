package org.smarthall.device.simulators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fazecast.jSerialComm.SerialPort;

/** The rig over a real socat pair: bytes pass, a fault spoils one frame, unplug and replug. */
class PtyRigTest {
    @TempDir
    Path dir;

    /** Answers every byte it gets with the frame {1, 2, 3, 4}. */
    static final class Echo extends SimulatedDevice {
        Echo(Path port) {
            super(port, 115_200);
        }

        @Override
        protected int received(byte[] buffer, int length) {
            for (int i = 0; i < length; i++) {
                send(new byte[] {1, 2, 3, 4});
            }
            return length;
        }
    }

    @Test
    void bytesPassFaultsSpoilAndTheLinksComeBackAfterAReplug() throws Exception {
        try (PtyRig rig = PtyRig.start(dir); Echo echo = new Echo(rig.deviceEnd())) {
            echo.start();
            SerialPort host = open(rig.hostEnd());
            try {
                assertArrayEquals(new byte[] {1, 2, 3, 4}, ask(host, 4));
                echo.inject(Fault.BAD_CHECKSUM);
                assertArrayEquals(new byte[] {1, 2, 3, 4 ^ 0x5A}, ask(host, 4));
                echo.inject(Fault.TRUNCATED);
                assertArrayEquals(new byte[] {1, 2}, ask(host, 2));
            } finally {
                host.closePort();
            }

            rig.unplug();
            assertFalse(Files.exists(rig.hostEnd()));
            rig.replug();
            assertTrue(Files.exists(rig.hostEnd()));
            host = open(rig.hostEnd());
            try {
                long deadline = System.nanoTime() + 3_000_000_000L;
                byte[] got = new byte[0];
                while (got.length == 0 && System.nanoTime() < deadline) {
                    got = ask(host, 4); // the simulator opens its end again within its poll period
                }
                assertArrayEquals(new byte[] {1, 2, 3, 4}, got);
            } finally {
                host.closePort();
            }
        }
    }

    static SerialPort open(Path port) {
        SerialPort s = SerialPort.getCommPort(port.toString());
        s.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 200, 0);
        assertTrue(s.openPort(), "open " + port + ": error " + s.getLastErrorCode());
        return s;
    }

    static byte[] ask(SerialPort host, int expected) {
        host.writeBytes(new byte[] {0x55}, 1);
        byte[] got = new byte[expected];
        int n = 0;
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (n < expected && System.nanoTime() < deadline) {
            int r = host.readBytes(got, expected - n, n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return Arrays.copyOf(got, n);
    }
}
