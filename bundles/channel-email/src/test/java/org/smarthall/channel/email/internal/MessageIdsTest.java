package org.smarthall.channel.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void aDotAtomIdIsKeptAsItIs() {
        assertEquals("<msg-1.2@smarthall.host>", MessageIds.of("msg-1.2", "smarthall.host"));
        assertEquals("<9f1c2a7e-5b7d-4c1a-9d2e-0c4b8f6a1e3d@hall.example>",
                MessageIds.of("9f1c2a7e-5b7d-4c1a-9d2e-0c4b8f6a1e3d", "hall.example"));
    }

    @Test
    void anyOtherIdIsEncodedTheSameWayEveryTime() {
        String spaced = MessageIds.of("bill 2026-10 #7", "smarthall.host");
        assertEquals("<b64.YmlsbCAyMDI2LTEwICM3@smarthall.host>", spaced);
        assertEquals(spaced, MessageIds.of("bill 2026-10 #7", "smarthall.host"));
        assertEquals("<b64.6LSm5Y2VLTE@smarthall.host>", MessageIds.of("账单-1", "smarthall.host"));
        assertEquals("<b64.YS4uYg@smarthall.host>", MessageIds.of("a..b", "smarthall.host"));
    }

    @Test
    void anIdLookingEncodedIsEncodedSoTwoIdsNeverMeet() {
        String encoded = MessageIds.of("bill 2026-10 #7", "d");
        String lookalike = "b64.YmlsbCAyMDI2LTEwICM3";
        assertNotEquals(encoded, MessageIds.of(lookalike, "d"));
        assertTrue(MessageIds.of(lookalike, "d").startsWith("<b64."));
    }

    @Test
    void aLongIdIsHashedToKeepTheHeaderShort() {
        String id = "x".repeat(300);
        String header = MessageIds.of(id, "smarthall.host");
        assertTrue(header.startsWith("<sha256."), header);
        assertEquals(header, MessageIds.of(id, "smarthall.host"));
        assertNotEquals(header, MessageIds.of("x".repeat(301), "smarthall.host"));
        assertTrue(header.length() < 80, header);
    }
}
