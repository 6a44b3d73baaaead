package org.smarthall.device.display.call.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Every checksum kind against its published check value over "123456789", and the table-driven
 * CRCs against a bitwise computation written here, over random data and ranges.
 */
class ChecksumTest {
    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void publishedCheckValues() {
        assertEquals(0, Checksum.NONE.compute(CHECK, 0, 9));
        // 0x31 + ... + 0x39 = 0x1DD
        assertEquals(0xDD, Checksum.SUM8.compute(CHECK, 0, 9));
        // 31^32^33^34^35^36^37^38^39: the pairs 32^33, 34^35, 36^37, 38^39 are 1 each, 1^1^1^1 = 0, leaving 0x31
        assertEquals(0x31, Checksum.XOR8.compute(CHECK, 0, 9));
        // CRC catalogue (reveng): CRC-16/MODBUS check = 0x4B37, CRC-16/IBM-3740 (CCITT-FALSE) check = 0x29B1
        assertEquals(0x4B37, Checksum.CRC16_MODBUS.compute(CHECK, 0, 9));
        assertEquals(0x29B1, Checksum.CRC16_CCITT.compute(CHECK, 0, 9));
        assertEquals(2, Checksum.CRC16_MODBUS.width());
        assertEquals(1, Checksum.SUM8.width());
        assertEquals(0, Checksum.NONE.width());
    }

    @Test
    void onlyTheGivenRangeCounts() {
        byte[] padded = "xx123456789yy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x4B37, Checksum.CRC16_MODBUS.compute(padded, 2, 11));
        assertEquals(0x29B1, Checksum.CRC16_CCITT.compute(padded, 2, 11));
        assertEquals(0xDD, Checksum.SUM8.compute(padded, 2, 11));
    }

    @Test
    void tablesAgreeWithABitwiseComputationOnRandomData() {
        Random random = new Random(8);
        for (int run = 0; run < 500; run++) {
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            int from = data.length == 0 ? 0 : random.nextInt(data.length);
            int to = from + (data.length == from ? 0 : random.nextInt(data.length - from + 1));
            assertEquals(bitwiseModbus(data, from, to), Checksum.CRC16_MODBUS.compute(data, from, to));
            assertEquals(bitwiseCcitt(data, from, to), Checksum.CRC16_CCITT.compute(data, from, to));
            int sum = 0;
            int xor = 0;
            for (int i = from; i < to; i++) {
                sum += data[i] & 0xFF;
                xor ^= data[i] & 0xFF;
            }
            assertEquals(sum % 256, Checksum.SUM8.compute(data, from, to));
            assertEquals(xor, Checksum.XOR8.compute(data, from, to));
        }
    }

    /** Reflected 0x8005 (0xA001), init FFFF, bit by bit. */
    static int bitwiseModbus(byte[] data, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) == 1 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    /** 0x1021, init FFFF, not reflected, bit by bit. */
    static int bitwiseCcitt(byte[] data, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return crc;
    }
}
