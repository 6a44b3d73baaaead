package org.smarthall.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.Pii;
import org.smarthall.api.ingest.Datasets;

/**
 * Generates a province of 20,000 residents once and reads its files back as an importer would:
 * the calibration figures of DOMAIN.md, and every rule of docs/formats.md.
 * <p>
 * The columns, required fields and keys below are copied from docs/formats.md on purpose, not
 * taken from the generator: the test holds the generator to the document.
 */
class ProvinceGeneratorTest {
    static final long SEED = 20_260_101L;
    static final int RESIDENTS = 20_000;
    static final LocalDate UNTIL = LocalDate.of(2025, 12, 31);
    static final LocalDateTime FIRST = LocalDateTime.of(2025, 1, 1, 0, 0);
    static final LocalDateTime LAST = LocalDateTime.of(2025, 12, 31, 23, 59, 59);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final Set<String> REMOTE = Set.of("app", "wechat", "alipay", "bank");

    static final Map<String, List<String>> COLUMNS = Map.ofEntries(
            Map.entry("customers", List.of("account", "kind", "name", "id_number", "phone", "address", "region",
                    "supply_unit", "industry", "contract_kva", "opened", "sensitive")),
            Map.entry("halls", List.of("hall_id", "name", "region", "zones")),
            Map.entry("consumption", List.of("account", "month", "peak_kwh", "flat_kwh", "valley_kwh", "amount")),
            Map.entry("bills", List.of("account", "period", "amount", "due", "paid", "outstanding")),
            Map.entry("payments", List.of("payment_id", "account", "paid_on", "amount", "channel", "period")),
            Map.entry("balances", List.of("account", "at", "balance")),
            Map.entry("recharges", List.of("recharge_id", "account", "at", "amount", "channel", "success", "failure_reason")),
            Map.entry("trips", List.of("account", "at", "balance")),
            Map.entry("work_orders", List.of("order_id", "account", "channel", "kind", "opened", "resolved", "resolution",
                    "satisfaction")),
            Map.entry("ratings", List.of("rating_id", "account", "source", "hall", "window", "score", "at")),
            Map.entry("consents", List.of("account", "purpose", "channel", "granted", "at", "place")),
            Map.entry("contacts", List.of("contact_id", "account", "at", "channel", "kind")),
            Map.entry("credit_records", List.of("record_id", "account", "source", "kind", "reported", "status", "amount",
                    "overdue_days")),
            Map.entry("zone_events", List.of("hall", "zone", "visitor", "account", "kind", "at", "detail")));
    static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("customers", List.of("account", "kind", "name", "region", "supply_unit")),
            Map.entry("halls", List.of("hall_id", "name", "region", "zones")),
            Map.entry("consumption", List.of("account", "month")),
            Map.entry("bills", List.of("account", "period", "amount", "due")),
            Map.entry("payments", List.of("payment_id", "account", "paid_on", "amount", "channel")),
            Map.entry("balances", List.of("account", "at", "balance")),
            Map.entry("recharges", List.of("recharge_id", "account", "at", "amount", "channel", "success")),
            Map.entry("trips", List.of("account", "at", "balance")),
            Map.entry("work_orders", List.of("order_id", "channel", "kind", "opened")),
            Map.entry("ratings", List.of("rating_id", "source", "score", "at")),
            Map.entry("consents", List.of("account", "purpose", "channel", "granted", "at", "place")),
            Map.entry("contacts", List.of("contact_id", "account", "at", "channel", "kind")),
            Map.entry("credit_records", List.of("record_id", "account", "source", "kind", "reported", "status")),
            Map.entry("zone_events", List.of("hall", "zone", "visitor", "kind", "at")));
    static final Map<String, List<String>> KEYS = Map.ofEntries(
            Map.entry("customers", List.of("account")),
            Map.entry("halls", List.of("hall_id")),
            Map.entry("consumption", List.of("account", "month")),
            Map.entry("bills", List.of("account", "period")),
            Map.entry("payments", List.of("payment_id")),
            Map.entry("balances", List.of("account", "at")),
            Map.entry("recharges", List.of("recharge_id")),
            Map.entry("trips", List.of("account", "at")),
            Map.entry("work_orders", List.of("order_id")),
            Map.entry("ratings", List.of("rating_id")),
            Map.entry("consents", List.of("account", "purpose", "channel", "at")),
            Map.entry("contacts", List.of("contact_id")),
            Map.entry("credit_records", List.of("record_id")),
            Map.entry("zone_events", List.of("hall", "visitor", "at", "zone", "kind")));

    @TempDir
    static Path temp;
    static GenerationResult province;
    static final Map<String, CsvTable> TABLES = new HashMap<>();
    /** Kind of every account in customers.csv. */
    static final Map<String, String> KINDS = new HashMap<>();
    /** Calendar days already found valid: a province has millions of times but only a year of days. */
    static final Set<String> VALID_DAYS = new HashSet<>();

    @BeforeAll
    static void generate() throws Exception {
        GeneratorSettings settings = new GeneratorSettings(SEED, RESIDENTS, 3, UNTIL, 30, StandardCharsets.UTF_8);
        List<long[]> progress = new ArrayList<>();
        province = new ProvinceGenerator(settings).generate(temp.resolve("province"),
                (done, total) -> progress.add(new long[] {done, total}));
        long total = RESIDENTS + RESIDENTS / 50 + RESIDENTS / 400;
        assertEquals(total, progress.get(progress.size() - 1)[0], "progress reaches the last customer");
        assertEquals(total, progress.get(0)[1]);
        for (String dataset : Datasets.ALL) {
            TABLES.put(dataset, CsvTable.read(province.file(dataset), StandardCharsets.UTF_8));
        }
        CsvTable customers = table("customers");
        for (String[] row : customers.rows) {
            KINDS.put(row[customers.column("account")], row[customers.column("kind")]);
        }
    }

    static CsvTable table(String dataset) {
        return TABLES.get(dataset);
    }

    static Map<String, String> kinds() {
        return KINDS;
    }

    static LocalDateTime time(String value) {
        return LocalDateTime.parse(value, TIME);
    }

    /**
     * Whether {@code value} is a {@code yyyy-MM-dd HH:mm:ss} time of a real day: checked by hand,
     * so millions of them take no time; such strings sort in time order.
     */
    static boolean isTime(String value) {
        if (value.length() != 19 || value.charAt(10) != ' ' || value.charAt(13) != ':' || value.charAt(16) != ':') {
            return false;
        }
        int hour = twoDigits(value, 11);
        int minute = twoDigits(value, 14);
        int second = twoDigits(value, 17);
        return hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60
                && isDate(value.substring(0, 10));
    }

    /** Yuan with exactly two decimals. */
    static boolean isMoney(String value) {
        int dot = value.length() - 3;
        int start = value.startsWith("-") ? 1 : 0;
        if (dot <= start || value.charAt(dot) != '.') {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            if (i != dot && (value.charAt(i) < '0' || value.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    static boolean isDate(String value) {
        if (VALID_DAYS.contains(value)) {
            return true;
        }
        try {
            LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
        VALID_DAYS.add(value);
        return true;
    }

    private static int twoDigits(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        return a >= '0' && a <= '9' && b >= '0' && b <= '9' ? (a - '0') * 10 + (b - '0') : -1;
    }

    static void assertShare(double expected, double tolerance, long part, long whole, String what) {
        assertTrue(whole > 0, what + ": nothing counted");
        double share = 100.0 * part / whole;
        assertTrue(Math.abs(share - expected) <= tolerance,
                String.format("%s: %.2f%% (%d of %d), expected %.2f%% +- %.2f", what, share, part, whole, expected,
                        tolerance));
    }

    // ------------------------------------------------------------------ the calibration figures

    @Test
    void aThirtyOnePercentOfPrepaidCustomersTripTwiceOrMore() {
        Map<String, Integer> trips = new HashMap<>();
        CsvTable t = table("trips");
        t.values("account").forEach(account -> trips.merge(account, 1, Integer::sum));
        List<String> prepaid = kinds().entrySet().stream().filter(e -> e.getValue().equals("prepaid")).map(Map.Entry::getKey)
                .toList();
        long none = prepaid.stream().filter(a -> !trips.containsKey(a)).count();
        long once = prepaid.stream().filter(a -> trips.getOrDefault(a, 0) == 1).count();
        long often = prepaid.stream().filter(a -> trips.getOrDefault(a, 0) >= 2).count();
        assertShare(31, 1.5, often, prepaid.size(), "prepaid customers with two or more trips");
        assertShare(50, 1.5, none, prepaid.size(), "prepaid customers without a trip");
        assertShare(19, 1.5, once, prepaid.size(), "prepaid customers with one trip");
        assertTrue(trips.keySet().stream().allMatch(a -> "prepaid".equals(kinds().get(a))), "only prepaid meters trip");
        t.values("balance").forEach(b -> assertTrue(Double.parseDouble(b) < 10, "a meter trips below 10 yuan: " + b));
    }

    @Test
    void bRemoteRechargesSucceedAtTheFirstAttempt948Percent() {
        CsvTable r = table("recharges");
        int account = r.column("account");
        int channel = r.column("channel");
        int success = r.column("success");
        int at = r.column("at");
        long remote = 0;
        long remoteOk = 0;
        long first = 0;
        long firstOk = 0;
        Map<String, LocalDateTime> lastFailure = new HashMap<>();
        List<String[]> rows = new ArrayList<>(r.rows);
        rows.sort((x, y) -> x[account].equals(y[account]) ? x[at].compareTo(y[at]) : x[account].compareTo(y[account]));
        for (String[] row : rows) {
            boolean ok = row[success].equals("Y");
            LocalDateTime when = time(row[at]);
            if (REMOTE.contains(row[channel])) {
                remote++;
                remoteOk += ok ? 1 : 0;
                LocalDateTime failed = lastFailure.get(row[account]);
                // a first attempt: not a retry within hours of a failed one
                if (failed == null || failed.plusHours(30).isBefore(when)) {
                    first++;
                    firstOk += ok ? 1 : 0;
                }
            } else {
                assertTrue(ok, "hall and self-service purchases succeed");
            }
            if (!ok) {
                lastFailure.put(row[account], when);
            }
        }
        assertShare(94.8, 0.6, remoteOk, remote, "remote purchase attempts that succeed");
        assertShare(94.8, 0.6, firstOk, first, "first remote attempts that succeed");
    }

    /** Seed 003's 458 of 27,438 tickets, the follow-up complaints of the pain points included. */
    @Test
    void cFailedRemotePurchasesAreAbout2PercentOfWorkOrders() {
        List<String> kinds = table("work_orders").values("kind");
        long failed = kinds.stream().filter("failed_purchase"::equals).count();
        assertShare(100.0 * 458 / 27_438, 0.4, failed, kinds.size(), "failed remote purchases among work orders");

        // each such ticket follows a failed remote purchase of the same customer
        CsvTable r = table("recharges");
        Map<String, List<LocalDateTime>> failures = new HashMap<>();
        for (String[] row : r.rows) {
            if (row[r.column("success")].equals("N")) {
                failures.computeIfAbsent(row[r.column("account")], a -> new ArrayList<>()).add(time(row[r.column("at")]));
            }
        }
        CsvTable w = table("work_orders");
        for (String[] row : w.rows) {
            if (row[w.column("kind")].equals("failed_purchase")) {
                LocalDateTime opened = time(row[w.column("opened")]);
                assertTrue(failures.getOrDefault(row[w.column("account")], List.of()).stream()
                        .anyMatch(f -> !f.isAfter(opened) && f.plusDays(1).isAfter(opened)),
                        "ticket " + row[0] + " follows a failed purchase");
            }
        }
    }

    @Test
    void dTheSurveyIs52Satisfied41Neutral7Dissatisfied() {
        CsvTable r = table("ratings");
        List<Integer> scores = new ArrayList<>();
        Set<String> respondents = new HashSet<>();
        for (String[] row : r.rows) {
            if (row[r.column("source")].equals("survey")) {
                scores.add(Integer.parseInt(row[r.column("score")]));
                assertTrue(respondents.add(row[r.column("account")]), "one answer per customer");
            }
        }
        assertEquals(2_000, scores.size(), "min(2000, customers) answer");
        assertEquals(1_040, scores.stream().filter(s -> s >= 4).count(), 1.0, "satisfied");
        assertEquals(820, scores.stream().filter(s -> s == 3).count(), 1.0, "neutral");
        assertEquals(140, scores.stream().filter(s -> s <= 2).count(), 1.0, "dissatisfied");
        Map<String, String> kinds = kinds();
        assertTrue(respondents.stream().map(kinds::get).distinct().count() >= 3, "customers of every kind are asked");
    }

    @Test
    void eFiftySevenPercentOfCounterBusinessIsAccountChanges() {
        CsvTable z = table("zone_events");
        List<String> business = z.rows.stream().filter(row -> row[z.column("kind")].equals("ticket_taken"))
                .map(row -> row[z.column("detail")]).toList();
        assertTrue(business.size() > 5_000, "three halls for 30 days take thousands of tickets: " + business.size());
        assertShare(57, 1.5, business.stream().filter("account_change"::equals).count(), business.size(),
                "account changes among tickets");
        assertTrue(Codes.BUSINESS.containsAll(Set.copyOf(business)));
        assertTrue(Set.copyOf(business).size() >= 6, "the other business codes occur too");
    }

    /**
     * The third-party credit feed, so that the credit theme grades most customers A or AA and a
     * few B or C: 60% of residents and 80% of enterprises have 1-4 records of the last 24 months;
     * about 72% normal, 15% closed, 10% overdue, 3% in default; late payers fall behind more often.
     */
    @Test
    void fSixtyPercentOfResidentsAndEightyPercentOfEnterprisesHaveCreditRecords() {
        Map<String, String> kinds = kinds();
        CsvTable c = table("credit_records");
        Map<String, List<String[]>> byAccount = new HashMap<>();
        for (String[] row : c.rows) {
            byAccount.computeIfAbsent(row[c.column("account")], a -> new ArrayList<>()).add(row);
        }
        long residents = kinds.values().stream().filter(k -> k.equals("resident") || k.equals("prepaid")).count();
        long enterprises = kinds.values().stream().filter("enterprise"::equals).count();
        long residentsWith = byAccount.keySet().stream().map(kinds::get)
                .filter(k -> k.equals("resident") || k.equals("prepaid")).count();
        long enterprisesWith = byAccount.keySet().stream().map(kinds::get).filter("enterprise"::equals).count();
        assertShare(60, 5, residentsWith, residents, "residents with credit records");
        assertShare(80, 5, enterprisesWith, enterprises, "enterprises with credit records");
        assertTrue(byAccount.keySet().stream().noneMatch(a -> kinds.get(a).equals("government")),
                "government bodies have no credit records");
        assertTrue(byAccount.values().stream().allMatch(records -> records.size() >= 1 && records.size() <= 4),
                "1 to 4 records a customer");

        Map<String, Long> statuses = new TreeMap<>();
        c.values("status").forEach(s -> statuses.merge(s, 1L, Long::sum));
        assertShare(72, 3, statuses.getOrDefault("normal", 0L), c.rows.size(), "normal credit records");
        assertShare(15, 2, statuses.getOrDefault("closed", 0L), c.rows.size(), "closed credit records");
        assertShare(10, 2, statuses.getOrDefault("overdue", 0L), c.rows.size(), "overdue credit records");
        assertShare(3, 1, statuses.getOrDefault("default", 0L), c.rows.size(), "credit records in default");

        String first = UNTIL.minusMonths(24).plusDays(1).toString();
        for (String[] row : c.rows) {
            String kind = kinds.get(row[c.column("account")]);
            String recordKind = row[c.column("kind")];
            String reported = row[c.column("reported")];
            assertTrue(isDate(reported) && reported.compareTo(first) >= 0 && reported.compareTo(UNTIL.toString()) <= 0,
                    "reported within the 24 months up to the end of the data: " + reported);
            if (kind.equals("enterprise")) {
                assertTrue(Set.of("loan", "deposit").contains(recordKind), "enterprises: loans and deposits");
            }
            if (recordKind.equals("utility_bill")) {
                assertTrue(Set.of("water", "heat", "gas").contains(row[c.column("source")]), "bills of other utilities");
            }
            String amount = row[c.column("amount")];
            assertTrue(amount.isEmpty() || isMoney(amount) && Double.parseDouble(amount) >= 0
                    && Double.parseDouble(amount) <= 100_000_000, amount);
            String status = row[c.column("status")];
            String days = row[c.column("overdue_days")];
            if (status.equals("overdue")) {
                assertTrue(days.isEmpty() || Integer.parseInt(days) >= 5 && Integer.parseInt(days) <= 90, days);
            } else if (status.equals("default")) {
                assertTrue(days.isEmpty() || Integer.parseInt(days) > 90 && Integer.parseInt(days) <= 36_500, days);
            } else {
                assertEquals("", days, "only overdue and default records are days overdue");
            }
        }

        // post-paid residents who paid a bill late or not at all fall behind elsewhere too
        CsvTable b = table("bills");
        Set<String> late = new HashSet<>();
        for (String[] row : b.rows) {
            String paid = row[b.column("paid")];
            if (paid.isEmpty() || paid.compareTo(row[b.column("due")]) > 0) {
                late.add(row[b.column("account")]);
            }
        }
        long[] latePayers = new long[2];
        long[] punctual = new long[2];
        byAccount.forEach((account, records) -> {
            if (kinds.get(account).equals("resident")) {
                long[] counts = late.contains(account) ? latePayers : punctual;
                counts[0] += records.size();
                counts[1] += records.stream().filter(r -> !Set.of("normal", "closed").contains(r[c.column("status")]))
                        .count();
            }
        });
        double lateShare = (double) latePayers[1] / latePayers[0];
        double punctualShare = (double) punctual[1] / punctual[0];
        assertTrue(lateShare > 2 * punctualShare, String.format("overdue or default: %.1f%% of late payers' records, "
                + "%.1f%% of punctual payers'", 100 * lateShare, 100 * punctualShare));
    }

    /**
     * Meters that stop telling the truth, measured as the consumption theme sees them (its
     * defaults): a drop when the last 3 months are each below 40% of the median of the 9 before,
     * a near-zero run when each of the last 6 is at most contract kVA x 1 h. About 1% and 0.3% of
     * residents and enterprises; none among prepaid customers (their meters' purchases follow the
     * consumption) or government bodies. A month with nothing to charge has no bill.
     */
    @Test
    void gAboutOnePercentOfResidentsAndEnterprisesShowADropAndAFewANearZeroRun() {
        Map<String, String> kinds = kinds();
        CsvTable customers = table("customers");
        Map<String, Double> kva = new HashMap<>();
        for (String[] row : customers.rows) {
            String value = row[customers.column("contract_kva")];
            if (!value.isEmpty()) {
                kva.put(row[customers.column("account")], Double.parseDouble(value));
            }
        }
        CsvTable c = table("consumption");
        YearMonth first = YearMonth.from(UNTIL).minusMonths(11);
        Map<String, double[]> totals = new HashMap<>();
        Set<String> zeroMonths = new HashSet<>();
        for (String[] row : c.rows) {
            double total = 0;
            for (String column : List.of("peak_kwh", "flat_kwh", "valley_kwh")) {
                String value = row[c.column(column)];
                total += value.isEmpty() ? 0 : Double.parseDouble(value);
            }
            String account = row[c.column("account")];
            int month = (int) first.until(YearMonth.parse(row[c.column("month")]), ChronoUnit.MONTHS);
            totals.computeIfAbsent(account, a -> new double[12])[month] = total;
            if (total == 0) {
                zeroMonths.add(account + "|" + row[c.column("month")]);
            }
        }
        Map<String, Long> drops = new TreeMap<>();
        Map<String, Long> nearZero = new TreeMap<>();
        totals.forEach((account, months) -> {
            Double capacity = kva.get(account);
            boolean run = capacity != null;
            for (int m = 6; m < 12 && run; m++) {
                run = months[m] <= capacity;
            }
            double[] earlier = Arrays.copyOf(months, 9);
            Arrays.sort(earlier);
            double median = earlier[4];
            double highest = Math.max(months[9], Math.max(months[10], months[11]));
            if (run) {
                nearZero.merge(kinds.get(account), 1L, Long::sum);
            } else if (median > 0 && highest * 100 < 40 * median) {
                drops.merge(kinds.get(account), 1L, Long::sum);
            }
        });
        long population = kinds.values().stream().filter(k -> Set.of("resident", "prepaid", "enterprise").contains(k))
                .count();
        assertShare(1.0, 0.3, drops.values().stream().mapToLong(Long::longValue).sum(), population,
                "residents and enterprises with a drop " + drops);
        assertShare(0.3, 0.15, nearZero.values().stream().mapToLong(Long::longValue).sum(), population,
                "residents and enterprises with a near-zero run " + nearZero);
        assertTrue(drops.containsKey("enterprise"), "enterprises too: " + drops);
        for (Map<String, Long> found : List.of(drops, nearZero)) {
            assertFalse(found.containsKey("prepaid") || found.containsKey("government"), found.toString());
        }
        CsvTable b = table("bills");
        assertFalse(zeroMonths.isEmpty(), "some meters show nothing at all");
        assertTrue(b.rows.stream().noneMatch(row -> zeroMonths.contains(row[b.column("account")] + "|"
                + row[b.column("period")])), "no bill for a month with nothing to charge");
    }

    // ------------------------------------------------------------------ docs/formats.md
    // ------------------------------------------------------------------ docs/formats.md

    /** Complaint work orders of each account, by the time they were opened. */
    static Map<String, List<LocalDateTime>> complaints() {
        CsvTable w = table("work_orders");
        Map<String, List<LocalDateTime>> complaints = new HashMap<>();
        for (String[] row : w.rows) {
            if (row[w.column("kind")].equals("complaint") && !row[w.column("account")].isEmpty()) {
                complaints.computeIfAbsent(row[w.column("account")], a -> new ArrayList<>())
                        .add(time(row[w.column("opened")]));
            }
        }
        return complaints;
    }

    static boolean any(List<LocalDateTime> times, LocalDateTime from, LocalDateTime to) {
        return times != null && times.stream().anyMatch(t -> !t.isBefore(from) && t.isBefore(to));
    }

    /**
     * 2.5-4% of the customers complain in any 90 days (the grading model needs its positives);
     * the first month is left out, as its pain points would lie before the data.
     */
    @Test
    void hComplaintsFollowThePainPoints() {
        Map<String, List<LocalDateTime>> complaints = complaints();
        LocalDateTime first = UNTIL.minusMonths(12).plusDays(1).atStartOfDay();
        LocalDateTime end = UNTIL.plusDays(1).atStartOfDay();
        for (LocalDateTime from = first.plusDays(30); !from.plusDays(90).isAfter(end); from = from.plusDays(15)) {
            LocalDateTime to = from.plusDays(90);
            long complainers = 0;
            for (String account : kinds().keySet()) {
                if (any(complaints.get(account), from, to)) {
                    complainers++;
                }
            }
            assertShare(1.0, 0.4, complainers, kinds().size(), "customers complaining in the 90 days from " + from);
        }
    }

    /**
     * Customers with a failed remote purchase or a slow (over 8 hours) or badly rated (1-2) repair
     * in the 90 days before a cut date complain in the 90 days after it at least 4 times as often
     * as the others.
     */
    @Test
    void iPainPointsMakeComplaintsFourTimesMoreLikely() {
        Map<String, List<LocalDateTime>> complaints = complaints();
        Map<String, List<LocalDateTime>> pains = new HashMap<>();
        CsvTable r = table("recharges");
        for (String[] row : r.rows) {
            if (row[r.column("success")].equals("N")) {
                pains.computeIfAbsent(row[r.column("account")], a -> new ArrayList<>()).add(time(row[r.column("at")]));
            }
        }
        CsvTable w = table("work_orders");
        for (String[] row : w.rows) {
            String kind = row[w.column("kind")];
            String resolved = row[w.column("resolved")];
            boolean badRepair = kind.equals("repair") && (row[w.column("satisfaction")].matches("[12]")
                    || !resolved.isEmpty() && ChronoUnit.SECONDS.between(time(row[w.column("opened")]),
                            time(resolved)) > 8 * 3600);
            if ((kind.equals("failed_purchase") || badRepair) && !row[w.column("account")].isEmpty()) {
                pains.computeIfAbsent(row[w.column("account")], a -> new ArrayList<>())
                        .add(time(row[w.column("opened")]));
            }
        }
        for (int month : new int[] {4, 7, 10}) {
            LocalDateTime cut = UNTIL.minusDays(90).withMonth(month).withDayOfMonth(1).atStartOfDay();
            long pained = 0;
            long painedComplaining = 0;
            long others = 0;
            long othersComplaining = 0;
            for (String account : kinds().keySet()) {
                boolean complains = any(complaints.get(account), cut, cut.plusDays(90));
                if (any(pains.get(account), cut.minusDays(90), cut)) {
                    pained++;
                    painedComplaining += complains ? 1 : 0;
                } else {
                    others++;
                    othersComplaining += complains ? 1 : 0;
                }
            }
            double ratio = ((double) painedComplaining / pained) / ((double) othersComplaining / others);
            assertTrue(ratio >= 4, String.format("cut %s: %d of %d with pain points complain, %d of %d others: %.1f times",
                    cut, painedComplaining, pained, othersComplaining, others, ratio));
        }
    }

    @Test
    void everyDatasetHasItsFileWithTheDocumentedColumns() throws IOException {
        assertEquals(Datasets.ALL, List.copyOf(province.rows().keySet()));
        for (String dataset : Datasets.ALL) {
            Path file = province.directory().resolve(dataset + ".csv");
            assertTrue(Files.exists(file), file.toString());
            CsvTable t = table(dataset);
            assertEquals(COLUMNS.get(dataset), t.header, dataset);
            assertEquals(province.rows().get(dataset), (long) t.rows.size(), dataset + " rows");
            assertFalse(t.rows.isEmpty(), dataset + " has rows");
            for (String[] row : t.rows) {
                assertEquals(t.header.size(), row.length, dataset + ": " + String.join(",", row));
            }
        }
        byte[] start = Files.readAllBytes(province.file("customers"));
        assertFalse(start[0] == (byte) 0xEF, "no byte-order mark");
        for (String dataset : Datasets.ALL) {
            String text = Files.readString(province.file(dataset), StandardCharsets.UTF_8);
            assertTrue(GeneratorSettings.GBK.newEncoder().canEncode(text), dataset + " could be written in GBK too");
        }
    }

    @Test
    void requiredColumnsAreNeverEmpty() {
        for (String dataset : Datasets.ALL) {
            CsvTable t = table(dataset);
            for (String column : REQUIRED.get(dataset)) {
                int i = t.column(column);
                assertTrue(t.rows.stream().noneMatch(row -> row[i].isEmpty()), dataset + "." + column + " is required");
            }
        }
        CsvTable c = table("customers");
        for (String[] row : c.rows) {
            boolean person = row[c.column("kind")].equals("resident") || row[c.column("kind")].equals("prepaid");
            assertEquals(person, !row[c.column("id_number")].isEmpty(), "identity numbers for residents only");
        }
    }

    @Test
    void keysAreUnique() {
        for (String dataset : Datasets.ALL) {
            CsvTable t = table(dataset);
            int[] key = KEYS.get(dataset).stream().mapToInt(t::column).toArray();
            Set<String> seen = new HashSet<>(t.rows.size() * 2);
            StringBuilder k = new StringBuilder();
            for (String[] row : t.rows) {
                k.setLength(0);
                for (int i : key) {
                    k.append(row[i]).append('\u0000');
                }
                if (!seen.add(k.toString())) {
                    fail(dataset + " repeats the key " + k.toString().replace('\u0000', ' '));
                }
            }
        }
    }

    @Test
    void customersAreValid() {
        CsvTable c = table("customers");
        Map<String, Long> byKind = new TreeMap<>();
        Pattern industry = Pattern.compile("[A-T]\\d{2}");
        int sensitive = 0;
        for (String[] row : c.rows) {
            String kind = row[c.column("kind")];
            byKind.merge(kind, 1L, Long::sum);
            assertTrue(row[c.column("account")].matches("37\\d{8}"), row[0]);
            String id = row[c.column("id_number")];
            if (!id.isEmpty()) {
                assertEquals(java.util.Optional.empty(), Pii.idNumberProblem(id, UNTIL), Pii.maskIdNumber(id));
                assertTrue(id.startsWith("37"), "born in Shandong");
                int year = Integer.parseInt(id.substring(6, 10));
                assertTrue(year >= 1940 && year <= 2005, "born 1940-2005");
            }
            String phone = row[c.column("phone")];
            assertTrue(phone.isEmpty() || Pii.isPhone(phone), Pii.maskPhone(phone));
            assertTrue(row[c.column("region")].matches("37\\d{4}"));
            assertFalse(row[c.column("name")].isBlank());
            assertTrue(row[c.column("name")].length() <= 200);
            String trade = row[c.column("industry")];
            if (kind.equals("enterprise") || kind.equals("government")) {
                assertTrue(trade.isEmpty() || industry.matcher(trade).matches(), trade);
                assertFalse(row[c.column("contract_kva")].isEmpty(), "key accounts have a contracted capacity");
            } else {
                assertEquals("", trade);
            }
            String kva = row[c.column("contract_kva")];
            assertTrue(kva.isEmpty() || (Double.parseDouble(kva) >= 0 && Double.parseDouble(kva) <= 1_000_000));
            String opened = row[c.column("opened")];
            assertTrue(opened.isEmpty() || LocalDate.parse(opened).isBefore(FIRST.toLocalDate()), "opened before the data");
            String flags = row[c.column("sensitive")];
            if (!flags.isEmpty()) {
                sensitive++;
                assertTrue(Codes.SENSITIVE.containsAll(List.of(flags.split(";"))), flags);
            }
        }
        assertEquals(Map.of("enterprise", 400L, "government", 50L, "prepaid", 14_000L, "resident", 6_000L), byKind,
                "70% of residents prepaid; 1 enterprise per 50 and 1 government body per 400 residents");
        assertShare(1, 0.7, sensitive, c.rows.size(), "customers flagged sensitive");
    }

    @Test
    void everyReferencedAccountAndHallExists() {
        Set<String> accounts = kinds().keySet();
        Set<String> halls = Set.copyOf(table("halls").values("hall_id"));
        for (String dataset : Datasets.ALL) {
            CsvTable t = table(dataset);
            if (!dataset.equals("customers") && t.header.contains("account")) {
                int i = t.column("account");
                for (String[] row : t.rows) {
                    assertTrue(row[i].isEmpty() || accounts.contains(row[i]), dataset + " names an unknown account");
                }
            }
            if (t.header.contains("hall")) {
                int i = t.column("hall");
                for (String[] row : t.rows) {
                    assertTrue(row[i].isEmpty() || halls.contains(row[i]), dataset + " names an unknown hall " + row[i]);
                }
            }
        }
    }

    @Test
    void codesComeFromTheirLists() {
        Map<String, List<String>> lists = Map.of("channel", Codes.CHANNELS, "purpose", Codes.PURPOSES, "place",
                Codes.CONSENT_PLACES, "source", Codes.RATING_SOURCES, "zone", Codes.ZONES);
        for (String dataset : Datasets.ALL) {
            CsvTable t = table(dataset);
            lists.forEach((column, codes) -> {
                // the credit feed's sources are a list of their own, checked with its other codes below
                if (t.header.contains(column) && !(dataset.equals("credit_records") && column.equals("source"))) {
                    assertTrue(codes.containsAll(Set.copyOf(t.values(column))), dataset + "." + column);
                }
            });
            for (String flag : List.of("success", "granted")) {
                if (t.header.contains(flag)) {
                    assertTrue(Set.of("Y", "N").containsAll(Set.copyOf(t.values(flag))), dataset + "." + flag);
                }
            }
        }
        assertTrue(Codes.CONTACT_KINDS.containsAll(Set.copyOf(table("contacts").values("kind"))));
        assertTrue(Codes.ZONE_EVENT_KINDS.containsAll(Set.copyOf(table("zone_events").values("kind"))));
        assertEquals(Set.of("enquiry", "complaint", "repair", "new_connection", "failed_purchase", "other"),
                Set.copyOf(table("work_orders").values("kind")));
        assertEquals(Set.of("resident", "prepaid", "enterprise", "government"), Set.copyOf(table("customers").values("kind")));
        assertTrue(Set.copyOf(table("work_orders").values("channel")).contains("95598"));
        table("work_orders").values("satisfaction").forEach(s -> assertTrue(s.isEmpty() || s.matches("[1-5]")));
        table("ratings").values("score").forEach(s -> assertTrue(s.matches("[1-5]")));
        CsvTable credit = table("credit_records");
        assertEquals(Set.copyOf(Codes.CREDIT_SOURCES), Set.copyOf(credit.values("source")));
        assertEquals(Set.copyOf(Codes.CREDIT_KINDS), Set.copyOf(credit.values("kind")));
        assertEquals(Set.copyOf(Codes.CREDIT_STATUSES), Set.copyOf(credit.values("status")));
    }

    @Test
    void timesLieWithinTheCoveredPeriodAndNeverAfterUntil() {
        Set<String> timeColumns = Set.of("at", "opened", "resolved");
        Set<String> dateColumns = Set.of("paid_on", "due", "paid");
        Set<String> monthColumns = Set.of("month", "period");
        String first = FIRST.format(TIME);
        String last = LAST.format(TIME);
        for (String dataset : Datasets.ALL) {
            if (dataset.equals("customers") || dataset.equals("halls")) {
                continue;
            }
            CsvTable t = table(dataset);
            for (String column : t.header) {
                int i = t.column(column);
                for (String[] row : t.rows) {
                    String v = row[i];
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (timeColumns.contains(column)) {
                        assertTrue(isTime(v), dataset + "." + column + " is no time: " + v);
                        assertFalse(v.compareTo(first) < 0 || v.compareTo(last) > 0, dataset + "." + column + " " + v);
                    } else if (dateColumns.contains(column)) {
                        assertTrue(isDate(v), dataset + "." + column + " is no date: " + v);
                        assertFalse(v.compareTo(first) < 0 || v.compareTo(UNTIL.toString()) > 0,
                                dataset + "." + column + " " + v);
                    } else if (monthColumns.contains(column)) {
                        YearMonth month = YearMonth.parse(v);
                        assertFalse(month.isBefore(YearMonth.of(2025, 1)) || month.isAfter(YearMonth.of(2025, 12)), v);
                    }
                }
            }
        }
        CsvTable w = table("work_orders");
        for (String[] row : w.rows) {
            String resolved = row[w.column("resolved")];
            assertTrue(resolved.isEmpty() || resolved.compareTo(row[w.column("opened")]) >= 0, row[0]);
        }
    }

    @Test
    void moneyHasTwoDecimalsAndAmountsArePositive() {
        Map<String, List<String>> columns = Map.of("consumption", List.of("amount"), "bills", List.of("amount", "outstanding"),
                "payments", List.of("amount"), "recharges", List.of("amount"), "balances", List.of("balance"),
                "trips", List.of("balance"));
        columns.forEach((dataset, names) -> names.forEach(column -> table(dataset).values(column).forEach(v -> {
            assertTrue(v.isEmpty() || isMoney(v), dataset + "." + column + " " + v);
        })));
        for (String dataset : List.of("payments", "recharges")) {
            table(dataset).values("amount").forEach(v -> assertTrue(Double.parseDouble(v) > 0, dataset + " amount " + v));
        }
        table("balances").values("balance").forEach(v -> assertTrue(Double.parseDouble(v) >= 0, "balance " + v));
    }

    @Test
    void missingValuesAreEmptyCellsForASmallShare() {
        CsvTable c = table("consumption");
        long valleyMissing = c.values("valley_kwh").stream().filter(String::isEmpty).count();
        assertShare(0.5, 0.3, valleyMissing, c.rows.size(), "consumption months without valley_kwh");
        assertTrue(c.values("amount").stream().anyMatch(String::isEmpty), "some months without an amount");
        assertTrue(c.values("peak_kwh").stream().noneMatch(String::isEmpty));

        CsvTable customers = table("customers");
        long persons = 0;
        long withoutPhone = 0;
        long keyAccounts = 0;
        long withoutIndustry = 0;
        for (String[] row : customers.rows) {
            String kind = row[customers.column("kind")];
            if (kind.equals("resident") || kind.equals("prepaid")) {
                persons++;
                withoutPhone += row[customers.column("phone")].isEmpty() ? 1 : 0;
            } else {
                keyAccounts++;
                withoutIndustry += row[customers.column("industry")].isEmpty() ? 1 : 0;
            }
        }
        assertShare(3, 1, withoutPhone, persons, "residents without a phone");
        assertShare(3.6, 2.5, withoutIndustry, keyAccounts, "enterprises and government bodies without an industry");
        assertTrue(customers.values("address").stream().anyMatch(String::isEmpty), "some customers without an address");

        CsvTable r = table("recharges");
        long failed = 0;
        long withoutReason = 0;
        for (String[] row : r.rows) {
            if (row[r.column("success")].equals("N")) {
                failed++;
                withoutReason += row[r.column("failure_reason")].isEmpty() ? 1 : 0;
            } else {
                assertEquals("", row[r.column("failure_reason")], "a success has no failure reason");
            }
        }
        assertShare(10, 3, withoutReason, failed, "failed purchases without a reason");

        CsvTable credit = table("credit_records");
        assertShare(2, 0.5, credit.values("amount").stream().filter(String::isEmpty).count(), credit.rows.size(),
                "credit records without an amount");
        long behind = 0;
        long withoutDays = 0;
        for (String[] row : credit.rows) {
            if (Set.of("overdue", "default").contains(row[credit.column("status")])) {
                behind++;
                withoutDays += row[credit.column("overdue_days")].isEmpty() ? 1 : 0;
            }
        }
        assertShare(3, 1.5, withoutDays, behind, "overdue and default records without their days overdue");
    }

    @Test
    void billsArePaidMostlyOnTimeAndEveryPaymentSettlesABill() {
        Map<String, String> kinds = kinds();
        CsvTable b = table("bills");
        Map<String, String> paidBills = new HashMap<>();
        long unpaid = 0;
        long late = 0;
        for (String[] row : b.rows) {
            assertFalse(kinds.get(row[b.column("account")]).equals("prepaid"), "prepaid meters are not billed");
            YearMonth period = YearMonth.parse(row[b.column("period")]);
            LocalDate due = LocalDate.parse(row[b.column("due")]);
            assertEquals(period.plusMonths(1).atDay(15), due, "due the 15th of the next month");
            double amount = Double.parseDouble(row[b.column("amount")]);
            double outstanding = Double.parseDouble(row[b.column("outstanding")]);
            String paid = row[b.column("paid")];
            if (paid.isEmpty()) {
                unpaid++;
                assertTrue(outstanding > 0 && outstanding <= amount, "an unpaid bill is owed");
            } else {
                assertEquals(0.0, outstanding);
                late += LocalDate.parse(paid).isAfter(due) ? 1 : 0;
                paidBills.put(row[b.column("account")] + "|" + row[b.column("period")], row[b.column("amount")]);
            }
        }
        assertShare(1.5, 1.2, unpaid, b.rows.size(), "bills unpaid at the end");
        assertShare(6, 4, late, b.rows.size(), "bills paid late");

        CsvTable p = table("payments");
        Map<String, Long> channels = new TreeMap<>();
        for (String[] row : p.rows) {
            channels.merge(row[p.column("channel")], 1L, Long::sum);
        }
        long settling = p.rows.stream().filter(row -> row[p.column("amount")]
                .equals(paidBills.get(row[p.column("account")] + "|" + row[p.column("period")]))).count();
        assertEquals(paidBills.size(), settling, "a payment for every paid bill");
        assertTrue(channels.keySet().containsAll(Set.of("wechat", "alipay", "app", "bank", "hall")), channels.toString());
        long electronic = channels.entrySet().stream().filter(e -> !Set.of("hall", "self_service", "agent").contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        assertShare(85, 8, electronic, p.rows.size(), "payments through electronic channels");
    }

    @Test
    void consumptionHasASeasonalShape() {
        Map<String, String> kinds = kinds();
        CsvTable c = table("consumption");
        Map<String, double[]> byKind = new HashMap<>();
        Map<String, long[]> residentMonths = new TreeMap<>();
        for (String[] row : c.rows) {
            String kind = kinds.get(row[c.column("account")]);
            long total = Long.parseLong(row[c.column("peak_kwh")]) + Long.parseLong(row[c.column("flat_kwh")]);
            String valley = row[c.column("valley_kwh")];
            if (valley.isEmpty()) {
                continue;
            }
            total += Long.parseLong(valley);
            double[] sum = byKind.computeIfAbsent(kind, k -> new double[2]);
            sum[0] += total;
            sum[1]++;
            if (kind.equals("resident") || kind.equals("prepaid")) {
                long[] month = residentMonths.computeIfAbsent(row[c.column("month")], m -> new long[2]);
                month[0] += total;
                month[1]++;
            }
        }
        double resident = byKind.get("resident")[0] / byKind.get("resident")[1];
        assertTrue(resident > 150 && resident < 250, "residents use 80-400 kWh a month: " + resident);
        double enterprise = byKind.get("enterprise")[0] / byKind.get("enterprise")[1];
        assertTrue(enterprise > 50 * resident, "enterprises use far more: " + enterprise);
        double august = (double) residentMonths.get("2025-08")[0] / residentMonths.get("2025-08")[1];
        double april = (double) residentMonths.get("2025-04")[0] / residentMonths.get("2025-04")[1];
        assertTrue(august > 1.4 * april, "air conditioning in summer: " + august + " vs " + april);
    }

    @Test
    void prepaidMetersHaveReadingsPurchasesAndConsents() {
        Map<String, String> kinds = kinds();
        Set<String> withReadings = Set.copyOf(table("balances").values("account"));
        long prepaid = kinds.values().stream().filter("prepaid"::equals).count();
        assertEquals(prepaid, withReadings.size(), "every prepaid meter has balance readings");
        assertTrue(withReadings.stream().allMatch(a -> kinds.get(a).equals("prepaid")));
        assertTrue(table("recharges").values("account").stream().allMatch(a -> kinds.get(a).equals("prepaid")));

        CsvTable consents = table("consents");
        long reminders = consents.rows.stream().filter(row -> row[consents.column("purpose")].equals("purchase_reminder")
                && kinds.get(row[consents.column("account")]).equals("prepaid")).count();
        assertTrue(reminders > prepaid / 10, "a good part of prepaid customers subscribe to purchase reminders");
        assertTrue(consents.values("granted").contains("N"), "some consents are withdrawn");
        Set<String> purposes = Set.copyOf(consents.values("purpose"));
        assertTrue(purposes.containsAll(Set.of("bill", "outage", "purchase_reminder")), purposes.toString());

        Set<String> contactKinds = Set.copyOf(table("contacts").values("kind"));
        assertEquals(Set.copyOf(Codes.CONTACT_KINDS), contactKinds);
    }

    @Test
    void hallsHaveTheEssentialZonesAndSomeMore() {
        CsvTable h = table("halls");
        assertEquals(3, h.rows.size());
        Set<String> extras = new HashSet<>();
        for (String[] row : h.rows) {
            assertTrue(row[h.column("hall_id")].matches("[A-Z]+-[A-Z]+-\\d{2}"), row[0]);
            assertTrue(row[h.column("region")].matches("37\\d{4}"));
            List<String> zones = List.of(row[h.column("zones")].split(";"));
            assertTrue(Codes.ZONES.containsAll(zones));
            assertTrue(zones.containsAll(List.of("entrance", "guidance", "waiting", "counter", "payment", "self_service")));
            zones.stream().filter(z -> Set.of("vip", "negotiation", "online_experience", "display").contains(z))
                    .forEach(extras::add);
        }
        assertEquals(Set.of("vip", "negotiation", "online_experience", "display"), extras);
    }

    /** Every visit is a consistent trajectory: per zone enter ... leave, touchpoints inside, identified from the swipe on. */
    @Test
    void zoneEventsAreConsistentTrajectories() {
        CsvTable z = table("zone_events");
        Map<String, Set<String>> hallZones = new HashMap<>();
        CsvTable h = table("halls");
        for (String[] row : h.rows) {
            hallZones.put(row[h.column("hall_id")], Set.of(row[h.column("zones")].split(";")));
        }
        Map<String, List<String[]>> visits = new HashMap<>();
        for (String[] row : z.rows) {
            visits.computeIfAbsent(row[z.column("visitor")], v -> new ArrayList<>()).add(row);
        }
        int zone = z.column("zone");
        int kind = z.column("kind");
        int at = z.column("at");
        int account = z.column("account");
        int detail = z.column("detail");
        for (Map.Entry<String, List<String[]>> visit : visits.entrySet()) {
            List<String[]> events = visit.getValue();
            String id = visit.getKey();
            assertTrue(id.length() <= 64);
            String hall = events.get(0)[z.column("hall")];
            assertTrue(id.startsWith(hall + "-"), "visitor ids name the hall: " + id);
            Map<String, Boolean> inside = new HashMap<>();
            String identified = null;
            String previous = "";
            String day = null;
            for (String[] e : events) {
                // such times sort as text
                assertTrue(e[at].compareTo(previous) >= 0, id + " goes back in time");
                previous = e[at];
                day = day == null ? e[at].substring(0, 10) : day;
                assertTrue(e[at].startsWith(day), id + " is one day's visit");
                String clock = e[at].substring(11);
                assertFalse(clock.compareTo("08:30:00") < 0 || clock.compareTo("17:30:00") > 0,
                        id + " outside opening hours at " + clock);
                assertTrue(hallZones.get(hall).contains(e[zone]), hall + " has no zone " + e[zone]);
                switch (e[kind]) {
                    case "enter" -> assertFalse(inside.getOrDefault(e[zone], false), id + " enters " + e[zone] + " twice");
                    case "leave" -> assertTrue(inside.getOrDefault(e[zone], false), id + " leaves " + e[zone] + " unentered");
                    default -> assertTrue(inside.getOrDefault(e[zone], false), id + ": " + e[kind] + " outside " + e[zone]);
                }
                if (e[kind].equals("enter")) {
                    inside.put(e[zone], true);
                } else if (e[kind].equals("leave")) {
                    inside.put(e[zone], false);
                }
                if (e[kind].equals("card_swipe")) {
                    assertEquals(null, identified, id + " swipes twice");
                    assertFalse(e[account].isEmpty(), "a swipe names the account");
                    identified = e[account];
                }
                assertEquals(identified == null ? "" : identified, e[account], id + ": account from the swipe on");
                switch (e[kind]) {
                    case "ticket_taken" -> assertTrue(Codes.BUSINESS.contains(e[detail]), e[detail]);
                    case "ticket_called", "served" -> assertTrue(e[detail].matches("\\d+|VIP"), e[detail]);
                    case "rated" -> assertTrue(e[detail].matches("[1-5]"), e[detail]);
                    default -> assertEquals("", e[detail]);
                }
            }
            assertTrue(inside.values().stream().noneMatch(b -> b), id + " never leaves a zone");
            assertEquals(List.of("entrance", "enter"), List.of(events.get(0)[zone], events.get(0)[kind]), id);
            String[] last = events.get(events.size() - 1);
            assertEquals(List.of("entrance", "leave"), List.of(last[zone], last[kind]), id);
            List<String> kinds = events.stream().map(e -> e[kind]).toList();
            if (kinds.contains("ticket_taken")) {
                assertTrue(kinds.indexOf("ticket_taken") < kinds.indexOf("ticket_called")
                        && kinds.indexOf("ticket_called") < kinds.indexOf("served"), id + ": ticket, call, service");
            }
        }
    }

    @Test
    void hallsSeeAbout185To260VisitorsADayAndFewerAtWeekends() {
        CsvTable z = table("zone_events");
        Map<String, Set<String>> visitorsPerHallDay = new HashMap<>();
        Set<String> identified = new HashSet<>();
        for (String[] row : z.rows) {
            String hallDay = row[z.column("hall")] + " " + row[z.column("at")].substring(0, 10);
            visitorsPerHallDay.computeIfAbsent(hallDay, k -> new HashSet<>()).add(row[z.column("visitor")]);
            if (row[z.column("kind")].equals("card_swipe")) {
                identified.add(row[z.column("visitor")]);
            }
        }
        assertEquals(3 * 30, visitorsPerHallDay.size(), "every hall, every one of the last 30 days");
        long visitors = 0;
        for (Map.Entry<String, Set<String>> day : visitorsPerHallDay.entrySet()) {
            LocalDate date = LocalDate.parse(day.getKey().substring(day.getKey().indexOf(' ') + 1));
            assertFalse(date.isBefore(UNTIL.minusDays(29)), "events cover the last 30 days");
            int n = day.getValue().size();
            visitors += n;
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            assertTrue(weekend ? n < 185 : n >= 185 && n <= 260, day.getKey() + ": " + n + " visitors");
        }
        assertShare(60, 2, identified.size(), visitors, "visitors identified by an ID-card swipe");
    }

    @Test
    void keypadRatingsAreTheRatedTouchpoints() {
        CsvTable z = table("zone_events");
        long rated = z.values("kind").stream().filter("rated"::equals).count();
        CsvTable r = table("ratings");
        List<String[]> keypad = r.rows.stream().filter(row -> row[r.column("source")].equals("keypad")).toList();
        assertEquals(rated, keypad.size());
        assertTrue(keypad.stream().allMatch(row -> !row[r.column("hall")].isEmpty() && !row[r.column("window")].isEmpty()));
    }

    @Test
    void theCounterQueueKeepsWaitsAroundAQuarterOfAnHour() {
        CsvTable z = table("zone_events");
        Map<String, LocalDateTime> taken = new HashMap<>();
        List<Long> waits = new ArrayList<>();
        for (String[] row : z.rows) {
            String kind = row[z.column("kind")];
            if (kind.equals("ticket_taken")) {
                taken.put(row[z.column("visitor")], time(row[z.column("at")]));
            } else if (kind.equals("ticket_called")) {
                LocalDateTime from = taken.get(row[z.column("visitor")]);
                if (from == null) {
                    fail("called without a ticket");
                }
                waits.add(java.time.Duration.between(from, time(row[z.column("at")])).toSeconds());
            }
        }
        double average = waits.stream().mapToLong(Long::longValue).average().orElseThrow() / 60;
        assertTrue(average >= 5 && average <= 25, "average wait " + average + " min (seed 004: 25 -> 15 min)");
    }
}
