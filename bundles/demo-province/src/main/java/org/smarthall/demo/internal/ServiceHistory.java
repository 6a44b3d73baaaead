package org.smarthall.demo.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.smarthall.api.customer.CustomerKind;

/**
 * A customer's contact with the company over the year: work orders (95598 and the other
 * channels), consents to be messaged, channel use, satisfaction ratings and survey answers.
 * <p>
 * Complaints follow the pain points of seed 002 (slow repair, poor communication): besides the
 * few random complaints among the work orders, each pain point of a customer (a repair that took
 * more than 8 hours or was rated 1-2, a failed remote purchase, any other rating of 1-2) leads
 * with {@link #FOLLOW_UP} to a complaint 10-80 days later, like the other complaints in channel,
 * times, resolution and satisfaction. Pain points within a day of the previous one count once;
 * a follow-up complaint is no pain point of its own and gets no row in {@code ratings}. They are
 * drawn from the customer's stream {@link Seeds#COMPLAINT} and written after the customer's
 * other work orders: the other files and the other work orders stay as they were.
 */
final class ServiceHistory {
    /** Days of the satisfaction survey campaign, ending with the period. */
    static final int SURVEY_DAYS = 60;
    static final double RESOLUTION_MISSING = 0.08;
    /** Chance that a pain point leads to a complaint. */
    static final double FOLLOW_UP = 0.07;
    static final int FOLLOW_UP_MIN_DAYS = 10;
    static final int FOLLOW_UP_MAX_DAYS = 80;

    private static final List<String> ORDER_KINDS = List.of("enquiry", "repair", "complaint", "new_connection", "other");
    private static final Weighted<String> PERSON_ORDERS = new Weighted<>(ORDER_KINDS, 42, 28, 7, 4, 19);
    private static final Weighted<String> ENTERPRISE_ORDERS = new Weighted<>(ORDER_KINDS, 35, 20, 5, 15, 25);
    private static final Weighted<String> PUBLIC_ORDERS = new Weighted<>(ORDER_KINDS, 40, 25, 3, 10, 22);
    private static final Weighted<String> PERSON_ORDER_CHANNELS = new Weighted<>(
            List.of("95598", "app", "wechat", "hall"), 68, 12, 12, 8);
    private static final Weighted<String> ACCOUNT_ORDER_CHANNELS = new Weighted<>(
            List.of("95598", "hall", "app", "wechat"), 50, 25, 10, 15);
    private static final Weighted<String> FAILED_PURCHASE_CHANNELS = new Weighted<>(
            List.of("95598", "app", "wechat"), 80, 10, 10);
    /** When people call, by hour of the day. */
    private static final Weighted<Integer> HOURS = new Weighted<>(
            List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23),
            1, 0.5, 0.3, 0.3, 0.3, 0.5, 1.5, 4, 7, 9, 9, 8, 6, 7, 8, 8, 7, 6, 6, 6, 5, 4, 3, 2);
    private static final List<Integer> SCORES = List.of(1, 2, 3, 4, 5);
    /** Slow repair and poor communication are the pain points (seed 002): they rate lower. */
    private static final Weighted<Integer> CONTENT = new Weighted<>(SCORES, 2, 3, 12, 33, 50);
    private static final Weighted<Integer> SLOW_REPAIR = new Weighted<>(SCORES, 10, 12, 30, 28, 20);
    private static final Weighted<Integer> COMPLAINT = new Weighted<>(SCORES, 15, 15, 30, 25, 15);
    private static final Weighted<Integer> FAILED_PURCHASE = new Weighted<>(SCORES, 8, 10, 27, 30, 25);
    private static final Weighted<Integer> APP_RATING = new Weighted<>(SCORES, 3, 4, 15, 35, 43);
    private static final Weighted<String> CONSENT_PLACES_SMS = new Weighted<>(List.of("sms", "95598", "hall_form"), 40, 30, 30);
    private static final Weighted<String> REMINDER_PLACES = new Weighted<>(List.of("app", "wechat", "95598", "hall_form"),
            30, 35, 15, 20);

    private static final List<String> ENQUIRY_ANSWERS = List.of("已答复客户电费电价咨询", "已告知客户阶梯电价政策",
            "已解释峰谷分时电价计费规则", "已答复停电计划,客户表示理解");
    private static final List<String> REPAIR_ANSWERS = List.of("已派抢修人员到场处理,恢复供电", "表后线路故障,已告知客户自行维修",
            "更换故障电能表,恢复正常", "已处理\"表箱漏电\"隐患");
    private static final List<String> COMPLAINT_ANSWERS = List.of("已向客户致歉并解释原因", "核实工作人员服务态度问题,已批评教育",
            "已协调缩短抢修时间并回访客户");
    private static final List<String> CONNECTION_ANSWERS = List.of("已完成装表接电", "已受理,现场勘查完毕");
    private static final List<String> PURCHASE_ANSWERS = List.of("已核实购电记录并补写电能表,恢复供电",
            "第三方支付退款已到账,客户重新购电成功", "已远程下发购电信息");
    private static final List<String> OTHER_ANSWERS = List.of("已转相关部门处理", "已办结");

    /** A customer being written: its random stream and running serial numbers. */
    static final class Customer {
        final int index;
        final String account;
        final CustomerKind kind;
        final SplittableRandom r;
        int orders;
        int contacts;
        int ratings;
        /** When the customer met a pain point, in the order met. */
        private long[] pains = new long[4];
        private int painCount;

        Customer(int index, String account, CustomerKind kind, SplittableRandom r) {
            this.index = index;
            this.account = account;
            this.kind = kind;
            this.r = r;
        }

        boolean person() {
            return kind == CustomerKind.RESIDENT || kind == CustomerKind.PREPAID_RESIDENT;
        }

        void pain(long at) {
            if (painCount == pains.length) {
                pains = Arrays.copyOf(pains, 2 * painCount);
            }
            pains[painCount++] = at;
        }
    }

    private final Period period;
    private final ProvinceFiles files;
    private final FailedPurchaseQuota quota;
    private final double years;
    private final long seed;

    ServiceHistory(long seed, Period period, ProvinceFiles files, FailedPurchaseQuota quota) {
        this.seed = seed;
        this.period = period;
        this.files = files;
        this.quota = quota;
        this.years = period.days() / 365.0;
    }

    /** A remote purchase of this customer failed at {@code at}: a ticket, when the quota has earned one. */
    void failedPurchase(Customer c, long at) throws IOException {
        c.pain(at);
        long opened = at + Draw.between(c.r, 300, 4 * 3600);
        if (opened <= period.end() && quota.claim()) {
            order(c, c.r, c.account, FAILED_PURCHASE_CHANNELS.pick(c.r), "failed_purchase", opened);
        }
    }

    /**
     * @param trips       planned meter trips of a prepaid customer
     * @param firstTrip   when the first of them happened, or -1
     * @param surveyAnswer the customer's survey answer per {@link ProvinceLayout#surveyAnswer}
     */
    void write(Customer c, int trips, long firstTrip, int surveyAnswer) throws IOException {
        SplittableRandom r = c.r;
        boolean app = Draw.chance(r, switch (c.kind) {
            case PREPAID_RESIDENT -> 0.60;
            case RESIDENT -> 0.40;
            case ENTERPRISE -> 0.50;
            case GOVERNMENT -> 0.30;
        });
        boolean wechat = Draw.chance(r, switch (c.kind) {
            case PREPAID_RESIDENT -> 0.55;
            case RESIDENT -> 0.50;
            case ENTERPRISE -> 0.40;
            case GOVERNMENT -> 0.30;
        });
        writeOrders(c);
        writeConsents(c, trips, firstTrip);
        writeContacts(c, app, wechat);
        writeRatings(c, app, wechat, surveyAnswer);
        writeFollowUps(c);
    }

    /** The complaints that follow the customer's pain points, from a stream of their own. */
    private void writeFollowUps(Customer c) throws IOException {
        if (c.painCount == 0) {
            return;
        }
        long[] pains = Arrays.copyOf(c.pains, c.painCount);
        Arrays.sort(pains);
        SplittableRandom r = Seeds.random(seed, Seeds.COMPLAINT, c.index);
        long previous = -Period.DAY;
        for (long pain : pains) {
            if (pain - previous < Period.DAY) {
                continue;
            }
            previous = pain;
            if (!Draw.chance(r, FOLLOW_UP)) {
                continue;
            }
            String channel = (c.person() ? PERSON_ORDER_CHANNELS : ACCOUNT_ORDER_CHANNELS).pick(r);
            long day = Math.floorDiv(pain, Period.DAY) + Draw.between(r, FOLLOW_UP_MIN_DAYS, FOLLOW_UP_MAX_DAYS);
            long opened = day * Period.DAY + secondOfDay(r, channel);
            if (opened <= period.end()) {
                order(c, r, c.account, channel, "complaint", opened);
            }
        }
    }

    private void writeOrders(Customer c) throws IOException {
        SplittableRandom r = c.r;
        double rate = switch (c.kind) {
            case RESIDENT -> 0.12;
            case PREPAID_RESIDENT -> 0.14;
            case ENTERPRISE -> 0.9;
            case GOVERNMENT -> 0.7;
        };
        Weighted<String> kinds = c.person() ? PERSON_ORDERS : c.kind == CustomerKind.ENTERPRISE ? ENTERPRISE_ORDERS : PUBLIC_ORDERS;
        for (int n = Draw.poisson(r, rate * years); n > 0; n--) {
            String kind = kinds.pick(r);
            String channel = (c.person() ? PERSON_ORDER_CHANNELS : ACCOUNT_ORDER_CHANNELS).pick(r);
            long opened = period.day(r) + secondOfDay(r, channel);
            // callers to the hotline with a question need not say who they are
            boolean anonymous = channel.equals("95598") && (kind.equals("enquiry") || kind.equals("other"))
                    && Draw.chance(r, 0.2);
            order(c, r, anonymous ? null : c.account, channel, kind, opened);
            quota.otherOrder();
        }
    }

    /** @param r the stream to draw from: the customer's own, or that of its follow-up complaints */
    private void order(Customer c, SplittableRandom r, String account, String channel, String kind, long opened)
            throws IOException {
        boolean followUp = r != c.r;
        double hour = 3600;
        long duration = Math.round(switch (kind) {
            case "enquiry" -> Draw.logNormal(r, 2 * hour, 1.0, 300, 3 * 24 * hour);
            case "repair" -> Draw.logNormal(r, 5 * hour, 0.9, 2400, 5 * 24 * hour);
            case "complaint" -> Draw.logNormal(r, 60 * hour, 0.6, 6 * hour, 15 * 24 * hour);
            case "new_connection" -> Draw.logNormal(r, 7 * 24 * hour, 0.5, 24 * hour, 30 * 24 * hour);
            case "failed_purchase" -> Draw.logNormal(r, 3 * hour, 0.8, 1200, 2 * 24 * hour);
            default -> Draw.logNormal(r, 24 * hour, 0.8, hour, 10 * 24 * hour);
        });
        long resolved = opened + duration;
        if (!followUp && kind.equals("repair") && duration > 8 * hour) {
            c.pain(resolved);
        }
        CsvFile out = files.workOrders.serial("WO", opened, c.index, c.orders++).code(account)
                .code(channel).code(kind).time(opened);
        if (resolved > period.end()) {
            out.missing().missing().missing().end();
            return;
        }
        out.time(resolved).text(Draw.chance(r, RESOLUTION_MISSING) ? null : Draw.pick(r, switch (kind) {
            case "enquiry" -> ENQUIRY_ANSWERS;
            case "repair" -> REPAIR_ANSWERS;
            case "complaint" -> COMPLAINT_ANSWERS;
            case "new_connection" -> CONNECTION_ANSWERS;
            case "failed_purchase" -> PURCHASE_ANSWERS;
            default -> OTHER_ANSWERS;
        }));
        if (Draw.chance(r, 0.6)) {
            Weighted<Integer> scores = switch (kind) {
                case "repair" -> duration > 8 * hour ? SLOW_REPAIR : CONTENT;
                case "complaint" -> COMPLAINT;
                case "failed_purchase" -> FAILED_PURCHASE;
                default -> CONTENT;
            };
            int score = scores.pick(r);
            out.number(score);
            if (!followUp && !kind.equals("complaint") && score <= 2) {
                c.pain(resolved);
            }
        } else {
            out.missing();
        }
        out.end();
    }

    /**
     * Consents given during the year. Occasional trippers are asked after their trip and a good
     * part subscribe to purchase reminders (seed 003); a few customers withdraw a consent later.
     */
    private void writeConsents(Customer c, int trips, long firstTrip) throws IOException {
        SplittableRandom r = c.r;
        switch (c.kind) {
            case RESIDENT -> {
                consentMaybe(c, 0.65, "bill", pickOf(r, "wechat", 50, "sms", 35, "app", 15), -1);
                consentMaybe(c, 0.45, "outage", Draw.chance(r, 0.7) ? "sms" : "wechat", -1);
                consentMaybe(c, 0.08, "marketing", pickOf(r, "app", 40, "wechat", 40, "sms", 20), -1);
            }
            case PREPAID_RESIDENT -> {
                double reminder = trips == 0 ? 0.12 : trips == 1 ? 0.45 : 0.35;
                long after = trips == 1 && firstTrip >= 0 ? firstTrip + Draw.between(r, 3600, 20 * 24 * 3600) : -1;
                if (after <= period.end()) {
                    consentMaybe(c, reminder, "purchase_reminder", pickOf(r, "wechat", 45, "app", 30, "sms", 25), after);
                }
                consentMaybe(c, 0.40, "outage", Draw.chance(r, 0.7) ? "sms" : "wechat", -1);
                consentMaybe(c, 0.06, "marketing", pickOf(r, "app", 40, "wechat", 40, "sms", 20), -1);
            }
            case ENTERPRISE, GOVERNMENT -> {
                consentMaybe(c, 0.85, "bill", pickOf(r, "sms", 40, "email", 30, "wechat", 30), -1);
                consentMaybe(c, 0.90, "outage", "sms", -1);
                consentMaybe(c, 0.50, "service", Draw.chance(r, 0.5) ? "sms" : "wechat", -1);
                if (c.kind == CustomerKind.ENTERPRISE) {
                    consentMaybe(c, 0.30, "arrears", "sms", -1);
                }
            }
        }
    }

    private static String pickOf(SplittableRandom r, String a, int wa, String b, int wb, String c, int wc) {
        int u = r.nextInt(wa + wb + wc);
        return u < wa ? a : u < wa + wb ? b : c;
    }

    /** @param at when it was given (asked after a trip), or -1 for any time of the period */
    private void consentMaybe(Customer c, double p, String purpose, String channel, long at) throws IOException {
        SplittableRandom r = c.r;
        if (!Draw.chance(r, p)) {
            return;
        }
        long given = at >= 0 ? at : period.day(r) + secondOfDay(r, "app");
        String place = at >= 0 ? REMINDER_PLACES.pick(r) : switch (channel) {
            case "app", "wechat" -> channel;
            case "sms" -> CONSENT_PLACES_SMS.pick(r);
            default -> "hall_form";
        };
        files.consents.code(c.account).code(purpose).code(channel).flag(true).time(given).code(place).end();
        long withdrawn = given + Draw.between(r, Period.DAY, 200L * Period.DAY);
        if (Draw.chance(r, 0.04) && withdrawn <= period.end()) {
            files.consents.code(c.account).code(purpose).code(channel).flag(false).time(withdrawn).code(place).end();
        }
    }

    private void writeContacts(Customer c, boolean app, boolean wechat) throws IOException {
        SplittableRandom r = c.r;
        contacts(c, app ? Draw.poisson(r, (c.kind == CustomerKind.PREPAID_RESIDENT ? 9 : 4) * years) : 0, "app", "login");
        contacts(c, wechat ? Draw.poisson(r, 5 * years) : 0, "wechat", "login");
        contacts(c, Draw.poisson(r, (c.person() ? 0.25 : 1.0) * years), "95598", "call");
        contacts(c, Draw.poisson(r, 0.3 * years), wechat ? "wechat" : app ? "app" : "95598", "enquiry");
        if (app || wechat) {
            contacts(c, Draw.poisson(r, 1.5 * years), app && (!wechat || r.nextBoolean()) ? "app" : "wechat", "click");
        }
        contacts(c, Draw.poisson(r, 0.2 * years), "sms", "reply");
    }

    private void contacts(Customer c, int count, String channel, String kind) throws IOException {
        for (int i = 0; i < count; i++) {
            long at = period.day(c.r) + secondOfDay(c.r, channel);
            files.contacts.serial("CT", at, c.index, c.contacts++).code(c.account).time(at).code(channel)
                    .code(kind).end();
        }
    }

    private void writeRatings(Customer c, boolean app, boolean wechat, int surveyAnswer) throws IOException {
        SplittableRandom r = c.r;
        if (app || wechat) {
            for (int n = Draw.poisson(r, 0.3 * years); n > 0; n--) {
                String source = app && (!wechat || r.nextBoolean()) ? "app" : "wechat";
                int score = APP_RATING.pick(r);
                long at = period.day(r) + secondOfDay(r, source);
                rating(c, source, score, at);
            }
        }
        if (surveyAnswer >= 0) {
            int score = switch (surveyAnswer) {
                case 0 -> Draw.chance(r, 0.45) ? 4 : 5;
                case 1 -> 3;
                default -> Draw.chance(r, 0.4) ? 1 : 2;
            };
            long firstDay = Math.max(period.start(), period.end() + 1 - (long) SURVEY_DAYS * Period.DAY);
            long day = firstDay + (long) r.nextInt((int) ((period.end() + 1 - firstDay) / Period.DAY)) * Period.DAY;
            rating(c, "survey", score, day + Draw.between(r, 9 * 3600, 20 * 3600));
        }
    }

    private void rating(Customer c, String source, int score, long at) throws IOException {
        if (score <= 2) {
            c.pain(at);
        }
        files.ratings.serial("RT", at, c.index, c.ratings++).code(c.account).code(source).missing()
                .missing().number(score).time(at).end();
    }

    /** A time of day for a contact on this channel: the hall's opening hours, else when people are awake. */
    private static long secondOfDay(SplittableRandom r, String channel) {
        if (channel.equals("hall")) {
            return Draw.between(r, HallHours.OPEN, HallHours.CLOSE - 1);
        }
        return HOURS.pick(r) * 3600L + r.nextInt(3600);
    }
}
