package org.smarthall.device.printer.escpos.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.smarthall.device.serial.LinkSettings;

/**
 * A printer's configuration, checked: one that makes no sense is refused with the attribute
 * named. Meanings are those of {@link EscPosPrinterConfig}.
 *
 * @param link its frame timeout is fixed: the only answers are single bytes, complete when they arrive
 */
record EscPosPrinterSettings(String deviceId, String hall, LinkSettings link, Duration statusTimeout,
        boolean checkStatusBeforePrint, boolean chineseMode, EscPosEncoder.Unmappable unmappable,
        EscPosEncoder.Cut cut) {
    static final List<Integer> BAUDS = List.of(2_400, 4_800, 9_600, 19_200, 38_400, 57_600, 115_200);
    /** The attributes of {@link EscPosPrinterConfig}; undotted configuration keys must be among them. */
    static final Set<String> KEYS = Set.of("deviceId", "hall", "port", "baud", "chineseMode", "unmappable", "cut",
            "checkStatusBeforePrint", "statusTimeoutMillis", "backoffMaxMillis");
    private static final String REFUSED = "printer-escpos configuration refused: ";

    /**
     * @param properties the component's properties: a key without a dot that is no attribute (a
     *                   typo such as {@code statusTimeoutMilis}) is refused rather than ignored;
     *                   dotted keys belong to the framework ({@code service.pid}, {@code felix.fileinstall.filename})
     * @throws IllegalArgumentException naming the attribute when the configuration makes no sense
     */
    static EscPosPrinterSettings of(EscPosPrinterConfig c, Map<String, ?> properties) {
        Set<String> unknown = new TreeSet<>();
        for (String key : properties.keySet()) {
            if (!key.contains(".") && !KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(REFUSED + "unknown " + (unknown.size() == 1 ? "key " : "keys ")
                    + String.join(", ", unknown) + "; known: " + String.join(", ", new TreeSet<>(KEYS)));
        }
        String id = required("deviceId", c.deviceId());
        String hall = required("hall", c.hall());
        String port = required("port", c.port());
        if (!BAUDS.contains(c.baud())) {
            throw new IllegalArgumentException(REFUSED + "baud = " + c.baud() + " must be one of " + BAUDS);
        }
        Duration backoffMax = Duration.ofMillis(within("backoffMaxMillis", c.backoffMaxMillis(), 50, 60_000));
        Duration statusTimeout = Duration.ofMillis(within("statusTimeoutMillis", c.statusTimeoutMillis(), 50, 10_000));
        return new EscPosPrinterSettings(id, hall,
                new LinkSettings(port, c.baud(), Duration.ofSeconds(1), backoffMax, Duration.ofSeconds(2)),
                statusTimeout, c.checkStatusBeforePrint(), c.chineseMode(),
                choice("unmappable", c.unmappable(), EscPosEncoder.Unmappable.class),
                choice("cut", c.cut(), EscPosEncoder.Cut.class));
    }

    EscPosEncoder encoder() {
        return new EscPosEncoder(chineseMode, unmappable, cut);
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(REFUSED + name + " is required");
        }
        return value.strip();
    }

    private static int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(REFUSED + name + " = " + value + " must be " + min + " to " + max);
        }
        return value;
    }

    private static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (value != null && e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        List<String> known = java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        throw new IllegalArgumentException(REFUSED + name + " = " + value + " must be one of " + known);
    }
}
