package org.smarthall.device.keypad.rating.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The satisfaction keypads on one RS-485 line; checked by {@link KeypadSettings}. */
@ObjectClassDefinition(name = "SmartHall device: rating keypads",
        description = "The satisfaction keypads of a hall's windows on one RS-485 line (one serial port). One"
                + " configuration per line (factory PID " + RatingKeypadBus.PID + "). Each press is acknowledged,"
                + " mapped to a score 1 to 5 and posted once on org/smarthall/device/keypad/RATING.")
public @interface KeypadConfig {

    @AttributeDefinition(name = "Device id", description = "Unique in the node; shown in hall:devices and GET /devices,"
            + " e.g. hall1-keypads.")
    String deviceId();

    @AttributeDefinition(name = "Hall", description = "Id of the hall the keypads stand in.")
    String hall();

    @AttributeDefinition(name = "Serial port", description = "The RS-485 adapter: /dev/ttyUSB0, or better a stable"
            + " udev link such as /dev/serial/by-id/..., which survives replugging.")
    String port();

    @AttributeDefinition(name = "Line speed (baud)", description = "Keypads speak 9600 8N1 unless set otherwise.",
            min = "1200", max = "115200")
    int baud() default 9_600;

    @AttributeDefinition(name = "Key map", description = "Key code = score, comma-separated. A key code is 0 to 255"
            + " (decimal or 0x hex); a score is 1 (worst) to 5 (best) or one of very-satisfied (5), satisfied (4),"
            + " neutral (3), dissatisfied (2), very-dissatisfied (1). Keys not listed are ignored and counted.")
    String keyMap() default "1=5,2=4,3=3,4=2,5=1";

    @AttributeDefinition(name = "Windows", description = "Keypad bus address = window id, comma-separated, e.g."
            + " 1=W01,2=W02. An address is 1 to 254; presses from other addresses are ignored and counted.")
    String windows();

    @AttributeDefinition(name = "Frame timeout (ms)", description = "Longest time from a frame's first byte to its"
            + " last; a press is 8 bytes, 9 ms at 9600 baud. Later than that it is counted bad.",
            min = "20", max = "5000")
    int frameTimeoutMillis() default 100;

    @AttributeDefinition(name = "Duplicate window (ms)", description = "A press with the same address, key and"
            + " sequence number as the one before it, this soon after it, is a keypad's resend and is not posted"
            + " again. Longer than a keypad's resends take; shorter than 256 presses on one keypad.",
            min = "500", max = "60000")
    int duplicateWindowMillis() default 5_000;

    @AttributeDefinition(name = "Longest reconnect wait (ms)", description = "Cap of the backoff between attempts to"
            + " open the port again: an unplugged adapter is back at most this long after it returns.",
            min = "50", max = "60000")
    int backoffMaxMillis() default 1_000;
}
