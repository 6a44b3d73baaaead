package org.smarthall.tag.consumption.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.tag.TagValue;

class ConsumptionThemeTest {

    @Test
    void activatedWithDefaultsItTagsOnSixDimensions() {
        ConsumptionTheme theme = new ConsumptionTheme();
        theme.activate(TestConfig.defaults());
        assertEquals("consumption", theme.id());
        List<TagValue> tags = theme.evaluate(Customers.resident().lastThree(200, 10, 10, 10).build(), Customers.AS_OF);
        assertEquals(6, tags.size());
        assertEquals("suspected", tags.get(4).value());
        assertEquals("compliant-use", tags.get(5).value());
    }

    @Test
    void aBadConfigurationFailsActivation() {
        ConsumptionTheme theme = new ConsumptionTheme();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> theme.activate(TestConfig.with(Map.of("residentSmallKwh", 3_000))));
        assertEquals("residentLargeKwh (2520.0) must be greater than residentSmallKwh (3000.0)", e.getMessage());
    }

    @Test
    void reactivationAppliesTheNewConfiguration() {
        ConsumptionTheme theme = new ConsumptionTheme();
        CustomerSnapshot customer = Customers.resident().lastThree(200, 90, 90, 90).build();
        theme.activate(TestConfig.defaults());
        assertEquals("none", theme.evaluate(customer, Customers.AS_OF).get(4).value());
        theme.activate(TestConfig.with("violationPercent", 50));
        assertEquals("suspected", theme.evaluate(customer, Customers.AS_OF).get(4).value());
    }

    @Test
    void threadsSharingTheThemeGetTheSameTags() throws Exception {
        ConsumptionTheme theme = new ConsumptionTheme();
        theme.activate(TestConfig.defaults());
        List<CustomerSnapshot> customers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            customers.add(Customers.resident().kva(i % 3 == 0 ? 8.0 : null).shares(30 + i % 12, 20 + i % 13)
                    .lastThree(100 + i, 100 + i * (i % 5), 40 + i, i % 7 == 0 ? 0 : 150).build());
        }
        List<List<TagValue>> expected = customers.stream().map(c -> theme.evaluate(c, Customers.AS_OF)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<TagValue>>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> customers.stream().map(c -> theme.evaluate(c, Customers.AS_OF)).toList()));
            }
            for (Future<List<List<TagValue>>> run : runs) {
                assertEquals(expected, run.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
