package org.smarthall.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.smarthall.api.event.HallTopics;
import org.smarthall.device.api.CallDisplay;
import org.smarthall.device.api.DeviceException;
import org.smarthall.device.api.DeviceTopics;
import org.smarthall.device.api.IdCard;
import org.smarthall.device.api.PrintElement;
import org.smarthall.device.api.Sex;
import org.smarthall.device.api.TicketPrinter;
import org.smarthall.device.simulators.PtyRig;
import org.smarthall.device.simulators.SimulatedDevice;
import org.smarthall.device.simulators.display.CallDisplaySimulator;
import org.smarthall.device.simulators.display.DisplayWire;
import org.smarthall.device.simulators.idcard.SamCardSimulator;
import org.smarthall.device.simulators.keypad.RatingKeypadSimulator;
import org.smarthall.device.simulators.printer.EscPosPrinterSimulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hall devices in the real distribution, booted once: drivers configured, reconfigured and
 * removed at runtime through ConfigAdmin, driver features uninstalled and installed again, a
 * simulator unplugged and replugged on a real pty, and failing drivers next to working ones;
 * seen as operators see them, through {@code GET /devices} and {@code hall:devices}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DevicesIT {
    private static final String SAM = "org.smarthall.device.idcard.sam";
    private static final String PRINTER = "org.smarthall.device.printer.escpos";
    private static final String DISPLAY = "org.smarthall.device.display.call";
    private static final String KEYPAD = "org.smarthall.device.keypad.rating";
    private static final String SAM_FEATURE = "smarthall-device-idcard-sam";
    private static final String STAFF = "staff";
    private static final String STAFF_PW = "staff-demo";
    /** A made-up card with a right GB 11643 check digit. */
    private static final IdCard CARD = new IdCard("测试用户", Sex.MALE, "汉", LocalDate.of(1985, 3, 7),
            "山东省济南市市中区测试路8号", "370103198503070014", "济南市公安局市中分局", LocalDate.of(2015, 6, 1),
            LocalDate.of(2035, 6, 1), new byte[1024]);

    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin configurations;
    @Inject
    private FeaturesService features;
    @Inject
    private SessionFactory sessions;

    private Http http;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private ServiceRegistration<EventHandler> listener;
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return new Option[] {SmartHallOptions.distribution()};
    }

    @Before
    public void listen() {
        http = new Http(Integer.getInteger(SmartHallOptions.HTTP_PORT));
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, new String[] {DeviceTopics.PREFIX + "*", HallTopics.CUSTOMER_IDENTIFIED});
        listener = context.registerService(EventHandler.class, events::add, props);
        // every resource joining the REST application redeploys it (a moment of 404s): wait for all
        Poll.until(Duration.ofSeconds(90), "every resource in the OpenAPI document", () -> {
            Http.Reply doc = http.get(http.api("/openapi.json"), null, null);
            return doc.status() == 200 && List.of("/devices", "/halls/{hall}/guidance/latest", "/imports/{dataset}", "/jobs",
                    "/halls/{hall}/visits", "/customers", "/tagging/runs", "/grading/{model}/runs", "/notifications",
                    "/halls/{hall}/screen/stream").stream().allMatch(path -> doc.body().contains("\"" + path + "\""))
                    && http.get(http.api("/devices"), STAFF, STAFF_PW).status() == 200;
        });
    }

    @After
    public void tidyUp() throws Exception {
        listener.unregister();
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    public void aReaderIsConfiguredReconfiguredAndRemovedAtRuntime() throws Exception {
        Sim<SamCardSimulator> reader = samSimulator();
        org.osgi.service.cm.Configuration config = configure(SAM, Map.of("deviceId", "it-reader-a", "hall", "H001",
                "port", reader.rig.hostEnd().toString(), "pollIntervalMillis", 100));

        JsonNode device = awaitDevice("it-reader-a", d -> d.get("state").asText().equals("CONNECTED"));
        assertEquals("idcard-reader", device.get("kind").asText());
        assertEquals("H001", device.get("hall").asText());
        assertEquals("idcard-sam", device.get("driver").asText());
        assertEquals(config.getPid(), device.get("configuration").asText());

        reader.device.layCard(CARD, "01");
        Event read = awaitEvent(DeviceTopics.CARD_READ, "it-reader-a");
        assertEquals("H001", read.getProperty(DeviceTopics.PROPERTY_HALL));
        assertEquals(CARD.idNumber(), ((IdCard) read.getProperty(DeviceTopics.PROPERTY_CARD)).idNumber());
        assertTrue(awaitDevice("it-reader-a", d -> d.get("framesGood").asLong() > 0).get("lastFrame").isTextual());

        String table = KarafShell.run(sessions, "hall:devices");
        assertTrue(table, table.contains("it-reader-a") && table.contains("CONNECTED") && table.contains("idcard-sam"));
        assertFalse("no card number in the shell", table.contains(CARD.idNumber()));

        // reconfigured: the same reader moves to another hall and goes on reading (the card is taken
        // away first: the new instance would read a card still lying there at once, before we look)
        reader.device.takeCardAway();
        config.update(props(Map.of("deviceId", "it-reader-a", "hall", "H002", "port", reader.rig.hostEnd().toString(),
                "pollIntervalMillis", 100)));
        awaitDevice("it-reader-a", d -> d.get("hall").asText().equals("H002") && d.get("state").asText().equals("CONNECTED"));
        events.clear();
        reader.device.layCard(CARD, "01");
        assertEquals("H002", awaitEvent(DeviceTopics.CARD_READ, "it-reader-a").getProperty(DeviceTopics.PROPERTY_HALL));

        config.delete();
        Poll.until(Duration.ofSeconds(20), "the removed reader to leave GET /devices",
                () -> http.get(http.api("/devices/it-reader-a"), STAFF, STAFF_PW).status() == 404);
        Http.Reply gone = http.get(http.api("/devices/it-reader-a"), STAFF, STAFF_PW);
        assertEquals("application/problem+json", gone.contentType());
    }

    @Test
    public void anUnpluggedReaderIsBackWithinTwoSecondsOfTheReplug() throws Exception {
        Sim<SamCardSimulator> reader = samSimulator();
        configure(SAM, Map.of("deviceId", "it-reader-b", "hall", "H001", "port", reader.rig.hostEnd().toString(),
                "pollIntervalMillis", 100));
        awaitDevice("it-reader-b", d -> d.get("state").asText().equals("CONNECTED"));

        reader.rig.unplug();
        awaitState("it-reader-b", "RECONNECTING");
        assertEquals("RECONNECTING", awaitDevice("it-reader-b", d -> true).get("state").asText());
        events.clear();
        long replugged = System.nanoTime();
        reader.rig.replug();
        awaitState("it-reader-b", "CONNECTED");
        long backMillis = (System.nanoTime() - replugged) / 1_000_000;
        assertTrue("back " + backMillis + " ms after the replug", backMillis < 2_000);

        reader.device.layCard(CARD, "01");
        awaitEvent(DeviceTopics.CARD_READ, "it-reader-b");
        assertTrue(awaitDevice("it-reader-b", d -> true).get("reconnects").asLong() >= 1);
    }

    @Test
    public void failingDriversLeaveTheOthersAlone() throws Exception {
        Sim<SamCardSimulator> reader = samSimulator();
        configure(SAM, Map.of("deviceId", "it-reader-c", "hall", "H003", "port", reader.rig.hostEnd().toString(),
                "pollIntervalMillis", 100));
        configure(SAM, Map.of("deviceId", "it-reader-bad", "hall", "H003", "port", "/dev/ttyUSB9", "baud", 7));
        configure(SAM, Map.of("deviceId", "it-reader-absent", "hall", "H003", "port", "/tmp/no-such-tty-for-itest"));
        configure("org.smarthall.device.nosuch.driver", Map.of("deviceId", "it-no-driver", "hall", "H003", "port", "/dev/ttyS0"));

        awaitDevice("it-reader-c", d -> d.get("state").asText().equals("CONNECTED"));
        JsonNode bad = awaitDevice("it-reader-bad", d -> d.get("state").asText().equals("FAILED_ACTIVATION"));
        assertTrue(bad.toString(), bad.get("problem").asText().contains("baud = 7"));
        awaitDevice("it-reader-absent", d -> d.get("state").asText().equals("RECONNECTING"));
        JsonNode none = awaitDevice("it-no-driver", d -> d.get("state").asText().equals("NO_DRIVER"));
        assertEquals("no driver is installed for org.smarthall.device.nosuch.driver", none.get("problem").asText());

        reader.device.layCard(CARD, "01");
        awaitEvent(DeviceTopics.CARD_READ, "it-reader-c");

        JsonNode hall = http.get(http.api("/devices?hall=H003"), STAFF, STAFF_PW).json();
        assertEquals(hall.toString(), 4, hall.size());
        String table = KarafShell.run(sessions, "hall:devices --hall H003");
        assertTrue(table, table.contains("FAILED_ACTIVATION") && table.contains("NO_DRIVER") && table.contains("baud = 7"));
        assertEquals(403, http.get(http.api("/devices"), "kiosk", "kiosk-demo").status());
        assertEquals(401, http.get(http.api("/devices"), null, null).status());
    }

    @Test
    public void aDriverFeatureIsUninstalledAndInstalledAgainWhileTheConfigurationStays() throws Exception {
        Sim<SamCardSimulator> reader = samSimulator();
        configure(SAM, Map.of("deviceId", "it-reader-d", "hall", "H002", "port", reader.rig.hostEnd().toString(),
                "pollIntervalMillis", 100));
        awaitDevice("it-reader-d", d -> d.get("state").asText().equals("CONNECTED"));
        try {
            features.uninstallFeature(SAM_FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            JsonNode orphan = awaitDevice("it-reader-d", d -> d.get("state").asText().equals("NO_DRIVER"));
            assertEquals(SAM, orphan.get("driver").asText());
            assertFalse(features.isInstalled(features.getFeature(SAM_FEATURE)));
        } finally {
            features.installFeature(SAM_FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        awaitDevice("it-reader-d", d -> d.get("state").asText().equals("CONNECTED"));
        events.clear();
        reader.device.layCard(CARD, "01");
        awaitEvent(DeviceTopics.CARD_READ, "it-reader-d");
    }

    @Test
    public void aTicketPrinterPrintsChineseAndRefusesWithoutPaper() throws Exception {
        Sim<EscPosPrinterSimulator> printer = simulator(EscPosPrinterSimulator::new);
        configure(PRINTER, Map.of("deviceId", "it-printer", "hall", "H001", "port", printer.rig.hostEnd().toString()));
        awaitDevice("it-printer", d -> d.get("state").asText().equals("CONNECTED")
                && d.get("kind").asText().equals("ticket-printer"));
        TicketPrinter service = service(TicketPrinter.class, "it-printer");

        service.print(List.of(new PrintElement.Text("国网济南供电公司营业厅", 1, true, PrintElement.Align.CENTER),
                new PrintElement.Text("A023", 4, true, PrintElement.Align.CENTER),
                PrintElement.Text.plain("前面还有 5 人"),
                new PrintElement.QrCode("https://hall.example/t/A023", 6), new PrintElement.Cut()));
        List<String> lines = Poll.until(Duration.ofSeconds(10), "the ticket on the simulated paper", () -> {
            List<String> t = printer.device.lastTicketText();
            return t.size() >= 3 ? t : null;
        });
        assertEquals(lines.toString(), List.of("国网济南供电公司营业厅", "A023", "前面还有 5 人"), lines.subList(0, 3));
        assertTrue(service.status().ready());

        printer.device.paperOut(true);
        try {
            service.print(List.of(PrintElement.Text.plain("B001")));
            throw new AssertionError("a printer without paper printed");
        } catch (DeviceException refused) {
            assertTrue(refused.getMessage(), refused.getMessage().contains("paper out"));
        }
        assertTrue(service.status().paperOut());
        printer.device.paperOut(false);
        assertTrue(awaitDevice("it-printer", d -> d.get("framesGood").asLong() >= 8).get("framesBad").asLong() == 0);
    }

    @Test
    public void aWindowDisplayShowsCallsWithTheVendorsAck() throws Exception {
        Sim<CallDisplaySimulator> display = simulator(p -> new CallDisplaySimulator(p, DisplayWire.WINDOW_CRC16_ACK));
        configure(DISPLAY, Map.of("deviceId", "it-display", "hall", "H001", "port", display.rig.hostEnd().toString(),
                "profile", "window-crc16-ack"));
        awaitDevice("it-display", d -> d.get("state").asText().equals("CONNECTED")
                && d.get("kind").asText().equals("call-display"));
        CallDisplay service = service(CallDisplay.class, "it-display");
        service.show(3, "请A023号到3号窗口");
        Poll.until(Duration.ofSeconds(5), "the call on window 3", () -> display.device.shown(3).filter("请A023号到3号窗口"::equals).orElse(null));
        display.device.nakNext();
        service.show(3, "请A024号到3号窗口");
        Poll.until(Duration.ofSeconds(5), "the call after a NAK, sent again", () -> display.device.shown(3).filter("请A024号到3号窗口"::equals).orElse(null));
        assertTrue(display.device.naksSent() >= 1);
        assertTrue(awaitDevice("it-display", d -> d.get("framesGood").asLong() >= 3).get("framesBad").asLong() == 0);
    }

    @Test
    public void keypadPressesBecomeRatingsOfTheirWindowOnceEach() throws Exception {
        Sim<RatingKeypadSimulator> keypads = simulator(RatingKeypadSimulator::new);
        configure(KEYPAD, Map.of("deviceId", "it-keypads", "hall", "H001", "port", keypads.rig.hostEnd().toString(),
                "windows", "1=W01,2=W02", "keyMap", "1=5,2=4,3=3,4=2,5=1"));
        awaitDevice("it-keypads", d -> d.get("state").asText().equals("CONNECTED")
                && d.get("kind").asText().equals("rating-keypad"));
        assertTrue("acked", keypads.device.press(2, 1));
        keypads.device.loseNextAck();
        assertTrue("acked after a resend", keypads.device.press(1, 4));
        Poll.until(Duration.ofSeconds(5), "two ratings", () -> ratings().size() >= 2 ? true : null);
        List<String> got = ratings();
        assertEquals(got.toString(), List.of("W02=5", "W01=2"), got);
        assertTrue(keypads.device.resendsSent() >= 1);
        assertEquals(0, awaitDevice("it-keypads", d -> d.get("framesGood").asLong() >= 3).get("framesBad").asLong());
    }

    /** The demo's way: one shell command starts a simulator and configures its driver; stop removes both. */
    @Test
    public void hallSimulateStartsASimulatorWithItsDriverConfigured() throws Exception {
        Path dir = Files.createTempDirectory("itest-sim");
        String started = KarafShell.run(sessions, "hall:simulate --kind keypad --hall H009 --dir " + dir + " sim-pads start");
        try {
            assertTrue(started, started.contains("driver configured"));
            awaitDevice("sim-pads", d -> d.get("state").asText().equals("CONNECTED") && d.get("hall").asText().equals("H009"));
            String pressed = KarafShell.run(sessions, "hall:simulate sim-pads press 2 1");
            assertTrue(pressed, pressed.contains("acknowledged"));
            Poll.until(Duration.ofSeconds(5), "the rating from the shell's press", () -> events.stream()
                    .anyMatch(e -> e.getTopic().equals(DeviceTopics.RATING_KEY) && "sim-pads".equals(e.getProperty(DeviceTopics.PROPERTY_DEVICE))
                            && "W02".equals(e.getProperty(DeviceTopics.PROPERTY_WINDOW))
                            && Integer.valueOf(5).equals(e.getProperty(DeviceTopics.PROPERTY_SCORE))) ? true : null);
        } finally {
            KarafShell.run(sessions, "hall:simulate sim-pads stop");
        }
        Poll.until(Duration.ofSeconds(20), "the stopped simulator's device to leave GET /devices",
                () -> http.get(http.api("/devices/sim-pads"), STAFF, STAFF_PW).status() == 404);
    }

    private List<String> ratings() {
        return events.stream().filter(e -> e.getTopic().equals(DeviceTopics.RATING_KEY)
                && "it-keypads".equals(e.getProperty(DeviceTopics.PROPERTY_DEVICE)))
                .map(e -> e.getProperty(DeviceTopics.PROPERTY_WINDOW) + "=" + e.getProperty(DeviceTopics.PROPERTY_SCORE))
                .toList();
    }

    /**
     * Swipe to portrait across the bundles: the reader's card event, the guidance cabin's lookup by
     * the ID hash in the store, the portrait on the staff's and the kiosk's views, the swipe in the
     * visit trajectory; and an unknown card as a visitor.
     */
    @Test
    public void aSwipeBecomesThePortraitOnTheGuidanceScreen() throws Exception {
        importCsv("halls", "hall_id,name,region,zones\nHG01,Guidance hall,370103,entrance;guidance;counter;self_service\n");
        importCsv("customers", "account,kind,name,id_number,phone,address,region,supply_unit,industry,contract_kva,opened,sensitive\n"
                + "9000000001,resident,测试用户," + CARD.idNumber() + ",13800001111,济南市市中区测试路8号,370103,市中供电中心,,,2015-01-01,\n");
        Sim<SamCardSimulator> reader = samSimulator();
        configure(SAM, Map.of("deviceId", "it-reader-g", "hall", "HG01", "port", reader.rig.hostEnd().toString(),
                "pollIntervalMillis", 100));
        awaitDevice("it-reader-g", d -> d.get("state").asText().equals("CONNECTED"));

        reader.device.layCard(CARD, "01");
        Event identified = awaitTopic(HallTopics.CUSTOMER_IDENTIFIED, "HG01");
        assertEquals("9000000001", identified.getProperty("account"));
        assertEquals(Boolean.FALSE, identified.getProperty("visitor"));
        long cardToPortrait = (Long) identified.getProperty("portraitAt") - (Long) identified.getProperty("cardTimestamp");
        System.out.println("DevicesIT: first byte of the card's answer to the portrait event: " + cardToPortrait + " ms");
        assertTrue(cardToPortrait + " ms", cardToPortrait >= 0);

        Http.Reply staff = http.get(http.api("/halls/HG01/guidance/latest"), STAFF, STAFF_PW);
        assertEquals(staff.body(), 200, staff.status());
        JsonNode portrait = staff.json();
        assertEquals("9000000001", portrait.get("account").asText());
        assertEquals("测*用户".length(), portrait.get("maskedName").asText().length());
        assertEquals("3701**********0014", portrait.get("maskedIdNumber").asText());
        assertEquals("self-service", portrait.get("route").get("kind").asText());
        assertFalse("the card number never leaves the cabin", staff.body().contains(CARD.idNumber()));
        assertFalse(staff.body().contains("测试路"));

        Http.Reply kiosk = http.get(http.api("/halls/HG01/guidance/latest"), "kiosk", "kiosk-demo");
        assertEquals(kiosk.body(), 200, kiosk.status());
        assertFalse(kiosk.body(), kiosk.json().has("account") || kiosk.json().has("tags") || kiosk.json().has("arrears"));
        assertEquals(403, http.get(http.api("/halls/HG01/guidance/latest"), "analyst", "analyst-demo").status());

        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Poll.until(Duration.ofSeconds(10), "the swipe in the visit trajectory", () -> {
            String visits = http.get(http.api("/halls/HG01/visits?date=" + today), "manager", "manager-demo").body();
            return visits.contains("card_swipe") && visits.contains("9000000001");
        });

        // a card SmartHall does not know: a visitor, sent to a counter, no error
        events.clear();
        reader.device.takeCardAway();
        reader.device.layCard(new IdCard("访客", Sex.FEMALE, "汉", LocalDate.of(1990, 1, 1), "济南市", "370102199001010028",
                "济南市公安局", LocalDate.of(2020, 1, 1), LocalDate.of(2040, 1, 1), new byte[0]), "01");
        Event visitor = awaitTopic(HallTopics.CUSTOMER_IDENTIFIED, "HG01");
        assertEquals(Boolean.TRUE, visitor.getProperty("visitor"));
        assertEquals("counter", http.get(http.api("/halls/HG01/guidance/latest"), STAFF, STAFF_PW).json()
                .get("route").get("kind").asText());
    }

    // ------------------------------------------------------------------------------------------

    private void importCsv(String dataset, String csv) {
        Http.Reply r = http.send("POST", http.api("/imports/" + dataset + "?name=itest.csv"), "analyst", "analyst-demo",
                csv, "text/csv; charset=UTF-8");
        assertEquals(r.body(), 202, r.status());
        long job = r.json().get("job").get("id").asLong();
        JsonNode done = Poll.until(Duration.ofSeconds(60), dataset + " import", () -> {
            JsonNode j = http.get(http.api("/jobs/" + job), "analyst", "analyst-demo").json();
            return j.get("state").asText().matches("SUCCEEDED|FAILED|CANCELLED") ? j : null;
        });
        assertEquals(done.toString(), "SUCCEEDED", done.get("state").asText());
        assertEquals(done.toString(), 0, done.get("counters").path("rejected").asLong());
    }

    private Event awaitTopic(String topic, String hall) {
        return Poll.until(Duration.ofSeconds(10), topic + " in " + hall, () -> events.stream()
                .filter(e -> e.getTopic().equals(topic) && hall.equals(e.getProperty("hall")))
                .findFirst().orElse(null));
    }

    private <S> S service(Class<S> type, String deviceId) {
        return Poll.until(Duration.ofSeconds(10), type.getSimpleName() + " " + deviceId, () -> {
            try {
                var refs = context.getServiceReferences(type, "(deviceId=" + deviceId + ")");
                return refs.isEmpty() ? null : context.getService(refs.iterator().next());
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    private <D extends SimulatedDevice> Sim<D> simulator(java.util.function.Function<Path, D> make) throws IOException {
        Path dir = Files.createTempDirectory("itest-pty");
        PtyRig rig = PtyRig.start(dir);
        cleanup.add(rig);
        D sim = make.apply(rig.deviceEnd());
        sim.start();
        cleanup.add(sim);
        return new Sim<>(rig, sim);
    }

    /** A simulator on its own pty pair, stopped after the test. */
    private record Sim<D extends SimulatedDevice>(PtyRig rig, D device) {
    }

    private Sim<SamCardSimulator> samSimulator() throws IOException {
        return simulator(SamCardSimulator::new);
    }

    private org.osgi.service.cm.Configuration configure(String factoryPid, Map<String, Object> values) throws IOException {
        org.osgi.service.cm.Configuration c = configurations.createFactoryConfiguration(factoryPid, "?");
        c.update(props(values));
        cleanup.add(() -> {
            try {
                c.delete();
            } catch (IllegalStateException alreadyDeleted) {
                // deleted by the test itself
            }
        });
        return c;
    }

    private static Dictionary<String, Object> props(Map<String, Object> values) {
        return new Hashtable<>(values);
    }

    private JsonNode awaitDevice(String id, Predicate<JsonNode> condition) {
        return Poll.until(Duration.ofSeconds(20), "device " + id + " in GET /devices as expected", () -> {
            Http.Reply r = http.get(http.api("/devices/" + id), STAFF, STAFF_PW);
            if (r.status() == 200 && condition.test(r.json())) {
                return r.json();
            }
            // the last one is the cause the timeout reports
            throw new AssertionError("GET /devices/" + id + " " + r.status() + ": " + r.body()
                    + " (all: " + http.get(http.api("/devices"), STAFF, STAFF_PW).body() + ")");
        });
    }

    private Event awaitEvent(String topic, String device) {
        return Poll.until(Duration.ofSeconds(10), topic + " from " + device, () -> events.stream()
                .filter(e -> e.getTopic().equals(topic) && device.equals(e.getProperty(DeviceTopics.PROPERTY_DEVICE)))
                .findFirst().orElse(null));
    }

    private void awaitState(String device, String state) {
        Event e = Poll.until(Duration.ofSeconds(10), device + " " + state, () -> events.stream()
                .filter(x -> x.getTopic().equals(DeviceTopics.STATE_CHANGED)
                        && device.equals(x.getProperty(DeviceTopics.PROPERTY_DEVICE))
                        && state.equals(String.valueOf(x.getProperty(DeviceTopics.PROPERTY_STATE))))
                .findFirst().orElse(null));
        assertNotNull(e);
    }
}
