package org.smarthall.grading.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.CustomerSnapshots;
import org.smarthall.api.customer.CustomerSnapshots.AccountRange;
import org.smarthall.api.grading.Population;

/**
 * The customers of a model's kinds as of a date, streamed range by range from the store on one
 * connection: every scan reads them again, in account order, so a model that iterates sees the
 * same customers in the same order and memory holds one range at a time.
 */
final class SnapshotPopulation implements Population {
    private final Connection connection;
    private final CustomerSnapshots snapshots;
    private final Collection<CustomerKind> kinds;
    private final LocalDate asOf;
    private final int months;
    private final List<AccountRange> ranges;
    private final long size;

    SnapshotPopulation(Connection connection, CustomerSnapshots snapshots, Collection<CustomerKind> kinds,
            LocalDate asOf, int months, int rangeSize) throws SQLException {
        this.connection = connection;
        this.snapshots = snapshots;
        this.kinds = kinds;
        this.asOf = asOf;
        this.months = months;
        this.ranges = snapshots.ranges(connection, kinds, rangeSize);
        this.size = count(connection, kinds);
    }

    private static long count(Connection c, Collection<CustomerKind> kinds) throws SQLException {
        try (var s = c.prepareStatement("SELECT COUNT(*) FROM sh_customer WHERE kind IN ("
                + "?, ".repeat(kinds.size() - 1) + "?)")) {
            int i = 1;
            for (CustomerKind kind : kinds) {
                s.setString(i++, kind.name());
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    List<AccountRange> ranges() {
        return ranges;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void forEach(Consumer<CustomerSnapshot> action) {
        try {
            for (AccountRange range : ranges) {
                snapshots.read(connection, range, kinds, asOf, months, null, action);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the population failed: " + e.getMessage(), e);
        }
    }
}
