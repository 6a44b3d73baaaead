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
import org.smarthall.device.api.DeviceException;
import org.smarthall.device.api.DeviceTopics;
import org.smarthall.device.api.IdCard;
import org.smarthall.device.api.PrintElement;
import org.smarthall.device.api.Sex;
import org.smarthall.device.api.TicketPrinter;
import org.smarthall.device.simulators.PtyRig;
import org.smarthall.device.simulators.SimulatedDevice;
import org.smarthall.device.simulators.idcard.SamCardSimulator;
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
        props.put(EventConstants.EVENT_TOPIC, new String[] {DeviceTopics.PREFIX + "*"});
        listener = context.registerService(EventHandler.class, events::add, props);
        Poll.until(Duration.ofSeconds(60), "GET /devices to answer",
                () -> http.get(http.api("/devices"), STAFF, STAFF_PW).status() == 200);
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

        // reconfigured: the same reader moves to another hall and goes on reading
        config.update(props(Map.of("deviceId", "it-reader-a", "hall", "H002", "port", reader.rig.hostEnd().toString(),
                "pollIntervalMillis", 100)));
        awaitDevice("it-reader-a", d -> d.get("hall").asText().equals("H002") && d.get("state").asText().equals("CONNECTED"));
        events.clear();
        reader.device.takeCardAway();
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

    // ------------------------------------------------------------------------------------------

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
