package org.smarthall.demo.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.smarthall.api.customer.CustomerKind;

/**
 * The third-party credit feed of one customer (dataset {@code credit_records}): what banks, Alipay
 * and WeChat Pay, the property registry and the water, heat and gas utilities reported about the
 * customer in the 24 months up to the end of the data.
 * <p>
 * 60% of residents and 80% of enterprises have 1 to 4 records (35/30/20/15%); government bodies
 * none. Residents' records are about loans, credit cards, other utilities' bills, property and now
 * and then deposits; enterprises' about bank loans and deposits. 15% of the records are closed;
 * records of money owed (loans, cards, bills) are overdue (5-90 days, mostly a few weeks) or in
 * default (91-720 days) as the customer pays the company's own bills: punctual payers 9% and
 * 2%, late payers 28% and 7%, those in arrears 38% and 25%. Over all records that makes about
 * 72% normal, 15% closed, 10% overdue and 3% in default: most customers keep a good grade.
 * Missing values: 2% of the records without an amount, 3% of the overdue and default ones without
 * their days overdue.
 * <p>
 * Drawn from the customer's own stream {@link Seeds#CREDIT}: the feed changes nothing in the other
 * files.
 */
final class CreditFeed {
    static final int MONTHS = 24;
    static final double RESIDENT_SHARE = 0.60;
    static final double ENTERPRISE_SHARE = 0.80;
    static final double CLOSED = 0.15;
    static final double AMOUNT_MISSING = 0.02;
    static final double DAYS_MISSING = 0.03;

    /** How a customer pays the company: from the bills of a post-paid customer, the meter trips of a prepaid one. */
    enum Payer {
        PUNCTUAL(0.09, 0.02), LATE(0.28, 0.07), ARREARS(0.38, 0.25);

        /** Shares of the records of money owed that are overdue, and in default. */
        final double overdue;
        final double defaulted;

        Payer(double overdue, double defaulted) {
            this.overdue = overdue;
            this.defaulted = defaulted;
        }

        /** Prepaid customers who let the meter trip 3-4 times in the year pay late, 5 times like those in arrears. */
        static Payer ofTrips(int trips) {
            return trips >= 5 ? ARREARS : trips >= 3 ? LATE : PUNCTUAL;
        }
    }

    private static final Weighted<Integer> RECORDS = new Weighted<>(List.of(1, 2, 3, 4), 35, 30, 20, 15);
    private static final Weighted<String> RESIDENT_KINDS = new Weighted<>(
            List.of("loan", "credit_card", "utility_bill", "property", "deposit"), 25, 28, 30, 12, 5);
    private static final Weighted<String> ENTERPRISE_KINDS = new Weighted<>(List.of("loan", "deposit"), 60, 40);
    private static final Weighted<String> LOAN_SOURCES = new Weighted<>(List.of("bank", "alipay", "wechat_pay"), 70, 18, 12);
    private static final Weighted<String> CARD_SOURCES = new Weighted<>(List.of("bank", "alipay", "wechat_pay"), 60, 30, 10);
    private static final Weighted<String> UTILITIES = new Weighted<>(List.of("water", "gas", "heat"), 40, 35, 25);

    private final ProvinceFiles files;
    private final long seed;
    private final long firstDay;
    private final long lastDay;

    CreditFeed(long seed, Period period, ProvinceFiles files) {
        this.seed = seed;
        this.files = files;
        this.lastDay = period.until().toEpochDay();
        this.firstDay = period.until().minusMonths(MONTHS).plusDays(1).toEpochDay();
    }

    void write(int index, String account, CustomerKind kind, Payer payer) throws IOException {
        boolean person = kind == CustomerKind.RESIDENT || kind == CustomerKind.PREPAID_RESIDENT;
        double share = person ? RESIDENT_SHARE : kind == CustomerKind.ENTERPRISE ? ENTERPRISE_SHARE : 0;
        if (share == 0) {
            return;
        }
        SplittableRandom r = Seeds.random(seed, Seeds.CREDIT, index);
        if (!Draw.chance(r, share)) {
            return;
        }
        long[] days = new long[RECORDS.pick(r)];
        for (int i = 0; i < days.length; i++) {
            days[i] = Draw.between(r, firstDay, lastDay);
        }
        Arrays.sort(days);
        for (int i = 0; i < days.length; i++) {
            String recordKind = (person ? RESIDENT_KINDS : ENTERPRISE_KINDS).pick(r);
            String source = switch (recordKind) {
                case "loan" -> person ? LOAN_SOURCES.pick(r) : "bank";
                case "credit_card" -> CARD_SOURCES.pick(r);
                case "utility_bill" -> UTILITIES.pick(r);
                case "property" -> "property_registry";
                default -> "bank";
            };
            boolean owed = !recordKind.equals("property") && !recordKind.equals("deposit");
            double u = r.nextDouble();
            String status = u < CLOSED ? "closed"
                    : owed && u < CLOSED + payer.overdue ? "overdue"
                    : owed && u < CLOSED + payer.overdue + payer.defaulted ? "default"
                    : "normal";
            long fen = amount(r, person, recordKind, source);
            CsvFile out = files.creditRecords.serial("CR", days[i] * Period.DAY, index, i).code(account).code(source)
                    .code(recordKind).date(days[i]).code(status);
            if (Draw.chance(r, AMOUNT_MISSING)) {
                out.missing();
            } else {
                out.money(fen);
            }
            boolean behind = status.equals("overdue") || status.equals("default");
            if (behind && !Draw.chance(r, DAYS_MISSING)) {
                out.number(status.equals("overdue") ? Math.round(Draw.logNormal(r, 20, 0.7, 5, 90))
                        : Draw.between(r, 91, 720));
            } else {
                out.missing();
            }
            out.end();
        }
    }

    /** The amount concerned, in fen: a loan's or card's balance, a bill, property or deposits. */
    private static long amount(SplittableRandom r, boolean person, String kind, String source) {
        boolean platform = source.equals("alipay") || source.equals("wechat_pay");
        double yuan = switch (kind) {
            case "loan" -> !person ? Draw.logNormal(r, 3_000_000, 1.2, 100_000, 90_000_000)
                    : platform ? Draw.logNormal(r, 6_000, 0.8, 500, 200_000)
                    : Draw.logNormal(r, 180_000, 0.9, 5_000, 3_000_000);
            case "credit_card" -> platform ? Draw.logNormal(r, 2_000, 0.9, 100, 50_000)
                    : Draw.logNormal(r, 6_000, 1.0, 100, 300_000);
            case "utility_bill" -> switch (source) {
                case "water" -> Draw.logNormal(r, 45, 0.4, 10, 300);
                case "gas" -> Draw.logNormal(r, 110, 0.5, 20, 1_000);
                default -> Draw.logNormal(r, 2_200, 0.3, 800, 8_000);
            };
            case "property" -> Draw.logNormal(r, 1_100_000, 0.5, 200_000, 8_000_000);
            default -> person ? Draw.logNormal(r, 80_000, 1.0, 1_000, 5_000_000)
                    : Draw.logNormal(r, 2_000_000, 1.3, 10_000, 90_000_000);
        };
        // bills to the fen, the rest as the sources report them: whole yuan
        return kind.equals("utility_bill") ? Math.round(yuan * 100) : Math.round(yuan) * 100;
    }
}
