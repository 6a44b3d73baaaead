package org.smarthall.api.customer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Streams customers with their histories for batch work (tagging, grading): a slice of the
 * customer base at a time, read with forward-only cursors, never a whole table in memory.
 *
 * <p>Slices are account ranges {@code [from, to)}; {@link #ranges} splits the base into them.
 * Reads run on the caller's connection, so a job partition reads and writes in one transaction.
 */
@ProviderType
public interface CustomerSnapshots {

    /**
     * Splits the customers of the given kinds into consecutive account ranges of about
     * {@code size} customers each, in account order. The last range is open ({@code to} null).
     */
    List<AccountRange> ranges(Connection c, Collection<CustomerKind> kinds, int size) throws SQLException;

    /**
     * Reads the customers of the given kinds in one range, in account order, each with the
     * histories of the {@code months} whole months up to {@code asOf} (the months before its month,
     * and its month too when {@code asOf} is the month's last day): consumption, bills, payments,
     * recharges, trips, work orders, ratings, hall visits, channel contacts; third-party credit
     * records over twice as long.
     *
     * @param only when not null, only these accounts (of the range) are read
     */
    void read(Connection c, AccountRange range, Collection<CustomerKind> kinds, LocalDate asOf, int months,
            Collection<String> only, Consumer<CustomerSnapshot> sink) throws SQLException;

    /** A slice of the customer base: accounts from {@code from} (inclusive) to {@code to} (exclusive, null = open). */
    record AccountRange(String from, String to) {
        public AccountRange {
            if (from == null) {
                throw new IllegalArgumentException("a range needs a first account");
            }
        }

        public boolean contains(String account) {
            return account.compareTo(from) >= 0 && (to == null || account.compareTo(to) < 0);
        }

        /** {@code from..to} as a job partition key. */
        public String key() {
            return from + ".." + (to == null ? "" : to);
        }

        public static AccountRange ofKey(String key) {
            int dots = key.indexOf("..");
            if (dots < 0) {
                throw new IllegalArgumentException("not an account range: " + key);
            }
            String to = key.substring(dots + 2);
            return new AccountRange(key.substring(0, dots), to.isEmpty() ? null : to);
        }
    }
}
