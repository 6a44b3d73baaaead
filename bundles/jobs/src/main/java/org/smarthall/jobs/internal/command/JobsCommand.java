package org.smarthall.jobs.internal.command;

import java.util.Locale;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobService;
import org.smarthall.api.jobs.JobState;

@Service
@Command(scope = "hall", name = "jobs", description = "Lists jobs, newest first, with their progress.")
public class JobsCommand implements Action {

    @Reference
    private JobService jobs;

    @Option(name = "-s", aliases = "--state", description = "Only jobs in this state (QUEUED, RUNNING, WAITING, SUCCEEDED, FAILED, CANCELLED)")
    private String state;

    @Option(name = "-n", aliases = "--limit", description = "How many jobs to show")
    private int limit = 20;

    @Override
    public Object execute() {
        Optional<JobState> filter = state == null ? Optional.empty()
                : Optional.of(JobState.valueOf(state.toUpperCase(Locale.ROOT)));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Type");
        table.column("State");
        table.column("Progress");
        table.column("Done").alignRight();
        table.column("Total").alignRight();
        table.column("Rate/s").alignRight();
        table.column("ETA").alignRight();
        table.column("By");
        table.column("Submitted");
        for (JobInfo job : jobs.list(filter, 0, limit)) {
            table.addRow().addContent(job.id(), job.type(), job.state(),
                    ProgressText.bar(job.progress(), 20) + String.format(Locale.ROOT, " %5.1f%%", job.progress().fraction() * 100),
                    String.format(Locale.ROOT, "%,d", job.progress().done()),
                    String.format(Locale.ROOT, "%,d", job.progress().total()),
                    ProgressText.rate(job.progress().ratePerSecond()), ProgressText.eta(job.progress().etaSeconds()),
                    job.submittedBy(), job.submitted());
        }
        table.print(System.out);
        return null;
    }
}
