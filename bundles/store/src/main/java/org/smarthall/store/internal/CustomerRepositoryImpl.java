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
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.Consent;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerRepository;
import org.smarthall.api.customer.CustomerSummary;
import org.smarthall.api.customer.Pii;
import org.smarthall.api.customer.PiiProtector;
import org.smarthall.api.store.Database;
import org.smarthall.store.internal.jpa.CustomerEntity;

/**
 * Customers through JPA (one customer, a search page); their histories summed up with plain SQL
 * aggregates, which the database does far better than an object graph.
 */
@Component(service = CustomerRepository.class)
public class CustomerRepositoryImpl implements CustomerRepository {
    private static final Pattern WHOLE_PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{9,11}");
    private static final Pattern MASKED_PHONE = Pattern.compile("\\d{3}\\*+\\d{4}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");

    private final EntityManagerFactory emf;
    private final Database database;
    private final PiiProtector pii;

    @Activate
    public CustomerRepositoryImpl(@Reference(target = "(osgi.unit.name=smarthall)") EntityManagerFactory emf,
            @Reference Database database, @Reference PiiProtector pii) {
        this.emf = emf;
        this.database = database;
        this.pii = pii;
    }

    @Override
    public Optional<CustomerProfile> find(String account) {
        return read(em -> Optional.ofNullable(em.find(CustomerEntity.class, account)).map(CustomerRepositoryImpl::profile));
    }

    @Override
    public List<CustomerProfile> findByIdHash(String idHash) {
        return read(em -> em.createQuery("SELECT c FROM CustomerEntity c WHERE c.idHash = :h ORDER BY c.account",
                CustomerEntity.class).setParameter("h", idHash).getResultList().stream()
                .map(CustomerRepositoryImpl::profile).toList());
    }

    @Override
    public List<CustomerProfile> search(String query, int offset, int limit) {
        return read(em -> searchQuery(em, query, CustomerEntity.class, "c")
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(CustomerRepositoryImpl::profile).toList());
    }

    @Override
    public long count(String query) {
        return read(em -> searchQuery(em, query, Long.class, "COUNT(c)").getSingleResult());
    }

    /** How a search string is read: a whole phone by its hash, a masked phone, digits, else a name prefix. */
    private <T> TypedQuery<T> searchQuery(EntityManager em, String query, Class<T> type, String select) {
        String q = query == null ? "" : query.strip();
        String order = type == Long.class ? "" : " ORDER BY c.account";
        String base = "SELECT " + select + " FROM CustomerEntity c WHERE ";
        String phone = Pii.normalizePhone(q);
        if (phone != null && WHOLE_PHONE.matcher(phone).matches()) {
            return em.createQuery(base + "c.phoneHash = :p" + order, type).setParameter("p", pii.hashPhone(phone));
        }
        if (MASKED_PHONE.matcher(q).matches()) {
            return em.createQuery(base + "c.phoneMasked = :p" + order, type).setParameter("p", q);
        }
        if (q.length() == 4 && DIGITS.matcher(q).matches()) {
            return em.createQuery(base + "c.phoneMasked LIKE :tail OR c.account LIKE :prefix" + order, type)
                    .setParameter("tail", "%" + q).setParameter("prefix", q + "%");
        }
        if (DIGITS.matcher(q).matches()) {
            return em.createQuery(base + "c.account LIKE :prefix" + order, type).setParameter("prefix", q + "%");
        }
        return em.createQuery(base + "c.name LIKE :prefix ESCAPE '\\'" + order, type)
                .setParameter("prefix", q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    @Override
    public Optional<String> phoneNumber(String account) {
        try (Connection c = database.dataSource().getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("SELECT phone_enc FROM sh_customer WHERE account = ?")) {
            s.setString(1, account);
            try (java.sql.ResultSet r = s.executeQuery()) {
                if (!r.next() || r.getString(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(pii.decrypt(r.getString(1)));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the phone of a customer: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<CustomerKind, Long> countByKind() {
        Map<CustomerKind, Long> counts = new EnumMap<>(CustomerKind.class);
        for (CustomerKind kind : CustomerKind.values()) {
            counts.put(kind, 0L);
        }
        read(em -> {
            em.createQuery("SELECT c.kind, COUNT(c) FROM CustomerEntity c GROUP BY c.kind", Object[].class)
                    .getResultList().forEach(row -> counts.put(CustomerKind.valueOf((String) row[0]), ((Number) row[1]).longValue()));
            return null;
        });
        return counts;
    }

    @Override
    public CustomerSummary summary(String account, LocalDate asOf) {
        LocalDate from = asOf.minusYears(1);
        Timestamp since = Timestamp.from(from.plusDays(1).atStartOfDay(Codes.TIME_ZONE).toInstant());
        Timestamp until = Timestamp.from(asOf.plusDays(1).atStartOfDay(Codes.TIME_ZONE).toInstant());
        try (Connection c = database.dataSource().getConnection()) {
            boolean prepaid = find(account).map(p -> p.kind() == CustomerKind.PREPAID_RESIDENT).orElse(false);
            return new CustomerSummary(asOf, consumption(c, account, from, asOf), billing(c, account, from, asOf),
                    prepaid ? prepaid(c, account, since, until) : null, service(c, account, since, until),
                    consents(c, account, until), visits(c, account, since, until));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot sum up the histories of " + account, e);
        }
    }

    private static CustomerSummary.Consumption consumption(Connection c, String account, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*),"
                + " SUM(CASE WHEN peak_kwh IS NULL AND flat_kwh IS NULL AND valley_kwh IS NULL THEN 1 ELSE 0 END),"
                + " SUM(peak_kwh), SUM(flat_kwh), SUM(valley_kwh), SUM(amount)"
                + " FROM sh_consumption WHERE account = ? AND month > ? AND month <= ?")) {
            s.setString(1, account);
            s.setDate(2, Date.valueOf(from));
            s.setDate(3, Date.valueOf(to));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Double peak = nullableDouble(rs, 3);
                Double flat = nullableDouble(rs, 4);
                Double valley = nullableDouble(rs, 5);
                Double total = peak == null && flat == null && valley == null ? null
                        : zero(peak) + zero(flat) + zero(valley);
                return new CustomerSummary.Consumption(rs.getInt(1), rs.getInt(2), total,
                        total == null || total == 0 ? null : zero(peak) / total,
                        total == null || total == 0 ? null : zero(valley) / total, rs.getBigDecimal(6));
            }
        }
    }

    private static CustomerSummary.Billing billing(Connection c, String account, LocalDate from, LocalDate to)
            throws SQLException {
        int bills = 0;
        int unpaid = 0;
        BigDecimal arrears = null;
        long maxLate = 0;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT due, paid, outstanding FROM sh_bill WHERE account = ? AND period > ? AND period <= ?")) {
            s.setString(1, account);
            s.setDate(2, Date.valueOf(from));
            s.setDate(3, Date.valueOf(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    bills++;
                    LocalDate due = rs.getDate(1).toLocalDate();
                    Date paid = rs.getDate(2);
                    if (paid == null) {
                        unpaid++;
                    }
                    LocalDate end = paid == null ? to : paid.toLocalDate();
                    maxLate = Math.max(maxLate, Math.max(0, ChronoUnit.DAYS.between(due, end)));
                    BigDecimal outstanding = rs.getBigDecimal(3);
                    if (outstanding != null) {
                        arrears = arrears == null ? outstanding : arrears.add(outstanding);
                    }
                }
            }
        }
        Map<String, Integer> byChannel = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT channel, COUNT(*) FROM sh_payment"
                + " WHERE account = ? AND paid_on > ? AND paid_on <= ? GROUP BY channel")) {
            s.setString(1, account);
            s.setDate(2, Date.valueOf(from));
            s.setDate(3, Date.valueOf(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byChannel.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return new CustomerSummary.Billing(bills, unpaid, arrears, maxLate, byChannel);
    }

    private static CustomerSummary.Prepaid prepaid(Connection c, String account, Timestamp since, Timestamp until)
            throws SQLException {
        BigDecimal balance = null;
        Instant reading = null;
        try (PreparedStatement s = c.prepareStatement("SELECT balance, occurred_at FROM sh_balance WHERE account = ?"
                + " AND occurred_at < ? ORDER BY occurred_at DESC FETCH FIRST 1 ROWS ONLY")) {
            s.setString(1, account);
            s.setTimestamp(2, until);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    balance = rs.getBigDecimal(1);
                    reading = rs.getTimestamp(2).toInstant();
                }
            }
        }
        int trips = count(c, "SELECT COUNT(*) FROM sh_trip WHERE account = ? AND occurred_at >= ? AND occurred_at < ?",
                account, since, until);
        int recharges = count(c, "SELECT COUNT(*) FROM sh_recharge WHERE account = ? AND occurred_at >= ? AND occurred_at < ?",
                account, since, until);
        int failed = count(c, "SELECT COUNT(*) FROM sh_recharge WHERE account = ? AND occurred_at >= ? AND occurred_at < ?"
                + " AND success = 0", account, since, until);
        return new CustomerSummary.Prepaid(balance, reading, trips, recharges, failed);
    }

    private static CustomerSummary.Service service(Connection c, String account, Timestamp since, Timestamp until)
            throws SQLException {
        Map<String, Integer> byKind = new TreeMap<>();
        int open = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT kind, COUNT(*), SUM(CASE WHEN resolved IS NULL THEN 1 ELSE 0 END)"
                + " FROM sh_work_order WHERE account = ? AND opened >= ? AND opened < ? GROUP BY kind")) {
            s.setString(1, account);
            s.setTimestamp(2, since);
            s.setTimestamp(3, until);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byKind.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getInt(2));
                    open += rs.getInt(3);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT AVG(CAST(score AS DOUBLE PRECISION)), COUNT(*) FROM sh_rating"
                + " WHERE account = ? AND occurred_at >= ? AND occurred_at < ?")) {
            s.setString(1, account);
            s.setTimestamp(2, since);
            s.setTimestamp(3, until);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new CustomerSummary.Service(byKind, open, nullableDouble(rs, 1), rs.getInt(2));
            }
        }
    }

    /** The consent in force per purpose and channel: the latest given before the end of the period. */
    private static List<Consent> consents(Connection c, String account, Timestamp until) throws SQLException {
        Map<String, Consent> latest = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT purpose, channel, granted, occurred_at, place FROM sh_consent"
                + " WHERE account = ? AND occurred_at < ? ORDER BY purpose, channel, occurred_at")) {
            s.setString(1, account);
            s.setTimestamp(2, until);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Consent consent = new Consent(account, rs.getString(1), rs.getString(2), rs.getInt(3) == 1,
                            rs.getTimestamp(4).toInstant(), rs.getString(5));
                    latest.put(consent.purpose() + "/" + consent.channel(), consent);
                }
            }
        }
        return List.copyOf(latest.values());
    }

    private static CustomerSummary.Visits visits(Connection c, String account, Timestamp since, Timestamp until)
            throws SQLException {
        int visits = 0;
        Instant last = null;
        try (PreparedStatement s = c.prepareStatement("SELECT hall, visitor, MAX(occurred_at) FROM sh_zone_event_account"
                + " WHERE account = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY hall, visitor")) {
            s.setString(1, account);
            s.setTimestamp(2, since);
            s.setTimestamp(3, until);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    visits++;
                    Instant at = rs.getTimestamp(3).toInstant();
                    last = last == null || at.isAfter(last) ? at : last;
                }
            }
        }
        return new CustomerSummary.Visits(visits, last);
    }

    private static int count(Connection c, String sql, String account, Timestamp since, Timestamp until)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, account);
            s.setTimestamp(2, since);
            s.setTimestamp(3, until);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static double zero(Double value) {
        return value == null ? 0 : value;
    }

    static CustomerProfile profile(CustomerEntity c) {
        return new CustomerProfile(c.getAccount(), CustomerKind.valueOf(c.getKind()), c.getName(), c.getIdMasked(),
                c.getPhoneMasked(), c.getAddress(), c.getRegion(), c.getSupplyUnit(), c.getIndustry(),
                c.getContractKva(), c.getOpened(), split(c.getSensitive()), List.copyOf(split(c.getMissing())));
    }

    private static TreeSet<String> split(String list) {
        return list == null || list.isBlank() ? new TreeSet<>() : new TreeSet<>(Arrays.asList(list.split(";")));
    }

    private <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }
}
