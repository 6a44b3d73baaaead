package org.smarthall.grade.trips.internal;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.grading.FittedModel;
import org.smarthall.api.grading.GradingModel;
import org.smarthall.api.grading.Population;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;

/**
 * Grading model {@value #ID}: prepaid residents by meter trips in the 12 months before the
 * grading date into normal, occasional and frequent (seed 003; rules in {@link TripGrader}).
 * Nothing is learnt: {@link #fit} records the thresholds and measures the classes' shares in the
 * population (the seed reports 31% of users tripping twice or more in a year).
 *
 * <p>Configuration PID {@value #PID}, optional: the defaults work without a cfg file. There is no
 * modified method on purpose: a changed configuration re-activates the component, so a
 * configuration that {@link TripRules} refuses leaves the model in {@code FAILED_ACTIVATION}
 * (visible in the plugin directory) instead of silently grading with the old thresholds.
 */
@Component(service = GradingModel.class, configurationPid = PrepaidTripsModel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@SmartHallPlugin(kind = PluginKind.GRADING_MODEL, id = PrepaidTripsModel.ID)
@Designate(ocd = TripsConfig.class)
public class PrepaidTripsModel implements GradingModel {
    public static final String ID = "prepaid-trips";
    public static final String PID = "org.smarthall.grade.trips";
    private static final Logger LOG = LoggerFactory.getLogger(PrepaidTripsModel.class);

    private final TripGrader grader;

    /** @throws IllegalArgumentException when the configuration makes no sense; the message names the attribute */
    @Activate
    public PrepaidTripsModel(TripsConfig config) {
        TripRules rules = TripRules.of(config);
        this.grader = new TripGrader(rules);
        LOG.info("Prepaid-trips model 1.1 (failed purchases count as trips): occasional from {} trips in 12 months, frequent from {}",
                rules.occasionalFrom(), rules.frequentFrom());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<CustomerKind> kinds() {
        return Set.of(CustomerKind.PREPAID_RESIDENT);
    }

    /** One scan of the population; never refuses (the configuration was checked on activation). */
    @Override
    public FittedModel fit(Population population, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return TripsFit.of(grader, population, asOf);
    }
}
