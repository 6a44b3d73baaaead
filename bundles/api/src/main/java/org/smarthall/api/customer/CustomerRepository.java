package org.smarthall.api.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Reads the customer base. Profiles carry masked identifiers only. */
@ProviderType
public interface CustomerRepository {

    Optional<CustomerProfile> find(String account);

    /** Customers whose identity number has this keyed hash (see {@link PiiProtector}). */
    List<CustomerProfile> findByIdHash(String idHash);

    /**
     * Customers matching a search: a name prefix, an account prefix, a masked phone
     * ({@code 138****5678}) or its last four digits, or a whole phone number (by its hash).
     * Sorted by account.
     */
    List<CustomerProfile> search(String query, int offset, int limit);

    long count(String query);

    /** Histories summed up over the 12 months before {@code asOf}. */
    CustomerSummary summary(String account, LocalDate asOf);

    /**
     * The customer's phone number in clear, for the SMS channel only: never log it, never show it.
     * Empty when there is no customer or no phone.
     */
    Optional<String> phoneNumber(String account);

    /** Number of customers of every kind. */
    java.util.Map<CustomerKind, Long> countByKind();
}
