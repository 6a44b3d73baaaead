package org.smarthall.demo.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smarthall.api.ingest.Datasets;

/** The fourteen dataset files of a province, open for writing at the same time. */
final class ProvinceFiles implements Closeable {
    /** Column names of docs/formats.md, in its order. */
    static final Map<String, List<String>> COLUMNS = Map.ofEntries(
            Map.entry(Datasets.CUSTOMERS, List.of("account", "kind", "name", "id_number", "phone", "address", "region",
                    "supply_unit", "industry", "contract_kva", "opened", "sensitive")),
            Map.entry(Datasets.HALLS, List.of("hall_id", "name", "region", "zones")),
            Map.entry(Datasets.CONSUMPTION, List.of("account", "month", "peak_kwh", "flat_kwh", "valley_kwh", "amount")),
            Map.entry(Datasets.BILLS, List.of("account", "period", "amount", "due", "paid", "outstanding")),
            Map.entry(Datasets.PAYMENTS, List.of("payment_id", "account", "paid_on", "amount", "channel", "period")),
            Map.entry(Datasets.BALANCES, List.of("account", "at", "balance")),
            Map.entry(Datasets.RECHARGES, List.of("recharge_id", "account", "at", "amount", "channel", "success",
                    "failure_reason")),
            Map.entry(Datasets.TRIPS, List.of("account", "at", "balance")),
            Map.entry(Datasets.WORK_ORDERS, List.of("order_id", "account", "channel", "kind", "opened", "resolved",
                    "resolution", "satisfaction")),
            Map.entry(Datasets.RATINGS, List.of("rating_id", "account", "source", "hall", "window", "score", "at")),
            Map.entry(Datasets.CONSENTS, List.of("account", "purpose", "channel", "granted", "at", "place")),
            Map.entry(Datasets.CONTACTS, List.of("contact_id", "account", "at", "channel", "kind")),
            Map.entry(Datasets.CREDIT_RECORDS, List.of("record_id", "account", "source", "kind", "reported", "status",
                    "amount", "overdue_days")),
            Map.entry(Datasets.ZONE_EVENTS, List.of("hall", "zone", "visitor", "account", "kind", "at", "detail")));

    final CsvFile customers;
    final CsvFile halls;
    final CsvFile consumption;
    final CsvFile bills;
    final CsvFile payments;
    final CsvFile balances;
    final CsvFile recharges;
    final CsvFile trips;
    final CsvFile workOrders;
    final CsvFile ratings;
    final CsvFile consents;
    final CsvFile contacts;
    final CsvFile creditRecords;
    final CsvFile zoneEvents;
    private final Map<String, CsvFile> files = new LinkedHashMap<>();

    ProvinceFiles(Path directory, Charset charset, Period period) throws IOException {
        try {
            for (String dataset : Datasets.ALL) {
                files.put(dataset, new CsvFile(directory.resolve(fileName(dataset)), charset, COLUMNS.get(dataset), period));
            }
        } catch (IOException | RuntimeException e) {
            try {
                close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        customers = files.get(Datasets.CUSTOMERS);
        halls = files.get(Datasets.HALLS);
        consumption = files.get(Datasets.CONSUMPTION);
        bills = files.get(Datasets.BILLS);
        payments = files.get(Datasets.PAYMENTS);
        balances = files.get(Datasets.BALANCES);
        recharges = files.get(Datasets.RECHARGES);
        trips = files.get(Datasets.TRIPS);
        workOrders = files.get(Datasets.WORK_ORDERS);
        ratings = files.get(Datasets.RATINGS);
        consents = files.get(Datasets.CONSENTS);
        contacts = files.get(Datasets.CONTACTS);
        creditRecords = files.get(Datasets.CREDIT_RECORDS);
        zoneEvents = files.get(Datasets.ZONE_EVENTS);
    }

    static String fileName(String dataset) {
        return dataset + ".csv";
    }

    /** Data rows per dataset, in load order. */
    Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        files.forEach((dataset, file) -> rows.put(dataset, file.rows()));
        return rows;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (CsvFile file : files.values()) {
            try {
                file.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
