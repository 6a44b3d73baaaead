package org.smarthall.device.simulators.idcard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.smarthall.device.api.IdCard;
import org.smarthall.device.api.Sex;
import org.smarthall.device.simulators.SimulatedDevice;

/**
 * A second-generation ID card reader's SAM module with a card laid on it or not. Speaks the
 * reader's side of the protocol: frames {@code AA AA AA 96 69, length (2 bytes, big-endian),
 * body, XOR of length and body}; answers find ({@code 20 01}: {@code 9F} card found, {@code 80}
 * none), select ({@code 20 02}: {@code 90}, {@code 81} none) and read ({@code 30 01}: {@code 90}
 * with 256 bytes of UCS-2LE text and a 1024-byte photo). Written apart from the driver's
 * decoder on purpose: the layout is spelt out twice, so one mistake does not pass its own test.
 */
public final class SamCardSimulator extends SimulatedDevice {
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private volatile Optional<IdCard> card = Optional.empty();
    /** Ethnic group code written for the card (2 digits, GB 3304); 01 Han. */
    private volatile String nationCode = "01";
    private final AtomicInteger reads = new AtomicInteger();
    private final java.util.Queue<org.smarthall.device.simulators.Fault> readFaults =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    public SamCardSimulator(Path port) {
        super(port, 115_200);
    }

    /** Lays a card on the reader; its nation is written as the given GB 3304 code. */
    public void layCard(IdCard card, String nationCode) {
        this.nationCode = nationCode;
        this.card = Optional.of(card);
    }

    public void takeCardAway() {
        card = Optional.empty();
    }

    /** Spoils the next answer to a read command (the long one, 1295 bytes) rather than the next frame. */
    public void spoilNextRead(org.smarthall.device.simulators.Fault fault) {
        readFaults.add(fault);
    }

    /** Read commands answered with a card. */
    public int reads() {
        return reads.get();
    }

    @Override
    protected int received(byte[] b, int length) {
        int start = 0;
        while (start + 5 <= length && !isHeader(b, start)) {
            start++;
        }
        if (start + 7 > length) {
            return start; // drop noise before a header, wait for the rest
        }
        int total = 7 + ((b[start + 5] & 0xFF) << 8 | (b[start + 6] & 0xFF));
        if (start + total > length) {
            return start;
        }
        int cmd = b[start + 7] & 0xFF;
        int para = b[start + 8] & 0xFF;
        answer(cmd, para);
        return start + total;
    }

    private void answer(int cmd, int para) {
        Optional<IdCard> c = card;
        if (cmd == 0x20 && para == 0x01) {
            send(frame(c.isPresent() ? 0x9F : 0x80, c.isPresent() ? new byte[4] : new byte[0]));
        } else if (cmd == 0x20 && para == 0x02) {
            send(frame(c.isPresent() ? 0x90 : 0x81, c.isPresent() ? new byte[8] : new byte[0]));
        } else if (cmd == 0x30 && para == 0x01) {
            if (c.isEmpty()) {
                send(frame(0x41, new byte[0]));
                return;
            }
            reads.incrementAndGet();
            org.smarthall.device.simulators.Fault fault = readFaults.poll();
            if (fault != null) {
                inject(fault);
            }
            send(frame(0x90, readAnswer(c.get())));
        } else {
            send(frame(0x21, new byte[0])); // unknown command
        }
    }

    private byte[] readAnswer(IdCard c) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        field(text, c.name(), 30);
        field(text, c.sex() == Sex.MALE ? "1" : c.sex() == Sex.FEMALE ? "2" : "9", 2);
        field(text, nationCode, 4);
        field(text, c.birthDate().format(YMD), 16);
        field(text, c.address(), 70);
        field(text, c.idNumber(), 36);
        field(text, c.authority(), 30);
        field(text, c.validFrom().format(YMD), 16);
        field(text, c.validTo() == null ? "长期" : c.validTo().format(YMD), 16);
        field(text, "", 36);
        byte[] photo = java.util.Arrays.copyOf(c.photo(), 1024);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0x01); // text length 256, big-endian
        body.write(0x00);
        body.write(0x04); // photo length 1024
        body.write(0x00);
        body.writeBytes(text.toByteArray());
        body.writeBytes(photo);
        return body.toByteArray();
    }

    /** UCS-2LE, padded with spaces to the field's size in bytes. */
    private static void field(ByteArrayOutputStream out, String value, int bytes) {
        byte[] v = value.getBytes(StandardCharsets.UTF_16LE);
        if (v.length > bytes) {
            throw new IllegalArgumentException("field longer than " + bytes + " bytes");
        }
        out.writeBytes(v);
        for (int i = v.length; i < bytes; i += 2) {
            out.write(0x20);
            out.write(0x00);
        }
    }

    /** {@code AA AA AA 96 69, len, 00 00 sw3, data, xor}. */
    static byte[] frame(int sw3, byte[] data) {
        int len = 3 + data.length + 1;
        byte[] f = new byte[7 + len];
        f[0] = (byte) 0xAA;
        f[1] = (byte) 0xAA;
        f[2] = (byte) 0xAA;
        f[3] = (byte) 0x96;
        f[4] = 0x69;
        f[5] = (byte) (len >> 8);
        f[6] = (byte) len;
        f[9] = (byte) sw3;
        System.arraycopy(data, 0, f, 10, data.length);
        int x = 0;
        for (int i = 5; i < f.length - 1; i++) {
            x ^= f[i];
        }
        f[f.length - 1] = (byte) x;
        return f;
    }

    private static boolean isHeader(byte[] b, int i) {
        return b[i] == (byte) 0xAA && b[i + 1] == (byte) 0xAA && b[i + 2] == (byte) 0xAA && b[i + 3] == (byte) 0x96
                && b[i + 4] == 0x69;
    }
}
