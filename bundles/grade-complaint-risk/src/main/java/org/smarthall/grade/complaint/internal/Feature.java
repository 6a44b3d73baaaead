package org.smarthall.grade.complaint.internal;

import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * What the classifier knows of a customer at a cut date, in this order (see
 * {@link FeatureExtractor} for how each is read). Windows are the 90 and 180 days up to and
 * including the cut date: 180 rather than 365 because the snapshot holds only the 12 months before
 * the grading date and the training cut lies 180 days before it: a 365-day count would see 185
 * days of history in training and 365 in grading, and the model would learn on counts it never
 * meets again.
 */
enum Feature {
    COMPLAINTS_90("complaints.90d", v -> count(v, "complaint") + " in the last 90 days"),
    COMPLAINTS_180("complaints.180d", v -> count(v, "complaint") + " in the last 180 days"),
    REPAIRS_90("repairs.90d", v -> count(v, "repair order") + " in the last 90 days"),
    REPAIRS_180("repairs.180d", v -> count(v, "repair order") + " in the last 180 days"),
    ENQUIRIES_90("enquiries.90d", v -> count(v, "enquiry", "enquiries") + " in the last 90 days"),
    ENQUIRIES_180("enquiries.180d", v -> count(v, "enquiry", "enquiries") + " in the last 180 days"),
    FAILED_PURCHASES_90("failedPurchases.90d", v -> count(v, "failed-purchase order") + " in the last 90 days"),
    FAILED_PURCHASES_180("failedPurchases.180d", v -> count(v, "failed-purchase order") + " in the last 180 days"),
    UNRESOLVED_ORDERS("unresolvedOrders", v -> count(v, "work order") + " still unresolved"),
    DISSATISFIED_180("dissatisfied.180d", v -> count(v, "dissatisfied rating") + " (score 1 or 2) in the last 180 days"),
    LATE_BILLS_180("lateBills.180d", v -> count(v, "bill") + " due in the last 180 days paid late or not yet"),
    ARREARS_MONTHS("arrearsMonths", v -> count(v, "month") + " in arrears"),
    OUTSTANDING("outstanding.log1pYuan", v -> String.format(Locale.ROOT, "%.2f yuan outstanding", Math.expm1(v))),
    TRIPS_90("trips.90d", v -> count(v, "meter trip") + " in the last 90 days"),
    TRIPS_180("trips.180d", v -> count(v, "meter trip") + " in the last 180 days"),
    FAILED_RECHARGES_180("failedRecharges.180d", v -> count(v, "failed recharge") + " in the last 180 days"),
    KIND_RESIDENT("kind.resident", v -> v > 0 ? "a post-paid resident" : "not a post-paid resident"),
    KIND_PREPAID("kind.prepaidResident", v -> v > 0 ? "a prepaid resident" : "not a prepaid resident"),
    KIND_ENTERPRISE("kind.enterprise", v -> v > 0 ? "an enterprise" : "not an enterprise"),
    KIND_GOVERNMENT("kind.government", v -> v > 0 ? "a government body" : "not a government body"),
    ACCOUNT_AGE("accountAgeYears", v -> String.format(Locale.ROOT, "account %.1f years old", v)),
    ACCOUNT_AGE_UNKNOWN("accountAgeUnknown", v -> v > 0 ? "account opening date not known" : "account opening date known");

    static final int COUNT = values().length;

    private final String key;
    private final DoubleFunction<String> fact;

    Feature(String key, DoubleFunction<String> fact) {
        this.key = key;
        this.fact = fact;
    }

    /** The name in the fitted model's parameters. */
    String key() {
        return key;
    }

    /** The feature's value as a fact about the customer, e.g. {@code 2 complaints in the last 90 days}. */
    String fact(double value) {
        return fact.apply(value);
    }

    private static String count(double v, String singular) {
        return count(v, singular, singular + "s");
    }

    private static String count(double v, String singular, String plural) {
        long n = Math.round(v);
        return n == 0 ? "no " + singular : n + " " + (n == 1 ? singular : plural);
    }
}
