package org.smarthall.grade.complaint.internal;

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
import org.smarthall.api.grading.GradingException;
import org.smarthall.api.grading.GradingModel;
import org.smarthall.api.grading.Population;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;

/**
 * Grading model {@value #ID}: each customer's chance of a complaint in the next 90 days, from a
 * logistic regression trained on the population's own history with a train and test split by
 * time; the AUC on the later, held-out quarter comes with every run (seed 002: predict complaint
 * risk so that retention work starts before the complaint). The method is described in
 * {@link ComplaintFit}, the features in {@link FeatureExtractor}. Sorting a run's grades by score
 * gives account managers the ranked list of customers at risk.
 *
 * <p>Smile, the classifier library, is GPL v3: it is embedded in this bundle and exported by
 * none, so a province can swap this bundle for one built on an Apache-licensed library.
 *
 * <p>Configuration PID {@value #PID}, optional. There is no modified method on purpose: a changed
 * configuration re-activates the component, so one that {@link ComplaintRules} refuses leaves the
 * model in {@code FAILED_ACTIVATION} instead of silently grading with the old settings.
 */
@Component(service = GradingModel.class, configurationPid = ComplaintRiskModel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@SmartHallPlugin(kind = PluginKind.GRADING_MODEL, id = ComplaintRiskModel.ID)
@Designate(ocd = ComplaintConfig.class)
public class ComplaintRiskModel implements GradingModel {
    public static final String ID = "complaint-risk";
    public static final String PID = "org.smarthall.grade.complaint";
    private static final Logger LOG = LoggerFactory.getLogger(ComplaintRiskModel.class);

    private final ComplaintRules rules;

    /** @throws IllegalArgumentException when the configuration makes no sense; the message names the attribute */
    @Activate
    public ComplaintRiskModel(ComplaintConfig config) {
        this.rules = ComplaintRules.of(config);
        LOG.info("Complaint-risk model: kinds {}, at least {} complainers to train on, grades by {}", rules.kinds(),
                rules.minPositives(), rules.gradeBy());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<CustomerKind> kinds() {
        return rules.kinds();
    }

    /** Two scans of the population: features and labels at the cut dates, then probabilities at {@code asOf}. */
    @Override
    public FittedModel fit(Population population, LocalDate asOf) throws GradingException {
        Objects.requireNonNull(asOf, "asOf");
        ComplaintFit fit = ComplaintFit.fit(rules, population, asOf);
        LOG.info("Complaint-risk model as of {}: AUC {} on {} held-out customers (base rate {})", asOf,
                fit.quality().get("auc"), fit.quality().get("testSize").longValue(), fit.quality().get("baseRate"));
        return fit;
    }
}
