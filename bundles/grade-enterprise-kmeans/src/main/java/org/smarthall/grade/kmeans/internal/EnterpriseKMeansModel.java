package org.smarthall.grade.kmeans.internal;

import java.time.LocalDate;
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
 * Grading model {@value #ID}, version 1.0 (DOMAIN.md section 2): enterprises clustered by
 * K-means on account age, consumption level and growth, industry prosperity, industry
 * direct-purchase ratio and credit ({@link FeatureExtractor}), standardised over the population
 * ({@link Standardiser}), clustered with Smile ({@link KMeansClustering}; GPL v3, embedded in this
 * bundle only), clusters named growth, maintain and risk from their centroids ({@link ClusterNames}),
 * missing values handled by the configured, recorded {@link MissingPolicy}.
 *
 * <p>Configuration PID {@value #PID}, optional. No modified method on purpose: a changed
 * configuration re-activates the component, so one that {@link KMeansSettings} refuses leaves the
 * model in {@code FAILED_ACTIVATION} (visible in the plugin directory) instead of fitting with the
 * old settings.
 */
@Component(service = GradingModel.class, configurationPid = EnterpriseKMeansModel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@SmartHallPlugin(kind = PluginKind.GRADING_MODEL, id = EnterpriseKMeansModel.ID)
@Designate(ocd = KMeansConfig.class)
public class EnterpriseKMeansModel implements GradingModel {
    public static final String ID = "enterprise-kmeans";
    public static final String PID = "org.smarthall.grade.kmeans";
    private static final Logger LOG = LoggerFactory.getLogger(EnterpriseKMeansModel.class);

    private final KMeansFitter fitter;

    /** @throws IllegalArgumentException when the configuration makes no sense; the message names the attribute */
    @Activate
    public EnterpriseKMeansModel(KMeansConfig config) {
        KMeansSettings settings = KMeansSettings.of(config);
        this.fitter = new KMeansFitter(settings);
        LOG.info("Enterprise K-means 1.0: k = {}, {} restarts, seed {}, missing values: {}, {} industries", settings.k(),
                settings.restarts(), settings.seed(), settings.missingPolicy().value(), settings.industries().size());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<CustomerKind> kinds() {
        return Set.of(CustomerKind.ENTERPRISE);
    }

    @Override
    public FittedModel fit(Population population, LocalDate asOf) throws GradingException {
        long start = System.nanoTime();
        EnterpriseKMeansFit fit = fitter.fit(population, asOf);
        LOG.info("Enterprise K-means fitted as of {} in {} ms: {}", asOf, (System.nanoTime() - start) / 1_000_000,
                fit.quality());
        return fit;
    }
}
