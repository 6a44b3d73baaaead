package org.smarthall.tag.channel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smarthall.tag.channel.internal.History.AS_OF;
import static org.smarthall.tag.channel.internal.History.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.tag.TagValue;

class ChannelPreferenceThemeTest {

    private static void assertRefused(String message, Map<String, Object> attributes) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChannelPreferenceTheme(Configs.with(attributes)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void worksWithoutAConfigurationFile() {
        ChannelPreferenceTheme theme = new ChannelPreferenceTheme(Configs.defaults());
        CustomerSnapshot c = customer().payments(3, "wechat", 10).contacts(2, "95598", "call", 10).build();

        assertEquals("channel-preference", theme.id());
        assertEquals(List.of(new TagValue("ranking", "wechat,95598", 0.5, "wechat 50%: 3 payments; 95598 50%: 2 calls"),
                new TagValue("preferred", "wechat", 0.5, "wechat 50% of the use (3 payments)")),
                theme.evaluate(c, AS_OF));
    }

    @Test
    void theDefaultsOfTheConfigurationAreTheDefaultRules() {
        ChannelRules rules = ChannelRules.of(Configs.defaults());

        assertEquals(ChannelRules.DEFAULTS, rules);
        assertEquals(List.of("wechat", "app", "sms", "email"), rules.messagingChannels());
        assertEquals("sms", rules.target("95598"));
        assertEquals(ChannelRules.NONE, rules.target("hall"));
        assertEquals(ChannelRules.NONE, rules.target("alipay"));
        assertEquals("wechat", rules.target("wechat"));
        assertEquals(Codes.CHANNELS.size(), rules.channelOrder().size());
    }

    @Test
    void refusesNonsensicalConfigurations() {
        assertRefused("halfLifeDays must be 1 to 3650, was 0", Map.of("halfLifeDays", 0));
        assertRefused("paymentWeight must be 0 to 1000.0, was -1.0", Map.of("paymentWeight", -1.0));
        assertRefused("replyWeight must be 0 to 1000.0, was NaN", Map.of("replyWeight", Double.NaN));
        assertRefused("every evidence weight (paymentWeight ... replyWeight) is 0: no behaviour would count",
                Map.of("paymentWeight", 0.0, "rechargeWeight", 0.0, "workOrderWeight", 0.0, "hallVisitWeight", 0.0,
                        "loginWeight", 0.0, "enquiryWeight", 0.0, "clickWeight", 0.0, "callWeight", 0.0,
                        "replyWeight", 0.0));
        assertRefused("messagingChannels must name at least one channel, was empty", Map.of("messagingChannels", " , "));
        assertRefused("messagingChannels: 'fax' is not a channel code " + Codes.CHANNELS,
                Map.of("messagingChannels", "wechat, fax"));
        assertRefused("messagingChannels names sms twice, in [sms, app, sms]", Map.of("messagingChannels", "sms, app, sms"));
        assertRefused("reachedBy maps 95598 to 'sms', which is neither one of messagingChannels [wechat, app] nor none",
                Map.of("messagingChannels", "wechat, app"));
        assertRefused("reachedBy maps hall to 'bank', which is neither one of messagingChannels "
                + "[wechat, app, sms, email] nor none", Map.of("reachedBy", "hall:bank"));
        assertRefused("reachedBy: entry '95598 sms' is not channel:target", Map.of("reachedBy", "95598 sms"));
        assertRefused("reachedBy names hall twice, in 'hall:none, hall:sms'", Map.of("reachedBy", "hall:none, hall:sms"));
        assertRefused("reachedBy: 'counter' is not a channel code " + Codes.CHANNELS, Map.of("reachedBy", "counter:none"));
        assertRefused("channelOrder names app twice, in [app, wechat, app]", Map.of("channelOrder", "app, wechat, app"));
    }

    @Test
    void manyThreadsAtOnceGetTheSameAnswers() throws Exception {
        ChannelPreferenceTheme theme = new ChannelPreferenceTheme(Configs.defaults());
        List<CustomerSnapshot> customers = new ArrayList<>();
        String[] channels = {"wechat", "app", "bank", "hall", "95598", "alipay"};
        for (int i = 0; i < 60; i++) {
            customers.add(customer().payments(1 + i % 7, channels[i % channels.length], 1 + i)
                    .contacts(i % 5, channels[(i + 1) % channels.length], "login", 2 + i).build());
        }
        List<List<TagValue>> expected = new ArrayList<>();
        for (CustomerSnapshot c : customers) {
            expected.add(theme.evaluate(c, AS_OF));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<List<TagValue>>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    List<List<TagValue>> got = new ArrayList<>();
                    for (CustomerSnapshot c : customers) {
                        got.add(theme.evaluate(c, AS_OF));
                    }
                    return got;
                }));
            }
            for (Future<List<List<TagValue>>> run : runs) {
                assertEquals(expected, run.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
