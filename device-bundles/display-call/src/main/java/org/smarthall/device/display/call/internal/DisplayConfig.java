package org.smarthall.device.display.call.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The call displays on one serial bus; checked by {@link DisplaySettings}. The frame fields
 * after {@code profile} override the profile's: blank keeps the profile's value.
 */
@ObjectClassDefinition(name = "SmartHall device: window call displays and LED boards",
        description = "Call displays on one serial bus (RS-485 or RS-232), addressed by window number (0: the hall"
                + " board). One configuration per bus (factory PID " + VendorCallDisplay.PID + "). There is no open"
                + " standard: pick a built-in vendor profile and override the fields your displays differ in.")
public @interface DisplayConfig {

    @AttributeDefinition(name = "Device id", description = "Unique in the node; shown in hall:devices and GET /devices,"
            + " e.g. hall1-windows.")
    String deviceId();

    @AttributeDefinition(name = "Hall", description = "Id of the hall the displays hang in.")
    String hall();

    @AttributeDefinition(name = "Serial port", description = "Port path: /dev/ttyUSB0, or better a stable udev link"
            + " such as /dev/serial/by-id/..., which survives replugging.")
    String port();

    @AttributeDefinition(name = "Line speed (baud)", description = "Most displays speak 9600 8N1.", min = "1200",
            max = "921600")
    int baud() default 9_600;

    @AttributeDefinition(name = "Vendor profile", description = "Built-in frame layout: led-gbk-sum8 (hall LED board,"
            + " no answer) or window-crc16-ack (window display, answers ACK/NAK).")
    String profile() default "led-gbk-sum8";

    @AttributeDefinition(name = "Header", description = "Override: sync bytes in hex, e.g. AA 55.", required = false)
    String header() default "";

    @AttributeDefinition(name = "Address width", description = "Override: 1 or 2 bytes.", required = false)
    String addressWidth() default "";

    @AttributeDefinition(name = "Address position", description = "Override: before-length or after-length.",
            required = false)
    String addressPosition() default "";

    @AttributeDefinition(name = "Length width", description = "Override: 1 or 2 bytes.", required = false)
    String lengthWidth() default "";

    @AttributeDefinition(name = "Byte order", description = "Override: big or little, of 2-byte address and length"
            + " fields.", required = false)
    String byteOrder() default "";

    @AttributeDefinition(name = "Length counts", description = "Override: payload (command and text), body (address,"
            + " length and payload) or frame (all of it).", required = false)
    String lengthCounts() default "";

    @AttributeDefinition(name = "Show command", description = "Override: the command byte before the text in hex, or"
            + " none.", required = false)
    String command() default "";

    @AttributeDefinition(name = "Text encoding", description = "Override: GBK, GB2312, UTF-8, UTF-16LE or UTF-16BE.",
            required = false)
    String encoding() default "";

    @AttributeDefinition(name = "Trailer", description = "Override: end bytes in hex (e.g. 0D 0A), or none.",
            required = false)
    String trailer() default "";

    @AttributeDefinition(name = "Checksum", description = "Override: none, sum8, xor8, crc16-modbus or crc16-ccitt"
            + " (CCITT-FALSE), over the bytes from after the header to before the checksum.", required = false)
    String checksum() default "";

    @AttributeDefinition(name = "Checksum byte order", description = "Override: big or little, of a 16-bit checksum.",
            required = false)
    String checksumOrder() default "";

    @AttributeDefinition(name = "Acknowledgement", description = "Override: none, byte (a bare ACK byte) or framed (a"
            + " frame with a status byte).", required = false)
    String ack() default "";

    @AttributeDefinition(name = "ACK status", description = "Override: the ACK byte in hex, e.g. 06.", required = false)
    String ackStatus() default "";

    @AttributeDefinition(name = "NAK status", description = "Override: the NAK byte in hex, e.g. 15.", required = false)
    String nakStatus() default "";

    @AttributeDefinition(name = "Longest text", description = "Override: characters the display shows; a longer text"
            + " is refused, not cut (a cut call could send a customer to the wrong window).", required = false)
    String maxChars() default "";

    @AttributeDefinition(name = "ACK timeout (ms)", description = "How long a frame waits for its acknowledgement"
            + " (profiles with one).", min = "20", max = "10000")
    int ackTimeoutMillis() default 500;

    @AttributeDefinition(name = "Retries", description = "Frames sent again after a NAK or no acknowledgement, before"
            + " the call fails.", min = "0", max = "10")
    int retries() default 2;

    @AttributeDefinition(name = "Frame timeout (ms)", description = "Longest time from an answer's first byte to its"
            + " last; later it is counted bad.", min = "50", max = "10000")
    int frameTimeoutMillis() default 300;

    @AttributeDefinition(name = "Longest reconnect wait (ms)", description = "Cap of the backoff between attempts to"
            + " open the port again: an unplugged bus is back at most this long after it returns.",
            min = "50", max = "60000")
    int backoffMaxMillis() default 1_000;
}
