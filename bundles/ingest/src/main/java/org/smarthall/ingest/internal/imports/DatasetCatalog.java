package org.smarthall.ingest.internal.imports;

import static org.smarthall.ingest.internal.imports.FieldSpec.absentOk;
import static org.smarthall.ingest.internal.imports.FieldSpec.optional;
import static org.smarthall.ingest.internal.imports.FieldSpec.required;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.Pii;
import org.smarthall.api.customer.PiiProtector;
import org.smarthall.api.ingest.Datasets;

/** Every dataset of docs/formats.md, as the importer checks and stores it. */
final class DatasetCatalog {
    private static final Map<String, CustomerKind> KINDS = Map.of("resident", CustomerKind.RESIDENT, "prepaid",
            CustomerKind.PREPAID_RESIDENT, "enterprise", CustomerKind.ENTERPRISE, "government", CustomerKind.GOVERNMENT);
    private static final String MONEY_MAX = "100000000";
    private static final Pattern HALL_ID = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9_.:/-]{1,40}");

    private final Map<String, DatasetSpec> datasets;

    DatasetCatalog(PiiProtector pii) {
        this.datasets = Map.ofEntries(
                Map.entry(Datasets.CUSTOMERS, customers(pii)),
                Map.entry(Datasets.HALLS, halls()),
                Map.entry(Datasets.CONSUMPTION, consumption()),
                Map.entry(Datasets.BILLS, bills()),
                Map.entry(Datasets.PAYMENTS, payments()),
                Map.entry(Datasets.BALANCES, balances()),
                Map.entry(Datasets.RECHARGES, recharges()),
                Map.entry(Datasets.TRIPS, trips()),
                Map.entry(Datasets.WORK_ORDERS, workOrders()),
                Map.entry(Datasets.RATINGS, ratings()),
                Map.entry(Datasets.CONSENTS, consents()),
                Map.entry(Datasets.CONTACTS, contacts()),
                Map.entry(Datasets.CREDIT_RECORDS, creditRecords()),
                Map.entry(Datasets.ZONE_EVENTS, zoneEvents()));
    }

    Optional<DatasetSpec> get(String name) {
        return Optional.ofNullable(datasets.get(name));
    }

    private static ValueType serial() {
        return ValueType.pattern(SERIAL, "a serial (letters, digits, _ . : / -, at most 40)");
    }

    private static DatasetSpec customers(PiiProtector pii) {
        List<FieldSpec> fields = List.of(
                required("account", ValueType.account()),
                required("kind", ValueType.code(List.copyOf(KINDS.keySet().stream().sorted().toList()))),
                required("name", ValueType.text(200)),
                absentOk("id_number", ValueType.idNumber()),
                optional("phone", ValueType.phone()),
                optional("address", ValueType.text(400)),
                required("region", ValueType.pattern(ValueType.REGION, "a 6-digit division code")),
                required("supply_unit", ValueType.text(100)),
                absentOk("industry", ValueType.pattern(ValueType.INDUSTRY, "an industry code (GB/T 4754, e.g. C26)")),
                optional("contract_kva", ValueType.number(0, 1_000_000)),
                optional("opened", ValueType.date()),
                absentOk("sensitive", ValueType.codes(Codes.SENSITIVE)));
        DatasetSpec.Rule rule = row -> {
            String kind = row.text("kind");
            boolean person = "resident".equals(kind) || "prepaid".equals(kind);
            if (person && !row.has("id_number")) {
                row.reject("id_number", "is required for residents");
            }
            if (!person && !row.has("industry")) {
                row.missing.add("industry");
            }
        };
        DatasetSpec.Mapper mapper = (row, batch, now) -> {
            String id = row.text("id_number");
            String phone = row.text("phone");
            String sensitive = row.text("sensitive");
            return new Object[] {row.get("account"), KINDS.get(row.text("kind")).name(), row.get("name"),
                    id == null ? null : pii.hashIdNumber(id), id == null ? null : Pii.maskIdNumber(id),
                    phone == null ? null : pii.hashPhone(phone), phone == null ? null : Pii.maskPhone(phone),
                    phone == null ? null : pii.encrypt(phone), row.get("address"), row.get("region"),
                    row.get("supply_unit"), row.get("industry"), row.get("contract_kva"), row.get("opened"),
                    sensitive == null || sensitive.isEmpty() ? null : sensitive,
                    row.missing.isEmpty() ? null : String.join(";", row.missing), batch, now};
        };
        SqlTable table = new SqlTable("sh_customer", List.of("account:VARCHAR", "kind:VARCHAR", "name:VARCHAR",
                "id_hash:VARCHAR", "id_masked:VARCHAR", "phone_hash:VARCHAR", "phone_masked:VARCHAR", "phone_enc:VARCHAR",
                "address:VARCHAR", "region:VARCHAR", "supply_unit:VARCHAR", "industry:VARCHAR", "contract_kva:DOUBLE",
                "opened:DATE", "sensitive:VARCHAR", "missing:VARCHAR", "batch_id:BIGINT", "updated_at:TIMESTAMP"),
                List.of("account"), List.of("account"), List.of("phone_enc", "batch_id", "updated_at"));
        return DatasetSpec.of(Datasets.CUSTOMERS, fields, rule, mapper, table, true, null, null, null);
    }

    private static DatasetSpec halls() {
        List<FieldSpec> fields = List.of(
                required("hall_id", ValueType.pattern(HALL_ID, "a hall id (letters, digits and -, at most 40)")),
                required("name", ValueType.text(200)),
                required("region", ValueType.pattern(ValueType.REGION, "a 6-digit division code")),
                required("zones", ValueType.codes(Codes.ZONES)));
        DatasetSpec.Rule rule = row -> {
            if (row.has("zones") && row.text("zones").isEmpty()) {
                row.reject("zones", "lists no zone");
            }
        };
        SqlTable table = new SqlTable("sh_hall", List.of("hall_id:VARCHAR", "name:VARCHAR", "region:VARCHAR",
                "zones:VARCHAR", "batch_id:BIGINT"), List.of("hall_id"), List.of("hall_id"), List.of("batch_id"));
        return DatasetSpec.of(Datasets.HALLS, fields, rule, (row, batch, now) -> new Object[] {row.get("hall_id"),
                row.get("name"), row.get("region"), row.get("zones"), batch}, table, true, null, null, null);
    }

    private static DatasetSpec consumption() {
        List<FieldSpec> fields = List.of(
                required("account", ValueType.account()),
                required("month", ValueType.month()),
                optional("peak_kwh", ValueType.number(0, 100_000_000)),
                optional("flat_kwh", ValueType.number(0, 100_000_000)),
                optional("valley_kwh", ValueType.number(0, 100_000_000)),
                optional("amount", ValueType.decimal("0", MONEY_MAX)));
        SqlTable table = new SqlTable("sh_consumption", List.of("account:VARCHAR", "month:DATE", "peak_kwh:DOUBLE",
                "flat_kwh:DOUBLE", "valley_kwh:DOUBLE", "amount:DECIMAL", "batch_id:BIGINT"),
                List.of("account", "month"), List.of("account"), List.of("batch_id"));
        return DatasetSpec.of(Datasets.CONSUMPTION, fields, DatasetSpec.Rule.NONE, (row, batch, now) -> new Object[] {
                row.get("account"), row.get("month"), row.get("peak_kwh"), row.get("flat_kwh"), row.get("valley_kwh"),
                row.get("amount"), batch}, table, false, "account", null, null);
    }

    private static DatasetSpec bills() {
        List<FieldSpec> fields = List.of(
                required("account", ValueType.account()),
                required("period", ValueType.month()),
                required("amount", ValueType.decimal("0", MONEY_MAX)),
                required("due", ValueType.date()),
                absentOk("paid", ValueType.date()),
                optional("outstanding", ValueType.decimal("0", MONEY_MAX)));
        DatasetSpec.Rule rule = row -> {
            BigDecimal amount = (BigDecimal) row.get("amount");
            BigDecimal outstanding = (BigDecimal) row.get("outstanding");
            if (amount != null && outstanding != null && outstanding.compareTo(amount) > 0) {
                row.reject("outstanding", "is more than the amount billed");
            }
            LocalDate period = (LocalDate) row.get("period");
            LocalDate due = (LocalDate) row.get("due");
            if (period != null && due != null && due.isBefore(period)) {
                row.reject("due", "is before the billing month");
            }
        };
        SqlTable table = new SqlTable("sh_bill", List.of("account:VARCHAR", "period:DATE", "amount:DECIMAL", "due:DATE",
                "paid:DATE", "outstanding:DECIMAL", "batch_id:BIGINT"), List.of("account", "period"), List.of("account"),
                List.of("batch_id"));
        return DatasetSpec.of(Datasets.BILLS, fields, rule, (row, batch, now) -> new Object[] {row.get("account"),
                row.get("period"), row.get("amount"), row.get("due"), row.get("paid"), row.get("outstanding"), batch},
                table, false, "account", null, null);
    }

    private static DatasetSpec payments() {
        List<FieldSpec> fields = List.of(
                required("payment_id", serial()),
                required("account", ValueType.account()),
                required("paid_on", ValueType.date()),
                required("amount", ValueType.positiveDecimal(MONEY_MAX)),
                required("channel", ValueType.code(Codes.CHANNELS)),
                absentOk("period", ValueType.month()));
        SqlTable table = new SqlTable("sh_payment", List.of("payment_id:VARCHAR", "account:VARCHAR", "paid_on:DATE",
                "amount:DECIMAL", "channel:VARCHAR", "period:DATE", "batch_id:BIGINT"), List.of("payment_id"), List.of("payment_id"), List.of("batch_id"));
        return DatasetSpec.of(Datasets.PAYMENTS, fields, DatasetSpec.Rule.NONE, (row, batch, now) -> new Object[] {
                row.get("payment_id"), row.get("account"), row.get("paid_on"), row.get("amount"), row.get("channel"),
                row.get("period"), batch}, table, false, "account", null, null);
    }

    private static DatasetSpec balances() {
        List<FieldSpec> fields = List.of(
                required("account", ValueType.account()),
                required("at", ValueType.time()),
                required("balance", ValueType.decimal("-10000", "1000000")));
        SqlTable table = new SqlTable("sh_balance", List.of("account:VARCHAR", "occurred_at:TIMESTAMP",
                "balance:DECIMAL", "batch_id:BIGINT"), List.of("account", "occurred_at"), List.of("account"), List.of("batch_id"));
        return DatasetSpec.of(Datasets.BALANCES, fields, DatasetSpec.Rule.NONE, (row, batch, now) -> new Object[] {
                row.get("account"), row.get("at"), row.get("balance"), batch}, table, false, "account", null, null);
    }

    private static DatasetSpec recharges() {
        List<FieldSpec> fields = List.of(
                required("recharge_id", serial()),
                required("account", ValueType.account()),
                required("at", ValueType.time()),
                required("amount", ValueType.positiveDecimal(MONEY_MAX)),
                required("channel", ValueType.code(Codes.CHANNELS)),
                required("success", ValueType.flag()),
                absentOk("failure_reason", ValueType.text(200)));
        DatasetSpec.Rule rule = row -> {
            if (Boolean.FALSE.equals(row.get("success")) && !row.has("failure_reason")) {
                row.missing.add("failure_reason");
            }
        };
        SqlTable table = new SqlTable("sh_recharge", List.of("recharge_id:VARCHAR", "account:VARCHAR",
                "occurred_at:TIMESTAMP", "amount:DECIMAL", "channel:VARCHAR", "success:SMALLINT",
                "failure_reason:VARCHAR", "batch_id:BIGINT"), List.of("recharge_id"), List.of("recharge_id"), List.of("batch_id"));
        return DatasetSpec.of(Datasets.RECHARGES, fields, rule, (row, batch, now) -> new Object[] {row.get("recharge_id"),
                row.get("account"), row.get("at"), row.get("amount"), row.get("channel"), row.get("success"),
                row.get("failure_reason"), batch}, table, false, "account", null, null);
    }

    private static DatasetSpec trips() {
        List<FieldSpec> fields = List.of(
                required("account", ValueType.account()),
                required("at", ValueType.time()),
                required("balance", ValueType.decimal("-10000", "1000000")));
        SqlTable table = new SqlTable("sh_trip", List.of("account:VARCHAR", "occurred_at:TIMESTAMP", "balance:DECIMAL",
                "batch_id:BIGINT"), List.of("account", "occurred_at"), List.of("account"), List.of("batch_id"));
        return DatasetSpec.of(Datasets.TRIPS, fields, DatasetSpec.Rule.NONE, (row, batch, now) -> new Object[] {
                row.get("account"), row.get("at"), row.get("balance"), batch}, table, false, "account", null, null);
    }

    private static DatasetSpec workOrders() {
        List<FieldSpec> fields = List.of(
                required("order_id", serial()),
                absentOk("account", ValueType.account()),
                required("channel", ValueType.code(Codes.CHANNELS)),
                required("kind", ValueType.code(List.of("enquiry", "complaint", "repair", "new_connection",
                        "failed_purchase", "other"))),
                required("opened", ValueType.time()),
                absentOk("resolved", ValueType.time()),
                absentOk("resolution", ValueType.text(400)),
                absentOk("satisfaction", ValueType.integer(1, 5)));
        DatasetSpec.Rule rule = row -> {
            Instant opened = (Instant) row.get("opened");
            Instant resolved = (Instant) row.get("resolved");
            if (opened != null && resolved != null && resolved.isBefore(opened)) {
                row.reject("resolved", "is before opened");
            }
        };
        SqlTable table = new SqlTable("sh_work_order", List.of("order_id:VARCHAR", "account:VARCHAR", "channel:VARCHAR",
                "kind:VARCHAR", "opened:TIMESTAMP", "resolved:TIMESTAMP", "resolution:VARCHAR", "satisfaction:SMALLINT",
                "batch_id:BIGINT"), List.of("order_id"), List.of("order_id"), List.of("batch_id"));
        return DatasetSpec.of(Datasets.WORK_ORDERS, fields, rule, (row, batch, now) -> new Object[] {row.get("order_id"),
                row.get("account"), row.get("channel"), row.get("kind"), row.get("opened"), row.get("resolved"),
                row.get("resolution"), row.get("satisfaction"), batch}, table, false, "account", null, null);
    }

    private static DatasetSpec ratings() {
        List<FieldSpec> fields = List.of(
                required("rating_id", serial()),
                absentOk("account", ValueType.account()),
                required("source", ValueType.code(Codes.RATING_SOURCES)),
                absentOk("hall", ValueType.pattern(HALL_ID, "a hall id")),
                absentOk("window", ValueType.text(20)),
                required("score", ValueType.integer(1, 5)),
                required("at", ValueType.time()));
        SqlTable table = new SqlTable("sh_rating", List.of("rating_id:VARCHAR", "account:VARCHAR", "source:VARCHAR",
                "hall:VARCHAR", "window_no:VARCHAR", "score:SMALLINT", "occurred_at:TIMESTAMP", "batch_id:BIGINT"),
                List.of("rating_id"), List.of("rating_id"), List.of("batch_id"));
        return DatasetSpec.of(Datasets.RATINGS, fields, DatasetSpec.Rule.NONE, (row, batch, now) -> new Object[] {
                row.get("rating_id"), row.get("account"), row.get("source"), row.get("hall"), row.get("window"),
                row.get("score"), row.get("at"), batch}, table, false, "account", "hall", null);
    }

    private static DatasetSpec consents() {
        List<FieldSpec> fields = List.of(
                required("account", ValueType.account()),
                required("purpose", ValueType.code(Codes.PURPOSES)),
                required("channel", ValueType.code(Codes.CHANNELS)),
                required("granted", ValueType.flag()),
                required("at", ValueType.time()),
                required("place", ValueType.code(Codes.CONSENT_PLACES)));
        SqlTable table = new SqlTable("sh_consent", List.of("account:VARCHAR", "purpose:VARCHAR", "channel:VARCHAR",
                "occurred_at:TIMESTAMP", "granted:SMALLINT", "place:VARCHAR", "batch_id:BIGINT"),
                List.of("account", "purpose", "channel", "occurred_at"), List.of("account"), List.of("batch_id"));
        return DatasetSpec.of(Datasets.CONSENTS, fields, DatasetSpec.Rule.NONE, (row, batch, now) -> new Object[] {
                row.get("account"), row.get("purpose"), row.get("channel"), row.get("at"), row.get("granted"),
                row.get("place"), batch}, table, false, "account", null, null);
    }

    private static DatasetSpec contacts() {
        List<FieldSpec> fields = List.of(
                required("contact_id", serial()),
                required("account", ValueType.account()),
                required("at", ValueType.time()),
                required("channel", ValueType.code(Codes.CHANNELS)),
                required("kind", ValueType.code(Codes.CONTACT_KINDS)));
        SqlTable table = new SqlTable("sh_contact", List.of("contact_id:VARCHAR", "account:VARCHAR",
                "occurred_at:TIMESTAMP", "channel:VARCHAR", "kind:VARCHAR", "batch_id:BIGINT"), List.of("contact_id"), List.of("contact_id"), List.of("batch_id"));
        return DatasetSpec.of(Datasets.CONTACTS, fields, DatasetSpec.Rule.NONE, (row, batch, now) -> new Object[] {
                row.get("contact_id"), row.get("account"), row.get("at"), row.get("channel"), row.get("kind"), batch},
                table, false, "account", null, null);
    }

    private static DatasetSpec creditRecords() {
        List<FieldSpec> fields = List.of(
                required("record_id", serial()),
                required("account", ValueType.account()),
                required("source", ValueType.code(Codes.CREDIT_SOURCES)),
                required("kind", ValueType.code(Codes.CREDIT_KINDS)),
                required("reported", ValueType.date()),
                required("status", ValueType.code(Codes.CREDIT_STATUSES)),
                optional("amount", ValueType.decimal("0", MONEY_MAX)),
                absentOk("overdue_days", ValueType.integer(0, 36_500)));
        DatasetSpec.Rule rule = row -> {
            String status = row.text("status");
            boolean behind = "overdue".equals(status) || "default".equals(status);
            Integer days = (Integer) row.get("overdue_days");
            if (behind && days == null) {
                row.missing.add("overdue_days");
            }
            if (!behind && days != null && days > 0) {
                row.reject("overdue_days", "is " + days + " for a " + status
                        + " record; only overdue and default records are days overdue");
            }
        };
        SqlTable table = new SqlTable("sh_credit_record", List.of("record_id:VARCHAR", "account:VARCHAR",
                "source:VARCHAR", "kind:VARCHAR", "reported:DATE", "status:VARCHAR", "amount:DECIMAL",
                "overdue_days:INTEGER", "batch_id:BIGINT"), List.of("record_id"), List.of("record_id"), List.of("batch_id"));
        return DatasetSpec.of(Datasets.CREDIT_RECORDS, fields, rule, (row, batch, now) -> new Object[] {
                row.get("record_id"), row.get("account"), row.get("source"), row.get("kind"), row.get("reported"),
                row.get("status"), row.get("amount"), row.get("overdue_days"), batch}, table, false, "account", null, null);
    }

    private static DatasetSpec zoneEvents() {
        List<FieldSpec> fields = List.of(
                required("hall", ValueType.pattern(HALL_ID, "a hall id")),
                required("zone", ValueType.code(Codes.ZONES)),
                required("visitor", ValueType.text(64)),
                absentOk("account", ValueType.account()),
                required("kind", ValueType.code(Codes.ZONE_EVENT_KINDS)),
                required("at", ValueType.time()),
                absentOk("detail", ValueType.text(40)));
        SqlTable table = new SqlTable("sh_zone_event", List.of("hall:VARCHAR", "visitor:VARCHAR",
                "occurred_at:TIMESTAMP", "zone:VARCHAR", "kind:VARCHAR", "account:VARCHAR", "detail:VARCHAR",
                "batch_id:BIGINT"), List.of("hall", "occurred_at", "visitor", "zone", "kind"), List.of("hall", "occurred_at"),
                List.of("batch_id"));
        SqlTable identifying = new SqlTable("sh_zone_event_account", List.of("account:VARCHAR", "occurred_at:TIMESTAMP",
                "hall:VARCHAR", "visitor:VARCHAR", "zone:VARCHAR", "kind:VARCHAR"),
                List.of("account", "occurred_at", "hall", "visitor", "zone", "kind"), List.of("account"), List.of());
        // the events that identified a customer also go to the account side
        DatasetSpec.Companion accounts = (c, rows) -> identifying.insert(c, rows.stream().filter(r -> r[5] != null)
                .map(r -> new Object[] {r[5], r[2], r[0], r[1], r[3], r[4]}).toList());
        return DatasetSpec.of(Datasets.ZONE_EVENTS, fields, DatasetSpec.Rule.NONE, (row, batch, now) -> new Object[] {
                row.get("hall"), row.get("visitor"), row.get("at"), row.get("zone"), row.get("kind"), row.get("account"),
                row.get("detail"), batch}, table, false, "account", "hall", "zone", accounts);
    }
}
