package org.smarthall.tag.channel.internal;

import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;
import org.smarthall.api.tag.TagTheme;
import org.smarthall.api.tag.TagValue;

/**
 * Tag theme {@code channel-preference} (渠道偏好): the channels a customer actually uses, ranked
 * from their behaviour in the 12 months before the run date, and the one notifications (outage
 * notices, bills, recommendations) should go out on. Consents are not an input: whether a
 * message may be sent is the notification service's business.
 *
 * <p>Evidence: payments and prepaid recharges (successful or failed) on their channel; contacts
 * (login, enquiry, click, call, and a reply to one of our messages, which weighs most); work
 * orders on the channel they were opened on; hall visits (channel {@code hall}). Each counts its
 * configured weight, halved every half-life of age, so recent habits lead.
 *
 * <p>Two tags:
 * <table>
 * <caption>Dimensions</caption>
 * <tr><th>dimension</th><th>value</th><th>score</th></tr>
 * <tr><td>{@code ranking}</td><td>the channels used, best first, comma-separated codes,
 *     e.g. {@code wechat,app,hall,95598}</td><td>the top channel's share of the customer's
 *     weighted behaviour, 0 to 1 (1: one channel only)</td></tr>
 * <tr><td>{@code preferred}</td><td>the messaging channel ({@code wechat}, {@code app},
 *     {@code sms}, {@code email} by default) with the largest share once each behaviour channel
 *     is mapped to the messaging channel that reaches its users (95598 callers by SMS; hall,
 *     self-service, Alipay, bank and agent by none)</td><td>that messaging channel's share, 0 to 1</td></tr>
 * </table>
 * Ties go to the channel first in the configured order. Both are {@code unknown} (score 0)
 * without any behaviour in the window; {@code preferred} alone is {@code unknown} when none of
 * the channels used can be messaged.
 *
 * <p>A new configuration re-activates the component (there is no modified method: DS would
 * keep the old rules if one threw), and one that makes no sense fails activation.
 */
@Component(service = TagTheme.class, configurationPid = ChannelPreferenceTheme.PID)
@SmartHallPlugin(kind = PluginKind.TAG_THEME, id = ChannelPreferenceTheme.ID)
@Designate(ocd = ChannelPreferenceConfig.class)
public final class ChannelPreferenceTheme implements TagTheme {
    public static final String ID = "channel-preference";
    public static final String PID = "org.smarthall.tag.channel";

    private final ChannelPreference rules;

    /** @throws IllegalArgumentException naming the attribute when the configuration makes no sense */
    @Activate
    public ChannelPreferenceTheme(ChannelPreferenceConfig config) {
        this.rules = new ChannelPreference(ChannelRules.of(config));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<TagValue> evaluate(CustomerSnapshot customer, LocalDate asOf) {
        return rules.evaluate(customer, asOf);
    }
}
