package org.smarthall.tag.feerisk.internal;

import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;
import org.smarthall.api.tag.TagTheme;
import org.smarthall.api.tag.TagValue;

/**
 * Tag theme {@value #ID}, version 1.1: a province's variant of the fee-risk theme 1.0.
 *
 * <h2>What it is</h2>
 * The same theme as 1.0 (theme id {@value #ID}, dimension {@value FeeRiskAssessor#DIMENSION},
 * values {@code high}, {@code medium}, {@code low}, {@code unknown}, the same 0-100 points score)
 * with stricter rules for customers who let bills run long or whose prepaid meter trips often.
 * It is a separate bundle with the same symbolic name ({@code org.smarthall.tag.feerisk}) at
 * version 1.1.0: installed next to 1.0 it takes precedence and every tag it writes carries
 * version 1.1; uninstall it and 1.0 tags again from the next run. It shares no code with 1.0 at
 * build time: a province changes it without touching 1.0.
 *
 * <h2>How it differs from 1.0</h2>
 * <table>
 * <caption>1.0 and 1.1 side by side (defaults)</caption>
 * <tr><th>rule</th><th>1.0</th><th>1.1</th></tr>
 * <tr><td>post-paid: a bill still unpaid more than {@code overdueDaysForHigh} (90) days after its due
 * date</td><td>counts through the points only: 6 as a late bill, 10 as a month in arrears, up to 20
 * for the delay, up to 20 for the amount</td><td><b>high</b>, whatever the points (the <i>overdue
 * rule</i>)</td></tr>
 * <tr><td>post-paid: late bills and the longest delay</td><td>over the 12 months before the tagging
 * date</td><td>over the latest {@code lateWindowMonths} (6) billing months only: a customer who paid
 * late last winter and on time since scores lower</td></tr>
 * <tr><td>prepaid: {@code tripsForHigh} (3) meter trips or more in 12 months</td><td>points only: 3
 * trips are 45 points, medium</td><td><b>high</b>, whatever the points (the <i>trip rule</i>)</td></tr>
 * <tr><td>reason text</td><td>starts with the points: "46 points: ..."</td><td>starts with the rule
 * that decided: "Overdue rule: ...", "Trip rule: ...", "Frequent-trip rule: ...", "Points rule: ..."
 * or "Missing data: ..."</td></tr>
 * <tr><td>score of a customer a rule made high</td><td>(no such rule)</td><td>the points, raised to
 * the high threshold; the reason still gives the points as counted</td></tr>
 * </table>
 * Everything else is as in 1.0: the 12-month window, the grace days, the weights and caps, the
 * trend, the frequent-trip rule (2 trips: at least medium), what makes a customer {@code unknown}.
 *
 * <p>Examples, tagging as of 2026-10-31 with the defaults:
 * <ul>
 * <li>A resident who paid every bill on time except the bill of 2025-12 (due 2026-01-15, 100 yuan,
 * the mean bill), still unpaid: 1.0 counts 6 (one late bill) + 20 (delay of 289 days) + 10 (one
 * month in arrears) + 10 (one mean bill outstanding) = 46 points, <b>medium</b>. 1.1 counts no late
 * bill in the last 6 months, so 20 points, but the overdue rule fires: <b>high</b>, score 60, reason
 * "Overdue rule: bill 2025-12 unpaid 289 days past due (over 90), so high risk. 20 of 100 points. ...".
 * <li>A prepaid resident with 3 meter trips: 1.0 <b>medium</b> (45 points); 1.1 <b>high</b> (trip rule).
 * <li>A resident who paid 5 bills 40 days late between November and March and the last 6 on time:
 * 1.0 43 points, <b>medium</b>; 1.1 0 points, <b>low</b>.
 * </ul>
 *
 * <h2>Configuration</h2>
 * PID {@value #PID}, the same as 1.0, so a province's {@code etc/org.smarthall.tag.feerisk.cfg}
 * carries over unchanged; 1.0 ignores the three attributes only 1.1 has ({@code overdueDaysForHigh},
 * {@code lateWindowMonths}, {@code tripsForHigh}), 1.1 takes their defaults when the file does not
 * give them. Optional: the defaults work without a cfg file. There is no modified method on
 * purpose: a changed configuration re-activates the component, so a configuration that
 * {@link FeeRiskRules} refuses (thresholds out of order, {@code tripsForHigh} below
 * {@code frequentTrips}, a late-payment window outside 1 to 12 months...) leaves the theme in
 * {@code FAILED_ACTIVATION}, visible in the plugin directory, instead of silently tagging with the
 * old rules. The rules and the score scale in detail: {@link FeeRiskAssessor}.
 */
@Component(service = TagTheme.class, configurationPid = FeeRiskTheme.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@SmartHallPlugin(kind = PluginKind.TAG_THEME, id = FeeRiskTheme.ID)
@Designate(ocd = FeeRiskConfig.class)
public class FeeRiskTheme implements TagTheme {
    public static final String ID = "fee-risk";
    public static final String PID = "org.smarthall.tag.feerisk";
    private static final Logger LOG = LoggerFactory.getLogger(FeeRiskTheme.class);

    private final FeeRiskAssessor assessor;

    /** @throws IllegalArgumentException when the configuration makes no sense; the message names the attribute */
    @Activate
    public FeeRiskTheme(FeeRiskConfig config) {
        FeeRiskRules rules = FeeRiskRules.of(config);
        this.assessor = new FeeRiskAssessor(rules);
        LOG.info("Fee-risk theme 1.1: high from {} points, medium from {}; high when a bill is unpaid over {} days"
                + " or after {} meter trips; late payments over {} months", rules.highThreshold(), rules.mediumThreshold(),
                rules.overdueDaysForHigh(), rules.tripsForHigh(), rules.lateWindowMonths());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<TagValue> evaluate(CustomerSnapshot customer, LocalDate asOf) {
        return List.of(assessor.assess(customer, asOf));
    }
}
