package org.smarthall.cabin.guidance.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerFacet;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerRepository;
import org.smarthall.api.customer.CustomerSummary;
import org.smarthall.api.customer.Pii;
import org.smarthall.api.customer.PiiProtector;
import org.smarthall.api.grading.Grade;
import org.smarthall.cabin.guidance.Portrait;
import org.smarthall.cabin.guidance.Portrait.GradeLine;
import org.smarthall.cabin.guidance.Portrait.OtherAccount;
import org.smarthall.cabin.guidance.Portrait.Prepaid;
import org.smarthall.cabin.guidance.Portrait.TagLine;
import org.smarthall.cabin.guidance.Route;
import org.smarthall.device.api.IdCard;

/**
 * Builds the portrait of one swipe. The ID number is checked (GB 11643), hashed with the
 * province's key and forgotten: it is neither kept nor logged; the portrait carries it masked.
 *
 * <p><b>Several accounts for one person.</b> The customers with the card's hash are read with
 * their 12-month summaries (at most {@value #MAX_ACCOUNTS}; more are listed without one). The
 * primary account, the one the portrait is about, is the first by:
 * <ol>
 * <li>something outstanding (arrears or open work orders): what the person most likely came about;</li>
 * <li>then the latest hall visit: the account they usually come about;</li>
 * <li>then the account number, so that the choice is stable.</li>
 * </ol>
 * The others are listed with their arrears and open work orders; outstanding items on them route
 * to a counter (reason {@code other-accounts}).
 *
 * <p><b>Nothing stops a portrait</b> but a failure of this class itself: a facet that throws
 * leaves its section out ({@code unavailable}), a summary that fails leaves the figures empty, a
 * customer base that does not answer gives a visitor portrait routed to a counter
 * ({@code lookup-failed}). Each kind of failure is logged as a warning once, then at debug level,
 * and counted.
 */
final class PortraitBuilder {
    static final int MAX_ACCOUNTS = 5;
    static final String TAGS = "tags";
    static final String GRADES = "grades";
    static final String TRIPS_MODEL = "prepaid-trips";
    private static final Set<String> TRIP_CLASSES = Set.of("normal", "occasional", "frequent");
    private static final Logger LOG = LoggerFactory.getLogger(PortraitBuilder.class);

    private final CustomerRepository customers;
    private final PiiProtector pii;
    private final Supplier<? extends Collection<CustomerFacet>> facets;
    private final RouteAdvisor advisor;
    private final Clock clock;
    private final GuidanceMetrics metrics;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    PortraitBuilder(CustomerRepository customers, PiiProtector pii, Supplier<? extends Collection<CustomerFacet>> facets,
            RouteAdvisor advisor, Clock clock, GuidanceMetrics metrics) {
        this.customers = customers;
        this.pii = pii;
        this.facets = facets;
        this.advisor = advisor;
        this.clock = clock;
        this.metrics = metrics;
    }

    Portrait build(String id, Swipe swipe) {
        IdCard card = swipe.card();
        LocalDate today = LocalDate.ofInstant(clock.instant(), Codes.TIME_ZONE);
        String number = Pii.normalizeIdNumber(card.idNumber());
        boolean verified = Pii.idNumberProblem(number, today).isEmpty();
        Person person = new Person(Masks.name(card.name()), Masks.sex(card.sex()),
                Masks.ageBand(Masks.birthDate(card.birthDate(), verified ? number : null), today));
        if (!verified) {
            // the problem's text is not logged or shown: it can quote the birth date
            metrics.notVerified.increment();
            return visitor(id, swipe, person, false, advisor.notVerified(), List.of());
        }
        List<CustomerProfile> found;
        try {
            found = customers.findByIdHash(pii.hashIdNumber(number));
        } catch (RuntimeException e) {
            metrics.lookupFailures.increment();
            warnOnce("lookup", "Guidance: the customer base did not answer a swipe in hall {}: {}", swipe.hall(),
                    e.toString());
            return visitor(id, swipe, person, true, advisor.lookupFailed(), List.of("customers"));
        }
        if (found.isEmpty()) {
            return visitor(id, swipe, person, true, advisor.visitor(), List.of());
        }
        return customer(id, swipe, person, Pii.maskIdNumber(number), found, today);
    }

    private record Person(String maskedName, String sex, String ageBand) {
    }

    private record Account(CustomerProfile profile, CustomerSummary summary) {
        BigDecimal arrears() {
            return summary == null || summary.billing() == null ? null : summary.billing().arrears();
        }

        int openWorkOrders() {
            return summary == null || summary.service() == null ? 0 : summary.service().openWorkOrders();
        }

        boolean outstanding(BigDecimal arrearsAbove) {
            BigDecimal a = arrears();
            return a != null && a.compareTo(arrearsAbove) > 0 || openWorkOrders() > 0;
        }

        Instant lastVisit() {
            return summary == null || summary.visits() == null ? null : summary.visits().last();
        }
    }

    private Portrait visitor(String id, Swipe swipe, Person person, boolean verified, Route route,
            List<String> unavailable) {
        metrics.visitors.increment();
        return new Portrait(id, swipe.hall(), swipe.device(), true, verified, person.maskedName(), person.sex(),
                person.ageBand(), null, null, null, List.of(), List.of(), List.of(), null, 0, 0, null, List.of(), route,
                unavailable, swipe.cardAt(), clock.instant());
    }

    private Portrait customer(String id, Swipe swipe, Person person, String maskedId, List<CustomerProfile> found,
            LocalDate today) {
        List<String> unavailable = new ArrayList<>();
        List<CustomerProfile> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(CustomerProfile::account));
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            CustomerProfile profile = sorted.get(i);
            accounts.add(new Account(profile, i < MAX_ACCOUNTS ? summary(profile.account(), today, unavailable) : null));
        }
        BigDecimal zero = BigDecimal.ZERO;
        accounts.sort(Comparator.comparing((Account a) -> !a.outstanding(zero))
                .thenComparing(Account::lastVisit, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(a -> a.profile().account()));
        Account primary = accounts.get(0);
        CustomerProfile profile = primary.profile();

        Map<String, Object> sections = facets(profile, unavailable);
        List<TagLine> tags = sections.containsKey(TAGS) ? tagLines(sections.get(TAGS), unavailable) : List.of();
        List<GradeLine> grades = sections.containsKey(GRADES) ? gradeLines(sections.get(GRADES), unavailable)
                : List.of();

        CustomerSummary summary = primary.summary();
        CustomerSummary.Billing billing = summary == null ? null : summary.billing();
        Prepaid prepaid = prepaid(profile.kind(), summary, grades);

        List<OtherAccount> others = new ArrayList<>();
        List<String> otherOutstanding = new ArrayList<>();
        for (Account a : accounts.subList(1, accounts.size())) {
            others.add(new OtherAccount(a.profile().account(), a.profile().kind(), a.arrears(), a.openWorkOrders()));
            if (a.outstanding(advisor.rules().selfServiceMaxArrears())) {
                otherOutstanding.add(a.profile().account());
            }
        }
        Map<String, String> gradeByModel = new LinkedHashMap<>();
        for (GradeLine g : grades) {
            if (g.model() != null && g.grade() != null) {
                gradeByModel.put(g.model(), g.grade().toLowerCase(Locale.ROOT));
            }
        }
        RouteFacts facts = new RouteFacts(profile.kind(), billing == null ? null : billing.arrears(),
                billing == null ? 0 : billing.unpaidBills(), primary.openWorkOrders(), profile.sensitive(), gradeByModel,
                prepaid == null ? null : prepaid.tripClass(), prepaid == null ? 0 : prepaid.trips(), otherOutstanding);
        Route route = advisor.advise(facts);
        List<String> caution = profile.sensitive().stream().sorted().toList();
        return new Portrait(id, swipe.hall(), swipe.device(), false, true, person.maskedName(), person.sex(),
                person.ageBand(), maskedId, profile.account(), profile.kind(), others, tags, grades, facts.arrears(),
                facts.unpaidBills(), facts.openWorkOrders(), prepaid, caution, route,
                unavailable.stream().distinct().toList(), swipe.cardAt(), clock.instant());
    }

    private CustomerSummary summary(String account, LocalDate today, List<String> unavailable) {
        try {
            return customers.summary(account, today);
        } catch (RuntimeException e) {
            metrics.lookupFailures.increment();
            unavailable.add("summary");
            warnOnce("summary", "Guidance: the summary of account {} failed: {}", account, e.toString());
            return null;
        }
    }

    private Map<String, Object> facets(CustomerProfile profile, List<String> unavailable) {
        Map<String, Object> sections = new LinkedHashMap<>();
        for (CustomerFacet facet : facets.get()) {
            String name;
            try {
                name = facet.name();
                if (!TAGS.equals(name) && !GRADES.equals(name)) {
                    continue;
                }
            } catch (RuntimeException e) {
                continue;
            }
            try {
                Optional<Object> section = facet.of(profile);
                section.ifPresent(s -> sections.put(name, s));
            } catch (RuntimeException e) {
                facetFailed(name, profile.account(), e, unavailable);
            }
        }
        return sections;
    }

    private void facetFailed(String name, String account, RuntimeException e, List<String> unavailable) {
        metrics.facetFailures.increment();
        unavailable.add(name);
        warnOnce("facet:" + name, "Guidance: facet {} failed for account {}; the portrait goes without it: {}", name,
                account, e.toString());
    }

    /** The tags facet: theme → dimension → {value, reason, ...}. */
    private List<TagLine> tagLines(Object section, List<String> unavailable) {
        try {
            List<TagLine> lines = new ArrayList<>();
            for (Map.Entry<?, ?> theme : asMap(section).entrySet()) {
                for (Map.Entry<?, ?> dimension : asMap(theme.getValue()).entrySet()) {
                    Map<?, ?> tag = asMap(dimension.getValue());
                    lines.add(new TagLine(String.valueOf(theme.getKey()), String.valueOf(dimension.getKey()),
                            text(tag.get("value")), text(tag.get("reason"))));
                }
            }
            return lines;
        } catch (IllegalStateException e) {
            facetFailed(TAGS, null, e, unavailable);
            return List.of();
        }
    }

    /** The grades facet: model → {grade, reason, ...}. */
    private List<GradeLine> gradeLines(Object section, List<String> unavailable) {
        try {
            List<GradeLine> lines = new ArrayList<>();
            for (Map.Entry<?, ?> model : asMap(section).entrySet()) {
                Map<?, ?> grade = asMap(model.getValue());
                lines.add(new GradeLine(String.valueOf(model.getKey()), text(grade.get("grade")),
                        text(grade.get("reason"))));
            }
            return lines;
        } catch (IllegalStateException e) {
            facetFailed(GRADES, null, e, unavailable);
            return List.of();
        }
    }

    /**
     * The prepaid figures; the trip class is the prepaid-trips model's grade when it has one, else
     * counted from the summary's trips as seed 003 defines it (0 normal, 1 occasional, 2 or more frequent).
     */
    private static Prepaid prepaid(CustomerKind kind, CustomerSummary summary, List<GradeLine> grades) {
        if (kind != CustomerKind.PREPAID_RESIDENT || summary == null || summary.prepaid() == null) {
            return null;
        }
        CustomerSummary.Prepaid p = summary.prepaid();
        String tripClass = p.trips() >= 2 ? "frequent" : p.trips() == 1 ? "occasional" : "normal";
        for (GradeLine g : grades) {
            String grade = g.grade() == null ? Grade.UNKNOWN : g.grade().toLowerCase(Locale.ROOT);
            if (TRIPS_MODEL.equals(g.model()) && TRIP_CLASSES.contains(grade)) {
                tripClass = grade;
            }
        }
        return new Prepaid(p.lastBalance(), p.trips(), tripClass, p.failedRecharges());
    }

    private static Map<?, ?> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalStateException("unexpected facet shape: " + (value == null ? "null" : value.getClass().getName()));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private void warnOnce(String key, String format, Object... args) {
        if (warned.add(key)) {
            LOG.warn(format + " (further failures of this kind at debug level, counted in the health check)", args);
        } else {
            LOG.debug(format, args);
        }
    }
}
