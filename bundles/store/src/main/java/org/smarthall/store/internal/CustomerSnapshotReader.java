package org.smarthall.store.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.smarthall.api.customer.Bill;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.Contact;
import org.smarthall.api.customer.CreditRecord;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.CustomerSnapshots;
import org.smarthall.api.customer.MonthlyConsumption;
import org.smarthall.api.customer.Payment;
import org.smarthall.api.customer.Rating;
import org.smarthall.api.customer.Recharge;
import org.smarthall.api.customer.Trip;
import org.smarthall.api.customer.VisitSummary;
import org.smarthall.api.customer.WorkOrder;
import org.smarthall.api.customer.WorkOrderKind;
import org.smarthall.api.store.Dialect;

/**
 * Reads customers and their histories a range at a time with plain JDBC: one range query per
 * table, in account order along the table's key or account index, joined in memory per account.
 * A range holds a few thousand customers, so memory stays flat however large the base is.
 *
 * <p>The window is the {@code months} whole months up to {@code asOf} for monthly data
 * (consumption, bills): the months before the month of {@code asOf}, and that month too when
 * {@code asOf} is its last day. Everything that happens at a time counts from the first of those
 * months to the end of {@code asOf}.
 */
@Component(service = CustomerSnapshots.class)
public class CustomerSnapshotReader implements CustomerSnapshots {
    /** Accounts per IN list when reading given accounts only. */
    static final int IN_CHUNK = 400;

    @Override
    public List<AccountRange> ranges(Connection c, Collection<CustomerKind> kinds, int size) throws SQLException {
        if (size < 1) {
            throw new IllegalArgumentException("range size must be positive");
        }
        List<AccountRange> ranges = new ArrayList<>();
        String sql = "SELECT account FROM sh_customer " + hint(c, "sh_customer") + "WHERE " + kindFilter(kinds)
                + " ORDER BY account";
        String from = null;
        int inRange = 0;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(2000);
            bindKinds(s, 1, kinds);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String account = rs.getString(1);
                    if (from == null) {
                        from = account;
                    } else if (inRange == size) {
                        ranges.add(new AccountRange(from, account));
                        from = account;
                        inRange = 0;
                    }
                    inRange++;
                }
            }
        }
        if (from != null) {
            ranges.add(new AccountRange(from, null));
        }
        return ranges;
    }

    @Override
    public void read(Connection c, AccountRange range, Collection<CustomerKind> kinds, LocalDate asOf, int months,
            Collection<String> only, Consumer<CustomerSnapshot> sink) throws SQLException {
        Window window = new Window(asOf, months);
        if (only == null) {
            emit(readRange(c, range, kinds, window, null), sink);
            return;
        }
        List<String> accounts = new ArrayList<>(new TreeSet<>(only));
        accounts.removeIf(a -> !range.contains(a));
        for (int i = 0; i < accounts.size(); i += IN_CHUNK) {
            emit(readRange(c, range, kinds, window, accounts.subList(i, Math.min(accounts.size(), i + IN_CHUNK))), sink);
        }
    }

    private static void emit(Map<String, Histories> customers, Consumer<CustomerSnapshot> sink) {
        for (Histories h : customers.values()) {
            sink.accept(h.snapshot());
        }
    }

    /** The window of one read: whole months for monthly data, times for the rest. */
    private record Window(Date firstMonth, Date endMonth, Timestamp since, Timestamp until, Date sinceDay,
            Date untilDay, Date creditSince) {
        Window(LocalDate asOf, int months) {
            this(lastMonth(asOf).minusMonths(months - 1L), lastMonth(asOf).plusMonths(1), asOf);
        }

        /** The last whole month up to {@code asOf}: its own month when it is that month's last day. */
        static YearMonth lastMonth(LocalDate asOf) {
            YearMonth month = YearMonth.from(asOf);
            return asOf.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
        }

        private Window(YearMonth first, YearMonth end, LocalDate asOf) {
            this(Date.valueOf(first.atDay(1)), Date.valueOf(end.atDay(1)),
                    Timestamp.from(first.atDay(1).atStartOfDay(Codes.TIME_ZONE).toInstant()),
                    Timestamp.from(asOf.plusDays(1).atStartOfDay(Codes.TIME_ZONE).toInstant()),
                    Date.valueOf(first.atDay(1)), Date.valueOf(asOf.plusDays(1)),
                    // third-party records are reported rarely: they count over two years
                    Date.valueOf(first.atDay(1).minusMonths(12)));
        }

        int bindTimes(PreparedStatement s) throws SQLException {
            s.setTimestamp(1, since);
            s.setTimestamp(2, until);
            return 3;
        }
    }

    private Map<String, Histories> readRange(Connection c, AccountRange range, Collection<CustomerKind> kinds,
            Window w, List<String> accounts) throws SQLException {
        Map<String, Histories> customers = new LinkedHashMap<>();
        Query q = new Query(c, range, accounts);
        q.run("customer", "account, kind, name, id_masked, phone_masked, address, region, supply_unit, industry,"
                + " contract_kva, opened, sensitive, missing", kindFilter(kinds), "account", s -> bindKinds(s, 1, kinds),
                rs -> {
                    String account = rs.getString(1);
                    customers.put(account, new Histories(profile(rs)));
                });
        if (customers.isEmpty()) {
            return customers;
        }
        q.run("consumption", "account, month, peak_kwh, flat_kwh, valley_kwh, amount", "month >= ? AND month < ?",
                "account, month", s -> {
                    s.setDate(1, w.firstMonth());
                    s.setDate(2, w.endMonth());
                    return 3;
                }, rs -> {
                    Histories h = customers.get(rs.getString(1));
                    if (h != null) {
                        h.consumption.add(new MonthlyConsumption(YearMonth.from(rs.getDate(2).toLocalDate()),
                                nullableDouble(rs, 3), nullableDouble(rs, 4), nullableDouble(rs, 5), rs.getBigDecimal(6)));
                    }
                });
        q.run("bill", "account, period, amount, due, paid, outstanding", "period >= ? AND period < ?", "account, period",
                s -> {
                    s.setDate(1, w.firstMonth());
                    s.setDate(2, w.endMonth());
                    return 3;
                }, rs -> {
                    Histories h = customers.get(rs.getString(1));
                    if (h != null) {
                        Date paid = rs.getDate(5);
                        h.bills.add(new Bill(YearMonth.from(rs.getDate(2).toLocalDate()), rs.getBigDecimal(3),
                                rs.getDate(4).toLocalDate(), paid == null ? null : paid.toLocalDate(), rs.getBigDecimal(6)));
                    }
                });
        q.run("payment", "account, paid_on, amount, channel", "paid_on >= ? AND paid_on < ?", "account, paid_on", s -> {
            s.setDate(1, w.sinceDay());
            s.setDate(2, w.untilDay());
            return 3;
        }, rs -> {
            Histories h = customers.get(rs.getString(1));
            if (h != null) {
                h.payments.add(new Payment(rs.getDate(2).toLocalDate(), rs.getBigDecimal(3), rs.getString(4)));
            }
        });
        q.run("recharge", "account, occurred_at, amount, channel, success, failure_reason",
                "occurred_at >= ? AND occurred_at < ?", "account, occurred_at", w::bindTimes, rs -> {
                    Histories h = customers.get(rs.getString(1));
                    if (h != null) {
                        h.recharges.add(new Recharge(rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3), rs.getString(4),
                                rs.getInt(5) != 0, rs.getString(6)));
                    }
                });
        q.run("trip", "account, occurred_at, balance", "occurred_at >= ? AND occurred_at < ?", "account, occurred_at",
                w::bindTimes, rs -> {
                    Histories h = customers.get(rs.getString(1));
                    if (h != null) {
                        h.trips.add(new Trip(rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3)));
                    }
                });
        q.run("work_order", "account, order_id, channel, kind, opened, resolved, resolution, satisfaction",
                "opened >= ? AND opened < ?", "account, opened", w::bindTimes, rs -> {
                    Histories h = customers.get(rs.getString(1));
                    if (h != null) {
                        Timestamp resolved = rs.getTimestamp(6);
                        int satisfaction = rs.getInt(8);
                        Integer score = rs.wasNull() ? null : satisfaction;
                        h.workOrders.add(new WorkOrder(rs.getString(2), rs.getString(3), workOrderKind(rs.getString(4)),
                                rs.getTimestamp(5).toInstant(), resolved == null ? null : resolved.toInstant(),
                                rs.getString(7), score));
                    }
                });
        q.run("rating", "account, occurred_at, source, score", "occurred_at >= ? AND occurred_at < ?",
                "account, occurred_at", w::bindTimes, rs -> {
                    Histories h = customers.get(rs.getString(1));
                    if (h != null) {
                        h.ratings.add(new Rating(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4)));
                    }
                });
        q.run("contact", "account, occurred_at, channel, kind", "occurred_at >= ? AND occurred_at < ?",
                "account, occurred_at", w::bindTimes, rs -> {
                    Histories h = customers.get(rs.getString(1));
                    if (h != null) {
                        h.contacts.add(new Contact(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)));
                    }
                });
        q.run("zone_event_account", "account, occurred_at, hall, visitor, zone", "occurred_at >= ? AND occurred_at < ?",
                "account, occurred_at", w::bindTimes, rs -> {
                    Histories h = customers.get(rs.getString(1));
                    if (h != null) {
                        h.visit(rs.getString(3), rs.getString(4), rs.getTimestamp(2).toInstant(), rs.getString(5));
                    }
                });
        q.run("credit_record", "account, reported, source, kind, status, amount, overdue_days",
                "reported >= ? AND reported < ?", "account, reported", s -> {
                    s.setDate(1, w.creditSince());
                    s.setDate(2, w.untilDay());
                    return 3;
                }, rs -> {
                    Histories h = customers.get(rs.getString(1));
                    if (h != null) {
                        int days = rs.getInt(7);
                        Integer overdue = rs.wasNull() ? null : days;
                        h.credit.add(new CreditRecord(rs.getString(3), rs.getString(4), rs.getDate(2).toLocalDate(),
                                rs.getString(5), rs.getBigDecimal(6), overdue));
                    }
                });
        return customers;
    }

    /** One table's rows of a range (or of a list of accounts in it), in account order. */
    private static final class Query {
        private final Connection c;
        private final AccountRange range;
        private final List<String> accounts;
        private final boolean derby;

        Query(Connection c, AccountRange range, List<String> accounts) throws SQLException {
            this.c = c;
            this.range = range;
            this.accounts = accounts;
            this.derby = Dialects.of(c) == Dialect.DERBY;
        }

        void run(String table, String columns, String where, String order, Binder binder, Row row) throws SQLException {
            StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM sh_").append(table).append(' ');
            if (derby) {
                sql.append(derbyHint("sh_" + table));
            }
            sql.append("WHERE ").append(where);
            if (accounts == null) {
                sql.append(" AND account >= ?").append(range.to() == null ? "" : " AND account < ?");
            } else {
                sql.append(" AND account IN (").append("?, ".repeat(accounts.size() - 1)).append("?)");
            }
            sql.append(" ORDER BY ").append(order);
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                s.setFetchSize(1000);
                int next = binder.bind(s);
                if (accounts == null) {
                    s.setString(next, range.from());
                    if (range.to() != null) {
                        s.setString(next + 1, range.to());
                    }
                } else {
                    for (String account : accounts) {
                        s.setString(next++, account);
                    }
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        row.accept(rs);
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        /** Binds the parameters of the table's own condition; answers the index of the next one. */
        int bind(PreparedStatement s) throws SQLException;
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Derby keeps the plan it chose while a table was empty: name the index that leads with the account. */
    private static String derbyHint(String table) {
        String index = switch (table) {
            case "sh_customer", "sh_consumption", "sh_bill", "sh_trip", "sh_zone_event_account" ->
                "constraint=" + table.toUpperCase(Locale.ROOT) + "_PK";
            default -> "index=" + table.toUpperCase(Locale.ROOT) + "_ACCOUNT";
        };
        return "--DERBY-PROPERTIES " + index + "\n";
    }

    private static String hint(Connection c, String table) throws SQLException {
        return Dialects.of(c) == Dialect.DERBY ? derbyHint(table) : "";
    }

    private static String kindFilter(Collection<CustomerKind> kinds) {
        return "kind IN (" + "?, ".repeat(kinds.size() - 1) + "?)";
    }

    private static int bindKinds(PreparedStatement s, int first, Collection<CustomerKind> kinds) throws SQLException {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("at least one kind of customer");
        }
        int i = first;
        for (CustomerKind kind : kinds) {
            s.setString(i++, kind.name());
        }
        return i;
    }

    private static CustomerProfile profile(ResultSet rs) throws SQLException {
        Date opened = rs.getDate(11);
        return new CustomerProfile(rs.getString(1), CustomerKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                nullableDouble(rs, 10), opened == null ? null : opened.toLocalDate(), split(rs.getString(12)),
                List.copyOf(split(rs.getString(13))));
    }

    private static Set<String> split(String list) {
        return list == null || list.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(list.split(";")));
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static WorkOrderKind workOrderKind(String code) {
        try {
            return WorkOrderKind.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return WorkOrderKind.OTHER;
        }
    }

    /** The histories of one customer while its range is read. */
    private static final class Histories {
        final CustomerProfile profile;
        final List<MonthlyConsumption> consumption = new ArrayList<>(12);
        final List<Bill> bills = new ArrayList<>(12);
        final List<Payment> payments = new ArrayList<>(12);
        final List<Recharge> recharges = new ArrayList<>(0);
        final List<Trip> trips = new ArrayList<>(0);
        final List<WorkOrder> workOrders = new ArrayList<>(0);
        final List<Rating> ratings = new ArrayList<>(0);
        final List<Contact> contacts = new ArrayList<>(0);
        final List<CreditRecord> credit = new ArrayList<>(0);
        Map<String, VisitBuilder> visits;

        Histories(CustomerProfile profile) {
            this.profile = profile;
        }

        void visit(String hall, String visitor, Instant at, String zone) {
            if (visits == null) {
                visits = new HashMap<>();
            }
            visits.computeIfAbsent(hall + '\n' + visitor, k -> new VisitBuilder(hall, at)).add(at, zone);
        }

        CustomerSnapshot snapshot() {
            List<VisitSummary> summaries = visits == null ? List.of()
                    : visits.values().stream().map(VisitBuilder::summary)
                            .sorted(java.util.Comparator.comparing(VisitSummary::entered)).toList();
            return new CustomerSnapshot(profile, consumption, bills, payments, recharges, trips, workOrders, ratings,
                    summaries, contacts, credit);
        }
    }

    /** A visit as the events that named the customer show it (a visitor id per visit and hall). */
    private static final class VisitBuilder {
        final String hall;
        final Instant entered;
        Instant left;
        final Set<String> zones = new LinkedHashSet<>();

        VisitBuilder(String hall, Instant at) {
            this.hall = hall;
            this.entered = at;
            this.left = at;
        }

        void add(Instant at, String zone) {
            left = at.isAfter(left) ? at : left;
            zones.add(zone);
        }

        VisitSummary summary() {
            return new VisitSummary(hall, entered, left, List.copyOf(zones));
        }
    }
}
