package org.smarthall.customers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.ForbiddenException;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.customer.CustomerFacet;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerRepository;
import org.smarthall.api.customer.CustomerSummary;
import org.smarthall.api.customer.Pii;
import org.smarthall.api.customer.PiiProtector;
import org.smarthall.api.hall.Hall;
import org.smarthall.api.hall.HallActivity;
import org.smarthall.api.hall.IngestResult;
import org.smarthall.api.hall.Visit;
import org.smarthall.api.hall.ZoneEvent;
import org.smarthall.api.hall.ZoneHeat;

/** The resource's own rules, with hand-written stand-ins of SmartHall's interfaces. */
class CustomersResourceTest {
    private static final String FIRST17 = "37010219800517001";
    private static final String ID = FIRST17 + Pii.checkCharacter(FIRST17);
    private static final CustomerProfile ZHANG = new CustomerProfile("3700000001", CustomerKind.RESIDENT, "张三",
            Pii.maskIdNumber(ID), "138****5678", null, "370102", "历下供电中心", null, null, null, Set.of(), List.of());

    private final List<String> hashed = new ArrayList<>();
    private final PiiProtector pii = new PiiProtector() {
        @Override
        public String hashIdNumber(String idNumber) {
            hashed.add(idNumber);
            return "h:" + Pii.normalizeIdNumber(idNumber);
        }

        @Override
        public String hashPhone(String phone) {
            return "p:" + phone;
        }

        @Override
        public String encrypt(String plain) {
            return plain;
        }

        @Override
        public String decrypt(String encrypted) {
            return encrypted;
        }
    };

    private final CustomerRepository repository = new CustomerRepository() {
        @Override
        public Optional<CustomerProfile> find(String account) {
            return ZHANG.account().equals(account) ? Optional.of(ZHANG) : Optional.empty();
        }

        @Override
        public List<CustomerProfile> findByIdHash(String idHash) {
            return idHash.equals("h:" + ID) ? List.of(ZHANG) : List.of();
        }

        @Override
        public List<CustomerProfile> search(String query, int offset, int limit) {
            return query.startsWith("张") ? List.of(ZHANG) : List.of();
        }

        @Override
        public Optional<String> phoneNumber(String account) {
            return Optional.empty();
        }

        @Override
        public long count(String query) {
            return search(query, 0, 1).size();
        }

        @Override
        public CustomerSummary summary(String account, LocalDate asOf) {
            return new CustomerSummary(asOf, new CustomerSummary.Consumption(0, 0, null, null, null, null),
                    new CustomerSummary.Billing(0, 0, null, 0, Map.of()), null,
                    new CustomerSummary.Service(Map.of(), 0, null, 0), List.of(), new CustomerSummary.Visits(0, null));
        }

        @Override
        public Map<CustomerKind, Long> countByKind() {
            return new EnumMap<>(CustomerKind.class);
        }
    };

    private final List<String> visitQueries = new ArrayList<>();
    private final HallActivity halls = new HallActivity() {
        @Override
        public List<Hall> halls() {
            return List.of();
        }

        @Override
        public Optional<Hall> hall(String id) {
            return Optional.empty();
        }

        @Override
        public IngestResult record(String hall, List<ZoneEvent> events) {
            return new IngestResult(0, 0, List.of());
        }

        @Override
        public List<Visit> visits(String hall, LocalDate day) {
            return List.of();
        }

        @Override
        public List<Visit> visitsOf(String account, LocalDate from, LocalDate to) {
            visitQueries.add(account + " " + from + " " + to);
            return List.of();
        }

        @Override
        public List<ZoneHeat> heat(String hall, LocalDate from, LocalDate to) {
            return List.of();
        }
    };

    private final CustomerViews views = new CustomerViews(repository);
    private final CustomersResource resource = new CustomersResource(views, repository, pii, halls);

    private static SecurityContext as(String... roles) {
        Set<String> granted = Set.of(roles);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> "someone";
            }

            @Override
            public boolean isUserInRole(String role) {
                return granted.contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return BASIC_AUTH;
            }
        };
    }

    @Test
    void aKioskFindsACustomerByIdentityNumberOnly() {
        assertEquals(List.of("3700000001"), resource.find(ID.toLowerCase(), null, 0, 20, as("kiosk")).items().stream()
                .map(CustomerProfile::account).toList());
        assertThrows(ForbiddenException.class, () -> resource.find(null, "张", 0, 20, as("kiosk")));
        assertEquals(1, resource.find(null, "张", 0, 20, as("hall-staff")).total());
    }

    @Test
    void aBadIdentityNumberIs400WithoutRepeatingIt() {
        String bad = FIRST17 + (Pii.checkCharacter(FIRST17) == '1' ? '2' : '1');
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> resource.find(bad, null, 0, 20, as("kiosk")));
        assertEquals("idNumber", e.violations().get(0).field());
        assertFalse(e.getMessage().contains(FIRST17), e.getMessage());
        assertTrue(hashed.isEmpty(), "a bad number is never hashed or looked up");
    }

    @Test
    void searchArgumentsAreChecked() {
        assertEquals("q", assertThrows(InvalidInputException.class,
                () -> resource.find(null, " ", 0, 20, as("analyst"))).violations().get(0).field());
        assertEquals("limit", assertThrows(InvalidInputException.class,
                () -> resource.find(null, "张", 0, 201, as("analyst"))).violations().get(0).field());
        assertEquals("offset", assertThrows(InvalidInputException.class,
                () -> resource.find(null, "张", -1, 20, as("analyst"))).violations().get(0).field());
    }

    @Test
    void theViewCarriesFacetsAndSurvivesABrokenOne() {
        views.addFacet(new CustomerFacet() {
            @Override
            public String name() {
                return "tags";
            }

            @Override
            public Optional<Object> of(CustomerProfile customer) {
                return Optional.of(List.of("fee-risk: low"));
            }
        });
        views.addFacet(new CustomerFacet() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Optional<Object> of(CustomerProfile customer) {
                throw new IllegalStateException("boom");
            }
        });
        CustomerView view = resource.get("3700000001");
        assertEquals(Map.of("tags", List.of("fee-risk: low")), view.facets());
        assertEquals("138****5678", view.profile().maskedPhone());
        assertThrows(NotFoundException.class, () -> resource.get("3799999999"));
        assertEquals("account", assertThrows(InvalidInputException.class, () -> resource.get("37-1")).violations().get(0).field());
    }

    @Test
    void visitsDefaultToTheLastTwelveMonthsAndCheckTheirDates() {
        resource.visits("3700000001", null, "2026-10-31");
        assertEquals(List.of("3700000001 2025-10-31 2026-10-31"), visitQueries);
        assertEquals("from", assertThrows(InvalidInputException.class,
                () -> resource.visits("3700000001", "2026-11-01", "2026-10-31")).violations().get(0).field());
        assertEquals("to", assertThrows(InvalidInputException.class,
                () -> resource.visits("3700000001", null, "31/10/2026")).violations().get(0).field());
        assertThrows(NotFoundException.class, () -> resource.visits("3799999999", null, null));
    }
}
