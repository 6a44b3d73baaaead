package org.smarthall.api.rescue;

import java.math.BigDecimal;

/**
 * A prepaid customer's situation when the policy is asked.
 *
 * @param balance          current balance in yuan
 * @param tripsLast12Months meter trips in the last 12 months
 * @param reminderConsent  whether the customer subscribed to purchase reminders
 */
public record PrepaidState(String account, BigDecimal balance, int tripsLast12Months, boolean reminderConsent) {
}
