package org.smarthall.tag.consumption.internal;

import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;
import org.smarthall.api.tag.TagTheme;
import org.smarthall.api.tag.TagValue;

/**
 * Tag theme "consumption" (seed 000, consumption behaviour 用电行为): segments a customer from
 * the monthly consumption of the 12 complete months up to the tagging date and the profile, and
 * picks the advice pushed to them. Thresholds are in {@link ConsumptionConfig}, defaults in
 * brackets below; a month with none of the peak, flat and valley periods read is missing, never
 * zero, and with fewer than {@code minMeteredMonths} (6) metered months value, pattern, trend and
 * violation are {@code unknown} with the reason.
 *
 * <table>
 * <caption>Dimensions, values and scores</caption>
 * <tr><th>dimension</th><th>values</th><th>rule</th><th>score</th></tr>
 * <tr><td>category</td><td>resident-small/-medium/-large, enterprise-small/-medium/-large, government</td>
 *     <td>residents by kWh a year (below 1,800 small, from 2,520 large); enterprises by contracted kVA (below
 *     100 small, from 315 large), without one by kWh a year (300,000 / 1,000,000); government bodies are
 *     not sized. Yearly figures are annualised from the metered months.</td>
 *     <td>the size figure divided by the "large" threshold (1 and more is large); 0 for government</td></tr>
 * <tr><td>value</td><td>low, medium, high</td>
 *     <td>yuan billed a year, per kind: residents 900 / 1,500, enterprises 100,000 / 1,000,000, government
 *     60,000 / 300,000 (below the first low, from the second high)</td>
 *     <td>yuan a year divided by the "high" threshold</td></tr>
 * <tr><td>pattern</td><td>peak-heavy, valley-heavy, balanced</td>
 *     <td>shares of the months with all three periods read: peak at least 38% peak-heavy, else valley at
 *     least 30% valley-heavy; the reason also states the trend</td>
 *     <td>peak share minus valley share, -1 to 1</td></tr>
 * <tr><td>trend</td><td>rising, falling, stable</td>
 *     <td>average of the last 3 months against the median of the earlier metered months, each month divided
 *     by the seasonal index of the customer's kind first (like with like); +15% rising, -15% falling</td>
 *     <td>the seasonally adjusted change, -1 to 10 (0.18 = 18% up)</td></tr>
 * <tr><td>violation</td><td>suspected, none</td>
 *     <td>the last 3 months all metered and all below 40% of the median of the earlier metered months (at
 *     least 3 of them), or the last 6 months all at most contracted kVA x 1 full-load hour kWh; unknown for
 *     an account opened within the 12 months</td>
 *     <td>suspected drop: 1 - highest recent month / median (0.6 to 1); near-zero run: 1; none: 0</td></tr>
 * <tr><td>advice</td><td>compliant-use, peak-valley, energy-saving, energy-guidance</td>
 *     <td>first that applies: violation suspected; enterprise or government (seed 000: non-residents get
 *     guidance against violations, {@code nonResidentComplianceAdvice}); peak-heavy; rising or large;
 *     otherwise energy-guidance. The reason is the text pushed to the customer.</td>
 *     <td>1 prompted by a finding on this customer, 0.5 the general advice to non-residents, 0 the
 *     default</td></tr>
 * </table>
 * Unknown tags score 0. The configuration is read on activation only: a change re-activates the
 * component, and a nonsensical one fails activation with a message naming the attribute.
 */
@Component(service = TagTheme.class, configurationPid = ConsumptionTheme.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@SmartHallPlugin(kind = PluginKind.TAG_THEME, id = ConsumptionTheme.ID)
@Designate(ocd = ConsumptionConfig.class)
public class ConsumptionTheme implements TagTheme {
    static final String ID = "consumption";
    static final String PID = "org.smarthall.tag.consumption";

    private volatile ConsumptionTagger tagger;

    @Activate
    void activate(ConsumptionConfig config) {
        tagger = new ConsumptionTagger(ConsumptionRules.from(config));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<TagValue> evaluate(CustomerSnapshot customer, LocalDate asOf) {
        return tagger.evaluate(customer, asOf);
    }
}
