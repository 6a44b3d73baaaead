package org.smarthall.api.notify;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.smarthall.api.customer.Consent;

/**
 * The consents in force: per customer, purpose and channel the latest one given or withdrawn,
 * whether it came by import, through staff or from a provider that says the person refused.
 */
@ProviderType
public interface Consents {

    /** The consents in force for a customer, by purpose and channel. */
    List<Consent> of(String account);

    /**
     * Records a consent given or withdrawn; it is in force from its time on.
     *
     * @throws org.smarthall.api.InvalidInputException for an unknown purpose, channel or place
     */
    Consent record(Consent consent);
}
