package org.smarthall.tag.credit.internal;

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
 * Tag theme {@value #ID} (seed 000, theme 2): a credit grade from the customer's own payment
 * history and the third-party credit feed (banks, Alipay, WeChat Pay, the property registry and
 * the water, heat and gas utilities), so that high-credit customers get tailored service.
 * <p>
 * One tag, dimension {@code credit}: {@code AAA} (best), {@code AA}, {@code A}, {@code B},
 * {@code C}, or {@code unknown} when the customer has neither payment history in the 12 months
 * nor a third-party record in the look-back. The score is the credit score, 0 (worst) to 100
 * (best), one decimal; with the default configuration AAA from 90, AA from 80, A from 65, B from
 * 50, and a record in default caps the grade at B. {@link CreditModel} documents how the score is
 * made; configuration PID {@value #PID}.
 * <p>
 * A new configuration re-creates the component with new rules, so a configuration that makes no
 * sense fails activation (and shows as such in the plugin directory) instead of grading.
 */
@Component(service = TagTheme.class, configurationPid = CreditTheme.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@SmartHallPlugin(kind = PluginKind.TAG_THEME, id = CreditTheme.ID)
@Designate(ocd = CreditConfig.class)
public class CreditTheme implements TagTheme {
    static final String ID = "credit";
    static final String PID = "org.smarthall.tag.credit";

    private final CreditModel model;

    /** @throws IllegalArgumentException naming the attribute when the configuration makes no sense */
    @Activate
    public CreditTheme(CreditConfig config) {
        this.model = new CreditModel(CreditRules.of(config));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<TagValue> evaluate(CustomerSnapshot customer, LocalDate asOf) {
        return List.of(model.evaluate(customer, asOf));
    }
}
