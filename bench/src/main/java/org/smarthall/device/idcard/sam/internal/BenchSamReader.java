package org.smarthall.device.idcard.sam.internal;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

import org.osgi.service.event.Event;
import org.smarthall.device.api.DeviceInfo;
import org.smarthall.device.serial.SerialPorts;
import org.smarthall.testing.Annotations;

/**
 * The real {@link SamIdCardReader} for the swipe benchmark, outside OSGi: configured from a map
 * as ConfigAdmin would (checked by the driver's own settings), its events handed to a consumer.
 * It sits in the driver's package only to reach the package-private constructor and counters.
 */
public final class BenchSamReader implements AutoCloseable {
    private final SamIdCardReader reader;
    private final SamReaderSettings settings;

    public BenchSamReader(SerialPorts ports, Consumer<Event> events, Map<String, Object> config) {
        this.settings = SamReaderSettings.of(Annotations.of(SamReaderConfig.class, config));
        this.reader = new SamIdCardReader(ports, events::accept, settings, Clock.systemDefaultZone());
    }

    public DeviceInfo info() {
        return reader.info();
    }

    public long cardsRead() {
        return reader.cardsRead();
    }

    public long cardsRefused() {
        return reader.cardsRefused();
    }

    /** The settings in force, for the output. */
    public String describe() {
        return settings.link().baud() + " baud, poll every " + settings.pollInterval().toMillis() + " ms, answer timeout "
                + settings.answerTimeout().toMillis() + " ms, frame timeout " + settings.link().frameTimeout().toMillis()
                + " ms";
    }

    @Override
    public void close() {
        reader.stop();
    }
}
