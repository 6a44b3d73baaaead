package org.smarthall.ingest.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.customer.PiiProtector;
import org.smarthall.api.ingest.Datasets;
import org.smarthall.api.ingest.ImportFormat;
import org.smarthall.api.ingest.ImportInfo;
import org.smarthall.api.ingest.ImportReject;
import org.smarthall.api.ingest.ImportRequest;
import org.smarthall.api.ingest.ImportService;
import org.smarthall.api.jobs.JobContext;
import org.smarthall.api.jobs.JobHandler;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobService;
import org.smarthall.api.jobs.Partition;
import org.smarthall.api.jobs.PartitionContext;
import org.smarthall.api.store.Database;

/**
 * Imports as jobs. Submitting copies the file (so a restart can resume it), checks what can be
 * checked at once (dataset, charset, CSV header) and queues the job; the job cuts the file into
 * slices of records and imports slice by slice, each slice committed with its checkpoint.
 */
@Component(service = {ImportService.class, JobHandler.class}, configurationPid = "org.smarthall.imports",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = JobHandler.PROPERTY_TYPE + "=" + ImportService.JOB_TYPE)
@Designate(ocd = ImportConfig.class)
public class ImportServiceImpl implements ImportService, JobHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ImportServiceImpl.class);
    static final String DATASET = "dataset";
    static final String PATH = "path";
    static final String FILE_NAME = "fileName";
    static final String FORMAT = "format";
    static final String CHARSET = "charset";
    static final String SHA256 = "sha256";

    private final Database database;
    private final JobService jobs;
    private final DatasetCatalog catalog;
    private final Path directory;
    private final int partitionRows;
    private final long maxUploadBytes;

    @Activate
    public ImportServiceImpl(@Reference Database database, @Reference JobService jobs, @Reference PiiProtector pii,
            ImportConfig config, BundleContext context) {
        this(database, jobs, pii, Path.of(resolve(config.directory(), context)), config.partitionRows(),
                config.maxUploadMegabytes() * 1024L * 1024L);
    }

    /** For tests and tools outside OSGi. */
    public ImportServiceImpl(Database database, JobService jobs, PiiProtector pii, Path directory, int partitionRows,
            long maxUploadBytes) {
        this.database = database;
        this.jobs = jobs;
        this.catalog = new DatasetCatalog(pii);
        this.directory = directory;
        this.partitionRows = partitionRows;
        this.maxUploadBytes = maxUploadBytes;
    }

    private static String resolve(String path, BundleContext context) {
        String data = context.getProperty("karaf.data");
        String home = context.getProperty("karaf.home");
        return path.replace("${karaf.data}", data != null ? data : System.getProperty("java.io.tmpdir"))
                .replace("${karaf.home}", home != null ? home : ".");
    }

    long maxUploadBytes() {
        return maxUploadBytes;
    }

    // ------------------------------------------------------------------ ImportService

    @Override
    public ImportInfo submit(ImportRequest request, String user) {
        if (!Files.isRegularFile(request.file()) || !Files.isReadable(request.file())) {
            throw new InvalidInputException("file", "cannot read " + request.fileName());
        }
        try (InputStream in = Files.newInputStream(request.file())) {
            return submit(request.dataset(), in, request.fileName(), request.format(), request.charset(), user);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + request.fileName(), e);
        }
    }

    /** Submits an import from a stream (an upload), copied straight into the import directory. */
    ImportInfo submit(String datasetName, InputStream in, String fileName, ImportFormat format, Charset charset,
            String user) throws IOException {
        DatasetSpec dataset = dataset(datasetName);
        if (format == null) {
            throw new InvalidInputException("format", "give the format: CSV or JSON lines");
        }
        if (format == ImportFormat.JSON_LINES && charset != null && !StandardCharsets.UTF_8.equals(charset)) {
            throw new InvalidInputException("charset", "JSON lines are UTF-8");
        }
        StoredFile stored = StoredFile.copy(in, directory, format == ImportFormat.CSV ? "csv" : "jsonl", maxUploadBytes);
        try {
            if (stored.bytes() == 0) {
                throw new InvalidInputException("file", "the file is empty");
            }
            String charsetName = charsetName(format, charset, stored);
            if (format == ImportFormat.CSV) {
                RecordSource.header(stored.path(), decoder(charsetName), dataset); // a wrong header fails now, not later
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put(DATASET, dataset.name());
            parameters.put(PATH, stored.path().toString());
            parameters.put(FILE_NAME, fileName == null || fileName.isBlank() ? dataset.name() : fileName);
            parameters.put(FORMAT, format.name());
            parameters.put(CHARSET, charsetName);
            parameters.put(SHA256, stored.sha256());
            JobInfo job = jobs.submit(JOB_TYPE, parameters, user);
            database.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO sh_import (job_id, dataset, format, charset,"
                        + " file_name, file_sha256, file_bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, job.id());
                    insert.setString(2, dataset.name());
                    insert.setString(3, format.name());
                    insert.setString(4, charsetName);
                    insert.setString(5, truncate(parameters.get(FILE_NAME), 300));
                    insert.setString(6, stored.sha256());
                    insert.setLong(7, stored.bytes());
                    insert.setTimestamp(8, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
                return null;
            });
            LOG.info("Import {} of {} ({} bytes, {}, {}) submitted by {}", job.id(), dataset.name(), stored.bytes(),
                    format, charsetName, user);
            return find(job.id()).orElseThrow();
        } catch (InvalidInputException | SQLException e) {
            Files.deleteIfExists(stored.path());
            if (e instanceof SQLException sql) {
                throw new IllegalStateException("cannot record the import", sql);
            }
            throw (InvalidInputException) e;
        }
    }

    private DatasetSpec dataset(String name) {
        return catalog.get(name == null ? "" : name.toLowerCase(Locale.ROOT)).orElseThrow(() -> new InvalidInputException(
                "dataset", "unknown dataset '" + name + "'; known: " + Datasets.ALL));
    }

    private static String charsetName(ImportFormat format, Charset requested, StoredFile stored) {
        if (format == ImportFormat.JSON_LINES) {
            if (!stored.utf8()) {
                throw new InvalidInputException("file", "the file is not valid UTF-8 (JSON lines are UTF-8)");
            }
            return "UTF-8";
        }
        if (requested == null) {
            return stored.utf8() ? "UTF-8" : "GBK";
        }
        if (StandardCharsets.UTF_8.equals(requested)) {
            if (!stored.utf8()) {
                throw new InvalidInputException("charset", "the file is not valid UTF-8; is it GBK? (charset=GBK)");
            }
            return "UTF-8";
        }
        String name = requested.name().toUpperCase(Locale.ROOT);
        if (name.equals("GBK") || name.equals("GB18030") || name.equals("GB2312")) {
            return "GBK";
        }
        throw new InvalidInputException("charset", "SmartHall reads UTF-8 or GBK, not " + requested.name());
    }

    /** GBK files are read with GB 18030, its superset, so every GBK file decodes. */
    static Charset decoder(String charsetName) {
        return "GBK".equals(charsetName) ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
    }

    @Override
    public Optional<ImportInfo> find(long id) {
        try {
            return database.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT dataset, format, charset, file_name, file_sha256,"
                        + " file_bytes, (SELECT COUNT(*) FROM sh_import_reject r WHERE r.job_id = i.job_id)"
                        + " FROM sh_import i WHERE job_id = ?")) {
                    s.setLong(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        JobInfo job = jobs.find(id).orElse(null);
                        return Optional.of(new ImportInfo(id, rs.getString(1), ImportFormat.valueOf(rs.getString(2)),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), job, rs.getLong(7)));
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read import " + id, e);
        }
    }

    @Override
    public List<ImportReject> rejects(long id, int offset, int limit) {
        try {
            return database.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT line, field, reason FROM sh_import_reject"
                        + " WHERE job_id = ? ORDER BY line, field OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                    s.setLong(1, id);
                    s.setInt(2, offset);
                    s.setInt(3, limit);
                    List<ImportReject> rejects = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rejects.add(new ImportReject(rs.getLong(1), rs.getString(2), rs.getString(3)));
                        }
                    }
                    return rejects;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rejects of import " + id, e);
        }
    }

    // ------------------------------------------------------------------ JobHandler

    @Override
    public String type() {
        return JOB_TYPE;
    }

    @Override
    public void validate(Map<String, String> parameters) {
        dataset(parameters.get(DATASET));
        String path = parameters.get(PATH);
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new InvalidInputException(PATH, "no file to import at " + path);
        }
        try {
            ImportFormat.valueOf(String.valueOf(parameters.get(FORMAT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FORMAT, "must be CSV or JSON_LINES");
        }
        if (!List.of("UTF-8", "GBK").contains(parameters.get(CHARSET))) {
            throw new InvalidInputException(CHARSET, "must be UTF-8 or GBK");
        }
    }

    @Override
    public List<Partition> plan(JobContext job) throws IOException {
        ImportFormat format = ImportFormat.valueOf(job.parameters().get(FORMAT));
        boolean csv = format == ImportFormat.CSV;
        return RecordBoundaries.slices(Path.of(job.parameters().get(PATH)), csv, csv, partitionRows).stream()
                .map(slice -> new Partition(slice.key(), slice.records()))
                .toList();
    }

    @Override
    public void run(PartitionContext partition) throws Exception {
        Map<String, String> p = partition.parameters();
        DatasetSpec dataset = dataset(p.get(DATASET));
        RecordBoundaries.Slice slice = RecordBoundaries.Slice.parse(partition.partition().key(), partition.partition().units());
        SliceImporter.Outcome outcome = new SliceImporter(dataset, ValueType.Clock.current()).run(partition.connection(),
                Path.of(p.get(PATH)), ImportFormat.valueOf(p.get(FORMAT)), decoder(p.get(CHARSET)), slice,
                partition.jobId(), partition::worked);
        outcome.counters.forEach(partition::count);
    }

    @Override
    public Map<String, Long> finish(JobContext job, Map<String, Long> counters) throws IOException {
        // the rows are in; the copy of the file is not needed any more
        Files.deleteIfExists(Path.of(job.parameters().get(PATH)));
        return Map.of();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
