package org.smarthall.device.printer.escpos.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One ESC/POS ticket printer on one serial port; checked by {@link EscPosPrinterSettings}. */
@ObjectClassDefinition(name = "SmartHall device: ticket printer (ESC/POS)",
        description = "A queue-ticket or receipt printer speaking ESC/POS on a serial port. One configuration per"
                + " printer (factory PID " + EscPosPrinter.PID + "). Chinese text goes in GBK after FS &; paper and"
                + " cover are checked with DLE EOT before each print.")
public @interface EscPosPrinterConfig {

    @AttributeDefinition(name = "Device id", description = "Unique in the node; shown in hall:devices and GET /devices,"
            + " e.g. hall1-kiosk-printer.")
    String deviceId();

    @AttributeDefinition(name = "Hall", description = "Id of the hall the printer stands in.")
    String hall();

    @AttributeDefinition(name = "Serial port", description = "Port path: /dev/ttyUSB0, or better a stable udev link"
            + " such as /dev/serial/by-id/..., which survives replugging.")
    String port();

    @AttributeDefinition(name = "Line speed (baud)", description = "As set on the printer (DIP switches or its"
            + " self-test page): 2400, 4800, 9600, 19200, 38400, 57600 or 115200. 8N1.")
    int baud() default 9_600;

    @AttributeDefinition(name = "Chinese mode", description = "true: FS & at the start of each job and text in GBK"
            + " (printers with a Chinese font). false: FS . and printable ASCII only.")
    boolean chineseMode() default true;

    @AttributeDefinition(name = "Characters the printer has not", description = "replace: printed as ?, with a warning"
            + " in the log (a ticket that comes out beats none); refuse: the whole print is refused.",
            options = {@Option(label = "Print ? instead", value = "replace"),
                @Option(label = "Refuse the print", value = "refuse")})
    String unmappable() default "replace";

    @AttributeDefinition(name = "Cut", description = "partial (GS V 66 0: the ticket hangs on a hinge until taken) or"
            + " full (GS V 65 0).",
            options = {@Option(label = "Partial", value = "partial"), @Option(label = "Full", value = "full")})
    String cut() default "partial";

    @AttributeDefinition(name = "Check status before printing", description = "Ask paper, cover and online state"
            + " (DLE EOT 1 to 4) before each print and refuse it, naming the cause, when the printer is not ready.")
    boolean checkStatusBeforePrint() default true;

    @AttributeDefinition(name = "Status timeout (ms)", description = "How long each DLE EOT query waits for its one-byte"
            + " answer; printers answer at once, even when offline.", min = "50", max = "10000")
    int statusTimeoutMillis() default 500;

    @AttributeDefinition(name = "Longest reconnect wait (ms)", description = "Cap of the backoff between attempts to"
            + " open the port again: an unplugged printer is back at most this long after it returns.",
            min = "50", max = "60000")
    int backoffMaxMillis() default 1_000;
}
