package org.smarthall.tag.credit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.smarthall.api.customer.Bill;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CreditRecord;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.Payment;
import org.smarthall.api.customer.Recharge;
import org.smarthall.api.customer.Trip;
import org.smarthall.api.tag.TagValue;

/**
 * The credit model: a transparent score from 0 (worst) to 100 (best), rounded to one decimal, cut
 * into grades by {@link CreditRules}. Two parts, each clamped to 0-100:
 * <ul>
 * <li><b>internal</b>, from the 12 months to the tagging date (days after {@code asOf} minus one
 * year up to and including {@code asOf}, China Standard Time): starts at {@code internalBase};
 * bills due in the window lose points for the share paid late, the longest lateness, every
 * month in arrears (a bill past due and not settled in full on the tagging date; one settled
 * later counts as owed in full) and the share outstanding; prepaid meter trips lose a few points each (failed
 * recharges never count: they are the payment platform's fault, not the customer's); a full
 * year of account age adds a little. There is internal data when the window has a bill due, a
 * payment, a recharge attempt or a meter trip.</li>
 * <li><b>third-party</b>, from credit records reported within {@code lookBackMonths} before the
 * tagging date: starts at {@code thirdPartyBase}. Records are taken per source and kind (a bank
 * reports the same loan again and again), the worst status of each counting once: a default
 * takes many points, an overdue record points by its days overdue, a loan, card, property,
 * deposit or utility bill in good standing adds some, a closed one nothing. Records without a
 * report date or with codes outside {@link Codes} are not read.</li>
 * </ul>
 * The score is {@code internalWeight × internal + thirdPartyWeight × third-party} when both parts
 * have data, else the one part that has; with neither the customer is {@code unknown}. A default
 * within the look-back caps the grade at {@code defaultCapsGradeAt}; the score is then lowered to
 * just under the next better grade's cut-off, so that score and grade agree.
 * <p>
 * Thread-safe and allocation-light: it is called for every customer of a tagging run.
 */
final class CreditModel {
    static final String DIMENSION = "credit";

    private static final List<String> SOURCES = Codes.CREDIT_SOURCES;
    private static final List<String> KINDS = Codes.CREDIT_KINDS;
    private static final String[] SOURCE_LABELS = {"bank", "Alipay", "WeChat Pay", "registered", "water", "heat",
            "gas"};
    private static final String[] KIND_LABELS = {"loan", "credit card", "property", "deposit", "bill"};
    private static final int LOAN = 0;
    private static final int CREDIT_CARD = 1;
    private static final int PROPERTY = 2;
    private static final int DEPOSIT = 3;
    /** Worst status of a source and kind, in rising order of weight. */
    private static final byte NONE = 0;
    private static final byte CLOSED = 1;
    private static final byte NORMAL = 2;
    private static final byte OVERDUE = 3;
    private static final byte DEFAULT = 4;

    private final CreditRules rules;
    private final String internalWeight;
    private final String thirdPartyWeight;
    /** The window of the last date asked for: a tagging run asks for the same date a million times. */
    private volatile Window window;

    CreditModel(CreditRules rules) {
        this.rules = rules;
        this.internalWeight = BigDecimal.valueOf(rules.internalWeight()).stripTrailingZeros().toPlainString();
        this.thirdPartyWeight = BigDecimal.valueOf(rules.thirdPartyWeight()).stripTrailingZeros().toPlainString();
    }

    /** The customer's credit grade as of a date: one tag of dimension {@value #DIMENSION}. */
    TagValue evaluate(CustomerSnapshot customer, LocalDate asOf) {
        Window w = windowOf(asOf);
        StringBuilder reason = new StringBuilder(160);
        double internal = internal(customer, w, reason);
        boolean hasInternal = !Double.isNaN(internal);
        int internalEnd = reason.length();
        if (hasInternal) {
            reason.append("; ");
        }
        ThirdParty third = thirdParty(customer.credit(), w, reason);
        if (!hasInternal && third == null) {
            reason.setLength(0);
            reason.append("no bill, payment, recharge or meter trip in the 12 months to ").append(asOf)
                    .append(" and no third-party credit record in the ").append(rules.lookBackMonths())
                    .append(" months before");
            return TagValue.unknown(DIMENSION, reason.toString());
        }
        double score;
        if (third == null) {
            reason.setLength(internalEnd);
            score = round(internal);
            reason.append("; no third-party records; internal history only. Score ");
            appendScore(reason, score);
        } else if (!hasInternal) {
            score = round(third.score);
            reason.append("; no payment history in the 12 months; third-party records only. Score ");
            appendScore(reason, score);
        } else {
            score = round(rules.internalWeight() * internal + rules.thirdPartyWeight() * third.score);
            reason.append(". Score ");
            appendScore(reason, score);
            reason.append(" = ").append(internalWeight).append(" x internal ");
            appendScore(reason, round(internal));
            reason.append(" + ").append(thirdPartyWeight).append(" x third-party ");
            appendScore(reason, round(third.score));
        }
        CreditGrade grade = rules.gradeOf(score);
        CreditGrade cap = rules.defaultCapsGradeAt();
        if (third != null && third.defaults > 0 && grade.isBetterThan(cap)) {
            grade = cap;
            score = Math.min(score, round(rules.lowestScoreOf(CreditGrade.values()[cap.ordinal() - 1]) - 0.1));
            reason.append("; capped at ").append(cap.code()).append(" by the default (score ");
            appendScore(reason, score);
            reason.append(')');
        }
        reason.append('.');
        return new TagValue(DIMENSION, grade.code(), score, reason.toString());
    }

    /**
     * The internal part, its facts appended to {@code reason}.
     *
     * @return the part's score, or NaN when the window holds no payment history
     */
    private double internal(CustomerSnapshot c, Window w, StringBuilder reason) {
        int bills = 0;
        int late = 0;
        int arrears = 0;
        int outstandingMissing = 0;
        long maxLate = 0;
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal outstanding = BigDecimal.ZERO;
        for (Bill b : c.bills()) {
            if (b.due() == null || !w.contains(b.due())) {
                continue;
            }
            bills++;
            if (b.amount() != null) {
                billed = billed.add(b.amount());
            }
            // a bill settled after the tagging date was still open on it
            boolean settled = b.paid() != null && !b.paid().isAfter(w.asOf);
            long days = Math.max(0, (settled ? b.paid() : w.asOf).toEpochDay() - b.due().toEpochDay());
            if (days > 0) {
                late++;
                maxLate = Math.max(maxLate, days);
            }
            boolean owing = b.outstanding() != null && b.outstanding().signum() > 0;
            if ((!settled || owing) && b.due().isBefore(w.asOf)) {
                arrears++;
                if (b.paid() != null && !settled) {
                    // settled in full after the tagging date: on it, the whole bill was still owed
                    if (b.amount() != null) {
                        outstanding = outstanding.add(b.amount());
                    }
                } else if (owing) {
                    outstanding = outstanding.add(b.outstanding());
                } else if (b.outstanding() == null) {
                    outstandingMissing++;
                }
            }
        }
        int payments = 0;
        for (Payment p : c.payments()) {
            if (p.date() != null && w.contains(p.date())) {
                payments++;
            }
        }
        int recharges = 0;
        int failed = 0;
        for (Recharge r : c.recharges()) {
            if (w.contains(r.at())) {
                recharges++;
                if (!r.success()) {
                    failed++;
                }
            }
        }
        int trips = 0;
        for (Trip t : c.trips()) {
            if (w.contains(t.at())) {
                trips++;
            }
        }
        if (bills == 0 && payments == 0 && recharges == 0 && trips == 0) {
            return Double.NaN;
        }

        double score = rules.internalBase();
        if (bills > 0) {
            score -= rules.lateBillPoints() * late / bills;
            score -= rules.lateDayPoints() * Math.min(maxLate, rules.maxLateDays());
            score -= rules.arrearsMonthPoints() * arrears;
            if (outstanding.signum() > 0) {
                double share = billed.signum() > 0 ? Math.min(1, outstanding.doubleValue() / billed.doubleValue()) : 1;
                score -= rules.outstandingPoints() * share;
            }
            if (late == 0 && arrears == 0) {
                reason.append(bills == 1 ? "the 1 bill" : "all " + bills + " bills").append(" paid on time");
            } else {
                reason.append(late).append(" of ").append(bills).append(bills == 1 ? " bill" : " bills")
                        .append(" paid late (max ").append(maxLate).append(maxLate == 1 ? " day)" : " days)");
                if (arrears > 0) {
                    reason.append("; ").append(arrears).append(arrears == 1 ? " month" : " months").append(" in arrears");
                    if (outstandingMissing == arrears) {
                        reason.append(" (amount outstanding not given)");
                    } else {
                        reason.append(", ").append(outstanding.setScale(2, RoundingMode.HALF_UP).toPlainString())
                                .append(" yuan outstanding");
                        if (outstandingMissing > 0) {
                            reason.append(" (not given for ").append(outstandingMissing)
                                    .append(outstandingMissing == 1 ? " bill)" : " bills)");
                        }
                    }
                }
            }
        } else if (payments > 0) {
            reason.append("no bill due in the 12 months, ").append(payments).append(payments == 1 ? " payment" : " payments");
        }
        if (recharges > 0 || trips > 0) {
            if (bills > 0 || payments > 0) {
                reason.append("; ");
            }
            score -= Math.min(rules.maxTripPoints(), rules.tripPoints() * trips);
            reason.append(recharges).append(recharges == 1 ? " recharge, " : " recharges, ");
            if (trips == 0) {
                reason.append("no meter trip");
            } else {
                reason.append(trips).append(trips == 1 ? " meter trip" : " meter trips");
            }
            if (failed > 0) {
                reason.append(" (").append(failed).append(failed == 1 ? " failed recharge" : " failed recharges")
                        .append(" not held against the customer)");
            }
        }
        LocalDate opened = c.profile().opened();
        if (opened == null) {
            reason.append("; account opening date missing");
        } else {
            long years = Math.max(0, ChronoUnit.YEARS.between(opened, w.asOf));
            score += Math.min(rules.maxAccountAgePoints(), rules.accountAgePointsPerYear() * years);
            reason.append("; account ").append(years).append(years == 1 ? " year old" : " years old");
        }
        return clamp(score);
    }

    /** The third-party part. */
    private record ThirdParty(double score, int defaults) {
    }

    /**
     * The third-party part, its facts appended to {@code reason}.
     *
     * @return the part, or {@code null} when no record within the look-back can be read
     */
    private ThirdParty thirdParty(List<CreditRecord> records, Window w, StringBuilder reason) {
        if (records.isEmpty()) {
            return null;
        }
        int pairs = SOURCES.size() * KINDS.size();
        byte[] worst = null;
        int[] days = null;
        LocalDate[] lastDefault = null;
        boolean[] daysGiven = null;
        for (CreditRecord r : records) {
            if (r.reported() == null || !w.inLookBack(r.reported())) {
                continue;
            }
            int source = SOURCES.indexOf(r.source());
            int kind = KINDS.indexOf(r.kind());
            byte status = status(r.status());
            if (source < 0 || kind < 0 || status == NONE) {
                continue;
            }
            if (worst == null) {
                worst = new byte[pairs];
                days = new int[pairs];
                lastDefault = new LocalDate[pairs];
                daysGiven = new boolean[pairs];
            }
            int pair = source * KINDS.size() + kind;
            if (status > worst[pair]) {
                worst[pair] = status;
            }
            if (status == DEFAULT && (lastDefault[pair] == null || r.reported().isAfter(lastDefault[pair]))) {
                lastDefault[pair] = r.reported();
            }
            if (status == OVERDUE && r.overdueDays() != null) {
                days[pair] = Math.max(days[pair], r.overdueDays());
                daysGiven[pair] = true;
            }
        }
        if (worst == null) {
            return null;
        }
        double score = rules.thirdPartyBase();
        int defaults = 0;
        int closed = 0;
        reason.append("third-party: ");
        int lengthBefore = reason.length();
        for (int pair = 0; pair < pairs; pair++) {
            if (worst[pair] == DEFAULT) {
                defaults++;
                score -= rules.defaultPoints();
                separate(reason, lengthBefore);
                label(reason, pair).append(" in default, reported ").append(lastDefault[pair]);
            }
        }
        for (int pair = 0; pair < pairs; pair++) {
            if (worst[pair] == OVERDUE) {
                score -= Math.min(rules.maxOverduePoints(), rules.overduePoints() + rules.overdueDayPoints() * days[pair]);
                separate(reason, lengthBefore);
                label(reason, pair).append(" overdue");
                if (daysGiven[pair]) {
                    reason.append(' ').append(days[pair]).append(days[pair] == 1 ? " day" : " days");
                } else {
                    reason.append(" (days not given)");
                }
            } else if (worst[pair] == CLOSED) {
                closed++;
            }
        }
        boolean good = false;
        for (int pair = 0; pair < pairs; pair++) {
            if (worst[pair] == NORMAL) {
                score += switch (pair % KINDS.size()) {
                    case LOAN, CREDIT_CARD -> rules.loanOrCardPoints();
                    case PROPERTY -> rules.propertyPoints();
                    case DEPOSIT -> rules.depositPoints();
                    default -> rules.utilityPaidPoints();
                };
                if (good) {
                    reason.append(", ");
                } else {
                    separate(reason, lengthBefore);
                    reason.append("in good standing: ");
                    good = true;
                }
                label(reason, pair);
            }
        }
        if (closed > 0) {
            separate(reason, lengthBefore);
            reason.append(closed).append(" closed");
        }
        return new ThirdParty(clamp(score), defaults);
    }

    private static void separate(StringBuilder reason, int start) {
        if (reason.length() > start) {
            reason.append("; ");
        }
    }

    private static StringBuilder label(StringBuilder reason, int pair) {
        return reason.append(SOURCE_LABELS[pair / KINDS.size()]).append(' ').append(KIND_LABELS[pair % KINDS.size()]);
    }

    private static byte status(String status) {
        if (status == null) {
            return NONE;
        }
        return switch (status) {
            case "default" -> DEFAULT;
            case "overdue" -> OVERDUE;
            case "normal" -> NORMAL;
            case "closed" -> CLOSED;
            default -> NONE;
        };
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(100, score));
    }

    private static double round(double score) {
        return Math.round(score * 10) / 10.0;
    }

    /** One decimal, without {@code String.format}: this runs a million times. */
    private static void appendScore(StringBuilder out, double value) {
        long tenths = Math.round(value * 10);
        out.append(tenths / 10).append('.').append(tenths % 10);
    }

    private Window windowOf(LocalDate asOf) {
        Window w = window;
        if (w == null || !w.asOf.equals(asOf)) {
            w = new Window(asOf, rules.lookBackMonths());
            window = w;
        }
        return w;
    }

    /** The 12 months to {@code asOf} and the look-back, as days and instants in China Standard Time. */
    private static final class Window {
        final LocalDate asOf;
        final long firstDay;
        final long lastDay;
        final Instant since;
        final Instant until;
        final long firstLookBackDay;

        Window(LocalDate asOf, int lookBackMonths) {
            this.asOf = asOf;
            LocalDate from = asOf.minusYears(1).plusDays(1);
            this.firstDay = from.toEpochDay();
            this.lastDay = asOf.toEpochDay();
            this.since = from.atStartOfDay(Codes.TIME_ZONE).toInstant();
            this.until = asOf.plusDays(1).atStartOfDay(Codes.TIME_ZONE).toInstant();
            this.firstLookBackDay = asOf.minusMonths(lookBackMonths).plusDays(1).toEpochDay();
        }

        boolean contains(LocalDate day) {
            long d = day.toEpochDay();
            return d >= firstDay && d <= lastDay;
        }

        boolean contains(Instant at) {
            return at != null && !at.isBefore(since) && at.isBefore(until);
        }

        boolean inLookBack(LocalDate reported) {
            long d = reported.toEpochDay();
            return d >= firstLookBackDay && d <= lastDay;
        }
    }
}
