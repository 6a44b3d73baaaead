package org.smarthall.api.hall;

import java.util.List;

/**
 * A business hall and the functional zones it has.
 *
 * @param zones zone codes from {@link org.smarthall.api.customer.Codes#ZONES}
 */
public record Hall(String id, String name, String region, List<String> zones) {
    public Hall {
        zones = List.copyOf(zones);
    }
}
