package org.smarthall.device.display.call.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;
import org.smarthall.device.api.CallDisplay;
import org.smarthall.device.api.DeviceException;
import org.smarthall.device.api.DeviceInfo;
import org.smarthall.device.display.call.internal.VendorProfile.AckMode;
import org.smarthall.device.serial.Frame;
import org.smarthall.device.serial.SerialLink;
import org.smarthall.device.serial.SerialPorts;
import org.smarthall.device.serial.StateEvents;

/**
 * The call displays on one serial bus, framed by a {@link VendorProfile}. {@link #show} writes
 * one frame; when the profile has acknowledgements it waits for the ACK and sends the same frame
 * again after a NAK or a silence, {@code retries} times, then fails. Sending a text twice is
 * harmless (the display shows it once), so a late ACK taken for the next attempt's costs nothing.
 *
 * <p>Call texts can carry a customer's name: no log line quotes a text, only its address and length.
 */
// immediate: like every driver, it keeps its port open and reconnecting whether or not anybody holds it yet
@Component(service = CallDisplay.class, configurationPid = VendorCallDisplay.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = DisplayConfig.class, factory = true)
@SmartHallPlugin(kind = PluginKind.DEVICE, id = VendorCallDisplay.PLUGIN_ID)
public class VendorCallDisplay implements CallDisplay {
    public static final String PID = "org.smarthall.device.display.call";
    public static final String PLUGIN_ID = "display-call";
    static final String KIND = "call-display";
    private static final Logger LOG = LoggerFactory.getLogger(VendorCallDisplay.class);

    /** Where state changes go: EventAdmin in the framework, a list in tests. */
    interface Publisher {
        void post(Event event);
    }

    private final DisplaySettings settings;
    private final VendorFrameCodec codec;
    private final Publisher publisher;
    private final SerialLink link;
    private final Object bus = new Object();
    private final AtomicLong shown = new AtomicLong();
    private final AtomicLong naks = new AtomicLong();
    private final AtomicLong ackTimeouts = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong charsReplaced = new AtomicLong();

    /** @throws IllegalArgumentException naming the key when the configuration makes no sense: not activated */
    @Activate
    public VendorCallDisplay(@Reference SerialPorts ports, @Reference EventAdmin events, DisplayConfig config) {
        // the settings first: a refused configuration fails the activation before anything is opened
        this(DisplaySettings.of(config), ports, events::postEvent);
    }

    VendorCallDisplay(DisplaySettings settings, SerialPorts ports, Publisher publisher) {
        this.settings = settings;
        this.publisher = publisher;
        this.codec = new VendorFrameCodec(settings.profile());
        // late answers (their request timed out) are dropped; state changes are posted
        this.link = ports.open(settings.link(), codec.linkCodec(),
                new StateEvents(settings.deviceId(), settings.hall(), publisher::post));
        LOG.info("{}: call displays on {} with profile {}", settings.deviceId(), settings.link().port(),
                settings.profile());
    }

    @Deactivate
    void stop() {
        link.close();
    }

    @Override
    public DeviceInfo info() {
        return link.deviceInfo(settings.deviceId(), KIND, settings.hall());
    }

    /**
     * @throws DeviceException when the text is longer than the profile's {@code maxChars}, the address does not
     *                         fit the address field, the port is not connected, or no ACK came after the retries
     */
    @Override
    public void show(int address, String text) throws DeviceException {
        Objects.requireNonNull(text, "text");
        VendorFrameCodec.Encoded encoded;
        try {
            encoded = codec.show(address, text);
        } catch (IllegalArgumentException e) {
            failed.incrementAndGet();
            throw new DeviceException(settings.deviceId() + ": " + e.getMessage());
        }
        if (encoded.replaced() > 0) {
            charsReplaced.addAndGet(encoded.replaced());
            LOG.debug("{}: {} characters not in {} shown as ?", settings.deviceId(), encoded.replaced(),
                    settings.profile().encoding().name());
        }
        synchronized (bus) {
            try {
                send(address, encoded.frame());
            } catch (DeviceException e) {
                failed.incrementAndGet();
                throw e;
            }
        }
        shown.incrementAndGet();
        LOG.debug("{}: {} characters shown at address {}", settings.deviceId(), text.length(), address);
    }

    private void send(int address, byte[] frame) throws DeviceException {
        VendorProfile p = settings.profile();
        if (p.ack() == AckMode.NONE) {
            link.write(frame);
            return;
        }
        int nakCount = 0;
        int silences = 0;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            Optional<Frame> answer = link.exchange(frame, settings.ackTimeout());
            if (answer.isEmpty()) {
                silences++;
                ackTimeouts.incrementAndGet();
            } else if (isAck(address, answer.get())) {
                return;
            } else {
                nakCount++;
                naks.incrementAndGet();
            }
        }
        throw new DeviceException(settings.deviceId() + ": address " + address + " did not acknowledge after "
                + (settings.retries() + 1) + " attempts (" + nakCount + " NAK, " + silences + " without an answer in "
                + settings.ackTimeout().toMillis() + " ms)");
    }

    /** A bare ACK byte, or a framed answer from this address with the ACK status; anything else counts as a NAK. */
    private boolean isAck(int address, Frame answer) {
        VendorProfile p = settings.profile();
        if (p.ack() == AckMode.BYTE) {
            return (answer.at(0) & 0xFF) == p.ackStatus(); // the link's codec passes nothing but ACK and NAK
        }
        VendorFrameCodec.Decoded d = codec.decode(answer.bytes());
        return d.address() == address && d.payload().length == 1 && (d.payload()[0] & 0xFF) == p.ackStatus();
    }

    /** Texts shown (written, or acknowledged when the profile has acknowledgements). */
    long shown() {
        return shown.get();
    }

    /** Answers that were not an ACK for the frame: a NAK, another status, another address. */
    long naks() {
        return naks.get();
    }

    /** Attempts that got no answer within the ACK timeout (a corrupt answer is dropped by the link: one of these). */
    long ackTimeouts() {
        return ackTimeouts.get();
    }

    /** Calls to {@link #show} that failed. */
    long failed() {
        return failed.get();
    }

    /** Characters the profile's encoding could not write, sent as {@code ?}. */
    long charsReplaced() {
        return charsReplaced.get();
    }

}
