package org.smarthall.ingest.internal.command;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.smarthall.api.ingest.ImportFormat;
import org.smarthall.api.ingest.ImportInfo;
import org.smarthall.api.ingest.ImportReject;
import org.smarthall.api.ingest.ImportRequest;
import org.smarthall.api.ingest.ImportService;

@Service
@Command(scope = "hall", name = "import",
        description = "Imports a file of a dataset (docs/formats.md) as a job and shows its progress; e.g. hall:import customers /data/customers.csv --charset GBK")
public class ImportCommand implements Action {

    @Reference
    private ImportService imports;

    @Reference
    private Session session;

    @Argument(index = 0, name = "dataset", description = "Dataset: customers, halls, consumption, bills, ...", required = true)
    @Completion(value = StringsCompleter.class, values = {"customers", "halls", "consumption", "bills", "payments",
            "balances", "recharges", "trips", "work_orders", "ratings", "consents", "contacts", "credit_records",
            "zone_events"})
    private String dataset;

    @Argument(index = 1, name = "file", description = "The file, on this node", required = true)
    @Completion(FileCompleter.class)
    private String file;

    @Option(name = "-c", aliases = "--charset", description = "UTF-8 or GBK (default: UTF-8 if the file is valid UTF-8, else GBK)")
    private String charset;

    @Option(name = "-j", aliases = "--json-lines", description = "The file holds JSON lines, not CSV")
    private boolean jsonLines;

    @Option(name = "-n", aliases = "--no-wait", description = "Return at once instead of showing the progress")
    private boolean noWait;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file).toAbsolutePath();
        ImportFormat format = jsonLines || path.toString().toLowerCase(Locale.ROOT).endsWith(".jsonl") ? ImportFormat.JSON_LINES
                : ImportFormat.CSV;
        Object user = session.get("USER");
        ImportInfo info = imports.submit(new ImportRequest(dataset, path, path.getFileName().toString(), format,
                charset == null ? null : Charset.forName(charset)), user == null ? "shell" : user.toString());
        System.out.printf("Import %d of %s (%s, %s, %,d bytes)%n", info.id(), info.dataset(), info.format(), info.charset(),
                info.bytes());
        if (noWait) {
            System.out.println("Watch it with hall:job-watch " + info.id());
            return null;
        }
        session.execute("hall:job-watch " + info.id());
        ImportInfo done = imports.find(info.id()).orElseThrow();
        if (done.rejects() > 0) {
            System.out.printf("%,d rejected rows; the first ones (all at GET /imports/%d/rejects):%n", done.rejects(), done.id());
            for (ImportReject r : imports.rejects(done.id(), 0, 10)) {
                System.out.printf("  line %d, %s: %s%n", r.line(), r.field(), r.reason());
            }
        }
        return null;
    }
}
