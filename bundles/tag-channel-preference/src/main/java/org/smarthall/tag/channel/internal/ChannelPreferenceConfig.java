package org.smarthall.tag.channel.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "SmartHall tag theme: channel preference",
        description = "Ranks the channels each customer uses, learned from the last 12 months of behaviour "
                + "(payments, prepaid purchases, app and WeChat use, 95598 contacts, replies to our messages, "
                + "work orders, hall visits), and names the channel notifications use. Consents are not an input. "
                + "Changes apply to the next tagging run.")
public @interface ChannelPreferenceConfig {

    @AttributeDefinition(name = "Half-life (days)", description = "Recency: behaviour this many days old counts "
            + "half, twice as old a quarter, so a customer who moved from the hall to WeChat ranks WeChat first.",
            min = "1", max = "3650")
    int halfLifeDays() default ChannelRules.DEFAULT_HALF_LIFE_DAYS;

    @AttributeDefinition(name = "Weight of a payment", description = "A bill payment, on the channel it came "
            + "through. 0 leaves payments out.", min = "0", max = "1000")
    double paymentWeight() default ChannelRules.DEFAULT_PAYMENT_WEIGHT;

    @AttributeDefinition(name = "Weight of a prepaid purchase", description = "A prepaid recharge attempt, "
            + "successful or failed, on the channel it was tried on.", min = "0", max = "1000")
    double rechargeWeight() default ChannelRules.DEFAULT_RECHARGE_WEIGHT;

    @AttributeDefinition(name = "Weight of a work order", description = "A work order (enquiry, complaint, repair, "
            + "new connection, ...) opened on a channel, e.g. 95598, app, WeChat or the hall.", min = "0", max = "1000")
    double workOrderWeight() default ChannelRules.DEFAULT_WORK_ORDER_WEIGHT;

    @AttributeDefinition(name = "Weight of a hall visit", description = "A visit of the identified customer to a "
            + "business hall; counts for the channel hall.", min = "0", max = "1000")
    double hallVisitWeight() default ChannelRules.DEFAULT_HALL_VISIT_WEIGHT;

    @AttributeDefinition(name = "Weight of a login", description = "An app or WeChat session.", min = "0",
            max = "1000")
    double loginWeight() default ChannelRules.DEFAULT_LOGIN_WEIGHT;

    @AttributeDefinition(name = "Weight of an enquiry", description = "An enquiry made on a channel.", min = "0",
            max = "1000")
    double enquiryWeight() default ChannelRules.DEFAULT_ENQUIRY_WEIGHT;

    @AttributeDefinition(name = "Weight of a click", description = "A click on a link or a push.", min = "0",
            max = "1000")
    double clickWeight() default ChannelRules.DEFAULT_CLICK_WEIGHT;

    @AttributeDefinition(name = "Weight of a call", description = "A call, mostly to the 95598 hotline.", min = "0",
            max = "1000")
    double callWeight() default ChannelRules.DEFAULT_CALL_WEIGHT;

    @AttributeDefinition(name = "Weight of a reply", description = "A response to one of our earlier messages: the "
            + "surest sign the customer reads that channel, so it weighs most by default.", min = "0", max = "1000")
    double replyWeight() default ChannelRules.DEFAULT_REPLY_WEIGHT;

    @AttributeDefinition(name = "Messaging channels", description = "Comma-separated channel codes notifications "
            + "can send on; the preferred channel is always one of them.")
    String messagingChannels() default ChannelRules.DEFAULT_MESSAGING_CHANNELS;

    @AttributeDefinition(name = "Channels reached by", description = "Comma-separated channel:target pairs: the "
            + "messaging channel that reaches the users of a behaviour channel, or none (you cannot push to a "
            + "counter). A messaging channel not named reaches itself; any other channel not named reaches none.")
    String reachedBy() default ChannelRules.DEFAULT_REACHED_BY;

    @AttributeDefinition(name = "Channel order", description = "Comma-separated channel codes: breaks ties between "
            + "channels of equal weight, the first wins. Codes left out follow in the standard order.")
    String channelOrder() default ChannelRules.DEFAULT_CHANNEL_ORDER;
}
