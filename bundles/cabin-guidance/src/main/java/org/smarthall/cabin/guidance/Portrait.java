package org.smarthall.cabin.guidance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.smarthall.api.customer.CustomerKind;

/**
 * The customer portrait (客户画像) the guidance desk sees when a card is swiped at the entrance.
 * Carries masked identifiers only: the name as {@code 张*}, the ID number as
 * {@code 3701**********123X}, an age band instead of the birth date. Accounts are kept (they are the
 * business key staff work with). For staff; kiosks get a {@link Greeting}.
 *
 * @param id              unique per swipe; the event id on the guidance stream
 * @param device          the card reader
 * @param visitor         no customer matched (or the number did not check): only name, sex, age band and route
 * @param idVerified      the card's number passed the GB 11643 check; a visitor portrait with
 *                        reason {@code id-not-verified} when it did not
 * @param maskedName      first character of the name, the rest starred
 * @param sex             {@code male}, {@code female} or {@code unspecified}
 * @param ageBand         {@code 18-29}, {@code 30-39}, ... {@code 70+}; {@code null} when the birth date is unknown
 * @param account         the primary account ({@code null} for a visitor); see the cabin's documentation for the rule
 * @param otherAccounts   the person's other accounts, with what is outstanding on them
 * @param tags            from the {@code tags} facet, one line per theme and dimension
 * @param grades          from the {@code grades} facet, one line per model
 * @param arrears         owed on the primary account over the last 12 months; {@code null} when nothing was billed
 * @param prepaid         for prepaid customers, else {@code null}
 * @param caution         the customer's sensitive flags ({@code official}, {@code disabled}, ...): for staff only
 * @param unavailable     sections that could not be read this time ({@code tags}, {@code grades}, {@code summary})
 * @param cardAt          when the card's answer began to arrive from the reader
 * @param portraitAt      when the portrait was ready
 */
public record Portrait(String id, String hall, String device, boolean visitor, boolean idVerified, String maskedName,
        String sex, String ageBand, String maskedIdNumber, String account, CustomerKind kind,
        List<OtherAccount> otherAccounts, List<TagLine> tags, List<GradeLine> grades, BigDecimal arrears,
        int unpaidBills, int openWorkOrders, Prepaid prepaid, List<String> caution, Route route,
        List<String> unavailable, Instant cardAt, Instant portraitAt) {

    public Portrait {
        otherAccounts = List.copyOf(otherAccounts);
        tags = List.copyOf(tags);
        grades = List.copyOf(grades);
        caution = List.copyOf(caution);
        unavailable = List.copyOf(unavailable);
    }

    /** Another account of the same person (found by the same ID hash). */
    public record OtherAccount(String account, CustomerKind kind, BigDecimal arrears, int openWorkOrders) {
    }

    /** One tag: theme, dimension, value and the theme's reason. */
    public record TagLine(String theme, String dimension, String value, String reason) {
    }

    /** One grade: the model, the grade and the model's reason. */
    public record GradeLine(String model, String grade, String reason) {
    }

    /**
     * @param balance  the last balance read from the meter
     * @param trips    meter trips in the last 12 months
     * @param tripClass {@code normal}, {@code occasional} or {@code frequent} (seed 003)
     */
    public record Prepaid(BigDecimal balance, int trips, String tripClass, int failedRecharges) {
    }
}
