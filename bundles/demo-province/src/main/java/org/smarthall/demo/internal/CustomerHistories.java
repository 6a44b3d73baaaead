package org.smarthall.demo.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.Pii;
import org.smarthall.demo.internal.Shandong.District;
import org.smarthall.demo.internal.Shandong.Industry;
import org.smarthall.demo.internal.Shandong.PublicBody;

/**
 * Writes one customer and the 12 months of their history to every dataset, from that customer's
 * own random stream; then the 24 months of their third-party credit records ({@link CreditFeed},
 * a stream of its own). The meters of about 1.3% of residents (all of them post-paid) and
 * enterprises show a drop or a near-zero run at the end of the data ({@link MeterBypass}, a
 * stream of its own too): their consumption, bills and payments follow what the meter shows, and
 * a month with nothing to charge gets no bill.
 * <p>
 * Missing values, written as empty cells (formats.md: never filled in): 3% of residents without
 * a phone, 1.5% without an address, 4% without contracted capacity, 1% without an opening date;
 * 4% of enterprises and 2% of government bodies without an industry; 0.5% of consumption months
 * without valley_kwh and 0.2% without an amount; 10% of failed purchases without a reason; 8%
 * of resolved work orders without a resolution text.
 */
final class CustomerHistories {
    /** Resident tariff, first tier of the ladder: 0.5469 yuan/kWh, in 1/10,000 yuan. */
    static final int RESIDENT_TARIFF = 5_469;
    /** Time-of-use tariff of business and public customers (peak, flat, valley), in 1/10,000 yuan. */
    static final int[] BUSINESS_TARIFF = {9_824, 6_470, 3_116};
    static final double VALLEY_MISSING = 0.005;
    static final double AMOUNT_MISSING = 0.002;

    /** Consumption by calendar month (January first): heating in winter, air conditioning in July and August. */
    private static final double[] RESIDENT_SEASON = {1.20, 1.10, 0.90, 0.80, 0.82, 1.00, 1.35, 1.40, 1.00, 0.82, 0.88, 1.10};
    private static final double[] ENTERPRISE_SEASON = {0.95, 0.80, 1.00, 1.02, 1.03, 1.05, 1.10, 1.10, 1.03, 1.00, 1.00, 1.02};
    private static final double[] PUBLIC_SEASON = {1.15, 1.00, 0.90, 0.85, 0.85, 1.00, 1.25, 1.30, 1.00, 0.85, 0.90, 1.10};

    private static final List<String> MOBILE_PREFIXES = List.of("130", "131", "132", "133", "134", "135", "136", "137",
            "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "176", "177", "178",
            "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "198", "199");
    private static final Weighted<Integer> RESIDENT_KVA = new Weighted<>(List.of(4, 6, 8, 10, 12), 10, 25, 35, 20, 10);
    private static final int[] TRANSFORMER_KVA = {50, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1_000,
            1_250, 1_600, 2_000, 2_500, 3_150, 4_000, 5_000, 6_300, 8_000, 10_000, 12_500, 16_000, 20_000, 25_000,
            31_500, 40_000, 50_000};
    private static final String NUMERALS = "一二三四五六七八九十";

    private static final Weighted<String> RESIDENT_PAYMENT = new Weighted<>(
            List.of("wechat", "alipay", "app", "bank", "hall", "self_service", "agent"), 30, 22, 18, 15, 7, 3, 5);
    private static final Weighted<String> ENTERPRISE_PAYMENT = new Weighted<>(
            List.of("bank", "hall", "app", "wechat"), 60, 18, 10, 12);
    private static final Weighted<String> PUBLIC_PAYMENT = new Weighted<>(List.of("bank", "hall"), 80, 20);

    private final Period period;
    private final ProvinceLayout layout;
    private final Homes homes;
    private final ProvinceFiles files;
    private final ServiceHistory service;
    private final CreditFeed credit;
    private final MeterBypass bypass;
    private final long seed;

    CustomerHistories(long seed, Period period, ProvinceLayout layout, Homes homes, ProvinceFiles files,
            FailedPurchaseQuota quota) {
        this.seed = seed;
        this.period = period;
        this.layout = layout;
        this.homes = homes;
        this.files = files;
        this.service = new ServiceHistory(seed, period, files, quota);
        this.credit = new CreditFeed(seed, period, files);
        this.bypass = new MeterBypass(seed, period, layout.composition());
    }

    static String code(CustomerKind kind) {
        return switch (kind) {
            case RESIDENT -> "resident";
            case PREPAID_RESIDENT -> "prepaid";
            case ENTERPRISE -> "enterprise";
            case GOVERNMENT -> "government";
        };
    }

    void write(int index) throws IOException {
        CustomerKind kind = layout.kind(index);
        String account = layout.account(index);
        District home = homes.of(index);
        SplittableRandom r = Seeds.random(seed, Seeds.CUSTOMER, index);

        long monthlyKwh = switch (kind) {
            case RESIDENT, PREPAID_RESIDENT -> Math.round(Draw.logNormal(r, 170, 0.35, 85, 285));
            case ENTERPRISE -> Math.round(Draw.logNormal(r, 40_000, 1.3, 2_000, 20_000_000));
            case GOVERNMENT -> Math.round(Draw.logNormal(r, 15_000, 0.8, 1_500, 500_000));
        };
        Integer kva = writeCustomer(r, kind, account, home, monthlyKwh);
        long[] monthFen = writeConsumption(r, kind, account, monthlyKwh, bypass.plan(index, kind, kva));
        ServiceHistory.Customer customer = new ServiceHistory.Customer(index, account, kind, r);
        long firstTrip = -1;
        int trips = 0;
        CreditFeed.Payer payer;
        if (kind == CustomerKind.PREPAID_RESIDENT) {
            trips = layout.plannedTrips(index);
            firstTrip = new PrepaidMeter(period, files, r, account, index, monthFen, trips,
                    at -> service.failedPurchase(customer, at)).simulate();
            payer = CreditFeed.Payer.ofTrips(trips);
        } else {
            payer = writeBills(r, kind, account, index, monthFen);
        }
        service.write(customer, trips, firstTrip, layout.surveyAnswer(index));
        credit.write(index, account, kind, payer);
    }

    /** @return the contracted kVA, {@code null} when not on record */
    private Integer writeCustomer(SplittableRandom r, CustomerKind kind, String account, District home, long monthlyKwh)
            throws IOException {
        CsvFile out = files.customers;
        out.code(account).code(code(kind));
        boolean person = kind == CustomerKind.RESIDENT || kind == CustomerKind.PREPAID_RESIDENT;
        String industry = null;
        String sensitive = null;
        Integer kva;
        LocalDate opened;
        String address;
        if (person) {
            boolean male = r.nextBoolean();
            LocalDate birth = LocalDate.ofEpochDay(Draw.between(r, LocalDate.of(1940, 1, 1).toEpochDay(),
                    LocalDate.of(2005, 12, 31).toEpochDay()));
            String surname = Shandong.SURNAMES.pick(r);
            String given = male ? Shandong.MALE_GIVEN : Shandong.FEMALE_GIVEN;
            String name = surname + Draw.pick(r, given) + (Draw.chance(r, 0.7) ? String.valueOf(Draw.pick(r, given)) : "");
            out.text(name).code(idNumber(r, home, birth, male));
            out.code(Draw.chance(r, 0.03) ? null : mobile(r));
            address = Draw.chance(r, 0.015) ? null : home.city() + "市" + home.name() + Draw.pick(r, Shandong.ROADS)
                    + Draw.between(r, 1, 300) + "号" + Draw.pick(r, Shandong.COMPOUNDS) + Draw.between(r, 1, 30) + "号楼"
                    + Draw.between(r, 1, 6) + "单元" + Draw.between(r, 1, 18) + "0" + Draw.between(r, 1, 4);
            kva = Draw.chance(r, 0.04) ? null : RESIDENT_KVA.pick(r);
            LocalDate from = kind == CustomerKind.PREPAID_RESIDENT ? LocalDate.of(2009, 1, 1) : LocalDate.of(1990, 1, 1);
            opened = Draw.chance(r, 0.01) ? null : randomDay(r, from);
            if (Draw.chance(r, 0.01)) {
                boolean old = birth.isBefore(LocalDate.of(1955, 1, 1));
                sensitive = old && Draw.chance(r, 0.6) ? (Draw.chance(r, 0.25) ? "elderly;disabled" : "elderly")
                        : Draw.chance(r, 0.6) ? "disabled" : "official";
            }
        } else if (kind == CustomerKind.ENTERPRISE) {
            Industry trade = Shandong.ENTERPRISE_INDUSTRIES.pick(r);
            out.text(home.city() + Draw.pick(r, Shandong.FIRM_WORDS) + trade.word() + Shandong.FIRM_SUFFIXES.pick(r));
            out.missing().code(Draw.chance(r, 0.02) ? null : Draw.chance(r, 0.55) ? mobile(r) : landline(r, home));
            address = Draw.chance(r, 0.01) ? null : street(r, home);
            industry = Draw.chance(r, 0.04) ? null : trade.code();
            kva = transformer(monthlyKwh);
            opened = Draw.chance(r, 0.01) ? null : randomDay(r, LocalDate.of(1988, 1, 1));
            sensitive = Draw.chance(r, 0.05) ? "enterprise_leader" : null;
        } else {
            PublicBody body = Shandong.PUBLIC_BODIES.pick(r);
            String place = home.city() + "市" + home.name();
            String second = body.pattern().startsWith("%s第") ? String.valueOf(Draw.pick(r, NUMERALS))
                    : Draw.pick(r, Shandong.STREETS);
            out.text(String.format(body.pattern(), place, second));
            out.missing().code(Draw.chance(r, 0.02) ? null : Draw.chance(r, 0.3) ? mobile(r) : landline(r, home));
            address = Draw.chance(r, 0.01) ? null : street(r, home);
            industry = Draw.chance(r, 0.02) ? null : body.industry();
            kva = transformer(monthlyKwh);
            opened = Draw.chance(r, 0.01) ? null : randomDay(r, LocalDate.of(1985, 1, 1));
            sensitive = Draw.chance(r, 0.10) ? "official" : null;
        }
        out.text(address).code(home.code()).text(home.supplyUnit()).code(industry);
        if (kva == null) {
            out.missing();
        } else {
            out.number(kva);
        }
        if (opened == null) {
            out.missing();
        } else {
            out.date(opened.toEpochDay());
        }
        out.code(sensitive).end();
        return kva;
    }

    /** 18 characters of GB 11643: division where the person was born, birth date, sequence (odd for men), check. */
    private static String idNumber(SplittableRandom r, District home, LocalDate birth, boolean male) {
        String division = Draw.chance(r, 0.6) ? home.code() : Draw.pick(r, Shandong.BIRTH_DIVISIONS);
        int sequence = Draw.between(r, 0, 99) * 10 + Draw.between(r, 0, 4) * 2 + (male ? 1 : 0);
        String first17 = division + birth.getYear() + Digits.pad(birth.getMonthValue(), 2)
                + Digits.pad(birth.getDayOfMonth(), 2) + Digits.pad(sequence, 3);
        return first17 + Pii.checkCharacter(first17);
    }

    private static String mobile(SplittableRandom r) {
        return Draw.pick(r, MOBILE_PREFIXES) + Digits.pad(r.nextInt(100_000_000), 8);
    }

    private static String landline(SplittableRandom r, District home) {
        return home.areaCode() + "-" + Draw.between(r, 5, 8) + Digits.pad(r.nextInt(10_000_000), 7);
    }

    private static String street(SplittableRandom r, District home) {
        return home.city() + "市" + home.name() + Draw.pick(r, Shandong.ROADS) + Draw.between(r, 1, 999) + "号";
    }

    private LocalDate randomDay(SplittableRandom r, LocalDate from) {
        return LocalDate.ofEpochDay(Draw.between(r, from.toEpochDay(), period.first().toEpochDay() - 1));
    }

    /** The standard transformer size for the load: the average demand at a load factor of 0.35. */
    private static int transformer(long monthlyKwh) {
        double kva = monthlyKwh / (730 * 0.35);
        for (int size : TRANSFORMER_KVA) {
            if (size >= kva) {
                return size;
            }
        }
        return TRANSFORMER_KVA[TRANSFORMER_KVA.length - 1];
    }

    /**
     * @param bypass what happens to the meter at the end of the data, {@code null} when nothing:
     *               the draws from {@code r} are the same either way
     * @return what each month cost, in fen (also when the file leaves the amount out)
     */
    private long[] writeConsumption(SplittableRandom r, CustomerKind kind, String account, long monthlyKwh,
            MeterBypass.Plan bypass) throws IOException {
        double[] season = switch (kind) {
            case RESIDENT, PREPAID_RESIDENT -> RESIDENT_SEASON;
            case ENTERPRISE -> ENTERPRISE_SEASON;
            case GOVERNMENT -> PUBLIC_SEASON;
        };
        double peakFrom = kind == CustomerKind.GOVERNMENT ? 0.40 : 0.30;
        double valleyFrom = kind == CustomerKind.GOVERNMENT ? 0.10 : 0.20;
        double peakShare = peakFrom + 0.10 * r.nextDouble();
        double valleyShare = valleyFrom + 0.12 * r.nextDouble();
        long[] fen = new long[Period.MONTHS];
        long[] metered = bypass == null ? null : new long[Period.MONTHS];
        for (int m = 0; m < Period.MONTHS; m++) {
            YearMonth month = period.month(m);
            double covered = (double) period.coveredSeconds(m) / (month.lengthOfMonth() * (long) Period.DAY);
            long total = Math.max(1, Math.round(monthlyKwh * season[month.getMonthValue() - 1]
                    * (0.92 + 0.16 * r.nextDouble()) * covered));
            if (bypass != null && m >= bypass.from()) {
                total = bypass.total(m, total, metered);
            }
            long peak = Math.round(total * (peakShare + 0.04 * (r.nextDouble() - 0.5)));
            long valley = Math.round(total * (valleyShare + 0.04 * (r.nextDouble() - 0.5)));
            long flat = total - peak - valley;
            fen[m] = kind == CustomerKind.RESIDENT || kind == CustomerKind.PREPAID_RESIDENT
                    ? Math.round(total * RESIDENT_TARIFF / 100.0)
                    : Math.round((peak * BUSINESS_TARIFF[0] + flat * BUSINESS_TARIFF[1] + valley * BUSINESS_TARIFF[2]) / 100.0);
            CsvFile out = files.consumption.code(account).month(m).number(peak).number(flat);
            boolean valleyMissing = Draw.chance(r, VALLEY_MISSING);
            if (metered != null) {
                metered[m] = valleyMissing ? peak + flat : total;
            }
            if (valleyMissing) {
                out.missing();
            } else {
                out.number(valley);
            }
            if (Draw.chance(r, AMOUNT_MISSING)) {
                out.missing();
            } else {
                out.money(fen[m]);
            }
            out.end();
        }
        return fen;
    }

    /**
     * Monthly bills of post-paid customers, issued on the 1st and due on the 15th of the next
     * month; only bills already due by the end of the period. Payers are punctual, sometimes late,
     * or in arrears now and then.
     *
     * @return the customer's habit, which also shows in the third-party credit feed
     */
    private CreditFeed.Payer writeBills(SplittableRandom r, CustomerKind kind, String account, int index, long[] monthFen)
            throws IOException {
        double late;
        double arrears;
        Weighted<String> channels;
        switch (kind) {
            case ENTERPRISE -> {
                late = 0.12;
                arrears = 0.03;
                channels = ENTERPRISE_PAYMENT;
            }
            case GOVERNMENT -> {
                late = 0.09;
                arrears = 0.01;
                channels = PUBLIC_PAYMENT;
            }
            default -> {
                late = 0.14;
                arrears = 0.04;
                channels = RESIDENT_PAYMENT;
            }
        }
        double habit = r.nextDouble();
        boolean inArrears = habit < arrears;
        boolean oftenLate = !inArrears && habit < arrears + late;
        String usual = channels.pick(r);
        int payments = 0;
        long lastDay = period.until().toEpochDay();
        for (int m = 0; m < Period.MONTHS; m++) {
            YearMonth next = period.month(m).plusMonths(1);
            long due = next.atDay(15).toEpochDay();
            if (due > lastDay) {
                break;
            }
            long issued = next.atDay(1).toEpochDay();
            long amount = monthFen[m];
            long paidOn;
            if (inArrears && Draw.chance(r, 0.30)) {
                paidOn = Long.MAX_VALUE;
            } else if ((inArrears && Draw.chance(r, 0.45)) || (oftenLate && Draw.chance(r, 0.35))) {
                paidOn = due + Draw.between(r, 1, inArrears ? 60 : 40);
            } else {
                paidOn = Draw.between(r, issued, due);
            }
            String channel = Draw.chance(r, 0.85) ? usual : channels.pick(r);
            // a month with nothing to charge (a meter showing 0 kWh) gets no bill, but the same draws
            boolean billed = amount > 0;
            long outstanding = 0;
            if (paidOn > lastDay) {
                outstanding = amount;
                if (Draw.chance(r, 0.25)) {
                    long part = Math.max(1, Math.round(amount * (0.3 + 0.4 * r.nextDouble())));
                    long partOn = Draw.between(r, issued, Math.min(lastDay, due + 30));
                    if (billed) {
                        payment(account, index, payments++, partOn, part, channel, m);
                        outstanding -= part;
                    }
                }
            } else if (billed) {
                payment(account, index, payments++, paidOn, amount, channel, m);
            }
            if (!billed) {
                continue;
            }
            CsvFile out = files.bills.code(account).month(m).money(amount).date(due);
            if (outstanding > 0) {
                out.missing();
            } else {
                out.date(paidOn);
            }
            out.money(outstanding).end();
        }
        return inArrears ? CreditFeed.Payer.ARREARS : oftenLate ? CreditFeed.Payer.LATE : CreditFeed.Payer.PUNCTUAL;
    }

    private void payment(String account, int index, int number, long day, long fen, String channel, int month)
            throws IOException {
        long t = day * Period.DAY;
        files.payments.serial("PY", t, index, number).code(account).date(day).money(fen).code(channel)
                .month(month).end();
    }
}
