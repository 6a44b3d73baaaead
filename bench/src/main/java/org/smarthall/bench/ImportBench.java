package org.smarthall.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.smarthall.api.customer.Pii;
import org.smarthall.api.ingest.ImportFormat;
import org.smarthall.api.ingest.ImportInfo;
import org.smarthall.api.ingest.ImportRequest;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobState;
import org.smarthall.ingest.internal.imports.ImportServiceImpl;
import org.smarthall.jobs.internal.JobRunner;
import org.smarthall.jobs.internal.JobsConfig;
import org.smarthall.store.internal.DatabaseService;
import org.smarthall.store.internal.JobRepositoryImpl;
import org.smarthall.store.internal.PiiProtectorService;
import org.smarthall.store.internal.StoreConfig;
import org.smarthall.testing.Annotations;
import org.smarthall.testing.TestDatabases;

/**
 * SmartHall's import of residents and 12 months of consumption against a raw JDBC batch insert
 * of the same rows into the same Derby database (same table definitions and indexes, other table
 * names). The import checks every value (GB 11643, dates, ranges, codes), hashes and encrypts
 * personal data, skips stored keys and commits slice by slice with checkpoints; the raw path
 * splits lines on commas and inserts. Goal: the import at least half the raw rate.
 *
 * <pre>
 * mvn -B -DskipTests install
 * mvn -q -f bench/pom.xml exec:java@import [-Dresidents=1000000]
 * </pre>
 */
public final class ImportBench {
    private static final int MONTHS = 12;
    private static final int BATCH = 5_000;

    public static void main(String[] args) throws Exception {
        int residents = Integer.getInteger("residents", 1_000_000);
        // as the distribution configures Derby (etc/system.properties)
        System.setProperty("derby.storage.pageCacheSize", System.getProperty("derby.storage.pageCacheSize", "16000"));
        Path work = Path.of(System.getProperty("bench.work", "target/bench-work"), "import");
        deleteTree(work);
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "SmartHall import benchmark: %,d residents, %d months of consumption, Derby embedded%n",
                residents, MONTHS);
        System.out.printf("machine: %d cores, Java %s, heap max %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));

        Path customers = work.resolve("customers.csv");
        Path consumption = work.resolve("consumption.csv");
        long t0 = System.nanoTime();
        write(customers, consumption, residents);
        System.out.printf(Locale.ROOT, "files written in %.1f s: %,d + %,d bytes%n", seconds(t0), Files.size(customers),
                Files.size(consumption));

        EmbeddedDataSource ds = TestDatabases.derby(work.resolve("derby"));
        DatabaseService database = new DatabaseService(ds, storeConfig());
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("smarthall",
                Map.of("javax.persistence.nonJtaDataSource", ds, "eclipselink.logging.level", "WARNING"));
        createRawTables(ds);

        long rows = (long) residents * (1 + MONTHS);
        long r0 = System.nanoTime();
        rawInsert(ds, customers, consumption);
        double raw = seconds(r0);
        System.out.printf(Locale.ROOT, "raw JDBC batch insert: %,d rows in %.1f s = %,.0f rows/s%n", rows, raw, rows / raw);

        JobRunner jobs = new JobRunner(new JobRepositoryImpl(emf, database), database, jobsConfig());
        ImportServiceImpl imports = new ImportServiceImpl(database, jobs, new PiiProtectorService(PiiProtectorService.newKey()),
                work.resolve("imports"), 5_000, Long.MAX_VALUE);
        jobs.addHandler(imports);
        long i0 = System.nanoTime();
        JobInfo c = run(jobs, imports, "customers", customers);
        JobInfo m = run(jobs, imports, "consumption", consumption);
        double ours = seconds(i0);
        long accepted = c.counters().getOrDefault("accepted", 0L) + m.counters().getOrDefault("accepted", 0L);
        if (accepted != rows) {
            throw new IllegalStateException("the import accepted " + accepted + " of " + rows + " rows: " + c.counters()
                    + " " + m.counters());
        }
        System.out.printf(Locale.ROOT, "SmartHall import:      %,d rows in %.1f s = %,.0f rows/s (customers %.1f s, consumption %.1f s)%n",
                rows, ours, rows / ours, duration(c), duration(m));
        System.out.printf(Locale.ROOT, "ratio import/raw: %.2f (goal >= 0.50)%n", raw / ours);
        jobs.deactivate();
        emf.close();
    }

    private static JobInfo run(JobRunner jobs, ImportServiceImpl imports, String dataset, Path file) throws InterruptedException {
        ImportInfo info = imports.submit(new ImportRequest(dataset, file, file.getFileName().toString(), ImportFormat.CSV,
                StandardCharsets.UTF_8), "bench");
        JobInfo job;
        while (!(job = jobs.find(info.id()).orElseThrow()).state().terminal()) {
            Thread.sleep(200);
        }
        if (job.state() != JobState.SUCCEEDED) {
            throw new IllegalStateException(dataset + " import " + job.state() + ": " + job.message());
        }
        return job;
    }

    private static double duration(JobInfo job) {
        return java.time.Duration.between(job.started(), job.finished()).toMillis() / 1000.0;
    }

    /** Residents with valid identity numbers, phones and addresses, and their monthly readings. */
    private static void write(Path customers, Path consumption, int residents) throws IOException {
        SplittableRandom random = new SplittableRandom(20260101);
        LocalDate firstMonth = LocalDate.now().withDayOfMonth(1).minusMonths(MONTHS);
        try (BufferedWriter c = Files.newBufferedWriter(customers, StandardCharsets.UTF_8);
                BufferedWriter m = Files.newBufferedWriter(consumption, StandardCharsets.UTF_8)) {
            c.write("account,kind,name,id_number,phone,address,region,supply_unit,industry,contract_kva,opened,sensitive\n");
            m.write("account,month,peak_kwh,flat_kwh,valley_kwh,amount\n");
            for (int i = 0; i < residents; i++) {
                String account = String.format("37%08d", i);
                String birth = String.format("%04d%02d%02d", 1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
                String first17 = "370102" + birth + String.format("%03d", random.nextInt(1000));
                c.write(account + "," + (i % 3 == 0 ? "prepaid" : "resident") + ",居民" + i + "," + first17
                        + Pii.checkCharacter(first17) + ",13" + String.format("%09d", random.nextInt(1_000_000_000))
                        + ",济南市历下区某路" + (i % 999 + 1) + "号,370102,历下供电中心,,8," + LocalDate.of(2000 + i % 20, 1 + i % 12, 1)
                        + ",\n");
                for (int k = 0; k < MONTHS; k++) {
                    double peak = 20 + random.nextInt(120);
                    double flat = 40 + random.nextInt(150);
                    double valley = 10 + random.nextInt(80);
                    BigDecimal amount = BigDecimal.valueOf((peak + flat + valley) * 0.5469).setScale(2, java.math.RoundingMode.HALF_UP);
                    m.write(account + "," + firstMonth.plusMonths(k).toString().substring(0, 7) + "," + (int) peak + ","
                            + (int) flat + "," + (int) valley + "," + amount + "\n");
                }
            }
        }
    }

    /** Tables like the store's, with the same keys and indexes, for the raw path. */
    private static void createRawTables(EmbeddedDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE raw_customer (account VARCHAR(20) NOT NULL PRIMARY KEY, kind VARCHAR(20) NOT NULL,"
                    + " name VARCHAR(200) NOT NULL, id_hash VARCHAR(64), id_masked VARCHAR(24), phone_hash VARCHAR(64),"
                    + " phone_masked VARCHAR(24), phone_enc VARCHAR(200), address VARCHAR(400), region VARCHAR(12),"
                    + " supply_unit VARCHAR(100), industry VARCHAR(8), contract_kva DOUBLE PRECISION, opened DATE,"
                    + " sensitive VARCHAR(200), missing VARCHAR(400), batch_id BIGINT NOT NULL, updated_at TIMESTAMP NOT NULL)");
            s.execute("CREATE INDEX raw_customer_id_hash ON raw_customer (id_hash)");
            s.execute("CREATE INDEX raw_customer_phone_hash ON raw_customer (phone_hash)");
            s.execute("CREATE INDEX raw_customer_name ON raw_customer (name)");
            s.execute("CREATE INDEX raw_customer_kind ON raw_customer (kind, account)");
            s.execute("CREATE TABLE raw_consumption (account VARCHAR(20) NOT NULL, month DATE NOT NULL,"
                    + " peak_kwh DOUBLE PRECISION, flat_kwh DOUBLE PRECISION, valley_kwh DOUBLE PRECISION,"
                    + " amount DECIMAL(12, 2), batch_id BIGINT NOT NULL, PRIMARY KEY (account, month))");
        }
    }

    /** The same rows, split on commas and batch-inserted; identifiers stored as they come (no hashing). */
    private static void rawInsert(EmbeddedDataSource ds, Path customers, Path consumption) throws IOException, SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (BufferedReader in = Files.newBufferedReader(customers, StandardCharsets.UTF_8);
                    PreparedStatement s = c.prepareStatement("INSERT INTO raw_customer (account, kind, name, id_hash,"
                            + " id_masked, phone_hash, phone_masked, phone_enc, address, region, supply_unit, contract_kva,"
                            + " opened, batch_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)")) {
                in.readLine();
                String line;
                int n = 0;
                while ((line = in.readLine()) != null) {
                    String[] f = line.split(",", -1);
                    s.setString(1, f[0]);
                    s.setString(2, f[1].toUpperCase(Locale.ROOT));
                    s.setString(3, f[2]);
                    s.setString(4, f[3]);
                    s.setString(5, f[3]);
                    s.setString(6, f[4]);
                    s.setString(7, f[4]);
                    s.setString(8, f[4]);
                    s.setString(9, f[5]);
                    s.setString(10, f[6]);
                    s.setString(11, f[7]);
                    s.setDouble(12, Double.parseDouble(f[9]));
                    s.setDate(13, Date.valueOf(f[10]));
                    s.setTimestamp(14, now);
                    s.addBatch();
                    if (++n % BATCH == 0) {
                        s.executeBatch();
                        c.commit();
                    }
                }
                s.executeBatch();
                c.commit();
            }
            try (BufferedReader in = Files.newBufferedReader(consumption, StandardCharsets.UTF_8);
                    PreparedStatement s = c.prepareStatement("INSERT INTO raw_consumption (account, month, peak_kwh,"
                            + " flat_kwh, valley_kwh, amount, batch_id) VALUES (?, ?, ?, ?, ?, ?, 1)")) {
                in.readLine();
                String line;
                int n = 0;
                while ((line = in.readLine()) != null) {
                    String[] f = line.split(",", -1);
                    s.setString(1, f[0]);
                    s.setDate(2, Date.valueOf(f[1] + "-01"));
                    s.setDouble(3, Double.parseDouble(f[2]));
                    s.setDouble(4, Double.parseDouble(f[3]));
                    s.setDouble(5, Double.parseDouble(f[4]));
                    s.setBigDecimal(6, new BigDecimal(f[5]));
                    s.addBatch();
                    if (++n % BATCH == 0) {
                        s.executeBatch();
                        c.commit();
                    }
                }
                s.executeBatch();
                c.commit();
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static StoreConfig storeConfig() {
        return Annotations.of(StoreConfig.class);
    }

    private static JobsConfig jobsConfig() {
        return Annotations.of(JobsConfig.class, Map.of("maxConcurrentJobs", 1, "partitionWorkers", 1));
    }
}
