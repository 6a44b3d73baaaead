package org.smarthall.device.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.smarthall.device.api.DeviceState;
import org.smarthall.device.api.DeviceTopics;

class StateEventsTest {

    @Test
    void statesArePostedAsStateChangedEventsOfTheDevice() {
        List<Event> posted = new ArrayList<>();
        StateEvents listener = new StateEvents("H001-reader", "H001", posted::add);
        listener.stateChanged(DeviceState.RECONNECTING);
        listener.stateChanged(DeviceState.CONNECTED);
        assertEquals(2, posted.size());
        Event e = posted.get(1);
        assertEquals(DeviceTopics.STATE_CHANGED, e.getTopic());
        assertEquals("H001-reader", e.getProperty(DeviceTopics.PROPERTY_DEVICE));
        assertEquals("H001", e.getProperty(DeviceTopics.PROPERTY_HALL));
        assertEquals("CONNECTED", e.getProperty(DeviceTopics.PROPERTY_STATE));
    }

    @Test
    void neitherAFailingPublisherNorAFailingHandlerReachesTheLinksReaderThread() {
        List<Frame> handled = new ArrayList<>();
        StateEvents listener = new StateEvents("pads", "H001", e -> {
            throw new IllegalStateException("EventAdmin gone");
        }, f -> {
            handled.add(f);
            throw new IllegalArgumentException("bad press");
        });
        listener.stateChanged(DeviceState.CLOSED);
        Frame frame = new Frame(new byte[] {0x5A, (byte) 0xA5}, 1L);
        listener.frame(frame);
        assertEquals(List.of(frame), handled);
    }

    @Test
    void framesNobodyWaitedForAreDroppedByDefault() {
        List<Event> posted = new ArrayList<>();
        StateEvents listener = new StateEvents("printer", "H002", posted::add);
        listener.frame(new Frame(new byte[] {0x12}, 1L));
        assertTrue(posted.isEmpty());
    }
}
