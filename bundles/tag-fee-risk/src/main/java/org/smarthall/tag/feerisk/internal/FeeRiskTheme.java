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
 * Tag theme {@value #ID}, version 1.0: high, medium or low risk of unpaid electricity fees
 * (DOMAIN.md section 1; medium and high risk customers get differentiated handling in the hall).
 * One tag, dimension {@value FeeRiskAssessor#DIMENSION}; the rules and the 0-100 points scale are
 * described in {@link FeeRiskAssessor}.
 *
 * <p>Configuration PID {@value #PID}, optional: the defaults work without a cfg file. There is no
 * modified method on purpose: a changed configuration re-activates the component, so a
 * configuration that {@link FeeRiskRules} refuses leaves the theme in {@code FAILED_ACTIVATION}
 * (visible in the plugin directory) instead of silently tagging with the old rules.
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
        LOG.info("Fee-risk theme 1.0: high from {} points, medium from {}", rules.highThreshold(),
                rules.mediumThreshold());
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
