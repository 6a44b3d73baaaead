package org.smarthall.tag.channel.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.smarthall.api.customer.Codes;

/**
 * What the channel-preference theme weighs and where it may send, checked once when the
 * configuration is read. Every piece of behaviour counts its weight, halved every
 * {@code halfLifeDays} of age; a weight of 0 leaves that kind of behaviour out.
 *
 * @param halfLifeDays      age in days at which behaviour counts half
 * @param paymentWeight     a bill payment, on the channel it came through
 * @param rechargeWeight    a prepaid purchase attempt, successful or failed
 * @param workOrderWeight   a work order opened on the channel
 * @param hallVisitWeight   a hall visit of the known customer (channel {@code hall})
 * @param loginWeight       an app or WeChat session
 * @param enquiryWeight     an enquiry
 * @param clickWeight       a click on a link or a push
 * @param callWeight        a call (to 95598)
 * @param replyWeight       a response to one of our earlier messages
 * @param messagingChannels channels notifications can send on
 * @param reachedBy         behaviour channel to the messaging channel that reaches its users, or {@link #NONE};
 *                          a messaging channel not named here reaches itself, any other channel nobody
 * @param channelOrder      every channel code once, first wins a tie (codes left out follow in
 *                          {@link Codes#CHANNELS} order)
 */
record ChannelRules(int halfLifeDays, double paymentWeight, double rechargeWeight, double workOrderWeight,
        double hallVisitWeight, double loginWeight, double enquiryWeight, double clickWeight, double callWeight,
        double replyWeight, List<String> messagingChannels, Map<String, String> reachedBy, List<String> channelOrder) {

    /** The target of {@link #reachedBy} for a channel notifications cannot reach. */
    static final String NONE = "none";
    static final int MAX_HALF_LIFE_DAYS = 3650;
    static final double MAX_WEIGHT = 1000;

    static final int DEFAULT_HALF_LIFE_DAYS = 90;
    static final double DEFAULT_PAYMENT_WEIGHT = 1.0;
    static final double DEFAULT_RECHARGE_WEIGHT = 1.0;
    static final double DEFAULT_WORK_ORDER_WEIGHT = 2.0;
    static final double DEFAULT_HALL_VISIT_WEIGHT = 1.0;
    static final double DEFAULT_LOGIN_WEIGHT = 0.5;
    static final double DEFAULT_ENQUIRY_WEIGHT = 1.5;
    static final double DEFAULT_CLICK_WEIGHT = 1.0;
    static final double DEFAULT_CALL_WEIGHT = 1.5;
    static final double DEFAULT_REPLY_WEIGHT = 3.0;
    static final String DEFAULT_MESSAGING_CHANNELS = "wechat, app, sms, email";
    static final String DEFAULT_REACHED_BY = "95598:sms, alipay:none, bank:none, agent:none, hall:none, self_service:none";
    static final String DEFAULT_CHANNEL_ORDER = "wechat, app, sms, email, 95598, hall, self_service, alipay, bank, agent";

    static final ChannelRules DEFAULTS = parse(DEFAULT_HALF_LIFE_DAYS, DEFAULT_PAYMENT_WEIGHT,
            DEFAULT_RECHARGE_WEIGHT, DEFAULT_WORK_ORDER_WEIGHT, DEFAULT_HALL_VISIT_WEIGHT, DEFAULT_LOGIN_WEIGHT,
            DEFAULT_ENQUIRY_WEIGHT, DEFAULT_CLICK_WEIGHT, DEFAULT_CALL_WEIGHT, DEFAULT_REPLY_WEIGHT,
            DEFAULT_MESSAGING_CHANNELS, DEFAULT_REACHED_BY, DEFAULT_CHANNEL_ORDER);

    /** @throws IllegalArgumentException naming the attribute and the value when the rules make no sense */
    ChannelRules {
        if (halfLifeDays < 1 || halfLifeDays > MAX_HALF_LIFE_DAYS) {
            throw new IllegalArgumentException("halfLifeDays must be 1 to " + MAX_HALF_LIFE_DAYS + ", was " + halfLifeDays);
        }
        double total = weight("paymentWeight", paymentWeight) + weight("rechargeWeight", rechargeWeight)
                + weight("workOrderWeight", workOrderWeight) + weight("hallVisitWeight", hallVisitWeight)
                + weight("loginWeight", loginWeight) + weight("enquiryWeight", enquiryWeight)
                + weight("clickWeight", clickWeight) + weight("callWeight", callWeight)
                + weight("replyWeight", replyWeight);
        if (total == 0) {
            throw new IllegalArgumentException("every evidence weight (paymentWeight ... replyWeight) is 0: "
                    + "no behaviour would count");
        }
        messagingChannels = List.copyOf(messagingChannels);
        if (messagingChannels.isEmpty()) {
            throw new IllegalArgumentException("messagingChannels must name at least one channel, was empty");
        }
        checkCodes("messagingChannels", messagingChannels);
        reachedBy = Map.copyOf(reachedBy);
        for (Map.Entry<String, String> e : reachedBy.entrySet()) {
            checkCode("reachedBy", e.getKey());
            if (!e.getValue().equals(NONE) && !messagingChannels.contains(e.getValue())) {
                throw new IllegalArgumentException("reachedBy maps " + e.getKey() + " to '" + e.getValue()
                        + "', which is neither one of messagingChannels " + messagingChannels + " nor " + NONE);
            }
        }
        checkCodes("channelOrder", channelOrder);
        List<String> complete = new ArrayList<>(channelOrder);
        for (String code : Codes.CHANNELS) {
            if (!complete.contains(code)) {
                complete.add(code);
            }
        }
        channelOrder = List.copyOf(complete);
    }

    /** Rules from the text of the configuration: lists are comma-separated, {@code reachedBy} is {@code channel:target, ...}. */
    static ChannelRules parse(int halfLifeDays, double paymentWeight, double rechargeWeight, double workOrderWeight,
            double hallVisitWeight, double loginWeight, double enquiryWeight, double clickWeight, double callWeight,
            double replyWeight, String messagingChannels, String reachedBy, String channelOrder) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String entry : list(reachedBy)) {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("reachedBy: entry '" + entry + "' is not channel:target");
            }
            String from = entry.substring(0, colon).trim();
            String to = entry.substring(colon + 1).trim();
            if (targets.put(from, to) != null) {
                throw new IllegalArgumentException("reachedBy names " + from + " twice, in '" + reachedBy + "'");
            }
        }
        return new ChannelRules(halfLifeDays, paymentWeight, rechargeWeight, workOrderWeight, hallVisitWeight,
                loginWeight, enquiryWeight, clickWeight, callWeight, replyWeight, list(messagingChannels), targets,
                list(channelOrder));
    }

    static ChannelRules of(ChannelPreferenceConfig config) {
        return parse(config.halfLifeDays(), config.paymentWeight(), config.rechargeWeight(), config.workOrderWeight(),
                config.hallVisitWeight(), config.loginWeight(), config.enquiryWeight(), config.clickWeight(),
                config.callWeight(), config.replyWeight(), config.messagingChannels(), config.reachedBy(),
                config.channelOrder());
    }

    /** The weight of one kind of evidence. */
    double weight(Evidence evidence) {
        return switch (evidence) {
            case PAYMENT -> paymentWeight;
            case RECHARGE -> rechargeWeight;
            case REPLY -> replyWeight;
            case CALL -> callWeight;
            case ENQUIRY -> enquiryWeight;
            case WORK_ORDER -> workOrderWeight;
            case CLICK -> clickWeight;
            case LOGIN -> loginWeight;
            case VISIT -> hallVisitWeight;
        };
    }

    /** The messaging channel that reaches the users of {@code channel}, or {@link #NONE}. */
    String target(String channel) {
        String to = reachedBy.get(channel);
        if (to != null) {
            return to;
        }
        return messagingChannels.contains(channel) ? channel : NONE;
    }

    private static double weight(String attribute, double value) {
        if (!(value >= 0 && value <= MAX_WEIGHT)) {
            throw new IllegalArgumentException(attribute + " must be 0 to " + MAX_WEIGHT + ", was " + value);
        }
        return value;
    }

    private static void checkCodes(String attribute, List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            checkCode(attribute, code);
            if (!seen.add(code)) {
                throw new IllegalArgumentException(attribute + " names " + code + " twice, in " + codes);
            }
        }
    }

    private static void checkCode(String attribute, String code) {
        if (!Codes.CHANNELS.contains(code)) {
            throw new IllegalArgumentException(attribute + ": '" + code + "' is not a channel code "
                    + Codes.CHANNELS);
        }
    }

    private static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        if (text == null) {
            return items;
        }
        for (String item : text.split(",")) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return items;
    }
}
