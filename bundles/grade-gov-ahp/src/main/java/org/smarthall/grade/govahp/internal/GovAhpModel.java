package org.smarthall.grade.govahp.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.grading.FittedModel;
import org.smarthall.api.grading.GradingException;
import org.smarthall.api.grading.GradingModel;
import org.smarthall.api.grading.Population;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;

/**
 * Grading model {@value #ID}, version 1.0: government customers graded by the analytic
 * hierarchy process (DOMAIN.md section 2). Four criteria, each an indicator on 0-100, weighted
 * by the principal eigenvector of a pairwise comparison matrix ({@link PairwiseComparison}),
 * give the composite score {@code F = sum of weight x indicator}, 0 to 100:
 * <b>diamond F &gt; 80, platinum 50 &lt; F &le; 80, gold F &le; 50</b> (thresholds configurable,
 * the comparisons exactly so). A matrix whose consistency ratio is above 0.10 (Saaty's rule;
 * configurable) is refused when the model is fitted, the {@link GradingException} naming the CR.
 *
 * <h2>Indicators</h2>
 * The configuration reads the indicators from what the marketing system holds. They are
 * <b>proxies</b>: a province replaces them by configuration (levels, prefixes, points) and, once
 * it keeps key-account indicators of its own, by a dataset that feeds them directly.
 * <ul>
 * <li><b>social influence</b>: the level (0-100) of the customer's GB/T 4754 industry code in
 * {@code industryLevels}, by the longest matching prefix (party and state organs S91/S92 80,
 * CPPCC S93 70, social security and social organisations S94/S95 50, committees S96 30, any other
 * S 40, health Q84 60, education P83 50, public facilities N78 40; any other industry
 * {@code otherIndustryLevel} 20), plus {@code capitalPoints} (20) in the provincial capital
 * ({@code capitalRegions}, region code prefixes). No industry or no region code: missing.</li>
 * <li><b>supply dependency</b>: the contracted capacity in kVA (none or 0: missing); a body of a
 * critical industry ({@code criticalIndustries}: hospitals Q84, heat D443, gas D45, water D46) has
 * at least {@code criticalFloor} (80) after normalisation, however small its capacity.</li>
 * <li><b>sensitivity</b>: points of the sensitive flags ({@code official} 60,
 * {@code enterprise_leader} 30) plus 20 per complaint work order of the 12 months (at most 40).
 * Never missing: no flag and no complaint is 0 points.</li>
 * <li><b>consumption</b>: kWh of the 12 complete months up to the run date; with fewer than 12
 * metered months the sum is scaled to a year, with fewer than {@code minMeteredMonths} (10) it is
 * missing.</li>
 * </ul>
 * Each indicator is normalised <b>min-max</b> onto 0-100 over the government customers of the
 * fitted population that have it ({@link Bounds}; kWh and kVA on {@code log10(1 + x)}, as they span
 * orders of magnitude); the bounds are recorded in the run's parameters, so a grade can be
 * recomputed by hand. A missing indicator is never filled with a mean: by default the customer is
 * graded unknown with the reason; {@code missingIndicator = lowest} counts it 0 instead, and the
 * run's parameters record which policy applied.
 *
 * <p>Configuration PID {@value #PID}, optional: the defaults work without a cfg file. There is no
 * modified method on purpose: a changed configuration re-activates the component, so a
 * configuration that {@link GovAhpRules} refuses leaves the model in {@code FAILED_ACTIVATION}
 * (visible in the plugin directory) instead of silently grading with the old one.
 */
@Component(service = GradingModel.class, configurationPid = GovAhpModel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@SmartHallPlugin(kind = PluginKind.GRADING_MODEL, id = GovAhpModel.ID)
@Designate(ocd = GovAhpConfig.class)
public class GovAhpModel implements GradingModel {
    public static final String ID = "gov-ahp";
    public static final String PID = "org.smarthall.grade.govahp";
    private static final Logger LOG = LoggerFactory.getLogger(GovAhpModel.class);

    private final GovAhpRules rules;

    /** @throws IllegalArgumentException when the configuration makes no sense; the message names the attribute */
    @Activate
    public GovAhpModel(GovAhpConfig config) {
        rules = GovAhpRules.of(config);
        PairwiseComparison pc = rules.comparison();
        if (pc.cr() > rules.maxConsistencyRatio()) {
            LOG.warn("Gov-ahp model 1.0: fitting will be refused: {}", GovAhpFit.inconsistency(rules));
        } else {
            LOG.info("Gov-ahp model 1.0: criteria {}, weights {}, CR {}", rules.criteria(), pc.weights(),
                    String.format(Locale.ROOT, "%.3f", pc.cr()));
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<CustomerKind> kinds() {
        return Set.of(CustomerKind.GOVERNMENT);
    }

    @Override
    public FittedModel fit(Population population, LocalDate asOf) throws GradingException {
        return GovAhpFit.fit(rules, population, asOf);
    }

    GovAhpRules rules() {
        return rules;
    }
}
