package org.smarthall.cabin.guidance.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.smarthall.api.customer.CustomerKind;
import org.smarthall.cabin.guidance.Route;
import org.smarthall.cabin.guidance.Route.Reason;

/**
 * The suggested route of a swiped customer (seed 000: "simple business is routed to self-service
 * terminals"; seed 004: self-service PAD terminals take 57% of counter business, invoices print
 * themselves). Pure: the same facts give the same route. The first rule that applies decides:
 *
 * <ol>
 * <li><b>Visitor</b> (no customer has the card's number): {@code counter}, reason
 * {@code new-customer} (a new connection or an enquiry needs a person). A number that fails the
 * GB 11643 check: {@code counter}, reason {@code id-not-verified} (staff check the card; no lookup
 * was made). The customer base not answering: {@code counter}, reason {@code lookup-failed}.</li>
 * <li><b>VIP</b>: a grade of any model in {@code vipGrades} (the government AHP grades diamond and
 * platinum by default), or a kind in {@code vipKinds} (enterprises and government bodies: key
 * accounts) → {@code vip-window}: the account manager serves them whatever is outstanding, so
 * arrears and work orders follow as reasons for the manager.</li>
 * <li><b>Purchase rescue</b>: a prepaid resident whose trip class is in {@code priorityTrips}
 * (occasional and frequent by default, seed 003) → {@code priority-window}, the hall's priority
 * "second service" for purchase difficulties.</li>
 * <li><b>Outstanding</b>: arrears above {@code selfServiceMaxArrears}, open work orders, a sensitive
 * flag (staff must take care: officials, disabled, elderly, enterprise leaders), or arrears or open
 * work orders on another account of the same person → {@code counter}.</li>
 * <li><b>Nothing outstanding</b> → {@code self-service}: payment, invoice print and balance query
 * at the terminals, staff nearby. Arrears within {@code selfServiceMaxArrears} are payable there
 * (reason {@code arrears-payable}).</li>
 * </ol>
 *
 * The reasons list what decided first, then everything else staff should know. The customer
 * message names the way only, never the cause: the kiosk and the guidance screen are seen by
 * others in the hall.
 */
final class RouteAdvisor {
    static final String MSG_SELF_SERVICE = "缴费、发票打印、余额查询请到自助服务区办理，工作人员就在旁边";
    static final String MSG_COUNTER = "请取号到人工窗口办理";
    static final String MSG_VIP = "请到VIP窗口，客户经理为您服务";
    static final String MSG_PRIORITY = "请到优先窗口办理购电业务";
    static final String MSG_NEW_CUSTOMER = "欢迎光临，请取号到人工窗口咨询办理";

    private final RouteRules rules;

    RouteAdvisor(RouteRules rules) {
        this.rules = rules;
    }

    RouteRules rules() {
        return rules;
    }

    /** A person no customer matched. */
    Route visitor() {
        return new Route(Route.COUNTER, List.of(new Reason("new-customer",
                "no customer with this ID number: new connection or enquiry at a counter")), MSG_NEW_CUSTOMER);
    }

    /** A card whose number failed the GB 11643 check: nothing was looked up. */
    Route notVerified() {
        return new Route(Route.COUNTER, List.of(new Reason("id-not-verified",
                "the card's ID number failed the GB 11643 check: check the card at a counter")), MSG_COUNTER);
    }

    /** The customer base did not answer: nobody can tell who this is now. */
    Route lookupFailed() {
        return new Route(Route.COUNTER, List.of(new Reason("lookup-failed",
                "the customer base did not answer: look the customer up at a counter")), MSG_COUNTER);
    }

    Route advise(RouteFacts f) {
        List<Reason> outstanding = outstanding(f);

        List<Reason> vip = new ArrayList<>();
        Map<String, String> grades = new TreeMap<>(f.grades());
        for (Map.Entry<String, String> g : grades.entrySet()) {
            if (rules.vipGrades().contains(g.getValue())) {
                vip.add(new Reason("vip-grade", g.getKey() + " grade " + g.getValue() + ": dedicated VIP service"));
            }
        }
        if (f.kind() != null && rules.vipKinds().contains(f.kind())) {
            vip.add(new Reason("key-account", kindName(f.kind()) + " key account: the account manager serves it"));
        }
        if (!vip.isEmpty()) {
            return new Route(Route.VIP_WINDOW, concat(vip, outstanding), MSG_VIP);
        }

        if (f.kind() == CustomerKind.PREPAID_RESIDENT && f.tripClass() != null
                && rules.priorityTrips().contains(f.tripClass())) {
            Reason trips = new Reason("prepaid-trips", f.tripClass() + " trips (" + f.trips()
                    + " in 12 months): purchase-rescue second service at the priority window");
            return new Route(Route.PRIORITY_WINDOW, concat(List.of(trips), outstanding), MSG_PRIORITY);
        }

        if (!outstanding.isEmpty()) {
            return new Route(Route.COUNTER, outstanding, MSG_COUNTER);
        }

        List<Reason> simple = new ArrayList<>();
        simple.add(new Reason("nothing-outstanding",
                "nothing outstanding: payment, invoice print and balance query at the self-service terminals"));
        if (f.arrears() != null && f.arrears().signum() > 0) {
            simple.add(new Reason("arrears-payable", "arrears " + yuan(f.arrears())
                    + " yuan within the self-service limit: payable at a terminal"));
        }
        return new Route(Route.SELF_SERVICE, simple, MSG_SELF_SERVICE);
    }

    private List<Reason> outstanding(RouteFacts f) {
        List<Reason> out = new ArrayList<>();
        BigDecimal arrears = f.arrears() == null ? BigDecimal.ZERO : f.arrears();
        if (arrears.compareTo(rules.selfServiceMaxArrears()) > 0) {
            out.add(new Reason("arrears", "arrears " + yuan(arrears) + " yuan on " + f.unpaidBills()
                    + " unpaid bills: handle by the fee-risk rules at a counter"));
        }
        if (f.openWorkOrders() > 0) {
            out.add(new Reason("open-work-orders", f.openWorkOrders() + " open work orders: follow up at a counter"));
        }
        if (!f.sensitive().isEmpty()) {
            out.add(new Reason("sensitive", "staff caution (" + String.join(", ", new TreeSet<>(f.sensitive()))
                    + "): serve in person, with care"));
        }
        if (!f.otherOutstanding().isEmpty()) {
            out.add(new Reason("other-accounts", "arrears or open work orders on other accounts: "
                    + String.join(", ", f.otherOutstanding())));
        }
        return out;
    }

    private static List<Reason> concat(List<Reason> first, List<Reason> then) {
        List<Reason> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    private static String yuan(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String kindName(CustomerKind kind) {
        return kind == CustomerKind.GOVERNMENT ? "government" : kind.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ');
    }
}
