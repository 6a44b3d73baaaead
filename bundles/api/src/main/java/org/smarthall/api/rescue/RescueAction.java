package org.smarthall.api.rescue;

import java.time.Duration;
import java.util.List;

/**
 * One thing the rescue chain does.
 *
 * @param kind     what to do
 * @param channels notification channels to use, in order ({@code wechat}, {@code app-push}, {@code sms})
 * @param after    when, counted from the event (zero for at once)
 * @param reason   human-readable
 */
public record RescueAction(Kind kind, List<String> channels, Duration after, String reason) {
    public RescueAction {
        channels = List.copyOf(channels);
    }

    public enum Kind {
        /** Ask the customer to subscribe to reminders. */
        ASK_CONSENT,
        /** Remind the customer to buy before the meter trips. */
        REMIND_CUSTOMER,
        /** Warn before an online payment that it may fail. */
        WARN_BEFORE_PAYMENT,
        /** Tell the customer a purchase failed, with nearby halls and a priority booking. */
        NOTIFY_CUSTOMER_OF_FAILURE,
        /** Tell the account manager a purchase failed. */
        NOTIFY_MANAGER_OF_FAILURE,
        /** The manager calls back if the balance has not risen in time. */
        MANAGER_CALL_BACK
    }
}
