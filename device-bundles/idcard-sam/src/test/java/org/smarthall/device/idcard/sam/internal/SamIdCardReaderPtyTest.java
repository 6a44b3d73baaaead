package org.smarthall.device.idcard.sam.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.smarthall.api.customer.Pii;
import org.smarthall.device.api.DeviceState;
import org.smarthall.device.api.DeviceTopics;
import org.smarthall.device.api.IdCard;
import org.smarthall.device.api.Sex;
import org.smarthall.device.serial.LinkSettings;
import org.smarthall.device.serial.internal.JSerialCommPorts;
import org.smarthall.device.simulators.Fault;
import org.smarthall.device.simulators.PtyRig;
import org.smarthall.device.simulators.idcard.SamCardSimulator;

/** The driver over a real socat pty pair against the card side of the SAM protocol. */
class SamIdCardReaderPtyTest {
    private static final String ID_17 = "37010219800517123";
    private static final byte[] PHOTO = new byte[1024];
    static {
        new Random(11643).nextBytes(PHOTO);
    }
    private static final IdCard CARD = new IdCard("张三丰", Sex.MALE, "汉", LocalDate.of(1980, 5, 17),
            "山东省济南市历下区泉城路1号", ID_17 + Pii.checkCharacter(ID_17), "济南市公安局历下分局",
            LocalDate.of(2015, 1, 1), LocalDate.of(2035, 1, 1), PHOTO);

    @TempDir
    Path dir;
    private PtyRig rig;
    private SamCardSimulator reader;
    private SamIdCardReader driver;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void plugIn() throws IOException {
        rig = PtyRig.start(dir);
        reader = new SamCardSimulator(rig.deviceEnd());
        reader.start();
        LinkSettings link = new LinkSettings(rig.hostEnd().toString(), 115_200, Duration.ofMillis(300),
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        driver = new SamIdCardReader(new JSerialCommPorts(), events::add,
                new SamReaderSettings("hall1-reader", "hall1", link, Duration.ofMillis(50), Duration.ofMillis(500)),
                Clock.systemDefaultZone());
        await("connected", () -> driver.info().state() == DeviceState.CONNECTED, Duration.ofSeconds(3));
    }

    @AfterEach
    void unplug() {
        driver.stop();
        reader.close();
        rig.close();
    }

    @Test
    void aCardLaidOnTheReaderIsPostedOnceWithEveryField() {
        long before = System.currentTimeMillis();
        reader.layCard(CARD, "01");
        Event e = nextCard();
        IdCard card = (IdCard) e.getProperty(DeviceTopics.PROPERTY_CARD);
        assertEquals(CARD, card); // every text field and the photo
        assertEquals("张三丰", card.name());
        assertEquals("汉", card.nation());
        assertEquals("山东省济南市历下区泉城路1号", card.address());
        assertArrayEquals(PHOTO, card.photo());
        assertEquals("hall1-reader", e.getProperty(DeviceTopics.PROPERTY_DEVICE));
        assertEquals("hall1", e.getProperty(DeviceTopics.PROPERTY_HALL));
        long at = (Long) e.getProperty(DeviceTopics.PROPERTY_TIMESTAMP);
        assertTrue(at >= before && at <= System.currentTimeMillis(), "timestamp " + at);

        // the card stays on the reader: polls go on, nothing is posted again
        int reads = reader.reads();
        await("more reads", () -> reader.reads() >= reads + 3, Duration.ofSeconds(3));
        assertEquals(1, cards().size());

        // taken away and laid again: a new swipe
        reader.takeCardAway();
        long found = driver.info().framesGood();
        await("a poll without the card", () -> driver.info().framesGood() >= found + 2, Duration.ofSeconds(3));
        reader.layCard(CARD, "01");
        await("a second swipe", () -> cards().size() == 2, Duration.ofSeconds(3));
        assertEquals(0, driver.info().framesBad());
    }

    @Test
    void aLongTermCardHasNoEndOfValidityAndAMinorityNation() {
        IdCard longTerm = new IdCard(CARD.name(), Sex.FEMALE, "蒙古", CARD.birthDate(), CARD.address(),
                CARD.idNumber(), CARD.authority(), CARD.validFrom(), null, new byte[0]);
        reader.layCard(longTerm, "02");
        IdCard card = (IdCard) nextCard().getProperty(DeviceTopics.PROPERTY_CARD);
        assertNull(card.validTo());
        assertEquals("蒙古", card.nation());
        assertEquals(Sex.FEMALE, card.sex());
        assertArrayEquals(new byte[1024], card.photo()); // an empty photo area is 1024 zero bytes on the wire
    }

    @Test
    void aBadChecksumIsCountedAndSkippedThenTheNextPollReads() {
        reader.spoilNextRead(Fault.BAD_CHECKSUM);
        reader.layCard(CARD, "01");
        assertEquals(CARD, nextCard().getProperty(DeviceTopics.PROPERTY_CARD));
        assertEquals(1, driver.info().framesBad());
        assertTrue(reader.reads() >= 2);
        assertEquals(1, cards().size());
    }

    @Test
    void aTruncatedReadIsCountedAndTheNextPollReads() {
        reader.spoilNextRead(Fault.TRUNCATED);
        reader.layCard(CARD, "01");
        assertEquals(CARD, nextCard().getProperty(DeviceTopics.PROPERTY_CARD));
        assertEquals(1, driver.info().framesBad());
        assertEquals(1, cards().size());
    }

    @Test
    void afterAnUnplugTheReaderIsBackWithinTwoSecondsOfTheReplugAndReads() throws IOException {
        rig.unplug();
        await("reconnecting", () -> driver.info().state() == DeviceState.RECONNECTING, Duration.ofSeconds(3));
        long away = System.nanoTime() + Duration.ofMillis(2_500).toNanos();
        await("away long enough for the backoff to reach its cap", () -> System.nanoTime() > away,
                Duration.ofSeconds(3));
        rig.replug();
        long replugged = System.nanoTime();
        await("connected again", () -> driver.info().state() == DeviceState.CONNECTED, Duration.ofSeconds(2));
        assertTrue(System.nanoTime() - replugged < Duration.ofSeconds(2).toNanos());
        assertEquals(1, driver.info().reconnects());

        reader.layCard(CARD, "01");
        assertEquals(CARD, nextCard().getProperty(DeviceTopics.PROPERTY_CARD));
        List<Object> states = events.stream().filter(e -> e.getTopic().equals(DeviceTopics.STATE_CHANGED))
                .map(e -> e.getProperty(DeviceTopics.PROPERTY_STATE)).toList();
        assertEquals(List.of("CONNECTED", "RECONNECTING", "CONNECTED"), states);
    }

    @Test
    void aLineTooSlowForTheFrameTimeoutCostsFramesNotTheDriver() {
        // 1 ms a byte: a read answer takes 1.3 s, past the 300 ms frame timeout
        reader.slowLine(Duration.ofMillis(1));
        reader.layCard(CARD, "01");
        await("a read given up", () -> driver.info().framesBad() >= 1, Duration.ofSeconds(5));
        assertEquals(List.of(), cards());
        reader.slowLine(Duration.ZERO);
        assertEquals(CARD, nextCard().getProperty(DeviceTopics.PROPERTY_CARD));
        assertEquals(DeviceState.CONNECTED, driver.info().state());
    }

    @Test
    void noCardMeansNoEventAndNoError() {
        long good = driver.info().framesGood();
        await("a few polls", () -> driver.info().framesGood() >= good + 5, Duration.ofSeconds(3));
        assertEquals(List.of(), cards());
        assertEquals(0, driver.info().framesBad());
        assertEquals(0, driver.cardsRefused());
        assertEquals(0, reader.reads());
    }

    @Test
    void aCardWhoseIdNumberFailsTheCheckDigitIsNotPosted() {
        char wrong = CARD.idNumber().charAt(17) == '1' ? '2' : '1';
        IdCard misread = new IdCard(CARD.name(), CARD.sex(), CARD.nation(), CARD.birthDate(), CARD.address(),
                ID_17 + wrong, CARD.authority(), CARD.validFrom(), CARD.validTo(), PHOTO);
        reader.layCard(misread, "01");
        await("refused", () -> driver.cardsRefused() >= 1, Duration.ofSeconds(3));
        int reads = reader.reads();
        await("more reads", () -> reader.reads() >= reads + 3, Duration.ofSeconds(3));
        assertEquals(1, driver.cardsRefused(), "refused once while it lies there, not once a poll");
        assertEquals(List.of(), cards());
    }

    @Test
    void nothingOfTheCardReachesTheLog() {
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            reader.spoilNextRead(Fault.BAD_CHECKSUM);
            reader.layCard(CARD, "01");
            nextCard();
            reader.takeCardAway();
            IdCard misread = new IdCard(CARD.name(), CARD.sex(), CARD.nation(), CARD.birthDate(), CARD.address(),
                    ID_17 + (CARD.idNumber().charAt(17) == '1' ? '2' : '1'), CARD.authority(), CARD.validFrom(),
                    CARD.validTo(), PHOTO);
            reader.layCard(misread, "01");
            await("refused", () -> driver.cardsRefused() >= 1, Duration.ofSeconds(3));
        } finally {
            System.setErr(stderr);
        }
        String text = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("3701**********"), "the masked number is logged: " + text);
        for (String secret : List.of(CARD.name(), ID_17, "19800517", "泉城路", "历下分局")) {
            assertTrue(!text.contains(secret), secret + " in the log: " + text);
        }
    }

    private List<Event> cards() {
        return events.stream().filter(e -> e.getTopic().equals(DeviceTopics.CARD_READ)).toList();
    }

    private Event nextCard() {
        await("a card read", () -> !cards().isEmpty(), Duration.ofSeconds(3));
        return cards().get(0);
    }

    static void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + timeout);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
