package org.smarthall.demo.internal;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import org.smarthall.api.customer.CustomerKind;
import org.smarthall.demo.internal.Shandong.HallSite;

/**
 * One hall's point data for one day: every visit is a trajectory through the zones, with an
 * enter and a leave per zone and the touchpoints in between (seed 000's "line").
 * <p>
 * A visit enters, passes the guidance desk (60% swipe their ID card there, which names the
 * account from then on), and then takes a ticket and waits for a counter, or uses the
 * self-service terminals, the payment desk, the online-experience or display area, or only asks
 * the way; key accounts may be taken to the VIP room. The counters are a real queue: tickets are
 * called in order at the first free window, and a flexible window opens when a wait would pass
 * 40 minutes. Of the tickets of a day, 57% are account changes (seed 004), by quota.
 */
final class HallDay {
    static final double IDENTIFIED = 0.60;
    static final double ACCOUNT_CHANGE = 0.57;
    static final double RATED = 0.72;
    private static final int LAST_TICKET = 16 * 3600 + 40 * 60;
    private static final int LAST_ARRIVAL = 17 * 3600 + 10 * 60;
    private static final long LONG_WAIT = 40 * 60;
    private static final long LAST_CALL = 10 * 60;

    private enum Route { COUNTER, SELF_SERVICE, PAYMENT, BROWSE, GUIDANCE, VIP }

    private static final Weighted<String> OTHER_BUSINESS = new Weighted<>(List.of("new_connection", "payment", "invoice",
            "prepaid_purchase", "enquiry", "complaint", "other"), 9, 12, 7, 9, 8, 3, 2);
    /** Window keypads are pressed mostly on "very satisfied". */
    private static final Weighted<Integer> KEYPAD = new Weighted<>(List.of(1, 2, 3, 4, 5), 1, 2, 4, 11, 82);

    private final HallSite hall;
    private final int hallIndex;
    private final long seed;
    private final Period period;
    private final ProvinceFiles files;
    private final ProvinceLayout layout;
    private final Homes homes;

    private record Step(String zone, String kind, long at, String detail) {
    }

    private static final class Visitor {
        final int seq;
        final String id;
        final List<Step> steps = new ArrayList<>();
        Route route;
        boolean identified;
        int swipe = Integer.MAX_VALUE;
        int ticket = -1;
        String business;
        String account;
        String window;
        long last;

        Visitor(int seq, String id) {
            this.seq = seq;
            this.id = id;
        }

        void at(String zone, String kind, long at, String detail) {
            steps.add(new Step(zone, kind, at, detail));
            last = at;
        }

        void after(SplittableRandom r, int min, int max, String zone, String kind, String detail) {
            at(zone, kind, last + Draw.between(r, min, max), detail);
        }

        void after(SplittableRandom r, int min, int max, String zone, String kind) {
            after(r, min, max, zone, kind, null);
        }
    }

    HallDay(HallSite hall, int hallIndex, long seed, Period period, ProvinceFiles files, ProvinceLayout layout,
            Homes homes) {
        this.hall = hall;
        this.hallIndex = hallIndex;
        this.seed = seed;
        this.period = period;
        this.files = files;
        this.layout = layout;
        this.homes = homes;
    }

    void write(LocalDate date) throws IOException {
        SplittableRandom r = Seeds.random(seed, Seeds.HALL_DAY, hallIndex * 1_000_000L + date.toEpochDay());
        long day = Period.seconds(date);
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        int count = weekend ? Draw.between(r, 110, 160) : Draw.between(r, 185, 260);
        long[] arrivals = new long[count];
        for (int i = 0; i < count; i++) {
            arrivals[i] = day + arrivalSecond(r);
        }
        Arrays.sort(arrivals);
        String prefix = hall.id() + "-" + date.getYear() + Digits.pad(date.getMonthValue(), 2)
                + Digits.pad(date.getDayOfMonth(), 2) + "-";
        List<Visitor> visitors = new ArrayList<>(count);
        List<Visitor> queue = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Visitor v = new Visitor(i + 1, prefix + Digits.pad(i + 1, 4));
            arrive(r, v, arrivals[i], day);
            visitors.add(v);
            if (v.route == Route.COUNTER) {
                queue.add(v);
            }
        }
        assignBusiness(r, queue);
        for (Visitor v : visitors) {
            if (v.identified) {
                v.account = localAccount(r, v);
            }
        }
        serve(r, queue, day);
        for (Visitor v : visitors) {
            v.after(r, 10, 40, "entrance", "enter");
            v.after(r, 3, 10, "entrance", "leave");
        }
        writeEvents(visitors);
    }

    /** Two peaks, mid-morning and mid-afternoon, over a steady trickle. */
    private static int arrivalSecond(SplittableRandom r) {
        while (true) {
            double u = r.nextDouble();
            double s = u < 0.45 ? 10 * 3600 + r.nextGaussian() * 55 * 60
                    : u < 0.80 ? 15 * 3600 + r.nextGaussian() * 55 * 60
                    : HallHours.OPEN + r.nextDouble() * (LAST_ARRIVAL - HallHours.OPEN);
            if (s >= HallHours.OPEN && s <= LAST_ARRIVAL) {
                return (int) s;
            }
        }
    }

    /** Entrance and guidance desk, then whatever does not wait for a counter. */
    private void arrive(SplittableRandom r, Visitor v, long arrival, long day) {
        v.identified = Draw.chance(r, IDENTIFIED);
        v.route = route(r, arrival - day, v.identified);
        v.at("entrance", "enter", arrival, null);
        v.after(r, 4, 15, "entrance", "leave");
        v.after(r, 2, 8, "guidance", "enter");
        if (v.identified) {
            v.swipe = v.steps.size();
            v.after(r, 8, 40, "guidance", "card_swipe");
        }
        if (v.route == Route.GUIDANCE) {
            v.after(r, 60, 300, "guidance", "leave");
            return;
        }
        v.after(r, 20, 120, "guidance", "leave");
        switch (v.route) {
            case COUNTER -> {
                v.after(r, 5, 20, "waiting", "enter");
                v.ticket = v.steps.size();
                v.after(r, 5, 30, "waiting", "ticket_taken");
            }
            case SELF_SERVICE -> visit(r, v, "self_service", 90, 480);
            case PAYMENT -> visit(r, v, "payment", 60, 300);
            case BROWSE -> visit(r, v, browseZone(r), 120, 600);
            case VIP -> {
                v.after(r, 10, 30, "vip", "enter");
                v.after(r, 900, 2_400, "vip", "served", "VIP");
                if (Draw.chance(r, 0.6)) {
                    rated(r, v, "vip", "VIP");
                }
                v.after(r, 5, 20, "vip", "leave");
            }
            default -> throw new IllegalStateException(v.route.name());
        }
    }

    private Route route(SplittableRandom r, long second, boolean identified) {
        boolean counterOpen = second <= LAST_TICKET;
        if (identified && counterOpen && hall.has("vip") && Draw.chance(r, 0.05)) {
            return Route.VIP;
        }
        boolean browse = hall.has("online_experience") || hall.has("display");
        double[] weights = {counterOpen ? 70 : 0, 13, 7, browse ? 4 : 0, 6};
        double total = Arrays.stream(weights).sum();
        double u = r.nextDouble() * total;
        Route[] routes = {Route.COUNTER, Route.SELF_SERVICE, Route.PAYMENT, Route.BROWSE, Route.GUIDANCE};
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return routes[i];
            }
        }
        return Route.GUIDANCE;
    }

    private String browseZone(SplittableRandom r) {
        if (hall.has("online_experience") && (!hall.has("display") || r.nextBoolean())) {
            return "online_experience";
        }
        return "display";
    }

    private static void visit(SplittableRandom r, Visitor v, String zone, int min, int max) {
        v.after(r, 10, 40, zone, "enter");
        v.after(r, min, max, zone, "leave");
    }

    /** Exactly 57% of the day's tickets (rounded) are account changes, drawn without replacement. */
    private static void assignBusiness(SplittableRandom r, List<Visitor> queue) {
        int changes = (int) Math.round(queue.size() * ACCOUNT_CHANGE);
        int left = queue.size();
        for (Visitor v : queue) {
            boolean change = r.nextInt(left) < changes;
            v.business = change ? "account_change" : OTHER_BUSINESS.pick(r);
            if (change) {
                changes--;
            }
            left--;
            Step ticket = v.steps.get(v.ticket);
            v.steps.set(v.ticket, new Step(ticket.zone(), ticket.kind(), ticket.at(), v.business));
        }
    }

    /**
     * A customer who lives near the hall and fits the visit: key accounts in the VIP room,
     * prepaid customers buying at the counter, billed customers paying.
     */
    private String localAccount(SplittableRandom r, Visitor v) {
        Predicate<CustomerKind> fits = v.route == Route.VIP
                ? k -> k == CustomerKind.ENTERPRISE || k == CustomerKind.GOVERNMENT
                : "prepaid_purchase".equals(v.business) ? k -> k == CustomerKind.PREPAID_RESIDENT
                : "payment".equals(v.business) ? k -> k != CustomerKind.PREPAID_RESIDENT
                : k -> true;
        int customers = layout.customers();
        int elsewhere = -1;
        for (int tries = 0; tries < 64; tries++) {
            int j = r.nextInt(customers);
            if (fits.test(layout.kind(j))) {
                if (homes.of(j).code().equals(hall.district().code())) {
                    return layout.account(j);
                }
                elsewhere = elsewhere < 0 ? j : elsewhere;
            }
        }
        if (elsewhere >= 0) {
            return layout.account(elsewhere);
        }
        for (int tries = 0; tries < 10_000; tries++) {
            int j = r.nextInt(customers);
            if (fits.test(layout.kind(j))) {
                return layout.account(j);
            }
        }
        return layout.account(r.nextInt(customers));
    }

    /**
     * Calls the tickets in order at the first free window and serves them. When a wait would
     * pass 40 minutes or run into the last ten minutes, a flexible window takes the ticket,
     * opened for it if none is free in time.
     */
    private void serve(SplittableRandom r, List<Visitor> queue, long day) {
        int regular = hall.windows();
        List<Long> free = new ArrayList<>();
        for (int w = 0; w < regular; w++) {
            free.add(day + HallHours.OPEN);
        }
        List<Visitor> byTicket = new ArrayList<>(queue);
        byTicket.sort(Comparator.comparingLong((Visitor v) -> v.steps.get(v.ticket).at()).thenComparingInt(v -> v.seq));
        long closing = day + HallHours.CLOSE;
        for (Visitor v : byTicket) {
            long ticket = v.steps.get(v.ticket).at();
            long ready = v.last + Draw.between(r, 10, 40);
            int window = earliest(free, 0, regular);
            long call = Math.max(ready, free.get(window));
            if (call - ticket > LONG_WAIT || call > closing - LAST_CALL) {
                window = earliest(free, regular, free.size());
                call = window < 0 ? Long.MAX_VALUE : Math.max(ready, free.get(window));
                if (call - ticket > LONG_WAIT || call > closing - LAST_CALL) {
                    free.add(ready);
                    window = free.size() - 1;
                    call = ready;
                }
            }
            String number = Integer.toString(window + 1);
            v.at("waiting", "leave", call + Draw.between(r, 5, 25), null);
            v.after(r, 5, 15, "counter", "enter");
            v.after(r, 1, 3, "counter", "ticket_called", number);
            // near closing time the window hurries: everything is done by 17:30
            long service = Math.min(serviceSeconds(r, v.business), Math.max(60, closing - 240 - v.last));
            v.at("counter", "served", v.last + service, number);
            if (Draw.chance(r, RATED)) {
                rated(r, v, "counter", number);
            }
            v.after(r, 3, 15, "counter", "leave");
            free.set(window, v.last + Draw.between(r, 5, 20));
            afterCounter(r, v, closing);
        }
    }

    /** The window free first among {@code [from, to)}, or -1 when there is none. */
    private static int earliest(List<Long> free, int from, int to) {
        int best = -1;
        for (int w = from; w < to; w++) {
            if (best < 0 || free.get(w) < free.get(best)) {
                best = w;
            }
        }
        return best;
    }

    /** PAD terminals keep account changes short (seed 004); complaints and new connections take long. */
    private static long serviceSeconds(SplittableRandom r, String business) {
        return switch (business) {
            case "account_change" -> Draw.between(r, 300, 720);
            case "new_connection" -> Draw.between(r, 600, 1_200);
            case "payment", "prepaid_purchase" -> Draw.between(r, 120, 330);
            case "invoice" -> Draw.between(r, 60, 180);
            case "enquiry" -> Draw.between(r, 120, 480);
            case "complaint" -> Draw.between(r, 600, 1_500);
            default -> Draw.between(r, 180, 600);
        };
    }

    private void afterCounter(SplittableRandom r, Visitor v, long closing) {
        boolean negotiate = "complaint".equals(v.business) && hall.has("negotiation") && Draw.chance(r, 0.3);
        if (negotiate && v.last + 1_800 + 200 < closing) {
            visit(r, v, "negotiation", 600, 1_800);
        } else if (v.last + 600 + 200 < closing) {
            double u = r.nextDouble();
            if (u < 0.12) {
                visit(r, v, "self_service", 60, 360);
            } else if (u < 0.17) {
                visit(r, v, "payment", 60, 240);
            } else if (u < 0.23 && (hall.has("online_experience") || hall.has("display"))) {
                visit(r, v, browseZone(r), 60, 300);
            }
        }
    }

    /** The keypad at the window; the rating is written with the events, once the account is known. */
    private static void rated(SplittableRandom r, Visitor v, String zone, String window) {
        v.window = window;
        v.after(r, 3, 25, zone, "rated", Integer.toString(KEYPAD.pick(r)));
    }

    private void writeEvents(List<Visitor> visitors) throws IOException {
        record Row(Visitor visitor, int step, long at) {
        }
        List<Row> rows = new ArrayList<>();
        for (Visitor v : visitors) {
            for (int i = 0; i < v.steps.size(); i++) {
                rows.add(new Row(v, i, v.steps.get(i).at()));
            }
        }
        rows.sort(Comparator.comparingLong(Row::at).thenComparingInt(row -> row.visitor().seq).thenComparingInt(Row::step));
        for (Row row : rows) {
            Visitor v = row.visitor();
            Step step = v.steps.get(row.step());
            files.zoneEvents.code(hall.id()).code(step.zone()).code(v.id).code(row.step() >= v.swipe ? v.account : null)
                    .code(step.kind()).time(step.at()).code(step.detail()).end();
            if (step.kind().equals("rated")) {
                files.ratings.code("KP-" + v.id).code(v.account).code("keypad").code(hall.id()).code(v.window)
                        .code(step.detail()).time(step.at()).end();
            }
        }
    }
}
