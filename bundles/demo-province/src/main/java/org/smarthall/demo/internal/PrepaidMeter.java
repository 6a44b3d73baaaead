package org.smarthall.demo.internal;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A year of one prepaid smart meter: the balance drains with the month's consumption; when it
 * falls to the customer's alert level they buy more, and on a planned trip they let it run down
 * to the trip threshold and buy only once the supply is cut (seed 003).
 * <p>
 * Written: balance readings (the monthly freeze on the 1st at midnight, the low-balance alert,
 * the balance after each purchase), every purchase attempt and every trip. The trips land
 * exactly as planned: a cycle from one purchase to the next is never longer than
 * {@link #cycleBound}, so once only enough time is left for the remaining trips, every cycle
 * trips.
 */
final class PrepaidMeter {
    /** The meter cuts supply when the balance falls below 10 yuan. */
    static final long TRIP_FEN = 1_000;
    /** Remote purchases succeed at the first attempt 94.8% of the time (seed 003). */
    static final double REMOTE_SUCCESS = 0.948;
    static final List<String> REMOTE = List.of("app", "wechat", "alipay", "bank");
    /** A failed purchase without a reason, as some payment platforms report them. */
    static final double REASON_MISSING = 0.10;
    /** Longest time from a trip to the next cycle: noticed next morning, two failed tries, the hall the day after. */
    private static final long MAX_DELAY = 60 * 3600;
    private static final Weighted<String> CHANNELS = new Weighted<>(
            List.of("wechat", "app", "alipay", "bank", "hall", "self_service"), 34, 24, 16, 4, 12, 10);
    private static final Weighted<String> REMOTE_CHANNELS = new Weighted<>(REMOTE, 24, 34, 16, 4);
    private static final Weighted<String> FAILURE_REASONS = new Weighted<>(
            List.of("支付超时", "银行扣款失败", "售电系统接口异常", "购电信息下发电能表失败", "第三方支付对账不一致"), 35, 20, 20, 18, 7);

    /** Where a failed remote purchase goes: it may become a work order. */
    @FunctionalInterface
    interface FailedPurchases {
        void failed(long at) throws IOException;
    }

    private final Period period;
    private final ProvinceFiles files;
    private final SplittableRandom r;
    private final String account;
    private final int index;
    private final FailedPurchases failures;
    private final double[] rate = new double[Period.MONTHS];
    private final double minRate;
    private final double averageRate;
    private final String primary;
    private final String primaryRemote;
    private final int plannedTrips;
    private final long alert;
    private final long amount;
    private final long cycleBound;
    private long lastReading = Long.MIN_VALUE;
    private long lastPurchase;
    private int purchases;
    private long firstTrip = -1;
    private long tripBalance;

    /**
     * @param monthFen what each month's consumption costs, in fen
     * @param trips    trips to plan: 0 to 5
     */
    PrepaidMeter(Period period, ProvinceFiles files, SplittableRandom r, String account, int index, long[] monthFen,
            int trips, FailedPurchases failures) {
        this.period = period;
        this.files = files;
        this.r = r;
        this.account = account;
        this.index = index;
        this.failures = failures;
        this.plannedTrips = trips;
        double min = Double.MAX_VALUE;
        double total = 0;
        for (int i = 0; i < Period.MONTHS; i++) {
            rate[i] = (double) monthFen[i] / period.coveredSeconds(i);
            min = Math.min(min, rate[i]);
            total += monthFen[i];
        }
        this.minRate = min;
        this.averageRate = total / (period.end() - period.start() + 1);
        this.primary = CHANNELS.pick(r);
        this.primaryRemote = REMOTE.contains(primary) ? primary : REMOTE_CHANNELS.pick(r);

        // who trips often lets the balance run low and buys little at a time
        long alertLevel = switch (trips) {
            case 0 -> Draw.between(r, 3_000, 8_000);
            case 1 -> Draw.between(r, 2_000, 6_000);
            default -> Draw.between(r, 1_500, 4_000);
        };
        int coverDays = switch (trips) {
            case 0 -> Draw.between(r, 20, 60);
            case 1 -> Draw.between(r, 15, 45);
            default -> Draw.between(r, 10, 30);
        };
        long buy = roundedAmount(coverDays * averageRate * Period.DAY);
        if (trips > 0) {
            // the planned trips must fit: (trips + 1) of the longest cycles within the period
            long allowed = (period.end() - period.start()) / (trips + 1) - MAX_DELAY;
            long most = (long) (allowed * minRate) - alertLevel + TRIP_FEN;
            if (most < 2_000) {
                alertLevel = 1_500;
                most = (long) (allowed * minRate) - alertLevel + TRIP_FEN;
            }
            buy = Math.max(2_000, Math.min(buy, most / 1_000 * 1_000));
        }
        // after a purchase the balance is above the alert again, or the customer would buy twice in a row
        this.alert = Math.min(alertLevel, buy + TRIP_FEN - 100);
        this.amount = buy;
        this.cycleBound = (long) Math.ceil((amount + alert - TRIP_FEN) / minRate) + MAX_DELAY;
    }

    /** Tens of yuan below 100, fifties above: what people type into the app. */
    private static long roundedAmount(double fen) {
        return fen < 10_000 ? Math.max(2_000, Math.round(fen / 1_000) * 1_000) : Math.round(fen / 5_000) * 5_000;
    }

    /** @return the time of the first trip, or -1 without a trip */
    long simulate() throws IOException {
        long end = period.end();
        long t = period.start();
        double balance = alert + Draw.between(r, 500, (int) amount);
        reading(t, balance);
        int tripsLeft = plannedTrips;
        double averageCycle = amount / averageRate;
        while (true) {
            boolean trip = tripsLeft > 0 && (t + cycleBound * (tripsLeft + 1) >= end
                    || Draw.chance(r, tripsLeft / Math.max(tripsLeft, (end - t) / averageCycle)));
            long reach = timeToLevel(t, balance, trip ? TRIP_FEN : alert);
            if (reach > end) {
                advance(t, balance, end);
                return firstTrip;
            }
            balance = advance(t, balance, reach);
            long bought;
            if (trip) {
                tripsLeft--;
                bought = recoverFromTrip(reach);
                balance = tripBalance + lastPurchase;
            } else {
                reading(reach, balance);
                long deadline = timeToLevel(reach, balance, TRIP_FEN);
                bought = purchase(reach + Math.min(Draw.between(r, 600, 6 * 3600), (deadline - reach) / 2), deadline);
                if (bought > deadline && deadline <= end) {
                    // every try failed until the meter cut the supply: a trip nobody planned
                    advance(reach, balance, deadline);
                    tripsLeft = Math.max(0, tripsLeft - 1);
                    bought = recoverFromTrip(deadline);
                    balance = tripBalance + lastPurchase;
                } else if (bought >= 0 && bought <= end) {
                    balance = advance(reach, balance, bought) + lastPurchase;
                } else {
                    advance(reach, balance, end);
                    return firstTrip;
                }
            }
            if (bought < 0 || bought + 60 > end) {
                return firstTrip;
            }
            t = bought + 60;
            reading(t, balance);
        }
    }

    /** Trip at {@code at}; supply stays cut until a purchase goes through. */
    private long recoverFromTrip(long at) throws IOException {
        tripBalance = TRIP_FEN - Draw.between(r, 1, 80);
        files.trips.code(account).time(at).money(tripBalance).end();
        if (firstTrip < 0) {
            firstTrip = at;
        }
        long bought = purchase(noticed(at), Long.MAX_VALUE);
        frozen(at, bought < 0 ? period.end() : bought, tripBalance);
        return bought;
    }

    /** When the customer notices the supply is cut: soon by day, the next morning by night. */
    private long noticed(long at) {
        long day = Math.floorDiv(at, Period.DAY) * Period.DAY;
        long hour = (at - day) / 3600;
        if (hour >= 7 && hour < 22) {
            return at + Draw.between(r, 300, 3 * 3600);
        }
        long morning = hour >= 22 ? day + Period.DAY + 7 * 3600 : day + 7 * 3600;
        return morning + Draw.between(r, 0, 2 * 3600);
    }

    /**
     * Tries to buy until it works: remote attempts fail at random, the hall and its terminals
     * always work but only in opening hours.
     *
     * @return the time of the successful attempt (past {@code deadline} if it came too late),
     *         or -1 when the period ended first
     */
    private long purchase(long from, long deadline) throws IOException {
        String channel = Draw.chance(r, 0.8) ? primary : CHANNELS.pick(r);
        long t = from;
        int failed = 0;
        while (true) {
            if (!REMOTE.contains(channel)) {
                long open = HallHours.nextOpen(t, r);
                if (open > deadline) {
                    channel = primaryRemote;
                    continue;
                }
                t = open;
            }
            if (t > deadline) {
                return t;
            }
            if (t > period.end()) {
                return -1;
            }
            long fen = plannedTrips == 0 && Draw.chance(r, 0.10) ? 2 * amount : amount;
            boolean remote = REMOTE.contains(channel);
            boolean success = !remote || Draw.chance(r, REMOTE_SUCCESS);
            files.recharges.serial("RC", t, index, purchases++).code(account).time(t).money(fen)
                    .code(channel).flag(success);
            if (success) {
                files.recharges.missing().end();
                lastPurchase = fen;
                return t;
            }
            files.recharges.text(Draw.chance(r, REASON_MISSING) ? null : FAILURE_REASONS.pick(r)).end();
            failures.failed(t);
            failed++;
            long pause = Draw.between(r, 180, 2_400);
            if (deadline != Long.MAX_VALUE) {
                pause = Math.min(pause, Math.max(60, (deadline - t) / 3));
            }
            t += pause;
            channel = failed >= 2 || Draw.chance(r, 0.35) ? (Draw.chance(r, 0.6) ? "hall" : "self_service")
                    : REMOTE_CHANNELS.pick(r);
        }
    }

    /** When the balance, draining from {@code from}, reaches {@code level}; past the end if it does not. */
    private long timeToLevel(long from, double balance, double level) {
        long t = from;
        double b = balance;
        for (int m = period.monthIndex(from); m < Period.MONTHS; m++) {
            long monthEnd = period.monthStart(m + 1);
            double seconds = (b - level) / rate[m];
            if (t + seconds < monthEnd) {
                return t + Math.max(1, (long) Math.ceil(seconds));
            }
            b -= rate[m] * (monthEnd - t);
            t = monthEnd;
        }
        return Long.MAX_VALUE;
    }

    /** The balance at {@code to}, writing the monthly freeze readings on the way. */
    private double advance(long from, double balance, long to) throws IOException {
        long t = from;
        double b = balance;
        int m = period.monthIndex(from);
        while (t < to) {
            long boundary = period.monthStart(m + 1);
            long next = Math.min(boundary, to);
            b -= rate[m] * (next - t);
            t = next;
            if (t == boundary) {
                if (++m == Period.MONTHS) {
                    break;
                }
                reading(t, b);
            }
        }
        return b;
    }

    /** Monthly freeze readings while the supply is cut and the balance cannot move. */
    private void frozen(long from, long to, long balance) throws IOException {
        for (int m = period.monthIndex(from) + 1; m < Period.MONTHS && period.monthStart(m) <= to; m++) {
            reading(period.monthStart(m), balance);
        }
    }

    private void reading(long t, double balance) throws IOException {
        if (t > lastReading && t <= period.end()) {
            files.balances.code(account).time(t).money(Math.round(balance)).end();
            lastReading = t;
        }
    }
}
