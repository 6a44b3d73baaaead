package org.smarthall.device.display.call.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.device.display.call.internal.VendorProfile.AckMode;
import org.smarthall.device.display.call.internal.VendorProfile.AddressPosition;
import org.smarthall.device.display.call.internal.VendorProfile.Endian;
import org.smarthall.device.display.call.internal.VendorProfile.LengthCounts;
import org.smarthall.testing.Annotations;

/**
 * The configuration: a profile by name, fields overridden one by one, and every value that
 * makes no sense refused with its key named, so the component is not activated.
 */
class DisplaySettingsTest {
    private static final Map<String, Object> REQUIRED = Map.of("deviceId", "hall1-windows", "hall", "hall1", "port",
            "/dev/ttyUSB1");

    @Test
    void theDefaultsServeAnLedBoard() {
        DisplaySettings s = settings(Map.of());
        assertEquals("hall1-windows", s.deviceId());
        assertEquals("hall1", s.hall());
        assertEquals("/dev/ttyUSB1", s.link().port());
        assertEquals(9_600, s.link().baud());
        assertEquals(Duration.ofMillis(300), s.link().frameTimeout());
        assertEquals(Duration.ofSeconds(1), s.link().backoffMax());
        assertEquals(Duration.ofMillis(500), s.ackTimeout());
        assertEquals(2, s.retries());
        assertEquals(VendorProfile.LED_GBK_SUM8, s.profile());
    }

    @Test
    void theWindowProfileByName() {
        DisplaySettings s = settings(Map.of("profile", " window-crc16-ack ", "retries", 0, "ackTimeoutMillis", 100));
        assertEquals(VendorProfile.WINDOW_CRC16_ACK, s.profile());
        assertEquals(0, s.retries());
        assertEquals(Duration.ofMillis(100), s.ackTimeout());
    }

    @Test
    void everyFieldCanBeOverridden() {
        Map<String, Object> o = new HashMap<>();
        o.put("profile", "led-gbk-sum8");
        o.put("header", "7e 7f");
        o.put("addressWidth", "2");
        o.put("addressPosition", "before-length");
        o.put("lengthWidth", "1");
        o.put("byteOrder", "LITTLE");
        o.put("lengthCounts", "frame");
        o.put("command", "0x5A");
        o.put("encoding", "gb2312");
        o.put("trailer", "0D 0A");
        o.put("checksum", "CRC16_CCITT");
        o.put("checksumOrder", "little");
        o.put("ack", "framed");
        o.put("ackStatus", "A0");
        o.put("nakStatus", "A1");
        o.put("maxChars", "20");
        VendorProfile p = settings(o).profile();
        assertEquals("7E 7F", Hex.format(p.header()));
        assertEquals(2, p.addressWidth());
        assertEquals(AddressPosition.BEFORE_LENGTH, p.addressPosition());
        assertEquals(1, p.lengthWidth());
        assertEquals(Endian.LITTLE, p.byteOrder());
        assertEquals(LengthCounts.FRAME, p.lengthCounts());
        assertEquals(OptionalInt.of(0x5A), p.command());
        assertEquals("GB2312", p.encoding().name());
        assertEquals("0D 0A", Hex.format(p.trailer()));
        assertEquals(Checksum.CRC16_CCITT, p.checksum());
        assertEquals(Endian.LITTLE, p.checksumOrder());
        assertEquals(AckMode.FRAMED, p.ack());
        assertEquals(0xA0, p.ackStatus());
        assertEquals(0xA1, p.nakStatus());
        assertEquals(20, p.maxChars());
    }

    @Test
    void noneClearsTheOptionalFieldsAndBlankKeepsTheProfiles() {
        VendorProfile p = settings(Map.of("profile", "window-crc16-ack", "command", "none", "trailer", "NONE",
                "encoding", " ")).profile();
        assertEquals(OptionalInt.empty(), p.command());
        assertEquals(0, p.trailer().length);
        assertEquals(StandardCharsets.UTF_16LE, p.encoding());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "profile | acme | profile = \"acme\" is not a built-in profile; known: [led-gbk-sum8, window-crc16-ack]",
        "header | AA 5 | header = \"AA 5\" has an odd number of hex digits",
        "header | AG 55 | header = \"AG 55\" is not hex bytes such as \"AA 55\"",
        "header | 01 02 03 04 05 06 07 08 09 | header = \"01 02 03 04 05 06 07 08 09\" must be 1 to 8 bytes",
        "addressWidth | 3 | addressWidth = \"3\" must be 1 or 2 (bytes)",
        "addressWidth | two | addressWidth = \"two\" is not a whole number",
        "addressPosition | middle | addressPosition = \"middle\" is none of [before-length, after-length]",
        "lengthWidth | 4 | lengthWidth = \"4\" must be 1 or 2 (bytes)",
        "byteOrder | middle-endian | byteOrder = \"middle-endian\" is none of [big, little]",
        "lengthCounts | text | lengthCounts = \"text\" is none of [payload, body, frame]",
        "command | 31 32 | command = \"31 32\" must be one hex byte such as 06",
        "encoding | Shift_JIS | encoding = \"Shift_JIS\" is none of [GBK, GB2312, UTF-8, UTF-16LE, UTF-16BE]",
        "trailer | 0D 0A 0D 0A 0D | trailer = \"0D 0A 0D 0A 0D\" must be at most 4 bytes",
        "checksum | crc32 | checksum = \"crc32\" is none of [none, sum8, xor8, crc16-modbus, crc16-ccitt]",
        "checksumOrder | reversed | checksumOrder = \"reversed\" is none of [big, little]",
        "ack | maybe | ack = \"maybe\" is none of [none, byte, framed]",
        "nakStatus | 06 | nakStatus = \"06\" must differ from ackStatus",
        "maxChars | 0 | maxChars = \"0\" must be at least 1",
        "maxChars | 40000 | maxChars = \"40000\" does not fit the 2-byte length field: the longest text makes it 80000,"
                + " more than 65535"})
    void nonsenseIsRefusedNamingTheKey(String key, String value, String message) {
        Map<String, Object> values = new HashMap<>();
        values.put(key, value);
        if (key.equals("nakStatus")) {
            values.put("profile", "window-crc16-ack"); // a profile with acknowledgements
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings(values));
        assertEquals("display-call configuration refused: " + message, e.getMessage());
    }

    @Test
    void theWindowsOneByteLengthLimitsItsLongestText() {
        // whole frame: 7 bytes around 1 command byte and 4 bytes a character (UTF-16 surrogate pairs)
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("profile", "window-crc16-ack", "maxChars", "62")));
        assertEquals("display-call configuration refused: maxChars = \"62\" does not fit the 1-byte length field: the"
                + " longest text makes it 256, more than 255", e.getMessage());
        assertEquals(61, settings(Map.of("profile", "window-crc16-ack", "maxChars", "61")).profile().maxChars());
    }

    @ParameterizedTest
    @CsvSource({
        "baud, 300, 1200 to 921600",
        "ackTimeoutMillis, 19, 20 to 10000",
        "retries, 11, 0 to 10",
        "frameTimeoutMillis, 49, 50 to 10000",
        "backoffMaxMillis, 60001, 50 to 60000"})
    void linkNonsenseIsRefusedNamingTheKey(String key, int value, String range) {
        Map<String, Object> values = new HashMap<>();
        values.put(key, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings(values));
        assertEquals("display-call configuration refused: " + key + " = " + value + " must be " + range, e.getMessage());
    }

    @Test
    void aBusWithoutAPortIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings(Map.of("port", "")));
        assertEquals("display-call configuration refused: port is required", e.getMessage());
    }

    @Test
    void aRefusedConfigurationFailsTheActivationBeforeAnyPortIsOpened() {
        // what DS calls: the @Activate constructor; it throws before it needs the port service or EventAdmin
        DisplayConfig bad = Annotations.of(DisplayConfig.class, with(Map.of("checksum", "crc99")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VendorCallDisplay(null, null, bad));
        assertEquals("display-call configuration refused: checksum = \"crc99\" is none of [none, sum8, xor8,"
                + " crc16-modbus, crc16-ccitt]", e.getMessage());
    }

    @Test
    void anUnknownProfileFieldIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VendorProfile.configured("led-gbk-sum8", Map.of("colour", "red")));
        assertEquals("colour is no field of a vendor profile", e.getMessage());
    }

    private static DisplaySettings settings(Map<String, Object> values) {
        return DisplaySettings.of(Annotations.of(DisplayConfig.class, with(values)));
    }

    private static Map<String, Object> with(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(REQUIRED);
        all.putAll(values);
        return all;
    }
}
