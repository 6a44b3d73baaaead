package org.smarthall.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSummary;
import org.smarthall.api.customer.Pii;

/** Reading the customer base, on every database SmartHall supports. Data written as the importer writes it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CustomerRepositoryContract {
    private static final String ID = "37010219800517001X";
    private final PiiProtectorService pii = new PiiProtectorService(PiiProtectorService.newKey());
    private DataSource dataSource;
    private EntityManagerFactory emf;
    private CustomerRepositoryImpl customers;

    protected abstract DataSource createDataSource();

    protected void releaseDataSource() {
    }

    @BeforeAll
    void setUp() throws SQLException {
        dataSource = createDataSource();
        DatabaseService database = new DatabaseService(dataSource, StoreFixture.config());
        emf = StoreFixture.entityManagerFactory(dataSource);
        customers = new CustomerRepositoryImpl(emf, database, pii);
        String id = Pii.normalizeIdNumber(ID.substring(0, 17) + Pii.checkCharacter(ID.substring(0, 17)));
        sql("INSERT INTO sh_customer (account, kind, name, id_hash, id_masked, phone_hash, phone_masked, phone_enc, region,"
                + " supply_unit, contract_kva, opened, sensitive, missing, batch_id, updated_at) VALUES ('3700000001',"
                + " 'PREPAID_RESIDENT', '张三', '" + pii.hashIdNumber(id) + "', '" + Pii.maskIdNumber(id) + "', '"
                + pii.hashPhone("13812345678") + "', '138****5678', '" + pii.encrypt("13812345678") + "', '370102',"
                + " '历下供电中心', 8, CAST('2015-03-01' AS DATE), 'disabled;elderly', 'address', 1, CURRENT_TIMESTAMP)");
        sql("INSERT INTO sh_customer (account, kind, name, region, supply_unit, industry, missing, batch_id, updated_at)"
                + " VALUES ('3700000002', 'ENTERPRISE', '济南重工机械有限公司', '370102', '历下供电中心', 'C34', NULL, 1, CURRENT_TIMESTAMP)");
        sql("INSERT INTO sh_customer (account, kind, name, region, supply_unit, phone_masked, batch_id, updated_at)"
                + " VALUES ('3700000003', 'RESIDENT', '张三丰', '370102', '历下供电中心', '139****5678', 1, CURRENT_TIMESTAMP)");
        // 12 months up to 2026-10: one month with no reading at all, one with only peak
        for (int m = 1; m <= 10; m++) {
            String month = String.format("CAST('2026-%02d-01' AS DATE)", m);
            if (m == 4) {
                sql("INSERT INTO sh_consumption VALUES ('3700000001', " + month + ", NULL, NULL, NULL, NULL, 1)");
            } else if (m == 5) {
                sql("INSERT INTO sh_consumption VALUES ('3700000001', " + month + ", 30, NULL, NULL, 16.41, 1)");
            } else {
                sql("INSERT INTO sh_consumption VALUES ('3700000001', " + month + ", 30, 60, 10, 54.69, 1)");
            }
        }
        sql("INSERT INTO sh_consumption VALUES ('3700000001', CAST('2025-10-01' AS DATE), 999, 999, 999, 999, 1)"); // too old
        sql("INSERT INTO sh_bill VALUES ('3700000001', CAST('2026-08-01' AS DATE), 54.69, CAST('2026-09-15' AS DATE), CAST('2026-09-20' AS DATE), 0, 1)");
        sql("INSERT INTO sh_bill VALUES ('3700000001', CAST('2026-09-01' AS DATE), 54.69, CAST('2026-10-15' AS DATE), NULL, 54.69, 1)");
        sql("INSERT INTO sh_payment VALUES ('P1', '3700000001', CAST('2026-09-20' AS DATE), 54.69, 'wechat', CAST('2026-08-01' AS DATE), 1)");
        sql("INSERT INTO sh_payment VALUES ('P2', '3700000001', CAST('2026-07-20' AS DATE), 54.69, 'wechat', NULL, 1)");
        sql("INSERT INTO sh_payment VALUES ('P3', '3700000001', CAST('2026-06-20' AS DATE), 54.69, 'hall', NULL, 1)");
        sql("INSERT INTO sh_balance VALUES ('3700000001', CAST('2026-10-20 08:00:00' AS TIMESTAMP), 35.20, 1)");
        sql("INSERT INTO sh_balance VALUES ('3700000001', CAST('2026-10-01 08:00:00' AS TIMESTAMP), 5.00, 1)");
        sql("INSERT INTO sh_trip VALUES ('3700000001', CAST('2026-03-03 21:00:00' AS TIMESTAMP), 9.80, 1)");
        sql("INSERT INTO sh_trip VALUES ('3700000001', CAST('2026-10-02 07:00:00' AS TIMESTAMP), 4.10, 1)");
        sql("INSERT INTO sh_recharge VALUES ('R1', '3700000001', CAST('2026-10-02 08:00:00' AS TIMESTAMP), 50, 'app', 0, 'bank timeout', 1)");
        sql("INSERT INTO sh_recharge VALUES ('R2', '3700000001', CAST('2026-10-02 08:05:00' AS TIMESTAMP), 50, 'hall', 1, NULL, 1)");
        sql("INSERT INTO sh_work_order VALUES ('W1', '3700000001', '95598', 'failed_purchase', CAST('2026-10-02 08:01:00' AS TIMESTAMP),"
                + " CAST('2026-10-02 09:00:00' AS TIMESTAMP), 'refunded', 4, 1)");
        sql("INSERT INTO sh_work_order VALUES ('W2', '3700000001', '95598', 'complaint', CAST('2026-10-03 10:00:00' AS TIMESTAMP),"
                + " NULL, NULL, NULL, 1)");
        sql("INSERT INTO sh_rating VALUES ('G1', '3700000001', 'keypad', 'JN-LX-01', '3', 5, CAST('2026-10-05 10:00:00' AS TIMESTAMP), 1)");
        sql("INSERT INTO sh_rating VALUES ('G2', '3700000001', 'survey', NULL, NULL, 2, CAST('2026-06-05 10:00:00' AS TIMESTAMP), 1)");
        sql("INSERT INTO sh_consent VALUES ('3700000001', 'purchase_reminder', 'wechat', CAST('2026-03-04 10:00:00' AS TIMESTAMP), 1, 'hall_form', 1)");
        sql("INSERT INTO sh_consent VALUES ('3700000001', 'purchase_reminder', 'wechat', CAST('2026-09-04 10:00:00' AS TIMESTAMP), 0, 'wechat', 1)");
        sql("INSERT INTO sh_consent VALUES ('3700000001', 'bill', 'sms', CAST('2026-01-04 10:00:00' AS TIMESTAMP), 1, 'app', 1)");
        sql("INSERT INTO sh_zone_event VALUES ('JN-LX-01', 'v1', CAST('2026-10-05 09:00:00' AS TIMESTAMP), 'entrance', 'enter', NULL, NULL, 0)");
        sql("INSERT INTO sh_zone_event VALUES ('JN-LX-01', 'v1', CAST('2026-10-05 09:02:00' AS TIMESTAMP), 'guidance', 'card_swipe', '3700000001', NULL, 0)");
        sql("INSERT INTO sh_zone_event VALUES ('JN-LX-01', 'v9', CAST('2026-08-05 09:02:00' AS TIMESTAMP), 'guidance', 'card_swipe', '3700000001', NULL, 0)");
        sql("INSERT INTO sh_zone_event_account VALUES ('3700000001', CAST('2026-10-05 09:02:00' AS TIMESTAMP), 'JN-LX-01', 'v1', 'guidance', 'card_swipe')");
        sql("INSERT INTO sh_zone_event_account VALUES ('3700000001', CAST('2026-08-05 09:02:00' AS TIMESTAMP), 'JN-LX-01', 'v9', 'guidance', 'card_swipe')");
    }

    @AfterAll
    void tearDown() {
        if (emf != null) {
            emf.close();
        }
        releaseDataSource();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aProfileCarriesMaskedIdentifiersFlagsAndMissingFields() {
        CustomerProfile p = customers.find("3700000001").orElseThrow();
        assertEquals(CustomerKind.PREPAID_RESIDENT, p.kind());
        assertEquals("3701**********001X".substring(0, 4), p.maskedIdNumber().substring(0, 4));
        assertTrue(p.maskedIdNumber().contains("**********"));
        assertEquals("138****5678", p.maskedPhone());
        assertEquals(Set.of("disabled", "elderly"), p.sensitive());
        assertEquals(List.of("address"), p.missing());
        assertEquals(LocalDate.of(2015, 3, 1), p.opened());
        assertTrue(customers.find("3799999999").isEmpty());
    }

    @Test
    void anIdCardFindsItsCustomerByTheKeyedHash() {
        String id = ID.substring(0, 17) + Pii.checkCharacter(ID.substring(0, 17));
        assertEquals(List.of("3700000001"), customers.findByIdHash(pii.hashIdNumber(id)).stream()
                .map(CustomerProfile::account).toList());
        assertTrue(customers.findByIdHash(pii.hashIdNumber("110101199003074514")).isEmpty());
    }

    @Test
    void searchReadsNamesAccountsAndPhones() {
        assertEquals(List.of("3700000001", "3700000003"), accounts("张三"));
        assertEquals(List.of("3700000002"), accounts("济南重工"));
        assertEquals(List.of("3700000001", "3700000002", "3700000003"), accounts("37000000"));
        assertEquals(List.of("3700000001"), accounts("138****5678"));
        assertEquals(List.of("3700000001", "3700000003"), accounts("5678"), "last four digits");
        assertEquals(List.of("3700000001"), accounts("138 1234 5678"), "a whole phone, by its hash");
        assertEquals(List.of(), accounts("13912345678"));
        assertEquals(2, customers.count("张三"));
        assertEquals(List.of("3700000003"), customers.search("张三", 1, 10).stream().map(CustomerProfile::account).toList());
        assertEquals(List.of(), accounts("%"), "no wildcard smuggling");
    }

    private List<String> accounts(String query) {
        return customers.search(query, 0, 50).stream().map(CustomerProfile::account).toList();
    }

    @Test
    void theSummarySumsTwelveMonthsAndKeepsMissingApart() {
        CustomerSummary s = customers.summary("3700000001", LocalDate.of(2026, 10, 31));
        assertEquals(10, s.consumption().months());
        assertEquals(1, s.consumption().missingMonths());
        assertEquals(8 * 100.0 + 30, s.consumption().totalKwh(), 1e-9);
        assertEquals(270.0 / 830, s.consumption().peakShare(), 1e-9);
        assertEquals(new BigDecimal("453.93"), s.consumption().amount().setScale(2));

        assertEquals(2, s.billing().bills());
        assertEquals(1, s.billing().unpaidBills());
        assertEquals(0, new BigDecimal("54.69").compareTo(s.billing().arrears()));
        assertEquals(16, s.billing().maxLateDays(), "the unpaid bill, due 15 October, as of 31 October");
        assertEquals(Map.of("wechat", 2, "hall", 1), s.billing().paymentsByChannel());

        assertEquals(0, new BigDecimal("35.20").compareTo(s.prepaid().lastBalance()));
        assertEquals(2, s.prepaid().trips());
        assertEquals(2, s.prepaid().recharges());
        assertEquals(1, s.prepaid().failedRecharges());

        assertEquals(Map.of("failed_purchase", 1, "complaint", 1), s.service().workOrdersByKind());
        assertEquals(1, s.service().openWorkOrders());
        assertEquals(3.5, s.service().meanRating(), 1e-9);

        assertEquals(2, s.consents().size());
        assertTrue(s.consents().stream().anyMatch(c -> c.purpose().equals("purchase_reminder") && !c.granted()),
                "the latest consent is in force: withdrawn in September");
        assertEquals(2, s.visits().count());
    }

    @Test
    void aCustomerWithoutHistoriesHasEmptyNotInventedFigures() {
        CustomerSummary s = customers.summary("3700000002", LocalDate.of(2026, 10, 31));
        assertEquals(0, s.consumption().months());
        assertNull(s.consumption().totalKwh());
        assertNull(s.consumption().peakShare());
        assertNull(s.billing().arrears());
        assertNull(s.prepaid(), "not a prepaid customer");
        assertNull(s.service().meanRating());
        assertEquals(0, s.visits().count());
    }

    @Test
    void customersAreCountedByKind() {
        Map<CustomerKind, Long> counts = customers.countByKind();
        assertEquals(1L, counts.get(CustomerKind.PREPAID_RESIDENT));
        assertEquals(1L, counts.get(CustomerKind.RESIDENT));
        assertEquals(1L, counts.get(CustomerKind.ENTERPRISE));
        assertEquals(0L, counts.get(CustomerKind.GOVERNMENT));
    }
}
