package org.smarthall.device.serial;

import java.util.Map;
import java.util.function.Consumer;

import org.osgi.service.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.device.api.DeviceState;
import org.smarthall.device.api.DeviceTopics;

/**
 * The {@link LinkListener} most drivers want: every link state change posted as
 * {@link DeviceTopics#STATE_CHANGED} (device, hall, state), a failing publisher logged and never
 * thrown into the link's reader thread; and the frames nobody waited for handed to a handler,
 * or dropped (a late answer whose request has timed out). A handler that throws is logged, and
 * the link goes on reading.
 */
public final class StateEvents implements LinkListener {
    private static final Logger LOG = LoggerFactory.getLogger(StateEvents.class);

    private final String deviceId;
    private final String hall;
    private final Consumer<Event> post;
    private final Consumer<Frame> frames;

    /** Posts states; frames nobody waited for are dropped. */
    public StateEvents(String deviceId, String hall, Consumer<Event> post) {
        this(deviceId, hall, post, frame -> {
        });
    }

    /** Posts states and hands unsolicited frames (key presses, say) to {@code frames}. */
    public StateEvents(String deviceId, String hall, Consumer<Event> post, Consumer<Frame> frames) {
        this.deviceId = deviceId;
        this.hall = hall;
        this.post = post;
        this.frames = frames;
    }

    /** The {@link DeviceTopics#STATE_CHANGED} event of a device. */
    public static Event event(String deviceId, String hall, DeviceState state) {
        return new Event(DeviceTopics.STATE_CHANGED, Map.of(DeviceTopics.PROPERTY_DEVICE, deviceId,
                DeviceTopics.PROPERTY_HALL, hall, DeviceTopics.PROPERTY_STATE, state.name()));
    }

    @Override
    public void frame(Frame frame) {
        try {
            frames.accept(frame);
        } catch (RuntimeException e) {
            LOG.warn("{}: a frame could not be handled: {}", deviceId, e.toString());
        }
    }

    @Override
    public void stateChanged(DeviceState state) {
        try {
            post.accept(event(deviceId, hall, state));
        } catch (RuntimeException e) {
            LOG.warn("{}: state event not posted: {}", deviceId, e.getClass().getName());
        }
    }
}
