package org.smarthall.tag.channel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarthall.tag.channel.internal.History.AS_OF;
import static org.smarthall.tag.channel.internal.History.customer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.VisitSummary;
import org.smarthall.api.tag.TagValue;

class ChannelPreferenceTest {
    private static final double EPS = 1e-9;
    private static final String NO_BEHAVIOUR =
            "no payments, recharges, contacts, work orders or hall visits from 2025-01-01 to 2025-12-31";
    private static final String MESSAGING = "(messaging channels: wechat, app, sms, email)";

    private final ChannelPreference defaults = new ChannelPreference(ChannelRules.DEFAULTS);

    private static TagValue tag(ChannelPreference rules, CustomerSnapshot customer, String dimension) {
        List<TagValue> tags = rules.evaluate(customer, AS_OF);
        assertEquals(2, tags.size());
        assertEquals(ChannelPreference.RANKING, tags.get(0).dimension());
        assertEquals(ChannelPreference.PREFERRED, tags.get(1).dimension());
        return dimension.equals(ChannelPreference.RANKING) ? tags.get(0) : tags.get(1);
    }

    private TagValue ranking(CustomerSnapshot customer) {
        return tag(defaults, customer, ChannelPreference.RANKING);
    }

    private TagValue preferred(CustomerSnapshot customer) {
        return tag(defaults, customer, ChannelPreference.PREFERRED);
    }

    private static void assertTag(String value, double score, String reason, TagValue tag) {
        assertEquals(value, tag.value(), tag.toString());
        assertEquals(score, tag.score(), EPS, tag.toString());
        assertEquals(reason, tag.reason());
    }

    private static double decay(int days, int halfLife) {
        return Math.pow(0.5, (double) days / halfLife);
    }

    @Test
    void ranksChannelsByWeightedBehaviourWithEvidencePerChannel() {
        // weights 1 per payment, 3 per reply, 0.5 per login, 1 per visit, all of the same age: 21, 6 and 2 of 29
        CustomerSnapshot c = customer().payments(9, "wechat", 5).contacts(4, "wechat", "reply", 5)
                .contacts(12, "app", "login", 5).visits(2, 5).build();

        assertTag("wechat,app,hall", 21.0 / 29,
                "wechat 72%: 9 payments, 4 replies; app 21%: 12 logins; hall 7%: 2 hall visits", ranking(c));
        assertTag("wechat", 21.0 / 29, "wechat 72% of the use (9 payments, 4 replies)", preferred(c));
    }

    @Test
    void aReplyWeighsMoreThanTwoPaymentsAndTiesWithThree() {
        CustomerSnapshot two = customer().payments(2, "wechat", 3).contacts(1, "sms", "reply", 3).build();
        assertTag("sms,wechat", 0.6, "sms 60%: 1 reply; wechat 40%: 2 payments", ranking(two));
        assertTag("sms", 0.6, "sms 60% of the use (1 reply)", preferred(two));

        // 3 x 1.0 against 3.0: a tie, which the configured order gives to wechat
        CustomerSnapshot three = customer().payments(3, "wechat", 3).contacts(1, "sms", "reply", 3).build();
        assertTag("wechat,sms", 0.5, "wechat 50%: 3 payments; sms 50%: 1 reply", ranking(three));
        assertEquals("wechat", preferred(three).value());
    }

    @Test
    void aCustomerWhoMovedFromTheHallToWechatRanksWechatFirst() {
        CustomerSnapshot c = customer().payments(10, "hall", 300).payments(4, "wechat", 20).build();
        double wechat = 4 * decay(20, 90);
        double hall = 10 * decay(300, 90);

        assertTag("wechat,hall", wechat / (wechat + hall), "wechat 78%: 4 payments; hall 22%: 10 payments",
                ranking(c));
        assertTag("wechat", wechat / (wechat + hall), "wechat 78% of the use (4 payments)", preferred(c));
    }

    @Test
    void aLongerHalfLifeKeepsTheOldHabitOnTop() {
        ChannelPreference slow = Configs.rules(Map.of("halfLifeDays", 3650));
        CustomerSnapshot c = customer().payments(10, "hall", 300).payments(4, "wechat", 20).build();
        double wechat = 4 * decay(20, 3650);
        double hall = 10 * decay(300, 3650);

        assertTag("hall,wechat", hall / (wechat + hall), "hall 70%: 10 payments; wechat 30%: 4 payments",
                tag(slow, c, ChannelPreference.RANKING));
        assertTag("wechat", wechat / (wechat + hall),
                "wechat 30% of the use (4 payments); hall ranked higher but cannot be messaged",
                tag(slow, c, ChannelPreference.PREFERRED));
    }

    @Test
    void behaviourOneHalfLifeOlderCountsHalf() {
        CustomerSnapshot c = customer().payments(1, "wechat", 1).payments(1, "bank", 91).build();

        assertEquals(2.0 / 3, ranking(c).score(), EPS);
        assertEquals("wechat,bank", ranking(c).value());
    }

    @Test
    void aHotlineCallerIsReachedBySms() {
        CustomerSnapshot c = customer().contacts(2, "95598", "call", 10).build();

        assertTag("95598", 1.0, "95598 100%: 2 calls", ranking(c));
        assertTag("sms", 1.0, "sms 100% of the use (95598 reached by sms: 2 calls)", preferred(c));
    }

    @Test
    void theTopChannelThatCannotBeMessagedIsPassedOver() {
        CustomerSnapshot c = customer().payments(12, "bank", 30).workOrders(1, "95598", 30).build();

        assertTag("bank,95598", 12.0 / 14, "bank 86%: 12 payments; 95598 14%: 1 work order", ranking(c));
        assertTag("sms", 2.0 / 14,
                "sms 14% of the use (95598 reached by sms: 1 work order); bank ranked higher but cannot be messaged",
                preferred(c));
    }

    @Test
    void channelsReachedByTheSameMessagingChannelAddUp() {
        // wechat 4, sms 3 and 95598 2: wechat ranks first, but sms reaches 5 of 9
        CustomerSnapshot c = customer().payments(4, "wechat", 7).contacts(1, "sms", "reply", 7)
                .workOrders(1, "95598", 7).build();

        assertTag("wechat,sms,95598", 4.0 / 9, "wechat 44%: 4 payments; sms 33%: 1 reply; 95598 22%: 1 work order",
                ranking(c));
        assertTag("sms", 5.0 / 9, "sms 56% of the use (1 reply; 95598 reached by sms: 1 work order)", preferred(c));
    }

    @Test
    void noChannelThatCanBeMessagedLeavesThePreferredChannelUnknown() {
        CustomerSnapshot c = customer().payments(6, "alipay", 40).visits(1, 40).build();

        assertTag("alipay,hall", 6.0 / 7, "alipay 86%: 6 payments; hall 14%: 1 hall visit", ranking(c));
        assertTag(TagValue.UNKNOWN, 0, "uses alipay, hall; none of them can be messaged " + MESSAGING, preferred(c));

        CustomerSnapshot counter = customer().recharges(5, "self_service", true, 40).build();
        assertTag(TagValue.UNKNOWN, 0, "uses self_service, which cannot be messaged " + MESSAGING,
                preferred(counter));
    }

    @Test
    void noBehaviourAtAllLeavesBothUnknown() {
        CustomerSnapshot c = customer().build();

        assertTag(TagValue.UNKNOWN, 0, NO_BEHAVIOUR, ranking(c));
        assertTag(TagValue.UNKNOWN, 0, NO_BEHAVIOUR, preferred(c));
    }

    @Test
    void eventsWithoutAKnownChannelKindOrDateAreLeftOutAndCounted() {
        CustomerSnapshot none = customer().contacts(1, "fax", "login", 3).contacts(1, null, "call", 3)
                .contacts(1, "app", "poke", 3).paymentOn(null, "wechat")
                .visit(new VisitSummary("HALL-1", null, null, List.of())).build();
        String reason = NO_BEHAVIOUR + "; 5 events left out (no date, or an unknown channel or contact kind)";
        assertTag(TagValue.UNKNOWN, 0, reason, ranking(none));
        assertTag(TagValue.UNKNOWN, 0, reason, preferred(none));

        CustomerSnapshot some = customer().contacts(2, "app", "login", 3).contacts(1, "fax", "login", 3).build();
        assertTag("app", 1.0,
                "app 100%: 2 logins; 1 event left out (no date, or an unknown channel or contact kind)", ranking(some));
    }

    @Test
    void onlyTheTwelveMonthsBeforeTheRunDateCount() {
        LocalDate first = AS_OF.minusMonths(12);
        CustomerSnapshot c = customer()
                .paymentOn(first, "wechat")                     // first day of the window
                .paymentOn(AS_OF.minusDays(1), "wechat")        // last day of the window
                .paymentOn(first.minusDays(1), "app")           // a day too early
                .paymentOn(AS_OF, "app")                        // the run date itself
                .paymentOn(AS_OF.plusMonths(1), "app")          // the future
                .contactAt(china(first.atStartOfDay()), "sms", "reply")
                .contactAt(china(AS_OF.atStartOfDay().minusSeconds(1)), "sms", "reply")
                .contactAt(china(first.atStartOfDay().minusSeconds(1)), "email", "reply")
                .contactAt(china(AS_OF.atStartOfDay()), "email", "reply")
                .build();

        TagValue ranking = ranking(c);
        assertEquals("sms,wechat", ranking.value());
        assertEquals("sms 75%: 2 replies; wechat 25%: 2 payments", ranking.reason());
    }

    @Test
    void behaviourOnlyOutsideTheWindowIsNoBehaviour() {
        CustomerSnapshot c = customer().payments(12, "wechat", 400).contacts(3, "app", "login", -10)
                .visits(1, 0).build();

        assertTag(TagValue.UNKNOWN, 0, NO_BEHAVIOUR, ranking(c));
        assertTag(TagValue.UNKNOWN, 0, NO_BEHAVIOUR, preferred(c));
    }

    @Test
    void failedRechargesCountLikeSuccessfulOnes() {
        CustomerSnapshot c = customer().recharges(2, "app", true, 15).recharges(1, "app", false, 15)
                .recharges(2, "wechat", true, 15).build();

        assertTag("app,wechat", 0.6, "app 60%: 3 recharges; wechat 40%: 2 recharges", ranking(c));
        assertTag("app", 0.6, "app 60% of the use (3 recharges)", preferred(c));
    }

    @Test
    void workOrdersAndVisitsCountOnTheirChannels() {
        VisitSummary leftOnly = new VisitSummary("HALL-2", null, History.noon(20), List.of("counter"));
        CustomerSnapshot c = customer().workOrders(2, "hall", 20).visit(leftOnly).contacts(1, "app", "click", 20)
                .build();

        assertTag("hall,app", 5.0 / 6, "hall 83%: 2 work orders, 1 hall visit; app 17%: 1 click", ranking(c));
        assertTag("app", 1.0 / 6, "app 17% of the use (1 click); hall ranked higher but cannot be messaged",
                preferred(c));
    }

    @Test
    void tiesGoToTheChannelFirstInTheConfiguredOrder() {
        CustomerSnapshot c = customer().payments(1, "app", 8).payments(1, "wechat", 8).build();
        assertTag("wechat,app", 0.5, "wechat 50%: 1 payment; app 50%: 1 payment", ranking(c));
        assertTag("wechat", 0.5, "wechat 50% of the use (1 payment)", preferred(c));

        ChannelPreference appFirst = Configs.rules(Map.of("channelOrder", "app"));
        assertEquals("app,wechat", tag(appFirst, c, ChannelPreference.RANKING).value());
        assertEquals("app", tag(appFirst, c, ChannelPreference.PREFERRED).value());
    }

    @Test
    void changingWhatReachesAChannelChangesThePreferredChannel() {
        CustomerSnapshot c = customer().payments(6, "alipay", 40).contacts(2, "95598", "call", 40).build();
        assertTag("sms", 3.0 / 9,
                "sms 33% of the use (95598 reached by sms: 2 calls); alipay ranked higher but cannot be messaged",
                preferred(c));

        ChannelPreference alipayUsers = Configs.rules(Map.of("reachedBy", "95598:sms, alipay:app"));
        assertTag("app", 6.0 / 9, "app 67% of the use (alipay reached by app: 6 payments)",
                tag(alipayUsers, c, ChannelPreference.PREFERRED));

        ChannelPreference noSms = Configs.rules(Map.of("messagingChannels", "wechat, app", "reachedBy", "95598:none"));
        assertTag(TagValue.UNKNOWN, 0,
                "uses alipay, 95598; none of them can be messaged (messaging channels: wechat, app)",
                tag(noSms, c, ChannelPreference.PREFERRED));
    }

    @Test
    void aZeroWeightLeavesThatBehaviourOut() {
        CustomerSnapshot c = customer().contacts(20, "app", "login", 2).payments(1, "bank", 2).build();
        assertEquals("app,bank", ranking(c).value());
        assertEquals("app", preferred(c).value());

        ChannelPreference noLogins = Configs.rules(Map.of("loginWeight", 0.0));
        assertTag("bank", 1.0, "bank 100%: 1 payment", tag(noLogins, c, ChannelPreference.RANKING));
        assertTag(TagValue.UNKNOWN, 0, "uses bank, which cannot be messaged " + MESSAGING,
                tag(noLogins, c, ChannelPreference.PREFERRED));

        CustomerSnapshot loginsOnly = customer().contacts(20, "app", "login", 2).build();
        assertTag(TagValue.UNKNOWN, 0, NO_BEHAVIOUR + "; 20 events of a kind weighted 0",
                tag(noLogins, loginsOnly, ChannelPreference.RANKING));
    }

    private static java.time.Instant china(LocalDateTime time) {
        return time.atZone(Codes.TIME_ZONE).toInstant();
    }
}
