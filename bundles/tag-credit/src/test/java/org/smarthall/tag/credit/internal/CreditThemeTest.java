package org.smarthall.tag.credit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarthall.tag.credit.internal.CreditModelTest.AS_OF;
import static org.smarthall.tag.credit.internal.CreditModelTest.assertTag;
import static org.smarthall.tag.credit.internal.CreditModelTest.punctualOldResident;
import static org.smarthall.tag.credit.internal.CreditModelTest.tag;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.tag.TagValue;

/** The component as DS activates it: its configuration, checked, and what changing it does. */
class CreditThemeTest {
    /** The feature's default configuration, from this module's directory. */
    private static final Path CFG = Path.of("..", "..", "features", "src", "main", "cfg", "org.smarthall.tag.credit.cfg");

    private static CreditModel model(Map<String, ?> config) {
        return Configs.model(config);
    }

    private static Snapshots defaulterWithProperty() {
        return punctualOldResident().credit("bank", "loan", LocalDate.of(2026, 3, 14), "default")
                .credit("property_registry", "property", LocalDate.of(2026, 1, 10), "normal");
    }

    @Test
    void answersOneCreditTagUnderItsId() {
        CreditTheme theme = new CreditTheme(Configs.defaults());
        assertEquals("credit", theme.id());
        List<TagValue> tags = theme.evaluate(punctualOldResident().build(), AS_OF);
        assertEquals(1, tags.size());
        assertTag("AAA", 90.0, tags.get(0));
    }

    @Test
    void refusesCutOffsOutOfOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CreditTheme(Configs.config(Map.of("gradeA", 85.0))));
        assertEquals("the grade cut-offs must rise strictly: gradeB (50.0) < gradeA (85.0) < gradeAa (80.0) < gradeAaa "
                + "(90.0)", e.getMessage());
    }

    @Test
    void refusesEqualCutOffs() {
        assertThrows(IllegalArgumentException.class, () -> new CreditTheme(Configs.config(Map.of("gradeAa", 90.0))));
    }

    @Test
    void refusesWeightsThatDoNotAddUpToOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CreditTheme(Configs.config(Map.of("internalWeight", 0.7))));
        assertEquals("internalWeight (0.7) and thirdPartyWeight (0.4) must add up to 1", e.getMessage());
    }

    @Test
    void refusesAGradeThatIsNone() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CreditTheme(Configs.config(Map.of("defaultCapsGradeAt", "D"))));
        assertEquals("defaultCapsGradeAt must be one of AAA, AA, A, B, C, not 'D'", e.getMessage());
    }

    @Test
    void refusesOtherNonsense() {
        assertEquals("lookBackMonths must be 1 to 120, not 0", assertThrows(IllegalArgumentException.class,
                () -> new CreditTheme(Configs.config(Map.of("lookBackMonths", 0)))).getMessage());
        assertEquals("tripPoints must be 0 or more, not -1.0", assertThrows(IllegalArgumentException.class,
                () -> new CreditTheme(Configs.config(Map.of("tripPoints", -1.0)))).getMessage());
        assertEquals("internalBase must be 0 to 100, not 120.0", assertThrows(IllegalArgumentException.class,
                () -> new CreditTheme(Configs.config(Map.of("internalBase", 120.0)))).getMessage());
        assertEquals("gradeB must be 0 to 100, not -5.0", assertThrows(IllegalArgumentException.class,
                () -> new CreditTheme(Configs.config(Map.of("gradeB", -5.0)))).getMessage());
        assertEquals("lateDayPoints must be 0 or more, not NaN", assertThrows(IllegalArgumentException.class,
                () -> new CreditTheme(Configs.config(Map.of("lateDayPoints", Double.NaN)))).getMessage());
    }

    @Test
    void aHigherCutOffMovesTheCustomerDown() {
        assertTag("AA", 90.0, tag(model(Map.of("gradeAaa", 92.0)), punctualOldResident()));
    }

    @Test
    void lessWeightOnAccountAgeMovesTheCustomerDown() {
        assertTag("AA", 80.0, tag(model(Map.of("accountAgePointsPerYear", 0.0)), punctualOldResident()));
    }

    @Test
    void weightsChooseBetweenTheParts() {
        Snapshots customer = punctualOldResident().credit("bank", "loan", LocalDate.of(2026, 5, 31), "normal");
        TagValue internalOnly = tag(model(Map.of("internalWeight", 1.0, "thirdPartyWeight", 0.0)), customer);
        assertTag("AAA", 90.0, internalOnly);
        assertTrue(internalOnly.reason().endsWith("Score 90.0 = 1 x internal 90.0 + 0 x third-party 83.0."),
                internalOnly.reason());
        assertTag("AA", 86.5, tag(model(Map.of("internalWeight", 0.5, "thirdPartyWeight", 0.5)), customer));
    }

    @Test
    void theCapIsConfigurable() {
        assertTag("A", 70.0, tag(model(Map.of("defaultCapsGradeAt", "A")), defaulterWithProperty()));
        assertTag("A", 70.0, tag(model(Map.of("defaultCapsGradeAt", "aaa")), defaulterWithProperty()));
        TagValue c = tag(model(Map.of("defaultCapsGradeAt", "C")), defaulterWithProperty());
        assertTag("C", 49.9, c);
        assertTrue(c.reason().endsWith("capped at C by the default (score 49.9)."), c.reason());
    }

    @Test
    void aLongerLookBackReachesAnOlderDefault() {
        Snapshots customer = punctualOldResident().credit("bank", "loan", LocalDate.of(2024, 6, 30), "default")
                .credit("property_registry", "property", LocalDate.of(2026, 1, 10), "normal");
        assertTag("AAA", 90.0, tag(model(Map.of()), customer));
        assertTag("B", 64.9, tag(model(Map.of("lookBackMonths", 36)), customer));
        assertTrue(tag(model(Map.of("lookBackMonths", 36)), Snapshots.resident()).reason()
                .endsWith("no third-party credit record in the 36 months before"));
    }

    @Test
    void pointsAreConfigurable() {
        Snapshots prepaid = Snapshots.prepaid().monthlyRecharges(YearMonth.of(2025, 7), 12).trips(YearMonth.of(2025, 8), 2);
        assertTag("AA", 80.0, tag(model(Map.of("tripPoints", 0.0)), prepaid));
        assertTag("A", 74.0, tag(model(Map.of()), prepaid));
        assertTag("B", 60.0, tag(model(Map.of("tripPoints", 10.0, "maxTripPoints", 20.0)), prepaid));
    }

    @Test
    void evaluatesFromManyThreadsAtOnce() throws Exception {
        CreditTheme theme = new CreditTheme(Configs.defaults());
        CustomerSnapshot customer = CreditModelTest.punctualOldResident().build();
        List<TagValue> expected = List.of(theme.evaluate(customer, AS_OF).get(0),
                theme.evaluate(customer, AS_OF.plusYears(1)).get(0));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        // alternating dates: every call may find another date's window cached
                        LocalDate asOf = i % 2 == 0 ? AS_OF : AS_OF.plusYears(1);
                        if (!theme.evaluate(customer, asOf).get(0).equals(expected.get(i % 2))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertTrue(run.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCfgFileHoldsEveryAttributeAtItsDefault() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(CFG), "not built inside the SmartHall source tree");
        Properties cfg = new Properties();
        try (Reader in = Files.newBufferedReader(CFG, StandardCharsets.UTF_8)) {
            cfg.load(in);
        }
        Method[] attributes = CreditConfig.class.getDeclaredMethods();
        assertEquals(new TreeSet<>(Arrays.stream(attributes).map(Method::getName).toList()),
                new TreeSet<>(cfg.stringPropertyNames()));
        for (Method attribute : attributes) {
            Object value = attribute.getDefaultValue();
            String written = cfg.getProperty(attribute.getName()).strip();
            if (value instanceof Double d) {
                assertEquals(d, Double.parseDouble(written), 0, attribute.getName());
            } else {
                assertEquals(String.valueOf(value), written, attribute.getName());
            }
        }
    }
}
