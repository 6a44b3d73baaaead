package org.smarthall.device.serial.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.smarthall.device.serial.Frame;
import org.smarthall.device.serial.FrameCodec;

/** Framing by header, length and check, whatever the read boundaries. */
class FrameAssemblerTest {
    private static final long TIMEOUT = 1_000_000_000L;

    private final List<Frame> good = new ArrayList<>();
    private final List<String> bad = new ArrayList<>();
    private int skipped;
    private final FrameAssembler assembler = new FrameAssembler(TestCodec.INSTANCE, TIMEOUT, new FrameAssembler.Sink() {
        @Override
        public void good(Frame frame) {
            good.add(frame);
        }

        @Override
        public void bad(String why) {
            bad.add(why);
        }

        @Override
        public void skipped(int bytes) {
            skipped += bytes;
        }
    });

    private void feed(byte[] bytes, long nanos) {
        assembler.accept(bytes, bytes.length, nanos, nanos / 1_000_000);
    }

    @Test
    void framesComeOutWholeForEverySplitOfTheBytes() {
        byte[] a = TestCodec.frame((byte) 1, (byte) 2, (byte) 3);
        byte[] b = TestCodec.frame((byte) 0xAA, (byte) 0x55, (byte) 0xAA); // header bytes inside a payload
        byte[] stream = concat(new byte[] {0x13, (byte) 0xAA}, a, b, a);
        Random random = new Random(8);
        for (int round = 0; round < 200; round++) {
            good.clear();
            int i = 0;
            while (i < stream.length) {
                int n = 1 + random.nextInt(Math.min(6, stream.length - i));
                feed(Arrays.copyOfRange(stream, i, i + n), round);
                i += n;
            }
            assertEquals(3, good.size(), "round " + round);
            assertArrayEquals(a, good.get(0).bytes());
            assertArrayEquals(b, good.get(1).bytes());
            assertArrayEquals(a, good.get(2).bytes());
            assertEquals(0, assembler.pending());
        }
        assertEquals(List.of(), bad);
        assertEquals(2 * 200, skipped);
    }

    @Test
    void aBadCheckIsCountedAndTheNextFrameStillComes() {
        byte[] spoiled = TestCodec.frame((byte) 7, (byte) 8);
        spoiled[spoiled.length - 1] ^= 0x5A;
        byte[] ok = TestCodec.frame((byte) 9);
        feed(concat(spoiled, ok), 0);
        assertEquals(List.of("check"), bad);
        assertEquals(1, good.size());
        assertArrayEquals(ok, good.get(0).bytes());
    }

    @Test
    void aTruncatedFrameFollowedByAGoodOneCostsOnlyItself() {
        byte[] whole = TestCodec.frame(new byte[20]);
        byte[] ok = TestCodec.frame((byte) 9, (byte) 10);
        feed(concat(Arrays.copyOf(whole, 10), ok), 0);
        // the truncated frame's length reaches past the good frame: it waits, then times out
        assertEquals(List.of(), bad);
        assembler.tick(TIMEOUT + 1, 0);
        assertEquals(List.of("timeout"), bad);
        assertEquals(1, good.size());
        assertArrayEquals(ok, good.get(0).bytes());
    }

    @Test
    void aTruncatedFrameThatGetsNoMoreBytesTimesOut() {
        feed(Arrays.copyOf(TestCodec.frame((byte) 1, (byte) 2, (byte) 3), 5), 0);
        assembler.tick(TIMEOUT / 2, 0);
        assertEquals(List.of(), bad);
        assembler.tick(TIMEOUT + 1, 0);
        assertEquals(List.of("timeout"), bad);
        assertEquals(0, good.size());
    }

    @Test
    void aFrameGetsItsFirstBytesTime() {
        byte[] f = TestCodec.frame((byte) 1);
        feed(Arrays.copyOf(f, 2), 5_000_000);
        feed(Arrays.copyOfRange(f, 2, f.length), 9_000_000);
        assertEquals(5, good.get(0).firstByteMillis());
    }

    /** One-byte answers without a header, told from noise by fixed bits (an ESC/POS status byte: 0xx1xx10). */
    static final FrameCodec FIXED_BITS = new FrameCodec() {
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
            return (frame[0] & 0x93) == 0x12;
        }
    };

    @Test
    void withoutAHeaderEveryByteIsAFrameAndTheCheckAloneDropsNoise() {
        List<Frame> answers = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        FrameAssembler bytes = new FrameAssembler(FIXED_BITS, TIMEOUT, new FrameAssembler.Sink() {
            @Override
            public void good(Frame frame) {
                answers.add(frame);
            }

            @Override
            public void bad(String why) {
                dropped.add(why);
            }

            @Override
            public void skipped(int count) {
                throw new AssertionError("nothing is skipped without a header: " + count);
            }
        });
        // 0x48 and 0x13 and 0x92 lack a fixed bit; 0x12, 0x1E, 0x7E have them all
        byte[] stream = {0x12, 0x48, 0x1E, 0x13, (byte) 0x92, 0x7E};
        bytes.accept(stream, 3, 0, 0);
        bytes.accept(Arrays.copyOfRange(stream, 3, 6), 3, 0, 0);
        assertEquals(List.of(0x12, 0x1E, 0x7E), answers.stream().map(f -> f.at(0)).toList());
        assertEquals(List.of("check", "check", "check"), dropped);
        assertEquals(0, bytes.pending());
    }

    @Test
    void aCodecWithoutAnyPrefixIsRefused() {
        FrameCodec none = new FrameCodec() {
            @Override
            public byte[] header() {
                return new byte[0];
            }

            @Override
            public int prefixLength() {
                return 0;
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
                return true;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> new FrameAssembler(none, TIMEOUT, null));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
