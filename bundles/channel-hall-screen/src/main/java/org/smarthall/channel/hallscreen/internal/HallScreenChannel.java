package org.smarthall.channel.hallscreen.internal;

import java.time.Instant;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.notify.ChannelCapabilities;
import org.smarthall.api.notify.NotificationChannel;
import org.smarthall.api.notify.OutboundMessage;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.notify.SendResult.Outcome;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;

/**
 * Channel {@value #ID}: shows a message on the screens of the hall in
 * {@link OutboundMessage#address()} (the hall's TVs and big screen), as one event of the hall's
 * server-sent-events stream ({@link HallScreenResource}): {@code id:} the message id,
 * {@code event:} the purpose, {@code data:} the JSON of {@link EventData}.
 *
 * <p><b>Outcomes, for a screen nobody acknowledges.</b> A hall screen does not answer, so the
 * best evidence is that the bytes were written to a connected screen's stream:
 * <ul>
 * <li>{@code DELIVERED}: at least one screen of the hall connected now had the event written
 * within the delivery wait.</li>
 * <li>{@code ACCEPTED}: no screen of the hall is connected (the TVs are off before opening
 * time, the network is down) or none confirmed the write in time. The event stays in the hall's
 * replay buffer and a screen that connects within the replay window gets it. This is final in the
 * outbox (the channel has no receipts): retrying later instead would dead-letter every notice
 * sent while the hall is closed and show the survivors late as new, where the buffer shows them
 * with their own time ({@code at}) so that the page can leave out what is stale for it.</li>
 * <li>{@code REJECTED}: no message id, an address that is no hall id, no text, or a text
 * longer than the screens show. Nothing a retry would mend.</li>
 * <li>{@code RETRY}: only for an unexpected failure inside the channel.</li>
 * </ul>
 * Either way the event is also kept for the screens of the hall that are not connected now.
 *
 * <p><b>Duplicates.</b> A repeat of a message id already broadcast (the outbox sends again after
 * a crash) is not shown again: it answers the first send's outcome. Screens drop nothing
 * themselves, so this check is the only one.
 *
 * <p>The account is neither shown nor logged; log lines name the message id and the hall id.
 */
@Component(service = NotificationChannel.class)
@SmartHallPlugin(kind = PluginKind.CHANNEL, id = HallScreenChannel.ID)
public class HallScreenChannel implements NotificationChannel {
    public static final String ID = "hall-screen";
    /** The event name of a message whose purpose cannot be one. */
    static final String DEFAULT_EVENT = "notice";
    /** The event name is the purpose when it is a plain token. */
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_MESSAGE_ID = 200;
    private static final Logger LOG = LoggerFactory.getLogger(HallScreenChannel.class);

    private final HallScreenHub hub;
    private final ChannelCapabilities capabilities;

    @Activate
    public HallScreenChannel(@Reference HallScreenHub hub) {
        this.hub = hub;
        this.capabilities = new ChannelCapabilities(hub.settings().maxLength(), false, false, false);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        String messageId = message == null ? null : message.messageId();
        try {
            String refused = refusal(message);
            if (refused != null) {
                LOG.info("Hall screen message {} rejected: {}", oneLineOrUnknown(messageId), refused);
                return SendResult.rejected(refused);
            }
            String purpose = eventName(message.purpose());
            Instant at = hub.clock().instant();
            ScreenEvent event = new ScreenEvent(messageId, message.address(), purpose,
                    EventData.of(message, purpose, at), at);
            return outcome(hub.screens().broadcast(event));
        } catch (RuntimeException e) {
            LOG.error("Hall screen message {}: unexpected failure", oneLineOrUnknown(messageId), e);
            return SendResult.retry("channel failure: " + e.getClass().getSimpleName(), null);
        }
    }

    /** Up while the bundle runs; how many screens listen is for the operator to judge. */
    @Override
    public HealthCheck.Result health() {
        HallScreens screens = hub.screens();
        return HealthCheck.Result.up(screens.screens() + " screens connected in " + screens.hallsWithScreens()
                + " halls");
    }

    private String refusal(OutboundMessage message) {
        if (message == null) {
            return "no message";
        }
        String messageId = message.messageId();
        if (messageId == null || messageId.isBlank()) {
            return "no message id: a screen's Last-Event-ID and the check against repeats need one";
        }
        if (messageId.length() > MAX_MESSAGE_ID || !ScreenEvent.oneLine(messageId)) {
            return "the message id cannot be an event id: one line of at most " + MAX_MESSAGE_ID + " characters";
        }
        if (!HallIds.isValid(message.address())) {
            // the address is not echoed: whatever it is, it is not a hall id
            return "the address is not " + HallIds.RULE;
        }
        String text = message.text();
        if (text == null || text.isBlank()) {
            return "nothing to show: the message has no text (hall screens take no templates)";
        }
        int length = text.codePointCount(0, text.length());
        int max = capabilities.maxLength();
        if (length > max) {
            return "the text has " + length + " characters; the hall screens show at most " + max
                    + " (maxLength): shorten it rather than have it cut";
        }
        return null;
    }

    private SendResult outcome(HallScreens.Broadcast b) {
        String again = b.repeat() ? "; sent before at " + b.at() + ", not shown again" : "";
        if (b.delivered()) {
            if (!b.repeat()) {
                LOG.debug("Hall screen message {} shown on {} of {} screens of hall {}", b.messageId(), b.reached(),
                        b.connected(), b.hall());
            }
            return new SendResult(Outcome.DELIVERED, b.messageId(),
                    "written to " + b.reached() + " of " + b.connected() + " screens of hall " + b.hall() + again, null);
        }
        HallScreenSettings settings = hub.settings();
        String kept = settings.bufferSize() == 0 || settings.replayWindow().isZero()
                ? "replay is off: screens that connect later will not show it"
                : "kept for screens that connect within " + settings.replayWindow().toMinutes() + " min";
        String why = b.connected() == 0 ? "no screen of hall " + b.hall() + " connected"
                : "none of the " + b.connected() + " screens of hall " + b.hall() + " confirmed the write within "
                        + settings.deliveryWait().toMillis() + " ms";
        if (!b.repeat()) {
            LOG.debug("Hall screen message {} accepted: {}", b.messageId(), why);
        }
        return new SendResult(Outcome.ACCEPTED, b.messageId(), why + ": " + kept + again, null);
    }

    static String eventName(String purpose) {
        return purpose != null && EVENT_NAME.matcher(purpose).matches() ? purpose : DEFAULT_EVENT;
    }

    private static String oneLineOrUnknown(String messageId) {
        return messageId != null && messageId.length() <= MAX_MESSAGE_ID && ScreenEvent.oneLine(messageId)
                ? messageId : "(unusable id)";
    }
}
