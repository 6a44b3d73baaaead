package org.smarthall.grading.internal.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.smarthall.api.grading.CustomerGrade;
import org.smarthall.api.grading.GradeCount;
import org.smarthall.api.grading.GradeResults;
import org.smarthall.api.grading.GradingRun;
import org.smarthall.api.grading.GradingRuns;

@Service
@Command(scope = "hall", name = "grade", description = "Runs a grading model (hall:grade gov-ahp), shows how customers spread over"
        + " its grades (hall:grade -d gov-ahp), its ranked list (hall:grade -r complaint-risk), or a customer's grades (hall:grade -c ACCOUNT)")
public class GradeCommand implements Action {

    @Reference
    private GradingRuns runs;

    @Reference
    private GradeResults grades;

    @Reference
    private Session session;

    @Argument(index = 0, name = "model", description = "Model id: gov-ahp, enterprise-kmeans, prepaid-trips, complaint-risk")
    private String model;

    @Option(name = "-d", aliases = "--distribution", description = "Show the model's distribution instead of running it")
    private boolean distribution;

    @Option(name = "-r", aliases = "--ranking", description = "Show the model's customers by score, highest first")
    private boolean ranking;

    @Option(name = "-n", aliases = "--limit", description = "Entries of the ranking (default 20)")
    private int limit = 20;

    @Option(name = "-c", aliases = "--customer", description = "Show this customer's grades from every model")
    private String customer;

    @Option(name = "--as-of", description = "The day the grades describe (default: today)")
    private String asOf;

    @Override
    public Object execute() throws Exception {
        if (customer != null) {
            table(grades.of(customer), true);
            return null;
        }
        if (model == null) {
            System.err.println("Give a model id (or -c ACCOUNT)");
            return null;
        }
        if (distribution) {
            List<GradeCount> counts = grades.distribution(model);
            long total = counts.stream().mapToLong(GradeCount::customers).sum();
            ShellTable table = new ShellTable();
            table.column("Grade");
            table.column("Version");
            table.column("Customers").alignRight();
            table.column("Share").alignRight();
            for (GradeCount c : counts) {
                table.addRow().addContent(c.grade(), c.modelVersion(), String.format("%,d", c.customers()),
                        String.format("%.1f%%", 100.0 * c.customers() / Math.max(1, total)));
            }
            table.print(System.out);
            return null;
        }
        if (ranking) {
            table(grades.ranking(model, null, 0, limit), false);
            return null;
        }
        Object user = session.get("USER");
        GradingRun run = runs.start(model, asOf == null ? null : LocalDate.parse(asOf), user == null ? "shell" : user.toString());
        System.out.printf("Grading run %d of %s (as of %s)%n", run.id(), run.model(), run.asOf());
        session.execute("hall:job-watch " + run.id());
        GradingRun done = runs.find(model, run.id()).orElseThrow();
        System.out.printf("Model %s %s, fitted on %,d customers%nQuality: %s%n", done.model(), done.modelVersion(),
                done.population(), done.quality());
        for (Map.Entry<String, Object> p : done.parameters().entrySet()) {
            String value = String.valueOf(p.getValue());
            System.out.printf("  %s = %s%n", p.getKey(), value.length() > 160 ? value.substring(0, 157) + "..." : value);
        }
        return null;
    }

    private static void table(List<CustomerGrade> list, boolean byModel) {
        ShellTable table = new ShellTable();
        table.column(byModel ? "Model" : "Account");
        table.column("Grade");
        table.column("Score").alignRight();
        table.column("Version");
        table.column("Reason").maxSize(90).wrap();
        for (CustomerGrade g : list) {
            table.addRow().addContent(byModel ? g.model() : g.account(), g.grade(),
                    g.score() == null ? "" : String.format("%.3f", g.score()), g.modelVersion(), g.reason());
        }
        table.print(System.out);
    }
}
