package org.smarthall.grade.trips.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smarthall.grade.trips.internal.Prepaid.AS_OF;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.grading.FittedModel;
import org.smarthall.api.grading.Population;
import org.smarthall.testing.Annotations;

/** The component as Declarative Services activates it, and its fit over a population. */
class PrepaidTripsModelTest {

    private static PrepaidTripsModel model(Map<String, Object> config) {
        return new PrepaidTripsModel(Annotations.of(TripsConfig.class, config));
    }

    /** A population from a list, counting its scans. */
    static final class ListPopulation implements Population {
        final List<CustomerSnapshot> customers;
        int scans;

        ListPopulation(List<CustomerSnapshot> customers) {
            this.customers = customers;
        }

        @Override
        public long size() {
            return customers.size();
        }

        @Override
        public void forEach(Consumer<CustomerSnapshot> action) {
            scans++;
            customers.forEach(action);
        }
    }

    @Test
    void worksWithoutAConfigurationFile() {
        PrepaidTripsModel model = model(Map.of());
        assertEquals("prepaid-trips", model.id());
        assertEquals(Set.of(CustomerKind.PREPAID_RESIDENT), model.kinds());
        FittedModel fitted = model.fit(new ListPopulation(List.of()), AS_OF);
        assertEquals("frequent", fitted.grade(Prepaid.tripping(2).build()).grade());
        assertEquals("occasional", fitted.grade(Prepaid.tripping(1).build()).grade());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "occasionalFrom | 0 | occasionalFrom = 0 must be at least 1",
        "occasionalFrom | 2 | frequentFrom = 2 must be above occasionalFrom = 2",
        "frequentFrom   | 1 | frequentFrom = 1 must be above occasionalFrom = 1",
        "frequentFrom   | 0 | frequentFrom = 0 must be above occasionalFrom = 1",
    })
    void nonsensicalConfigurationIsRefusedNamingTheAttribute(String attribute, int value, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model(Map.of(attribute, value)));
        assertEquals("prepaid-trips configuration refused: " + why, e.getMessage());
    }

    @Test
    void changedThresholdsChangeTheGrade() {
        FittedModel fitted = model(Map.of("occasionalFrom", 2, "frequentFrom", 3)).fit(new ListPopulation(List.of()),
                AS_OF);
        assertEquals("normal", fitted.grade(Prepaid.tripping(1).build()).grade());
        assertEquals("occasional", fitted.grade(Prepaid.tripping(2).build()).grade());
        assertEquals("frequent", fitted.grade(Prepaid.tripping(3).build()).grade());
        assertEquals(Map.of("model", "prepaid-trips", "asOf", "2026-06-30", "windowMonths", 12, "occasionalFrom", 2,
                "frequentFrom", 3), fitted.parameters());
    }

    /** 100 customers: 31 frequent (the seed's share), 20 occasional, 45 normal, and 4 without evidence. */
    @Test
    void fitReportsTheSharesOfTheClassesInOneScan() {
        List<CustomerSnapshot> customers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Prepaid p = i < 31 ? Prepaid.tripping(2 + i % 4) : i < 51 ? Prepaid.tripping(1)
                    : i < 96 ? Prepaid.tripping(0) : Prepaid.customer();
            customers.add(p.account(String.format("37%08d", i)).build());
        }
        ListPopulation population = new ListPopulation(customers);
        FittedModel fitted = model(Map.of()).fit(population, AS_OF);
        assertEquals(1, population.scans);

        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("customers", 100.0);
        expected.put("graded", 96.0);
        expected.put("unknown", 4.0);
        expected.put("share.normal", 45 / 96.0);
        expected.put("share.occasional", 20 / 96.0);
        expected.put("share.frequent", 31 / 96.0);
        assertEquals(expected, fitted.quality());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(fitted.quality().keySet()));
        assertEquals(Map.of("model", "prepaid-trips", "asOf", "2026-06-30", "windowMonths", 12, "occasionalFrom", 1,
                "frequentFrom", 2), fitted.parameters());
        assertEquals("unknown", fitted.grade(customers.get(99)).grade());
    }

    @Test
    void noGradedCustomerGivesNoShares() {
        FittedModel fitted = model(Map.of()).fit(new ListPopulation(List.of(Prepaid.customer().build())), AS_OF);
        assertEquals(Map.of("customers", 1.0, "graded", 0.0, "unknown", 1.0), fitted.quality());
    }
}
