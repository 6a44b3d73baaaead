package org.smarthall.device.idcard.sam.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One SAM ID card reader on one serial port; checked by {@link SamReaderSettings}. */
@ObjectClassDefinition(name = "SmartHall device: ID card reader (SAM)",
        description = "A second-generation resident ID card reader on a serial port, speaking the SAM protocol."
                + " One configuration per reader (factory PID " + SamIdCardReader.PID + "). Each card laid on it is"
                + " posted once on org/smarthall/device/idcard/READ; the photo stays in memory.")
public @interface SamReaderConfig {

    @AttributeDefinition(name = "Device id", description = "Unique in the node; shown in hall:devices and GET /devices,"
            + " e.g. hall1-entrance-reader.")
    String deviceId();

    @AttributeDefinition(name = "Hall", description = "Id of the hall the reader stands in.")
    String hall();

    @AttributeDefinition(name = "Serial port", description = "Port path: /dev/ttyUSB0, or better a stable udev link"
            + " such as /dev/serial/by-id/..., which survives replugging.")
    String port();

    @AttributeDefinition(name = "Line speed (baud)", description = "SAM modules speak 115200 8N1.",
            min = "9600", max = "921600")
    int baud() default 115_200;

    @AttributeDefinition(name = "Poll interval (ms)", description = "Pause between two looks for a card.",
            min = "50", max = "10000")
    int pollIntervalMillis() default 300;

    @AttributeDefinition(name = "Answer timeout (ms)", description = "How long a command waits for the reader's answer.",
            min = "100", max = "10000")
    int answerTimeoutMillis() default 1_000;

    @AttributeDefinition(name = "Frame timeout (ms)", description = "Longest time from an answer's first byte to its"
            + " last; a card read is 1295 bytes, 112 ms at 115200 baud. Later than that it is counted bad.",
            min = "50", max = "10000")
    int frameTimeoutMillis() default 300;

    @AttributeDefinition(name = "Longest reconnect wait (ms)", description = "Cap of the backoff between attempts to"
            + " open the port again: an unplugged reader is back at most this long after it returns.",
            min = "50", max = "60000")
    int backoffMaxMillis() default 1_000;
}
