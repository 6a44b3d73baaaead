package org.smarthall.cabin.guidance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.cabin.guidance.Route;
import org.smarthall.testing.Annotations;

/** The route rules as a table: one row per case, the route and the reason codes in order. */
class RouteAdvisorTest {
    private final RouteAdvisor advisor = new RouteAdvisor(GuidanceSettings.of(Annotations.of(GuidanceConfig.class)).rules());

    /**
     * kind | arrears ('' = nothing billed) | open work orders | sensitive flags (;) | grades model=grade (;) |
     * trip class | other accounts outstanding (;) | route | reason codes (;)
     */
    @ParameterizedTest(name = "{0} arrears={1} wo={2} flags={3} grades={4} trips={5} others={6} -> {7}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // nothing outstanding: the simple businesses at the terminals
        "RESIDENT         | 0      | 0 | -                 | -                          | -          | -          | self-service    | nothing-outstanding",
        "RESIDENT         | -      | 0 | -                 | -                          | -          | -          | self-service    | nothing-outstanding",
        "PREPAID_RESIDENT | -      | 0 | -                 | prepaid-trips=normal       | normal     | -          | self-service    | nothing-outstanding",
        // outstanding: a counter, every cause listed
        "RESIDENT         | 54.69  | 0 | -                 | -                          | -          | -          | counter         | arrears",
        "RESIDENT         | 0      | 2 | -                 | -                          | -          | -          | counter         | open-work-orders",
        "RESIDENT         | 0      | 0 | elderly           | -                          | -          | -          | counter         | sensitive",
        "RESIDENT         | 12.00  | 1 | official;disabled | -                          | -          | -          | counter         | arrears;open-work-orders;sensitive",
        "RESIDENT         | 0      | 0 | -                 | -                          | -          | 3700000009 | counter         | other-accounts",
        // VIP before everything: the account manager takes the outstanding items too
        "GOVERNMENT       | 0      | 0 | -                 | gov-ahp=diamond            | -          | -          | vip-window      | vip-grade;key-account",
        "GOVERNMENT       | 800.00 | 1 | official          | gov-ahp=platinum           | -          | -          | vip-window      | vip-grade;key-account;arrears;open-work-orders;sensitive",
        "ENTERPRISE       | 0      | 0 | -                 | enterprise-kmeans=growth   | -          | -          | vip-window      | key-account",
        "RESIDENT         | 0      | 0 | -                 | gov-ahp=diamond            | -          | -          | vip-window      | vip-grade",
        "RESIDENT         | 0      | 0 | -                 | gov-ahp=gold               | -          | -          | self-service    | nothing-outstanding",
        // purchase rescue: the priority window's second service
        "PREPAID_RESIDENT | -      | 0 | -                 | prepaid-trips=occasional   | occasional | -          | priority-window | prepaid-trips",
        "PREPAID_RESIDENT | -      | 1 | -                 | -                          | frequent   | -          | priority-window | prepaid-trips;open-work-orders",
        // a trip class only counts for prepaid residents
        "RESIDENT         | 0      | 0 | -                 | -                          | frequent   | -          | self-service    | nothing-outstanding",
    })
    void theFirstRuleThatAppliesDecides(CustomerKind kind, String arrears, int workOrders, String flags, String grades,
            String tripClass, String others, String expectedRoute, String expectedReasons) {
        Route route = advisor.advise(facts(kind, arrears, workOrders, flags, grades, tripClass, others));

        assertEquals(expectedRoute, route.kind());
        assertEquals(List.of(expectedReasons.split(";")), route.codes());
    }

    @Test
    void arrearsWithinTheSelfServiceLimitArePayableAtATerminal() {
        RouteAdvisor lenient = advisor(Map.of("selfServiceMaxArrears", "50"));

        Route small = lenient.advise(facts(CustomerKind.RESIDENT, "30.00", 0, null, null, null, null));
        assertEquals(Route.SELF_SERVICE, small.kind());
        assertEquals(List.of("nothing-outstanding", "arrears-payable"), small.codes());
        assertEquals("arrears 30.00 yuan within the self-service limit: payable at a terminal",
                small.reasons().get(1).text());

        assertEquals(Route.COUNTER, lenient.advise(facts(CustomerKind.RESIDENT, "50.01", 0, null, null, null, null)).kind());
        assertEquals(Route.SELF_SERVICE, lenient.advise(facts(CustomerKind.RESIDENT, "50", 0, null, null, null, null)).kind());
    }

    @Test
    void theKnobsChangeTheRules() {
        RouteAdvisor province = advisor(Map.of("vipGrades", "diamond", "vipKinds", "GOVERNMENT", "priorityTrips",
                "frequent"));

        assertEquals(Route.SELF_SERVICE,
                province.advise(facts(CustomerKind.RESIDENT, "0", 0, null, "gov-ahp=platinum", null, null)).kind());
        assertEquals(Route.SELF_SERVICE,
                province.advise(facts(CustomerKind.ENTERPRISE, "0", 0, null, null, null, null)).kind());
        assertEquals(Route.VIP_WINDOW, province.advise(facts(CustomerKind.GOVERNMENT, "0", 0, null, null, null, null))
                .kind());
        assertEquals(Route.SELF_SERVICE,
                province.advise(facts(CustomerKind.PREPAID_RESIDENT, null, 0, null, null, "occasional", null)).kind());
        assertEquals(Route.PRIORITY_WINDOW,
                province.advise(facts(CustomerKind.PREPAID_RESIDENT, null, 0, null, null, "frequent", null)).kind());
    }

    @Test
    void visitorsGoToACounter() {
        assertEquals(List.of("new-customer"), advisor.visitor().codes());
        assertEquals(Route.COUNTER, advisor.visitor().kind());
        assertEquals(List.of("id-not-verified"), advisor.notVerified().codes());
        assertEquals(Route.COUNTER, advisor.notVerified().kind());
        assertEquals(List.of("lookup-failed"), advisor.lookupFailed().codes());
    }

    /** The message is for the customer and whoever stands behind them: the way, never the cause. */
    @Test
    void theCustomerMessageNamesTheWayNeverTheCause() {
        Route arrears = advisor.advise(facts(CustomerKind.RESIDENT, "54.69", 2, "disabled", null, null, null));
        Route plain = advisor.advise(facts(CustomerKind.RESIDENT, "0", 1, null, null, null, null));

        assertEquals(plain.customerMessage(), arrears.customerMessage(), "the same words whatever the cause");
        for (String cause : List.of("欠费", "欠", "54.69", "工单", "disabled", "残", "arrears")) {
            assertFalse(arrears.customerMessage().contains(cause), cause);
        }
        assertEquals(RouteAdvisor.MSG_VIP,
                advisor.advise(facts(CustomerKind.GOVERNMENT, "800", 0, null, null, null, null)).customerMessage());
    }

    private static RouteAdvisor advisor(Map<String, Object> config) {
        return new RouteAdvisor(GuidanceSettings.of(Annotations.of(GuidanceConfig.class, config)).rules());
    }

    static RouteFacts facts(CustomerKind kind, String arrears, int workOrders, String flags, String grades,
            String tripClass, String others) {
        Map<String, String> byModel = new HashMap<>();
        if (grades != null) {
            for (String g : grades.split(";")) {
                String[] kv = g.split("=");
                byModel.put(kv[0], kv[1]);
            }
        }
        Set<String> sensitive = flags == null ? Set.of() : new HashSet<>(Arrays.asList(flags.split(";")));
        List<String> other = others == null ? List.of() : List.of(others.split(";"));
        BigDecimal owed = arrears == null ? null : new BigDecimal(arrears);
        return new RouteFacts(kind, owed, owed != null && owed.signum() > 0 ? 1 : 0, workOrders, sensitive, byModel,
                tripClass, "frequent".equals(tripClass) ? 3 : "occasional".equals(tripClass) ? 1 : 0, other);
    }
}
