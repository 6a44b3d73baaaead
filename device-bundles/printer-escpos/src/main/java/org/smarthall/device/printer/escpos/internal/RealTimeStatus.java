package org.smarthall.device.printer.escpos.internal;

import java.util.ArrayList;
import java.util.List;

import org.smarthall.device.api.PrinterStatus;
import org.smarthall.device.serial.FrameCodec;

/**
 * The four ESC/POS real-time status queries {@code DLE EOT n} and their answers. Each answer is
 * one byte without a header whose fixed bits are bit 1 and bit 4 set, bit 0 and bit 7 clear
 * ({@code 0xx1xx10}); a byte without them is line noise, counted bad by the transport and
 * skipped. The bits read here (Epson's TM series, which the Chinese kiosk printers copy):
 * <pre>
 * n=1 printer       bit 3  offline
 * n=2 offline cause bit 2  cover open       bit 5  stopped at paper end   bit 6  error
 * n=3 error cause   bit 3  cutter error     bit 5  unrecoverable error    bit 6  auto-recoverable error
 * n=4 paper sensor  bits 2,3 paper near end                               bits 5,6 paper end
 * </pre>
 */
final class RealTimeStatus {
    static final int DLE = 0x10;
    static final int EOT = 0x04;
    static final int FIXED_MASK = 0x93;
    static final int FIXED_VALUE = 0x12;

    /** The queries, asked in this order. */
    enum Query {
        PRINTER(1, "printer status"),
        OFFLINE_CAUSE(2, "offline cause"),
        ERROR_CAUSE(3, "error cause"),
        PAPER(4, "paper sensor");

        final int n;
        final String meaning;

        Query(int n, String meaning) {
            this.n = n;
            this.meaning = meaning;
        }

        byte[] request() {
            return new byte[] {DLE, EOT, (byte) n};
        }
    }

    /** Answers are single bytes told from noise by their fixed bits alone (serial 1.1: no header). */
    static final FrameCodec CODEC = new FrameCodec() {
        @Override
        public byte[] header() {
            return new byte[0];
        }

        @Override
        public int prefixLength() {
            return 1;
        }

        @Override
        public int frameLength(byte[] prefix) {
            return 1;
        }

        @Override
        public int maxFrameLength() {
            return 1;
        }

        @Override
        public boolean checkOk(byte[] frame) {
            return frame.length == 1 && hasFixedBits(frame[0] & 0xFF);
        }
    };

    static boolean hasFixedBits(int answer) {
        return (answer & FIXED_MASK) == FIXED_VALUE;
    }

    /** The four answers, each with its fixed bits. */
    record Answers(int printer, int offlineCause, int errorCause, int paper) {

        Answers {
            for (int a : new int[] {printer, offlineCause, errorCause, paper}) {
                if (!hasFixedBits(a)) {
                    throw new IllegalArgumentException(String.format("0x%02X is no status answer", a));
                }
            }
        }

        boolean offline() {
            return bit(printer, 3);
        }

        boolean coverOpen() {
            return bit(offlineCause, 2);
        }

        /** The paper-end sensor, or printing stopped at the paper end (either one is enough). */
        boolean paperOut() {
            return (paper & 0x60) != 0 || bit(offlineCause, 5);
        }

        boolean paperNearEnd() {
            return (paper & 0x0C) != 0;
        }

        PrinterStatus status() {
            return new PrinterStatus(!offline(), paperOut(), paperNearEnd(), coverOpen());
        }

        /** Why the printer cannot print, for people ("paper out, cover open"); empty when it can. */
        String cause() {
            List<String> causes = new ArrayList<>();
            if (paperOut()) {
                causes.add("paper out");
            }
            if (coverOpen()) {
                causes.add("cover open");
            }
            if (bit(errorCause, 3)) {
                causes.add("cutter error");
            }
            if (bit(errorCause, 5)) {
                causes.add("unrecoverable error");
            }
            if (bit(errorCause, 6)) {
                causes.add("auto-recoverable error");
            }
            if (causes.isEmpty() && bit(offlineCause, 6)) {
                causes.add("error");
            }
            if (offline() && causes.isEmpty()) {
                causes.add("offline");
            }
            return String.join(", ", causes);
        }

        private static boolean bit(int value, int bit) {
            return (value >> bit & 1) == 1;
        }
    }

    private RealTimeStatus() {
    }
}
